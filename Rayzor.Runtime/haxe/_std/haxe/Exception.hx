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

	/** The call stack at the moment of the exception's creation. **/
	public var stack(get, never):CallStack;

	/** The return addresses of that moment; resolved to Haxe frames only when `stack` is read. **/
	@:noCompletion public var nativeStack(default, null):Array<Float>;

	public function new(message:String, ?previous:Exception) {
		this.message = message;
		this.previous = previous;
		nativeStack = rayzor.StackNatives.capture();
	}

	function get_stack():CallStack {
		var frames = NativeStackTrace.toHaxe(nativeStack);
		// the constructors that ran to make this exception are not part of its stack
		var first = 0;
		while (first < frames.length && isOwnConstructor(frames[first])) first++;
		return frames.slice(first);
	}

	function isOwnConstructor(item:CallStack.StackItem):Bool {
		switch (item) {
			case FilePos(Method(cls, "new"), _, _, _):
				var c:Class<Dynamic> = Type.getClass(this);
				while (c != null) {
					if (Type.getClassName(c) == cls) return true;
					c = Type.getSuperClass(c);
				}
				return false;
			default:
				return false;
		}
	}

	/** The message, as on every Haxe target. **/
	public function toString():String {
		return message;
	}

	/** The message and call stack, with the chain of previous exceptions (as haxe.CallStack.exceptionToString). **/
	public function details():String {
		return CallStack.exceptionToString(this);
	}

	/** What a `catch (e:haxe.Exception)` receives for the thrown `value`. **/
	@:noCompletion public static function caught(value:Dynamic):Exception {
		var e:Exception = Std.isOfType(value, Exception) ? value : new ValueException(value);
		NativeStackTrace.saveStack(e);
		return e;
	}
}
