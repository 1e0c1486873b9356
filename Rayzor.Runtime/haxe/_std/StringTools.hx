/*
 * Rayzor's StringTools: the API of the official std/StringTools.hx, written in plain Haxe over
 * String's methods (the official one reaches into each target with `untyped`).
 */

class StringTools {
	/** Percent-encodes every byte of the UTF-8 form except `A-Z a-z 0-9 - _ . ~`. **/
	public static function urlEncode(s:String):String {
		var out = new StringBuf();
		var bytes = utf8Bytes(s);
		for (b in bytes) {
			if ((b >= "A".code && b <= "Z".code) || (b >= "a".code && b <= "z".code) || (b >= "0".code && b <= "9".code)
				|| b == "-".code || b == "_".code || b == ".".code || b == "~".code)
				out.addChar(b);
			else
				out.add("%" + hex(b, 2));
		}
		return out.toString();
	}

	/** Decodes `%XX` escapes (as UTF-8) and `+` as a space. **/
	public static function urlDecode(s:String):String {
		var bytes:Array<Int> = [];
		var i = 0;
		while (i < s.length) {
			var c = s.charCodeAt(i);
			if (c == "%".code && i + 2 < s.length) {
				var v = Std.parseInt("0x" + s.substr(i + 1, 2));
				if (v != null) {
					bytes.push(v);
					i += 3;
					continue;
				}
			}
			if (c == "+".code)
				bytes.push(" ".code);
			else
				for (b in utf8Bytes(s.charAt(i)))
					bytes.push(b);
			i++;
		}
		return fromUtf8(bytes);
	}

	public static function htmlEscape(s:String, ?quotes:Bool):String {
		var buf = new StringBuf();
		for (i in 0...s.length) {
			var c = s.charCodeAt(i);
			switch (c) {
				case "&".code: buf.add("&amp;");
				case "<".code: buf.add("&lt;");
				case ">".code: buf.add("&gt;");
				case '"'.code if (quotes): buf.add("&quot;");
				case "'".code if (quotes): buf.add("&#039;");
				default: buf.addChar(c);
			}
		}
		return buf.toString();
	}

	public static function htmlUnescape(s:String):String {
		return replace(replace(replace(replace(replace(s, "&gt;", ">"), "&lt;", "<"), "&quot;", '"'), "&#039;", "'"), "&amp;", "&");
	}

	public static inline function contains(s:String, value:String):Bool {
		return s.indexOf(value) != -1;
	}

	public static function startsWith(s:String, start:String):Bool {
		return s.length >= start.length && s.substr(0, start.length) == start;
	}

	public static function endsWith(s:String, end:String):Bool {
		return s.length >= end.length && s.substr(s.length - end.length, end.length) == end;
	}

	public static function isSpace(s:String, pos:Int):Bool {
		var c = s.charCodeAt(pos);
		return c != null && ((c > 8 && c < 14) || c == 32);
	}

	public static function ltrim(s:String):String {
		var r = 0;
		while (r < s.length && isSpace(s, r))
			r++;
		return r > 0 ? s.substr(r) : s;
	}

	public static function rtrim(s:String):String {
		var r = 0;
		while (r < s.length && isSpace(s, s.length - r - 1))
			r++;
		return r > 0 ? s.substr(0, s.length - r) : s;
	}

	public static function trim(s:String):String {
		return ltrim(rtrim(s));
	}

	public static function lpad(s:String, c:String, l:Int):String {
		if (c.length <= 0)
			return s;
		var buf = new StringBuf();
		l -= s.length;
		while (buf.length < l)
			buf.add(c);
		buf.add(s);
		return buf.toString();
	}

	public static function rpad(s:String, c:String, l:Int):String {
		if (c.length <= 0)
			return s;
		var buf = new StringBuf();
		buf.add(s);
		while (buf.length < l)
			buf.add(c);
		return buf.toString();
	}

