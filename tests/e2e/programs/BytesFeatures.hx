import haxe.io.Bytes;
import haxe.io.BytesBuffer;
import haxe.ds.Vector;

/**
	Bytes, BytesBuffer, Vector, Int64 and the std's codecs over them, beyond the conformance tests.
	The reference interpreter agrees except where it behaves as a dynamic target: it reads null out
	of range and for new Vector elements (static targets: 0, 0.0, false), its RawNative is UTF-8
	(Rayzor's strings are UTF-16, so RawNative is UTF-16LE), and it cannot sort a Vector.
**/
class BytesFeatures {
	static function hexOf(b:Bytes):String {
		return b == null ? "null" : b.toHex();
	}

	static function attempt(what:String, f:() -> Void):Void {
		try {
			f();
			Sys.println(what + ": ok");
		} catch (e:haxe.io.Error) {
			Sys.println(what + ": " + switch (e) {
				case OutsideBounds: "OutsideBounds";
				default: "other error";
			});
		}
	}

	static function sumGeneric<T>(v:Vector<T>, f:T->Int):Int {
		var s = 0;
		for (i in 0...v.length)
			s += f(v[i]);
		return s;
	}

	static function main() {
		// out of range: get reads 0, set writes nothing; the wider accessors throw
		var b = Bytes.alloc(6);
		b.set(-1, 7);
		b.set(6, 7);
		Sys.println("get(-1) " + b.get(-1) + " get(6) " + b.get(6) + " hex " + b.toHex());
		attempt("getInt32(3)", () -> b.getInt32(3));
		attempt("getInt32(2)", () -> b.getInt32(2));
		attempt("setUInt16(5)", () -> b.setUInt16(5, 1));
		attempt("getDouble(-1)", () -> b.getDouble(-1));
		attempt("sub(4, 3)", () -> b.sub(4, 3));
		attempt("blit(0, b, 2, 5)", () -> b.blit(0, b, 2, 5));
		attempt("fill(-1, 2)", () -> b.fill(-1, 2, 0));
		attempt("getString(5, 2)", () -> b.getString(5, 2));
		attempt("alloc(-1)", () -> Bytes.alloc(-1));

		// little-endian integers, signed and unsigned views
		b.setInt32(0, -123456789);
		b.setUInt16(4, 0x1234);
		Sys.println("int32 " + b.getInt32(0) + " uint16 " + b.getUInt16(4) + " bytes " + b.toHex());
		b.setUInt16(4, -1);
		Sys.println("uint16 of -1 " + b.getUInt16(4) + ", byte 0 " + b.get(0) + ", getInt32(2) " + b.getInt32(2));

		// floats: Float32 rounding, specials
		var f = Bytes.alloc(16);
		f.setFloat(0, 0.1);
		f.setDouble(8, -0.0);
		Sys.println("float32(0.1) " + f.sub(0, 4).toHex() + " reads " + (f.getFloat(0) == 0.1) + " ~" + Math.round(f.getFloat(0) * 1e9));
		Sys.println("-0.0 " + f.sub(8, 8).toHex() + " 1/x " + (1 / f.getDouble(8)));
		f.setDouble(8, Math.POSITIVE_INFINITY);
		f.setFloat(0, 1e40); // too large for a Float32
		Sys.println("inf " + f.getDouble(8) + " float32(1e40) " + f.getFloat(0));

		// Int64
		var l = Bytes.alloc(8);
		l.setInt64(0, haxe.Int64.make(-2, 0x80000000));
		var v = l.getInt64(0);
		Sys.println("int64 " + l.toHex() + " high " + v.high + " low " + v.low + " = " + haxe.Int64.toStr(v));
		var big = haxe.Int64.mul(haxe.Int64.ofInt(1000000007), haxe.Int64.ofInt(998244353));
		Sys.println("product " + big + " / 1000 = " + haxe.Int64.div(big, haxe.Int64.ofInt(1000)) + " neg " + haxe.Int64.neg(big));
		Sys.println("compare " + haxe.Int64.compare(big, haxe.Int64.ofInt(-1)) + " ucompare " + haxe.Int64.ucompare(big, haxe.Int64.ofInt(-1)));
		var parsed = haxe.Int64.parseString("-9223372036854775808");
		Sys.println("parsed " + parsed + " shr 63 " + haxe.Int64.shr(parsed, 63) + " fromFloat " + haxe.Int64.fromFloat(-1e15 - 0.5) + " mod "
			+ haxe.Int64.mod(big, haxe.Int64.ofInt(1000)));

		// strings: UTF-8 by default, UTF-16LE for RawNative
		var s = "añ€😀";
		var u = Bytes.ofString(s);
		var r = Bytes.ofString(s, RawNative);
		Sys.println("utf8 " + u.length + " " + u.toHex() + " raw " + r.length + " " + r.toHex());
		Sys.println("back " + (u.toString() == s) + " " + (r.getString(0, r.length, RawNative) == s) + " sub " + u.getString(1, 2));
		Sys.println("string of bytes: " + Bytes.ofString("in a string"));

		// compare orders by the first differing byte, then by length
		var abc = Bytes.ofString("abc");
		Sys.println("compare " + abc.compare(Bytes.ofString("ab")) + " " + Bytes.ofString("ab").compare(abc) + " "
			+ abc.compare(Bytes.ofString("abc")) + " " + (abc.compare(Bytes.ofString("b")) < 0));

		// BytesBuffer growing past its first block
		var buf = new BytesBuffer();
		for (i in 0...100)
			buf.addByte(i);
		buf.addInt32(0x01020304);
		buf.addInt64(haxe.Int64.make(5, 6));
		buf.addFloat(1.5);
		buf.addDouble(2.5);
		buf.addString("zé");
		buf.add(Bytes.ofHex("cafe"));
		buf.addBytes(Bytes.ofString("0123456789"), 3, 4);
		Sys.println("buffer length " + buf.length);
		var all = buf.getBytes();
		var sum = 0;
		for (i in 0...100)
			sum += all.get(i);
		Sys.println("sum " + sum + " tail " + all.sub(100, all.length - 100).toHex());
		attempt("addBytes(2, 9)", () -> new BytesBuffer().addBytes(abc, 2, 9));

		// Vector: defaults by element type, writes, copies, blit
		var vi = new Vector<Int>(4);
		var vf = new Vector<Float>(2);
		var vb = new Vector<Bool>(2);
		var vs = new Vector<String>(2);
		Sys.println("defaults " + vi.toArray() + " " + vf.toArray() + " " + vb.toArray() + " " + vs.toArray());
		for (i in 0...vi.length)
			vi[i] = (i + 1) * 10;
		vi[1] += 5;
		vi[2]++;
		vi.set(3, vi.get(0) * 3);
		vf[1] = 0.5;
		vb[0] = true;
		vs[1] = "two";
		Sys.println("written " + vi.join(",") + " " + vf.toArray() + " " + vb.toArray() + " " + vs.toArray());
		var copy = vi.copy();
		copy[0] = -1;
		var fromArray = Vector.fromArrayCopy([3, 1, 2]);
		var source = [7, 8];
		var independent = Vector.fromArrayCopy(source);
		source[0] = 0;
		Sys.println("copy " + copy.toArray() + " original " + vi.toArray() + " fromArrayCopy " + independent.toArray());
		Vector.blit(vi, 0, vi, 1, 3);
		Sys.println("blit overlapping " + vi.toArray());
		fromArray.sort((x, y) -> x - y);
		var doubled = fromArray.map(x -> x * 2.5);
		Sys.println("sorted " + fromArray.toArray() + " mapped " + doubled.toArray() + " length " + doubled.length);
		Sys.println("generic sum " + sumGeneric(fromArray, x -> x) + " " + sumGeneric(vs, x -> x == null ? 0 : x.length));
		vi[10] = 99; // a Vector's length is fixed: out of range writes nothing
		Sys.println("after out-of-range write " + vi.length + " " + vi[10]);

		// codecs of the std over Bytes
		for (t in ["", "f", "fo", "foo", "foob"]) {
			var e = haxe.crypto.Base64.encode(Bytes.ofString(t));
			Sys.println("base64 '" + t + "' " + e + " " + haxe.crypto.Base64.decode(e).toString());
		}
		var fox = Bytes.ofString("The quick brown fox jumps over the lazy dog");
		Sys.println("url " + haxe.crypto.Base64.urlEncode(Bytes.ofHex("fbff")) + " crc32 " + haxe.crypto.Crc32.make(fox) + " adler32 "
			+ haxe.crypto.Adler32.make(fox));
	}
}
