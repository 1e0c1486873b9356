package sys;

import rayzor.io.IoNatives;

/** Rayzor's `sys.FileSystem`, through libc. Failures throw a String naming the path and the error. **/
class FileSystem {
	public static function exists(path:String):Bool {
		return IoNatives.kind(path) >= 0;
	}

	public static function rename(path:String, newPath:String):Void {
		check(IoNatives.rename(path, newPath), "Can't rename " + path + " to " + newPath);
	}

	public static function stat(path:String):FileStat {
		var s = new Array<Float>();
		if (!IoNatives.stat(path, s))
			throw "Can't stat " + path + ": " + IoNatives.lastError();
		return {
			gid: Std.int(s[0]),
			uid: Std.int(s[1]),
			atime: Date.fromTime(s[2]),
			mtime: Date.fromTime(s[3]),
			ctime: Date.fromTime(s[4]),
			size: Std.int(s[5]),
			dev: Std.int(s[6]),
			ino: Std.int(s[7]),
			nlink: Std.int(s[8]),
			rdev: Std.int(s[9]),
			mode: Std.int(s[10])
		};
	}

	public static function fullPath(relPath:String):String {
		return IoNatives.realPath(relPath);
	}

	public static function absolutePath(relPath:String):String {
		if (haxe.io.Path.isAbsolute(relPath))
			return relPath;
		return haxe.io.Path.join([Sys.getCwd(), relPath]);
	}

	public static function isDirectory(path:String):Bool {
		return IoNatives.kind(path) == 1;
	}

	/** Creates the folder and any missing parent. **/
	public static function createDirectory(path:String):Void {
		var path = haxe.io.Path.removeTrailingSlashes(path);
		if (path == "" || isDirectory(path))
			return;
		var parent = haxe.io.Path.directory(path);
		if (parent != "" && parent != path && !exists(parent))
			createDirectory(parent);
		var err = IoNatives.mkdir(path);
		if (err != 0 && !isDirectory(path))
			throw "Can't create directory " + path + ": " + IoNatives.lastError();
	}

	public static function deleteFile(path:String):Void {
		check(IoNatives.unlink(path), "Can't delete file " + path);
	}

	public static function deleteDirectory(path:String):Void {
		check(IoNatives.rmdir(path), "Can't delete directory " + path);
	}

	public static function readDirectory(path:String):Array<String> {
		var entries = IoNatives.readDir(path);
		if (entries == null)
			throw "Can't read directory " + path + ": " + IoNatives.lastError();
		return entries;
	}

	static function check(err:Int, what:String):Void {
		if (err != 0)
			throw what + ": " + IoNatives.lastError();
	}
}
