package haxe;

import haxe.ds.List;

/**
	Rayzor's `Serializer`: the std's API and format (<https://haxe.org/manual/std-serialization-format.html>),
	written over `Type` and `Reflect` (the std's version reads enum values as arrays on targets it
	does not know). `haxe.Unserializer` is the std's.
**/
class Serializer {
	/** The default of `useCache` for new serializers. **/
	public static var USE_CACHE = false;

	/** The default of `useEnumIndex` for new serializers. **/
	public static var USE_ENUM_INDEX = false;

	static var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%:";

	var buf:StringBuf;
	var cache:Array<Dynamic>;
	var shash:haxe.ds.StringMap<Int>;
	var scount:Int;

	/** Whether objects met again are written as references (`r`): needed for cyclic values. **/
	public var useCache:Bool;

	/** Whether enum values are written with their constructor's index (`j`) instead of its name (`w`). **/
	public var useEnumIndex:Bool;

	public function new() {
		buf = new StringBuf();
		cache = [];
		useCache = USE_CACHE;
		useEnumIndex = USE_ENUM_INDEX;
		shash = new haxe.ds.StringMap();
		scount = 0;
	}

	/** What was serialized so far. **/
	public function toString():String {
		return buf.toString();
	}

	/** A string: `y` and its URL-encoded form, or `R` and the index of the same string written before. **/
	function serializeString(s:String) {
		var known = shash.get(s);
		if (known != null) {
			buf.add("R");
			buf.add(known);
			return;
		}
		shash.set(s, scount++);
		var encoded = StringTools.urlEncode(s);
		buf.add("y");
		buf.add(encoded.length);
		buf.add(":");
		buf.add(encoded);
	}

	/** `r` and the index of `v` when it was written before (true), else remembers it (false). **/
	function serializeRef(v:Dynamic):Bool {
		for (i in 0...cache.length)
			if (cache[i] == v) {
				buf.add("r");
				buf.add(i);
				return true;
			}
		cache.push(v);
		return false;
	}

	function serializeFields(v:{}) {
		for (f in Reflect.fields(v)) {
			serializeString(f);
			serialize(Reflect.field(v, f));
		}
		buf.add("g");
	}

	/** `n` for one null, `u` and the count for more. **/
	function nulls(count:Int) {
		if (count == 1)
			buf.add("n");
		else if (count > 1) {
			buf.add("u");
			buf.add(count);
		}
	}

	function serializeBytes(b:haxe.io.Bytes) {
		buf.add("s");
		buf.add(Math.ceil((b.length * 8) / 6));
		buf.add(":");
		var i = 0;
		var full = b.length - b.length % 3;
		while (i < full) {
			var b1 = b.get(i), b2 = b.get(i + 1), b3 = b.get(i + 2);
			buf.addChar(BASE64.charCodeAt(b1 >> 2));
			buf.addChar(BASE64.charCodeAt(((b1 << 4) | (b2 >> 4)) & 63));
			buf.addChar(BASE64.charCodeAt(((b2 << 2) | (b3 >> 6)) & 63));
			buf.addChar(BASE64.charCodeAt(b3 & 63));
			i += 3;
		}
		switch (b.length - full) {
			case 2:
				var b1 = b.get(i), b2 = b.get(i + 1);
				buf.addChar(BASE64.charCodeAt(b1 >> 2));
				buf.addChar(BASE64.charCodeAt(((b1 << 4) | (b2 >> 4)) & 63));
				buf.addChar(BASE64.charCodeAt((b2 << 2) & 63));
			case 1:
				var b1 = b.get(i);
				buf.addChar(BASE64.charCodeAt(b1 >> 2));
				buf.addChar(BASE64.charCodeAt((b1 << 4) & 63));
			default:
		}
	}

