package rayzor.io;

import haxe.io.Bytes;
import haxe.io.Error;

/** An output writing to a file descriptor (Sys.stdout/stderr, sys.io.FileOutput). **/
class FdOutput extends haxe.io.Output {
	var fd:Int;
	var one:Bytes;

	public function new(fd:Int) {
		this.fd = fd;
	}

	override public function writeByte(c:Int):Void {
		if (one == null)
			one = Bytes.alloc(1);
		one.set(0, c);
		writeBytes(one, 0, 1);
	}

	override public function writeBytes(s:Bytes, pos:Int, len:Int):Int {
		if (pos < 0 || len < 0 || pos > s.length - len)
			throw Error.OutsideBounds;
		if (fd < 0)
			throw Error.Custom("File closed");
		var n = IoNatives.write(fd, s, pos, len);
		if (n < 0)
			throw Error.Custom(IoNatives.lastError());
		return n;
	}

	override public function flush():Void {
		if (fd >= 0)
			IoNatives.flush(fd);
	}

	override public function close():Void {
		if (fd > 2)
			IoNatives.close(fd);
		else if (fd >= 0)
			IoNatives.flush(fd);
		fd = -1;
	}
}
