// The reflective part of the Type API: typeof, classes by name, instances made from a class
// value, instance fields, and class and enum values of built-in types.
class Shape {
	public var sides:Int;
	public var name:String;

	public function new(sides:Int, name:String) {
		this.sides = sides;
		this.name = name;
	}

	public function describe():String return name + " has " + sides + " sides";
}

class Square extends Shape {
	public var side:Float;

	public function new(side:Float) {
		super(4, "square");
		this.side = side;
	}

	public function area():Float return side * side;
}

enum Dir {
	North;
	South;
	Turn(degrees:Int);
}

class TypeApi {
	static function kind(v:Dynamic):String {
		return switch (Type.typeof(v)) {
			case TNull: "null";
			case TInt: "Int";
			case TFloat: "Float";
			case TBool: "Bool";
			case TObject: "Object";
			case TFunction: "Function";
			case TClass(c): "Class " + Type.getClassName(c);
			case TEnum(e): "Enum " + Type.getEnumName(e);
			case TUnknown: "Unknown";
		}
	}

	static function main() {
		var values:Array<Dynamic> = [0, -1.5, false, "", null, {}, new Square(2), South, Turn(90), Math.sqrt, [], new haxe.ds.IntMap<String>(), new StringBuf()];
		for (v in values)
			Sys.println(kind(v));

		var cls = Type.resolveClass("Square");
		var sq:Square = Type.createInstance(cls, [3.0]);
		Sys.println(sq.describe() + ", area " + sq.area());
		var base:Shape = Type.createInstance(Type.resolveClass("Shape"), [3, "triangle"]);
		Sys.println(base.describe());
		Sys.println("super of Square: " + Type.getClassName(Type.getSuperClass(cls)) + ", missing: " + Type.resolveClass("Circle"));
		var fields = Type.getInstanceFields(Square);
		fields.sort((a, b) -> a < b ? -1 : a > b ? 1 : 0);
		Sys.println("instance fields " + fields);
		Sys.println("resolveEnum " + Type.getEnumName(Type.resolveEnum("Dir")) + " " + Type.resolveEnum("Nope"));
		Sys.println("class of a string " + Type.getClassName(Type.getClass("s")) + ", of an array " + Type.getClassName(Type.getClass([1]))
			+ ", of a map " + Type.getClassName(Type.getClass(["k" => 1])) + ", of an int map " + Type.getClassName(Type.getClass([1 => 1])));
		Sys.println("class of a structure " + Type.getClass({a: 1}) + ", enum of a value " + Type.getEnumName(Type.getEnum(Turn(1))));
		Sys.println("resolveClass String " + (Type.resolveClass("String") == String) + ", Array " + (Type.resolveClass("Array") == Array));
		var classValue:Dynamic = Square;
		Sys.println("a class as a value: " + kind(classValue) + " isObject " + Reflect.isObject(classValue) + " isOfType String "
			+ Std.isOfType(classValue, String) + " same " + (classValue == cls) + " " + (classValue == Shape));
	}
}
