// The Reflect API on structures, class instances (vars, properties through their accessors,
// methods) and functions.
class Account {
	public var owner:String;
	public var balance:Float = 0;
	public var rank(get, set):Int;

	var storedRank:Int = 1;

	public function new(owner:String) {
		this.owner = owner;
	}

	function get_rank():Int return storedRank * 10;

	function set_rank(v:Int):Int return storedRank = v;

	public function deposit(amount:Float):Float return balance += amount;
}

enum Color {
	Red;
	Rgb(r:Int, g:Int, b:Int);
}

class ReflectApi {
	static function sorted(names:Array<String>):Array<String> {
		names.sort((a, b) -> a < b ? -1 : a > b ? 1 : 0);
		return names;
	}

	static function main() {
		var point = {x: 1, y: 2.5, label: "p"};
		Sys.println("fields " + sorted(Reflect.fields(point)));
		Sys.println("field x " + Reflect.field(point, "x") + ", missing " + Reflect.field(point, "nope") + ", of null " + Reflect.field(null, "x"));
		Reflect.setField(point, "x", 10);
		Reflect.setField(point, "z", true);
		Sys.println("after setField x=" + point.x + " z=" + Reflect.field(point, "z") + " has z " + Reflect.hasField(point, "z"));
		Sys.println("delete y " + Reflect.deleteField(point, "y") + " again " + Reflect.deleteField(point, "y") + " fields " + sorted(Reflect.fields(point)));
		var copy = Reflect.copy(point);
		Reflect.setField(copy, "label", "copy");
		Sys.println("copy " + Reflect.field(copy, "label") + " original " + point.label);

		var acc = new Account("ann");
		Sys.println("instance fields " + sorted(Reflect.fields(acc)));
		Reflect.setField(acc, "balance", 5);
		Sys.println("balance " + acc.balance + " via field " + Reflect.field(acc, "balance"));
		Sys.println("rank property " + Reflect.getProperty(acc, "rank") + ", plain field " + Reflect.field(acc, "storedRank"));
		Reflect.setProperty(acc, "rank", 7);
		Sys.println("rank after setProperty " + acc.rank);
		var deposit = Reflect.field(acc, "deposit");
		Sys.println("isFunction " + Reflect.isFunction(deposit) + " " + Reflect.isFunction(acc.balance) + " " + Reflect.isFunction(null));
		Sys.println("callMethod " + Reflect.callMethod(acc, deposit, [2.5]) + " then " + acc.balance);
		Sys.println("callMethod on a closure " + Reflect.callMethod(null, function(a:String, n:Int) return a + n, ["n", 4]));
		var bound = acc.deposit;
		Sys.println("compareMethods " + Reflect.compareMethods(bound, bound) + " " + Reflect.compareMethods(bound, deposit));

		Sys.println("isObject " + Reflect.isObject(point) + " " + Reflect.isObject(acc) + " " + Reflect.isObject("s") + " "
			+ Reflect.isObject([1]) + " " + Reflect.isObject(1) + " " + Reflect.isObject(null) + " " + Reflect.isObject(Red));
		Sys.println("isEnumValue " + Reflect.isEnumValue(Rgb(1, 2, 3)) + " " + Reflect.isEnumValue(Red) + " " + Reflect.isEnumValue("Red"));
		Sys.println("compare " + Reflect.compare(1, 2) + " " + Reflect.compare(2.5, 1.5) + " " + Reflect.compare("b", "a") + " " + Reflect.compare("x", "x"));
	}
}
