// A switch on a null enum value: a `case null` anywhere catches it; otherwise reading its
// constructor is a `Null access` (Haxe's matcher; HashLink's wording), also nested in an array
// pattern and with a default case.
enum Color { Red; Green; Rgb(r:Int, g:Int, b:Int); }

class SwitchNullEnum {
	static function withDefault(c:Color) return switch (c) { case Red: "red"; default: "other"; }
	static function withNullCase(c:Color) return switch (c) { case Red: "red"; case null: "null case"; default: "other"; }
	static function nullable(c:Null<Color>) return switch (c) { case Red: "red"; case Green: "green"; case Rgb(r, _, _): "rgb " + r; case null: "null"; }
	static function nested(cs:Array<Color>) return switch (cs) { case [Red]: "one red"; default: "other"; }
	static function exhaustive(c:Color) return switch (c) { case Red: "red"; case Green: "green"; case Rgb(r, _, _): "rgb " + r; }

	static function main() {
		trace(withNullCase(null));
		trace(withNullCase(Green));
		trace(nullable(null));
		trace(nullable(Rgb(1, 2, 3)));
		try trace(withDefault(null)) catch (e:Dynamic) trace("withDefault: " + e);
		try trace(nested([null])) catch (e:Dynamic) trace("nested: " + e);
		trace(nested([Red]));
		trace(exhaustive(null));
	}
}
