static class A {}
inline class B {}
public enum C {}
final typedef D = Int;
static function e() {}
public var f = 1;
abstract interface G {}
class H {
	public public var a:Int;
	static static function b() {}
	public private var c:Int;
	override var d:Int;
	dynamic var e:Int;
	private static inline function ok() {}
}
