package haxe.io;

/**
	Rayzor's `BytesInput`: the std's API over a `Bytes` read with `get` and copied with `blit` (the
	std's version indexes the target's byte array, which Rayzor's `BytesData`, the `Bytes` itself,
	has not).
**/
class BytesInput extends Input {
	var b:Bytes;
	var pos:Int;
	var len:Int;
	var totlen:Int;

	/** The current position in the stream in bytes. **/
	public var position(get, set):Int;

	/** The length of the stream in bytes. **/
	public var length(get, never):Int;

	public function new(b:Bytes, ?pos:Int, ?len:Int) {
		if (pos == null)
			pos = 0;
		if (len == null)
			len = b.length - pos;
		if (pos < 0 || len < 0 || pos + len > b.length)
			throw Error.OutsideBounds;
		this.b = b;
		this.pos = pos;
		this.len = len;
		this.totlen = len;
	}

	inline function get_position():Int {
		return pos;
	}

	inline function get_length():Int {
		return totlen;
	}

	function set_position(p:Int):Int {
		if (p < 0)
			p = 0;
		else if (p > length)
			p = length;
		len = totlen - p;
		return pos = p;
	}

	public override function readByte():Int {
		if (len == 0)
			throw new Eof();
		len--;
		return b.get(pos++);
	}

	public override function readBytes(buf:Bytes, pos:Int, len:Int):Int {
		if (pos < 0 || len < 0 || pos + len > buf.length)
			throw Error.OutsideBounds;
		if (this.len == 0 && len > 0)
			throw new Eof();
		if (this.len < len)
			len = this.len;
		buf.blit(pos, b, this.pos, len);
		this.pos += len;
		this.len -= len;
		return len;
	}
}
