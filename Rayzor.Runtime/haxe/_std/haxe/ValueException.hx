package haxe;

/**
	A thrown value that is not a `haxe.Exception`, as a `catch (e:haxe.Exception)` receives it.
**/
class ValueException extends Exception {
	/** The value that was thrown. **/
	public var value:Dynamic;

	public function new(value:Dynamic, ?previous:Exception) {
		super(Std.string(value), previous);
		this.value = value;
	}
}
