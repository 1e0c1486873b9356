package haxe.io;

/**
	Rayzor's `haxe.io.Input` (the official one needs `untyped` target code): the same API, in
	plain Haxe over `readByte`/`readBytes`, which subclasses override. Reading past the end throws
	`haxe.io.Eof`. Numbers are little-endian unless `bigEndian` is set.
**/
class Input {
	public var bigEndian(default, set):Bool;

	var scratch:Bytes;

	public function readByte():Int {
		return throw new haxe.exceptions.NotImplementedException();
	}

	public function readBytes(s:Bytes, pos:Int, len:Int):Int {
		if (pos < 0 || len < 0 || pos > s.length - len)
			throw Error.OutsideBounds;
		var k = 0;
		try {
			while (k < len) {
				s.set(pos + k, readByte());
				k++;
			}
		} catch (eof:Eof) {}
		return k;
	}

	public function close():Void {}

	function set_bigEndian(b:Bool):Bool {
		bigEndian = b;
		return b;
	}

	public function readAll(?bufsize:Int):Bytes {
		if (bufsize == null)
			bufsize = 1 << 14;
		var buf = Bytes.alloc(bufsize);
		var total = new BytesBuffer();
		try {
			while (true) {
				var len = readBytes(buf, 0, bufsize);
				if (len == 0)
					throw Error.Blocked;
				total.addBytes(buf, 0, len);
			}
		} catch (e:Eof) {}
		return total.getBytes();
	}

	public function readFullBytes(s:Bytes, pos:Int, len:Int):Void {
		while (len > 0) {
			var k = readBytes(s, pos, len);
			if (k == 0)
				throw Error.Blocked;
			pos += k;
			len -= k;
		}
	}

	public function read(nbytes:Int):Bytes {
		var s = Bytes.alloc(nbytes);
		var p = 0;
		while (nbytes > 0) {
			var k = readBytes(s, p, nbytes);
			if (k == 0)
				throw Error.Blocked;
			p += k;
			nbytes -= k;
		}
		return s;
	}

	public function readUntil(end:Int):String {
		var buf = new BytesBuffer();
		var last:Int;
		while ((last = readByte()) != end)
			buf.addByte(last);
		return buf.getBytes().toString();
	}

	public function readLine():String {
		var buf = new BytesBuffer();
		var last:Int;
		var s:String;
		try {
			while ((last = readByte()) != 10)
				buf.addByte(last);
			s = buf.getBytes().toString();
			if (s.charCodeAt(s.length - 1) == 13)
				s = s.substr(0, -1);
		} catch (e:Eof) {
			s = buf.getBytes().toString();
			if (s.length == 0)
				throw e;
		}
		return s;
	}

	public function readFloat():Float {
		return readScratch(4).getFloat(0);
	}

	public function readDouble():Float {
		return readScratch(8).getDouble(0);
	}

	public function readInt8():Int {
		var n = readByte();
		return n >= 128 ? n - 256 : n;
	}

	public function readInt16():Int {
		var n = readUInt16();
		return n & 0x8000 != 0 ? n - 0x10000 : n;
	}

	public function readUInt16():Int {
		var a = readByte();
		var b = readByte();
		return bigEndian ? b | (a << 8) : a | (b << 8);
	}

	public function readInt24():Int {
		var n = readUInt24();
		return n & 0x800000 != 0 ? n - 0x1000000 : n;
	}

	public function readUInt24():Int {
		var a = readByte();
		var b = readByte();
		var c = readByte();
		return bigEndian ? c | (b << 8) | (a << 16) : a | (b << 8) | (c << 16);
	}

	public function readInt32():Int {
		var a = readByte();
		var b = readByte();
		var c = readByte();
		var d = readByte();
		return bigEndian ? d | (c << 8) | (b << 16) | (a << 24) : a | (b << 8) | (c << 16) | (d << 24);
	}

	public function readString(len:Int, ?encoding:Encoding):String {
		var b = Bytes.alloc(len);
		readFullBytes(b, 0, len);
		return b.getString(0, len, encoding);
	}

	/** Reads `n` bytes into the scratch buffer, little-endian whatever this input's byte order. **/
	function readScratch(n:Int):Bytes {
		if (scratch == null)
			scratch = Bytes.alloc(8);
		for (i in 0...n)
			scratch.set(bigEndian ? n - 1 - i : i, readByte());
		return scratch;
	}
}
