import rayzor.RegexNatives as N;

/**
	Rayzor's EReg: Haxe code over three natives (rayzor.RegexNatives), like HashLink's. The engine
	is the runtime's own (PCRE syntax and semantics, positions in UTF-16 code units).

	Where targets differ, the reference interpreter's (PCRE's) results are kept: a global replace
	also replaces an empty match at the end (`~/x* /g.replace("ab", "-")` is `-a-b-`), and `$n` of
	a group that did not take part is empty. `$1`..`$9` and `$$` are the template's only escapes.
**/
@:coreApi
class EReg {
	var code:String; // the compiled program
	var global:Bool;
	var last:Null<String>; // the subject of the last successful match
	var caps:Array<Int>; // start and end of every group of the last match
	var scratch:Array<Int>; // split and replace leave the last match alone
	var groups:Int;

	public function new(r:String, opt:String):Void {
		code = N.compile(r, opt);
		global = opt.indexOf("g") >= 0;
		groups = N.groups(code);
		caps = [];
		scratch = [];
	}

	public function match(s:String):Bool {
		return exec(s, 0, s.length);
	}

	public function matched(n:Int):String {
		check();
		if (n < 0 || n >= groups)
			throw "Invalid group";
		var p = caps[2 * n];
		return p < 0 ? null : last.substring(p, caps[2 * n + 1]);
	}

	public function matchedLeft():String {
		check();
		return last.substr(0, caps[0]);
	}

	public function matchedRight():String {
		check();
		return last.substr(caps[1]);
	}

	public function matchedPos():{pos:Int, len:Int} {
		check();
		return {pos: caps[0], len: caps[1] - caps[0]};
	}

	public function matchSub(s:String, pos:Int, len:Int = -1):Bool {
		return exec(s, pos, len < 0 ? s.length - pos : len);
	}

	public function split(s:String):Array<String> {
		// HashLink's and hxcpp's algorithm (an empty match cuts after the next unit)
		var pieces = new Array<String>();
		var pos = 0;
		var len = s.length;
		var first = true;
		do {
			if (!N.exec(code, s, pos, len, scratch))
				break;
			var p = scratch[0], plen = scratch[1] - scratch[0];
			if (plen == 0 && !first) {
				if (p == s.length)
					break;
				p++;
			}
			pieces.push(s.substr(pos, p - pos));
			var tot = p + plen - pos;
			pos += tot;
			len -= tot;
			first = false;
		} while (global);
		pieces.push(s.substr(pos, len));
		return pieces;
	}

	public function replace(s:String, by:String):String {
		var b = new StringBuf();
		var pos = 0; // start of the text not copied yet
		var at = 0;
		do {
			if (at > s.length || !N.exec(code, s, at, s.length - at, scratch))
				break;
			var start = scratch[0], end = scratch[1];
			b.addSub(s, pos, start - pos);
			template(b, s, by);
			pos = at = end;
			if (end == start) {
				// after an empty match the next search starts one unit further
				if (end >= s.length)
					break;
				b.addSub(s, end, 1);
				pos = at = end + 1;
			}
		} while (global);
		b.addSub(s, pos, s.length - pos);
		return b.toString();
	}

	public function map(s:String, f:EReg->String):String {
		var b = new StringBuf();
		var pos = 0;
		var len = s.length;
		while (pos < len) {
			if (!exec(s, pos, len - pos)) {
				b.addSub(s, pos, len - pos);
				break;
			}
			var start = caps[0], end = caps[1]; // f may use this EReg again
			b.addSub(s, pos, start - pos);
			b.add(f(this));
			if (end == start) {
				if (end >= len)
					break;
				if (!global) {
					b.addSub(s, start, len - start);
					break;
				}
				b.addSub(s, start, 1);
				pos = start + 1;
			} else if (global) {
				pos = end;
			} else {
				b.addSub(s, end, len - end);
				break;
			}
		}
		last = null;
		return b.toString();
	}

	public static function escape(s:String):String {
		var b = new StringBuf();
		for (i in 0...s.length) {
			var c = StringTools.fastCodeAt(s, i);
			switch (c) {
				case "[".code, "]".code, "{".code, "}".code, "(".code, ")".code, "*".code, "+".code, "?".code, ".".code, "\\".code,
					"^".code, "$".code, "|".code:
					b.addChar("\\".code);
				case _:
			}
			b.addChar(c);
		}
		return b.toString();
	}

	function exec(s:String, pos:Int, len:Int):Bool {
		var ok = N.exec(code, s, pos, len, caps);
		last = ok ? s : null;
		return ok;
	}

	function check():Void {
		if (last == null)
			throw "Invalid regex operation because no match was made";
	}

	/** Appends `by` with `$1`..`$9` replaced by the groups of the match in `scratch` and `$$` by `$`. **/
	function template(b:StringBuf, s:String, by:String):Void {
		var i = 0;
		var n = by.length;
		while (i < n) {
			var c = StringTools.fastCodeAt(by, i++);
			if (c != "$".code || i >= n) {
				b.addChar(c);
				continue;
			}
			var d = StringTools.fastCodeAt(by, i);
			if (d == "$".code) {
				b.addChar(c);
				i++;
			} else if (d >= "1".code && d <= "9".code && d - "0".code < groups) {
				var g = d - "0".code;
				if (scratch[2 * g] >= 0)
					b.addSub(s, scratch[2 * g], scratch[2 * g + 1] - scratch[2 * g]);
				i++;
			} else {
				b.addChar(c);
			}
		}
	}
}
