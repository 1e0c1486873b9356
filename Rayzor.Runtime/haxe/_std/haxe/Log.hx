/*
 * Rayzor's haxe.Log: the official API. `trace` prints as the reference interpreter does (extra
 * arguments joined by ","); while the program never assigns `haxe.Log.trace`, the compiler prints
 * a trace directly (Rayzor.Mir/Lowering/Lowerer.Expressions.cs), with the same output.
 */

package haxe;

class Log {
	/**
		Format the output of `trace` before printing it.
	**/
	public static function formatOutput(v:Dynamic, infos:PosInfos):String {
		var str = Std.string(v);
		if (infos == null)
			return str;
		var pstr = infos.fileName + ":" + infos.lineNumber;
		if (infos.customParams != null)
			for (v in infos.customParams)
				str += ", " + Std.string(v);
		return pstr + ": " + str;
	}

	/**
		Outputs `v` with its position; `trace(v)` calls it. It can be rebound to a custom function.
	**/
	public static dynamic function trace(v:Dynamic, ?infos:PosInfos):Void {
		var str = Std.string(v);
		if (infos != null && infos.customParams != null)
			for (p in infos.customParams)
				str += "," + Std.string(p);
		Sys.println(infos == null ? str : infos.fileName + ":" + infos.lineNumber + ": " + str);
	}
}
