interface I {
	function f():Void
}
interface J extends I, {
	var x:Int
	function g(a:Int b:Int):Void;
}
interface K implements {
}
