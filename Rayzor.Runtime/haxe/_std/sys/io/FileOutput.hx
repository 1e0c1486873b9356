package sys.io;

/** A file open for writing (`sys.io.File.write`, `append`, `update`). **/
class FileOutput extends rayzor.io.FdOutput {
	public function seek(p:Int, pos:FileSeek):Void {
		var whence = switch (pos) {
			case SeekBegin: 0;
			case SeekCur: 1;
			case SeekEnd: 2;
		}
		if (rayzor.io.IoNatives.seek(fd, p, whence) < 0)
			throw haxe.io.Error.Custom(rayzor.io.IoNatives.lastError());
	}

	public function tell():Int {
		return Std.int(rayzor.io.IoNatives.seek(fd, 0, 1));
	}
}
