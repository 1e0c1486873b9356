package rayzor;

/**
	The members of a String found by name at run time (a Dynamic value, a structure): each function
	takes the string first (the runtime's member table for strings, next to `length`).
**/
class StringMembers {
	static function charAt(s:String, index:Int):String
		return s.charAt(index);

	static function charCodeAt(s:String, index:Int):Null<Int>
		return s.charCodeAt(index);

	static function indexOf(s:String, str:String, ?startIndex:Dynamic):Int
		return startIndex == null ? s.indexOf(str) : s.indexOf(str, startIndex);

	static function lastIndexOf(s:String, str:String, ?startIndex:Dynamic):Int
		return startIndex == null ? s.lastIndexOf(str) : s.lastIndexOf(str, startIndex);

	static function split(s:String, delimiter:String):Array<String>
		return s.split(delimiter);

	static function substr(s:String, pos:Int, ?len:Dynamic):String
		return len == null ? s.substr(pos) : s.substr(pos, len);

	static function substring(s:String, startIndex:Int, ?endIndex:Dynamic):String
		return endIndex == null ? s.substring(startIndex) : s.substring(startIndex, endIndex);

	static function toUpperCase(s:String):String
		return s.toUpperCase();

	static function toLowerCase(s:String):String
		return s.toLowerCase();

	static function toString(s:String):String
		return s;
}
