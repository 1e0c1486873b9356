// `dynamic` functions: static ones and instance ones can be assigned a new function; an override
// is what a new object starts with; assignments through Reflect and Dynamic reach the same slot.
class Button {
	public var label:String;

	public function new(label:String) {
		this.label = label;
	}

	public dynamic function onClick(times:Int):String return label + " clicked " + times;

	public dynamic function format():String return "[" + label + "]";

	public function click():String return onClick(1) + " " + format();
}

class IconButton extends Button {
	override public dynamic function format():String return "<" + label + ">";
}

class DynamicMethods {
	static dynamic function log(s:String):String return "log: " + s;

	static function main() {
		var b = new Button("ok");
		Sys.println(b.click());
		b.onClick = function(n) return "custom " + n + " on " + b.label;
		Sys.println(b.click());
		var saved = b.format;
		b.format = () -> "{" + saved() + "}";
		Sys.println(b.click());
		var other = new Button("cancel");
		Sys.println("another instance keeps its own: " + other.click());

		var i = new IconButton("icon");
		Sys.println(i.click());
		i.format = () -> "replaced";
		Sys.println(i.click());

		Reflect.setField(other, "format", function() return "via Reflect");
		Sys.println(other.click());
		var d:Dynamic = other;
		d.onClick = function(n:Int) return "via Dynamic " + n;
		Sys.println(other.click() + " / " + d.onClick(5));

		Sys.println(log("a"));
		var first = log;
		log = s -> first(s).toUpperCase();
		Sys.println(log("b"));
	}
}
