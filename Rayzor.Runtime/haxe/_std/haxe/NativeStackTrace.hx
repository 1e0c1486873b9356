package haxe;

import haxe.CallStack.StackItem;

/**
	Rayzor's native side of `haxe.CallStack` (the official file is an extern each target
	implements). A native stack is the return addresses of the moment (cheap to take); they become
	Haxe frames through the executable's debug information only when asked for
	(Rayzor.Runtime/Exceptions/CallStack.cs); the interpreter takes and resolves stacks of its own
	frames. A stripped executable gives empty stacks.
**/
@:dox(hide)
@:noCompletion
class NativeStackTrace {
	/** The stack of the exception most recently thrown or caught. **/
	static var lastException:Array<Float> = [];

	static public function saveStack(exception:Any):Void {
		if (Std.isOfType(exception, Exception)) lastException = (cast exception : Exception).nativeStack;
	}

	static public function callStack():Any {
		return rayzor.StackNatives.capture();
	}

	static public function exceptionStack():Any {
		return lastException;
	}

	/** The Haxe frames of a native stack, after the frames of this class and of haxe.CallStack,
		and `skip` more. **/
	static public function toHaxe(nativeStackTrace:Any, skip:Int = 0):Array<StackItem> {
		var frames = rayzor.StackNatives.resolve(cast nativeStackTrace);
		var result:Array<StackItem> = [];
		var leading = true;
		for (frame in frames) {
			var parts = frame.split("\t");
			var name = parts[0];
			var dot = name.lastIndexOf(".");
			var cls = dot < 0 ? null : name.substr(0, dot);
			if (leading && (cls == "haxe.NativeStackTrace" || cls == "haxe.CallStack"))
				continue;
			leading = false;
			if (skip > 0) {
				skip--;
				continue;
			}
			var line = Std.parseInt(parts[2]);
			result.push(FilePos(Method(cls, dot < 0 ? name : name.substr(dot + 1)), parts[1], line == null ? 0 : line));
		}
		return result;
	}
}
