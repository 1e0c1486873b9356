// The runtime's null checks throw the Haxe exception "Null access" (HashLink's
// message), catchable like any String.
class ExceptionsNullAccess {
	static function main() {
		var a:Array<Int> = null;
		var s:String = null;
		for (i in 0...3) {
			try {
				a.push(i);
				Sys.println("no");
			} catch (e:String) {
				Sys.println("caught " + e + " " + i);
			}
			try {
				Sys.println(s.toUpperCase());
			} catch (e:Dynamic) {
				Sys.println("caught " + e);
			}
		}
		var b = [1, 2];
		b.push(3);
		Sys.println(b);
	}
}
