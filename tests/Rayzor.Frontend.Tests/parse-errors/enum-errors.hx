enum E {
	A B;
	C(;
	D(a:Int)
	F;
}
enum lower {
	X;
}
enum G { Ok(a:Int, ?b:String); }
