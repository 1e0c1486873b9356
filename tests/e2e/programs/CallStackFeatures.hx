// haxe.Exception.stack, haxe.CallStack.callStack/toString and Exception.details (HashLink's format:
// no columns). Frames come from the executable's DWARF, so inlined calls are frames too.
import haxe.CallStack;
import haxe.Exception;

class ParseError extends Exception {
	public function new(what:String) {
		super("cannot parse " + what);
	}
}

class Parser {
	public function new() {}

	public function parse(s:String):Int {
		if (s == "") throw new ParseError("an empty string");
		return s.length;
	}
}

class CallStackFeatures {
	static function inner():Array<StackItem> {
		return CallStack.callStack();
	}

	static function outer():Array<StackItem> {
		var s = inner();
		return s;
	}

	static function main() {
		try {
			new Parser().parse("");
		} catch (e:Exception) {
			trace(e.message);
			trace(e.stack.length);
			trace(CallStack.toString(e.stack));
			trace(e.details());
			switch (e.stack[0]) {
				case FilePos(Method(cls, method), file, line, _): trace('$cls.$method $file:$line');
				default: trace("unexpected");
			}
		}
		trace(CallStack.toString(outer()));
		try {
			throw "plain";
		} catch (e:Exception) {
			trace(Type.getClassName(Type.getClass(e)) + ": " + e.message);
		}
		var chained = new Exception("outer", new Exception("inner"));
		trace(chained.details());
	}
}
