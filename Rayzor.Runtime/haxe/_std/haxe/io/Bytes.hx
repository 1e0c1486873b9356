package haxe.io;

import rayzor.BytesAccess as Raw;

/**
	Rayzor's `Bytes`: a fixed-size byte buffer stored inline after the object header (docs/abi.md,
	Bytes), made by the runtime. Accessors are plain Haxe over the primitives of
	`rayzor.BytesAccess`, which compile to inline loads and stores guarded by one range test.
	Multi-byte values are little-endian; `getString`/`ofString` use UTF-8 (`RawNative`: UTF-16LE,
	the representation of Rayzor's strings).

	Out of range, `get` reads 0 and `set` writes nothing (the reference interpreter reads null and
	ignores the write); the other accessors throw `haxe.io.Error.OutsideBounds`.
	The object must keep `length` as its only field: the bytes start right after it.
**/
class Bytes {
	public var length(default, null):Int;

	public inline function get(pos:Int):Int {
		return Raw.getU8(this, pos);
	}

	public inline function set(pos:Int, v:Int):Void {
		Raw.setU8(this, pos, v);
	}

	public function blit(pos:Int, src:Bytes, srcpos:Int, len:Int):Void {
		if (pos < 0 || srcpos < 0 || len < 0 || pos > length - len || srcpos > src.length - len)
			throw Error.OutsideBounds;
		Raw.blit(this, pos, src, srcpos, len);
	}

	public function fill(pos:Int, len:Int, value:Int):Void {
		if (pos < 0 || len < 0 || pos > length - len)
			throw Error.OutsideBounds;
		Raw.fill(this, pos, len, value);
	}

	public function sub(pos:Int, len:Int):Bytes {
		if (pos < 0 || len < 0 || pos > length - len)
			throw Error.OutsideBounds;
		var b = Raw.alloc(len);
		Raw.blit(b, 0, this, pos, len);
		return b;
	}

	/** The difference of the first differing bytes, else of the lengths. **/
	public function compare(other:Bytes):Int {
		var len = length < other.length ? length : other.length;
		for (i in 0...len) {
			var a = Raw.getU8(this, i);
			var b = Raw.getU8(other, i);
			if (a != b)
				return a - b;
		}
		return length - other.length;
	}

	public function getDouble(pos:Int):Float {
		check(pos, 8);
		return Raw.getF64(this, pos);
	}

	public function getFloat(pos:Int):Float {
		check(pos, 4);
		return Raw.getF32(this, pos);
	}

	public function setDouble(pos:Int, v:Float):Void {
		check(pos, 8);
		Raw.setF64(this, pos, v);
	}

	public function setFloat(pos:Int, v:Float):Void {
		check(pos, 4);
		Raw.setF32(this, pos, v);
	}

	public inline function getUInt16(pos:Int):Int {
		check(pos, 2);
		return Raw.getU16(this, pos);
	}

	public inline function setUInt16(pos:Int, v:Int):Void {
		check(pos, 2);
		Raw.setU16(this, pos, v);
	}

	public inline function getInt32(pos:Int):Int {
		check(pos, 4);
		return Raw.getI32(this, pos);
	}

	public inline function setInt32(pos:Int, v:Int):Void {
		check(pos, 4);
		Raw.setI32(this, pos, v);
	}

	public function getInt64(pos:Int):haxe.Int64 {
		check(pos, 8);
		return haxe.Int64.make(Raw.getI32(this, pos + 4), Raw.getI32(this, pos));
	}

	public function setInt64(pos:Int, v:haxe.Int64):Void {
		check(pos, 8);
		Raw.setI32(this, pos, v.low);
		Raw.setI32(this, pos + 4, v.high);
	}

	public function getString(pos:Int, len:Int, ?encoding:Encoding):String {
		if (pos < 0 || len < 0 || pos > length - len)
			throw Error.OutsideBounds;
		return Raw.getString(this, pos, len, encoding == Encoding.RawNative);
	}

	@:deprecated("readString is deprecated, use getString instead")
	@:noCompletion
	public inline function readString(pos:Int, len:Int):String {
		return getString(pos, len);
	}

	/** The bytes decoded as UTF-8. **/
	public function toString():String {
		return Raw.getString(this, 0, length, false);
	}

	public function toHex():String {
		var s = new StringBuf();
		var digits = "0123456789abcdef";
		for (i in 0...length) {
			var c = Raw.getU8(this, i);
			s.addChar(StringTools.fastCodeAt(digits, c >> 4));
			s.addChar(StringTools.fastCodeAt(digits, c & 15));
		}
		return s.toString();
	}

	public inline function getData():BytesData {
		return this;
	}

	/** `length` zeroed bytes. **/
	public static function alloc(length:Int):Bytes {
		if (length < 0)
			throw Error.OutsideBounds;
		return Raw.alloc(length);
	}

	public static function ofString(s:String, ?encoding:Encoding):Bytes {
		return Raw.ofString(s, encoding == Encoding.RawNative);
	}

	public static inline function ofData(b:BytesData):Bytes {
		return b;
	}

	public static function ofHex(s:String):Bytes {
		var len = s.length;
		if ((len & 1) != 0)
			throw "Not a hex string (odd number of digits)";
		var ret = Raw.alloc(len >> 1);
		for (i in 0...ret.length) {
			var high = StringTools.fastCodeAt(s, i * 2);
			var low = StringTools.fastCodeAt(s, i * 2 + 1);
			high = (high & 0xF) + ((high & 0x40) >> 6) * 9;
			low = (low & 0xF) + ((low & 0x40) >> 6) * 9;
			Raw.setU8(ret, i, (high << 4) | low);
		}
		return ret;
	}

	/** Reads byte `pos` of `b` (unchecked in the std; checked here like `get`). **/
	public static inline function fastGet(b:BytesData, pos:Int):Int {
		return b.get(pos);
	}

	inline function check(pos:Int, size:Int):Void {
		if (pos < 0 || pos > length - size)
			throw Error.OutsideBounds;
	}
}
