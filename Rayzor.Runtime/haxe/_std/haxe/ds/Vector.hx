package haxe.ds;

/**
	Rayzor's `Vector`: an Array of fixed length (docs/abi.md, Arrays), with elements stored unboxed
	by the element type known where the vector is made (Int, Float and Bool vectors start at 0, 0.0
	and false, as on static targets). `v[i]` compiles to the inline Array access. Bound in
	Rayzor.Mir/Lowering/Lowerer.Vectors.cs; out-of-range reads give the default (unspecified in the std).
**/
extern class Vector<T> {
	var length(default, null):Int;

	function new(length:Int):Void;

	function get(index:Int):T;

	function set(index:Int, val:T):T;

	/** Copies `len` elements; the ranges may overlap. **/
	static function blit<T>(src:Vector<T>, srcPos:Int, dest:Vector<T>, destPos:Int, len:Int):Void;

	function toArray():Array<T>;

	function toData():Array<T>;

	static function fromData<T>(data:Array<T>):Vector<T>;

	static function fromArrayCopy<T>(array:Array<T>):Vector<T>;

	function copy():Vector<T>;

	function join(sep:String):String;

	function map<S>(f:T->S):Vector<S>;

	function sort(f:T->T->Int):Void;
}
