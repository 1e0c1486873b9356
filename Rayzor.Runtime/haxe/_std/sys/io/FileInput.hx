package sys.io;

/** A file open for reading (`sys.io.File.read`). **/
class FileInput extends rayzor.io.FdInput {
	public function seek(p:Int, pos:FileSeek):Void {
		seekTo(p, switch (pos) {
			case SeekBegin: 0;
			case SeekCur: 1;
			case SeekEnd: 2;
		});
	}

	public function tell():Int {
		return Std.int(position());
	}

	/** True once a read has met the end of the file (as on HashLink and hxcpp). **/
	public function eof():Bool {
		return atEnd && bufPos == bufLen;
	}
}
