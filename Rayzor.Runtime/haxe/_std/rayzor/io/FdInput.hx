package rayzor.io;

import haxe.io.Bytes;
import haxe.io.Eof;
import haxe.io.Error;

/** An input reading a file descriptor (Sys.stdin, sys.io.FileInput), with a small buffer. **/
class FdInput extends haxe.io.Input {
	var fd:Int;
	var buf:Bytes;
	var bufPos:Int;
	var bufLen:Int;
	var atEnd:Bool;

	public function new(fd:Int) {
		this.fd = fd;
	}

	override public function readByte():Int {
		if (bufPos == bufLen && !fill())
			throw new Eof();
		return buf.get(bufPos++);
	}

	override public function readBytes(s:Bytes, pos:Int, len:Int):Int {
		if (pos < 0 || len < 0 || pos > s.length - len)
			throw Error.OutsideBounds;
		if (len == 0)
			return 0;
		if (bufPos == bufLen && !fill())
			throw new Eof();
		var n = bufLen - bufPos < len ? bufLen - bufPos : len;
		s.blit(pos, buf, bufPos, n);
		bufPos += n;
		return n;
	}

	/** Refills the buffer; false at the end of the input. **/
	function fill():Bool {
		if (fd < 0)
			throw Error.Custom("File closed");
		if (buf == null)
			buf = Bytes.alloc(1 << 14);
		var n = IoNatives.read(fd, buf, 0, buf.length);
		if (n < 0)
			throw Error.Custom(IoNatives.lastError());
		bufPos = 0;
		bufLen = n;
		atEnd = n == 0;
		return n > 0;
	}

	override public function close():Void {
		if (fd > 2)
			IoNatives.close(fd);
		fd = -1;
	}

	/** The offset of the next byte to read (the file's offset less what is buffered). **/
	function position():Float {
		return IoNatives.seek(fd, 0, 1) - (bufLen - bufPos);
	}

	function seekTo(offset:Float, whence:Int):Void {
		if (whence == 1)
			offset = position() + offset;
		bufPos = bufLen = 0;
		atEnd = false;
		if (IoNatives.seek(fd, offset, whence == 1 ? 0 : whence) < 0)
			throw Error.Custom(IoNatives.lastError());
	}
}
