package rayzor.io;

import haxe.io.Bytes;

/** File descriptors and the file system, through libc (Rayzor.Runtime/Sys/IoNatives.cs). **/
extern class IoNatives {
	/** Writes up to `len` bytes of `b` from `pos`; fd 1 goes through the runtime's stdout buffer. Bytes written, -1 on error. **/
	@:rzNative("rz_io_write")
	static function write(fd:Int, b:Bytes, pos:Int, len:Int):Int;

	/** Reads up to `len` bytes into `b` at `pos`: the count, 0 at the end, -1 on error. **/
	@:rzNative("rz_io_read")
	static function read(fd:Int, b:Bytes, pos:Int, len:Int):Int;

	/** Opens a file: mode 0 read, 1 write (create, truncate), 2 append (create), 3 update (create, no truncate). The fd, or -1. **/
	@:rzNative("rz_io_open")
	static function open(path:String, mode:Int):Int;

	@:rzNative("rz_io_close")
	static function close(fd:Int):Void;

	/** lseek: whence 0 begin, 1 current, 2 end; the new offset, or -1. **/
	@:rzNative("rz_io_seek")
	static function seek(fd:Int, offset:Float, whence:Int):Float;

	/** Writes what the runtime buffered for fd 1 (a no-op for other fds, which are unbuffered). **/
	@:rzNative("rz_io_flush")
	static function flush(fd:Int):Void;

	/** The text of the last failed call's errno (strerror). **/
	@:rzNative("rz_io_last_error")
	static function lastError():String;

	/** -1 missing, 0 file, 1 folder, 2 anything else (following links). **/
	@:rzNative("rz_fs_kind")
	static function kind(path:String):Int;

	/** stat into `out` (gid uid atime mtime ctime size dev ino nlink rdev mode; times in ms); false when missing. **/
	@:rzNative("rz_fs_stat")
	static function stat(path:String, out:Array<Float>):Bool;

	/** 0, or errno. **/
	@:rzNative("rz_fs_mkdir")
	static function mkdir(path:String):Int;

	@:rzNative("rz_fs_unlink")
	static function unlink(path:String):Int;

	@:rzNative("rz_fs_rmdir")
	static function rmdir(path:String):Int;

	@:rzNative("rz_fs_rename")
	static function rename(path:String, newPath:String):Int;

	/** The entries of a folder without `.` and `..`, or null. **/
	@:rzNative("rz_fs_read_dir")
	static function readDir(path:String):Array<String>;

	/** realpath, or null. **/
	@:rzNative("rz_fs_real_path")
	static function realPath(path:String):String;
}
