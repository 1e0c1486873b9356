package rayzor;

/**
	The members of a StringBuf found by name at run time (a Dynamic value, a structure): each
	function takes the buffer first (the runtime's member table for StringBuf, next to `length`).
**/
class StringBufMembers {
	static function add(b:StringBuf, x:Dynamic):Void
		b.add(x);

	static function addChar(b:StringBuf, c:Int):Void
		b.addChar(c);

	static function addSub(b:StringBuf, s:String, pos:Int, ?len:Dynamic):Void {
		if (len == null)
			b.addSub(s, pos);
		else
			b.addSub(s, pos, len);
	}

	static function toString(b:StringBuf):String
		return b.toString();
}
