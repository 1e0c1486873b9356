package rayzor;

import haxe.io.Bytes;

/**
	The primitives under Rayzor's `haxe.io.Bytes` (docs/abi.md, Bytes), bound in
	Rayzor.Mir/Lowering/Lowerer.Bytes.cs. Loads and stores compile to inline memory accesses
	(`bget`/`bset`, little-endian) that read 0 and write nothing outside the bytes; the bulk
	operations trust their ranges, which `haxe.io.Bytes` checks.
**/
extern class BytesAccess {
	/** `length` zeroed bytes. **/
	static function alloc(length:Int):Bytes;

	static function getU8(b:Bytes, pos:Int):Int;
	static function setU8(b:Bytes, pos:Int, v:Int):Void;
	static function getU16(b:Bytes, pos:Int):Int;
	static function setU16(b:Bytes, pos:Int, v:Int):Void;
	static function getI32(b:Bytes, pos:Int):Int;
	static function setI32(b:Bytes, pos:Int, v:Int):Void;
	static function getF32(b:Bytes, pos:Int):Float;
	static function setF32(b:Bytes, pos:Int, v:Float):Void;
	static function getF64(b:Bytes, pos:Int):Float;
	static function setF64(b:Bytes, pos:Int, v:Float):Void;

	/** `memmove`: the ranges may overlap. **/
	static function blit(dst:Bytes, dstPos:Int, src:Bytes, srcPos:Int, len:Int):Void;

	/** Sets `len` bytes from `pos` to `value & 0xFF`. **/
	static function fill(b:Bytes, pos:Int, len:Int, value:Int):Void;

	/** UTF-8 (`raw`: UTF-16LE) of `s`. **/
	static function ofString(s:String, raw:Bool):Bytes;

	/** `len` bytes from `pos` decoded as UTF-8 (`raw`: UTF-16LE); invalid sequences become U+FFFD. **/
	static function getString(b:Bytes, pos:Int, len:Int, raw:Bool):String;
}
