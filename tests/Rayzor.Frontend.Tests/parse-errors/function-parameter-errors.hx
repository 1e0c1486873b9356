class Main {
	function a(x y) {}
	function b(?) {}
	function c(x:Int = ) {}
	function d(...) {}
	function e(x,,y) {}
	function ok(?x:Int, ...rest:Int) {}
}
