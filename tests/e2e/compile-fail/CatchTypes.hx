class CatchTypes {
	static function main() {
		try {
			throw "bad";
		} catch (e:MyError) {
			Sys.println(e);
		} catch (e:String) {
			var n:Int = e;
		}
	}
}
