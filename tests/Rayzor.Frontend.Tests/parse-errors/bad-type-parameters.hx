class A<> {}
class B<T {}
class C<t> {}
class D {
	function f<T:>() {}
	function g<T:Int,>() {}
	function h<T, U:(A, B), V:(x:Int) -> Void>() {}
}