	public static function replace(s:String, sub:String, by:String):String {
		return s.split(sub).join(by);
	}

	/** Uppercase hexadecimal of the 32-bit value (two's complement for negatives), at least `digits` long. **/
	public static function hex(n:Int, ?digits:Int):String {
		var s = "";
		var hexChars = "0123456789ABCDEF";
		do {
			s = hexChars.charAt(n & 15) + s;
			n >>>= 4;
		} while (n > 0);
		if (digits != null)
			while (s.length < digits)
				s = "0" + s;
		return s;
	}

	public static inline function fastCodeAt(s:String, index:Int):Int {
		var c:Int = s.charCodeAt(index);
		return c;
	}

	public static inline function unsafeCodeAt(s:String, index:Int):Int {
		var c:Int = s.charCodeAt(index);
		return c;
	}

	public static inline function isEof(c:Int):Bool {
		return c == 0;
	}

	public static function quoteUnixArg(argument:String):String {
		if (argument == "")
			return "''";
		return "'" + replace(argument, "'", "'\"'\"'") + "'";
	}

	/** The UTF-16 code units of `s` (`for (c in s)` with `using StringTools`). **/
	public static inline function iterator(s:String):haxe.iterators.StringIterator {
		return new haxe.iterators.StringIterator(s);
	}

	/** Index and code unit pairs of `s`. **/
	public static inline function keyValueIterator(s:String):haxe.iterators.StringKeyValueIterator {
		return new haxe.iterators.StringKeyValueIterator(s);
	}

	static function utf8Bytes(s:String):Array<Int> {
		var out = [];
		var i = 0;
		while (i < s.length) {
			var c:Int = s.charCodeAt(i++);
			if (c >= 0xD800 && c <= 0xDBFF && i < s.length) {
				var lo:Int = s.charCodeAt(i);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					c = ((c - 0xD800) << 10) + (lo - 0xDC00) + 0x10000;
					i++;
				}
			}
			if (c < 0x80)
				out.push(c);
			else if (c < 0x800) {
				out.push(0xC0 | (c >> 6));
				out.push(0x80 | (c & 63));
			} else if (c < 0x10000) {
				out.push(0xE0 | (c >> 12));
				out.push(0x80 | ((c >> 6) & 63));
				out.push(0x80 | (c & 63));
			} else {
				out.push(0xF0 | (c >> 18));
				out.push(0x80 | ((c >> 12) & 63));
				out.push(0x80 | ((c >> 6) & 63));
				out.push(0x80 | (c & 63));
			}
		}
		return out;
	}

	static function fromUtf8(bytes:Array<Int>):String {
		var buf = new StringBuf();
		var i = 0;
		while (i < bytes.length) {
			var b = bytes[i++];
			var c = b;
			if (b >= 0xF0 && i + 2 < bytes.length) {
				c = ((b & 7) << 18) | ((bytes[i] & 63) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63);
				i += 3;
			} else if (b >= 0xE0) {
				c = ((b & 15) << 12) | ((bytes[i] & 63) << 6) | (bytes[i + 1] & 63);
				i += 2;
			} else if (b >= 0xC0) {
				c = ((b & 31) << 6) | (bytes[i] & 63);
				i += 1;
			}
			buf.addChar(c);
		}
		return buf.toString();
	}

	/** The smallest code point written as two UTF-16 units (used by UnicodeString). **/
	static inline var MIN_SURROGATE_CODE_POINT = 65536;

	/** The code point starting at unit `index`: a surrogate pair's two units as one (used by UnicodeString). **/
	static inline function utf16CodePointAt(s:String, index:Int):Int {
		var c = fastCodeAt(s, index);
		if (c >= 0xD800 && c <= 0xDBFF)
			c = (((c - 0xD800) << 10) | (fastCodeAt(s, index + 1) - 0xDC00)) + 0x10000;
		return c;
	}
}
