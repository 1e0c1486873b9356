package haxe.io;

/**
	Rayzor's `haxe.io.Output` (the official one needs `untyped` target code): the same API, in
	plain Haxe over `writeByte`/`writeBytes`, which subclasses override. Numbers are written
	little-endian unless `bigEndian` is set; floats go through a scratch `Bytes`.
**/
class Output {
	public var bigEndian(default, set):Bool;

	var scratch:Bytes;

	public function writeByte(c:Int):Void {
		throw new haxe.exceptions.NotImplementedException();
	}

	public function writeBytes(s:Bytes, pos:Int, len:Int):Int {
		if (pos < 0 || len < 0 || pos > s.length - len)
			throw Error.OutsideBounds;
		for (i in 0...len)
			writeByte(s.get(pos + i));
		return len;
	}

	public function flush():Void {}

	public function close():Void {}

	function set_bigEndian(b:Bool):Bool {
		bigEndian = b;
		return b;
	}

	public function write(s:Bytes):Void {
		var l = s.length;
		var p = 0;
		while (l > 0) {
			var k = writeBytes(s, p, l);
			if (k == 0)
				throw Error.Blocked;
			p += k;
			l -= k;
		}
	}

	public function writeFullBytes(s:Bytes, pos:Int, len:Int):Void {
		while (len > 0) {
			var k = writeBytes(s, pos, len);
			pos += k;
			len -= k;
		}
	}

	public function writeFloat(x:Float):Void {
		var b = scratchBytes();
		b.setFloat(0, x);
		writeScratch(b, 4);
	}

	public function writeDouble(x:Float):Void {
		var b = scratchBytes();
		b.setDouble(0, x);
		writeScratch(b, 8);
	}

	public function writeInt8(x:Int):Void {
		if (x < -0x80 || x >= 0x80)
			throw Error.Overflow;
		writeByte(x & 0xFF);
	}

	public function writeInt16(x:Int):Void {
		if (x < -0x8000 || x >= 0x8000)
			throw Error.Overflow;
		writeUInt16(x & 0xFFFF);
	}

	public function writeUInt16(x:Int):Void {
		if (x < 0 || x >= 0x10000)
			throw Error.Overflow;
		if (bigEndian) {
			writeByte(x >> 8);
			writeByte(x & 0xFF);
		} else {
			writeByte(x & 0xFF);
			writeByte(x >> 8);
		}
	}

	public function writeInt24(x:Int):Void {
		if (x < -0x800000 || x >= 0x800000)
			throw Error.Overflow;
		writeUInt24(x & 0xFFFFFF);
	}

	public function writeUInt24(x:Int):Void {
		if (x < 0 || x >= 0x1000000)
			throw Error.Overflow;
		if (bigEndian) {
			writeByte(x >> 16);
			writeByte((x >> 8) & 0xFF);
			writeByte(x & 0xFF);
		} else {
			writeByte(x & 0xFF);
			writeByte((x >> 8) & 0xFF);
			writeByte(x >> 16);
		}
	}

	public function writeInt32(x:Int):Void {
		if (bigEndian) {
			writeByte(x >>> 24);
			writeByte((x >> 16) & 0xFF);
			writeByte((x >> 8) & 0xFF);
			writeByte(x & 0xFF);
		} else {
			writeByte(x & 0xFF);
			writeByte((x >> 8) & 0xFF);
			writeByte((x >> 16) & 0xFF);
			writeByte(x >>> 24);
		}
	}

	public function prepare(nbytes:Int):Void {}

	public function writeInput(i:Input, ?bufsize:Int):Void {
		if (bufsize == null)
			bufsize = 4096;
		var buf = Bytes.alloc(bufsize);
		try {
			while (true) {
				var len = i.readBytes(buf, 0, bufsize);
				if (len == 0)
					throw Error.Blocked;
				var p = 0;
				while (len > 0) {
					var k = writeBytes(buf, p, len);
					if (k == 0)
						throw Error.Blocked;
					p += k;
					len -= k;
				}
			}
		} catch (e:Eof) {}
	}

	public function writeString(s:String, ?encoding:Encoding):Void {
		var b = Bytes.ofString(s, encoding);
		writeFullBytes(b, 0, b.length);
	}

	function scratchBytes():Bytes {
		if (scratch == null)
			scratch = Bytes.alloc(8);
		return scratch;
	}

	/** Writes the first `n` bytes of `b` (little-endian) in this output's byte order. **/
	function writeScratch(b:Bytes, n:Int):Void {
		if (bigEndian)
			for (i in 0...n)
				writeByte(b.get(n - 1 - i));
		else
			writeFullBytes(b, 0, n);
	}
}