	function serializeInstance(v:Dynamic, c:Class<Dynamic>) {
		if (c == String) {
			serializeString(v);
			return;
		}
		if (useCache && serializeRef(v))
			return;
		if (c == Array) {
			var a:Array<Dynamic> = v;
			buf.add("a");
			var run = 0;
			for (x in a) {
				if (x == null) {
					run++;
					continue;
				}
				nulls(run);
				run = 0;
				serialize(x);
			}
			nulls(run);
			buf.add("h");
		} else if (c == List) {
			buf.add("l");
			var l:List<Dynamic> = v;
			for (x in l)
				serialize(x);
			buf.add("h");
		} else if (c == Date) {
			var d:Date = v;
			buf.add("v");
			buf.add(d.getTime());
		} else if (c == haxe.ds.StringMap) {
			buf.add("b");
			var m:haxe.ds.StringMap<Dynamic> = v;
			for (k in m.keys()) {
				serializeString(k);
				serialize(m.get(k));
			}
			buf.add("h");
		} else if (c == haxe.ds.IntMap) {
			buf.add("q");
			var m:haxe.ds.IntMap<Dynamic> = v;
			for (k in m.keys()) {
				buf.add(":");
				buf.add(k);
				serialize(m.get(k));
			}
			buf.add("h");
		} else if (c == haxe.ds.ObjectMap) {
			buf.add("M");
			var m:haxe.ds.ObjectMap<Dynamic, Dynamic> = v;
			for (k in m.keys()) {
				serialize(k);
				serialize(m.get(k));
			}
			buf.add("h");
		} else if (c == haxe.io.Bytes) {
			serializeBytes(v);
		} else {
			// (the reference was for this object as a whole: a custom or plain object records itself below)
			if (useCache)
				cache.pop();
			var custom = Reflect.field(v, "hxSerialize") != null;
			buf.add(custom ? "C" : "c");
			serializeString(Type.getClassName(c));
			if (useCache)
				cache.push(v);
			if (custom) {
				v.hxSerialize(this);
				buf.add("g");
			} else
				serializeFields(v);
		}
	}

	function serializeEnum(v:EnumValue, e:Enum<Dynamic>) {
		if (useCache) {
			if (serializeRef(v))
				return;
			cache.pop();
		}
		buf.add(useEnumIndex ? "j" : "w");
		serializeString(Type.getEnumName(e));
		if (useEnumIndex) {
			buf.add(":");
			buf.add(Type.enumIndex(v));
		} else
			serializeString(Type.enumConstructor(v));
		buf.add(":");
		var params = Type.enumParameters(v);
		buf.add(params.length);
		for (p in params)
			serialize(p);
		if (useCache)
			cache.push(v);
	}

	/**
		Serializes `v`: every Haxe value but functions (an exception is thrown for those).
		`useCache` and `useEnumIndex` decide how objects met again and enum values are written.
	**/
	public function serialize(v:Dynamic) {
		switch (Type.typeof(v)) {
			case TNull:
				buf.add("n");
			case TInt:
				var i:Int = v;
				if (i == 0)
					buf.add("z");
				else {
					buf.add("i");
					buf.add(i);
				}
			case TFloat:
				var f:Float = v;
				if (Math.isNaN(f))
					buf.add("k");
				else if (!Math.isFinite(f))
					buf.add(f < 0 ? "m" : "p");
				else {
					buf.add("d");
					buf.add(f);
				}
			case TBool:
				buf.add(v ? "t" : "f");
			case TClass(c):
				serializeInstance(v, c);
			case TObject:
				if (Std.isOfType(v, Class)) {
					buf.add("A");
					serializeString(Type.getClassName(v));
				} else if (Std.isOfType(v, Enum)) {
					buf.add("B");
					serializeString(Type.getEnumName(v));
				} else {
					if (useCache && serializeRef(v))
						return;
					buf.add("o");
					serializeFields(v);
				}
			case TEnum(e):
				serializeEnum(v, e);
			case TFunction:
				throw "Cannot serialize function";
			default:
				throw "Cannot serialize " + Std.string(v);
		}
	}

	/** An exception: `x` and its value. **/
	public function serializeException(e:Dynamic) {
		buf.add("x");
		serialize(e);
	}

	/** `v` serialized by a new `Serializer`. **/
	public static function run(v:Dynamic):String {
		var s = new Serializer();
		s.serialize(v);
		return s.toString();
	}
}
