package sys.io;

import haxe.io.Bytes;
import rayzor.io.IoNatives;

/** Rayzor's `sys.io.File`: whole-file helpers and streams over libc file descriptors. **/
class File {
	public static function getContent(path:String):String {
		return getBytes(path).toString();
	}

	public static function saveContent(path:String, content:String):Void {
		saveBytes(path, Bytes.ofString(content));
	}

	public static function getBytes(path:String):Bytes {
		var i = read(path);
		var b = i.readAll();
		i.close();
		return b;
	}

	public static function saveBytes(path:String, bytes:Bytes):Void {
		var o = write(path);
		o.writeFullBytes(bytes, 0, bytes.length);
		o.close();
	}

	public static function read(path:String, binary:Bool = true):FileInput {
		return new FileInput(open(path, 0));
	}

	public static function write(path:String, binary:Bool = true):FileOutput {
		return new FileOutput(open(path, 1));
	}

	public static function append(path:String, binary:Bool = true):FileOutput {
		return new FileOutput(open(path, 2));
	}

	public static function update(path:String, binary:Bool = true):FileOutput {
		return new FileOutput(open(path, 3));
	}

	public static function copy(srcPath:String, dstPath:String):Void {
		var i = read(srcPath);
		var o = write(dstPath);
		o.writeInput(i);
		i.close();
		o.close();
	}

	static function open(path:String, mode:Int):Int {
		var fd = IoNatives.open(path, mode);
		if (fd < 0)
			throw "Can't open " + path + ": " + IoNatives.lastError();
		return fd;
	}
}
