package haxe.io;

import rayzor.BytesAccess as Raw;

/**
	Rayzor's `BytesBuffer`: plain Haxe over a `Bytes` whose capacity doubles as it fills.
	`getBytes` returns a copy of exactly `length` bytes and leaves the buffer unusable, as the
	std documents.
**/
class BytesBuffer {
	var b:Bytes;
	var pos:Int;

	public var length(get, never):Int;

	public function new() {
		b = Bytes.alloc(64);
		pos = 0;
	}

	inline function get_length():Int {
		return pos;
	}

	/** Makes room for `n` more bytes. **/
	inline function reserve(n:Int):Void {
		if (n > b.length - pos)
			grow(n);
	}

	function grow(n:Int):Void {
		var cap = b.length * 2;
		if (cap < pos + n)
			cap = pos + n;
		var nb = Bytes.alloc(cap);
		Raw.blit(nb, 0, b, 0, pos);
		b = nb;
	}

	public inline function addByte(byte:Int):Void {
		reserve(1);
		Raw.setU8(b, pos, byte);
		pos++;
	}

	public function add(src:Bytes):Void {
		reserve(src.length);
		Raw.blit(b, pos, src, 0, src.length);
		pos += src.length;
	}

	public function addString(v:String, ?encoding:Encoding):Void {
		add(Bytes.ofString(v, encoding));
	}

	public function addInt32(v:Int):Void {
		reserve(4);
		Raw.setI32(b, pos, v);
		pos += 4;
	}

	public function addInt64(v:haxe.Int64):Void {
		addInt32(v.low);
		addInt32(v.high);
	}

	public function addFloat(v:Float):Void {
		reserve(4);
		Raw.setF32(b, pos, v);
		pos += 4;
	}

	public function addDouble(v:Float):Void {
		reserve(8);
		Raw.setF64(b, pos, v);
		pos += 8;
	}

	public function addBytes(src:Bytes, pos:Int, len:Int):Void {
		if (pos < 0 || len < 0 || pos > src.length - len)
			throw Error.OutsideBounds;
		reserve(len);
		Raw.blit(b, this.pos, src, pos, len);
		this.pos += len;
	}

	/** The bytes added so far; the buffer must not be used afterwards. **/
	public function getBytes():Bytes {
		var bytes = Bytes.alloc(pos);
		Raw.blit(bytes, 0, b, 0, pos);
		b = null;
		return bytes;
	}
}
