class Main {
	var a:Int<;
	var b:->;
	var c:123 = 1;
	var d:{x:Int y:Int};
	var e:Array<Int;
	var f:lower;
	var g:(Int -> ;
	var ok:Map<String, Array<Int>>;
}
