package haxe;

/**
	Rayzor's base class for exceptions: a plain Haxe class (the official haxe/Exception.hx is
	an extern implemented by each target). `catch (e:haxe.Exception)` receives every thrown value:
	the compiler passes values that are not Exceptions through `caught`, which wraps them in a
	`haxe.ValueException` (the message is `Std.string(value)`).
**/
class Exception {
	/** The exception message. **/
	public var message:String;

	/** The exception this one was created from, or null. **/
	public var previous:Null<Exception>;

	public function new(message:String, ?previous:Exception) {
		this.message = message;
		this.previous = previous;
	}

	/** The message, as on every Haxe target. **/
	public function toString():String {
		return message;
	}

	/** The message with the chain of previous exceptions (no call stack yet). **/
	public function details():String {
		var s = "Exception: " + message;
		if (previous != null) s = previous.details() + "\n\nNext " + s;
		return s;
	}

	/** What a `catch (e:haxe.Exception)` receives for the thrown `value`. **/
	@:noCompletion public static function caught(value:Dynamic):Exception {
		if (Std.isOfType(value, Exception)) return value;
		return new ValueException(value);
	}
}
