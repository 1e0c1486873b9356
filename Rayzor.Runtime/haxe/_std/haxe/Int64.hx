package haxe;

/**
	Rayzor's `Int64`: the official std's portable form (two 32-bit halves in an immutable object),
	its operators `@:op` functions (comparisons and Int operands included), its API the std's.
**/
@:transitive
abstract Int64(Int64Impl) from Int64Impl to Int64Impl {
	private inline function new(x:Int64Impl) {
		this = x;
	}

	public inline function copy():Int64 {
		return make(this.high, this.low);
	}

	public static function make(high:Int, low:Int):Int64 {
		return new Int64(new Int64Impl(high, low));
	}

	@:from public static function ofInt(x:Int):Int64 {
		return make(x >> 31, x);
	}

	/** `x` as an Int; throws when it does not fit in 32 bits. **/
	public static function toInt(x:Int64):Int {
		if (x.high != x.low >> 31)
			throw "Overflow";
		return x.low;
	}

	public static function isInt64(val:Dynamic):Bool {
		return Std.isOfType(val, Int64Impl);
	}

	public static function getHigh(x:Int64):Int {
		return x.high;
	}

	public static function getLow(x:Int64):Int {
		return x.low;
	}

	public static function isNeg(x:Int64):Bool {
		return x.high < 0;
	}

	public static function isZero(x:Int64):Bool {
		return x.high == 0 && x.low == 0;
	}

	/** Signed comparison: negative, 0 or positive. **/
	public static function compare(a:Int64, b:Int64):Int {
		var v = a.high - b.high;
		v = v != 0 ? v : ucompare32(a.low, b.low);
		return a.high < 0 ? (b.high < 0 ? v : -1) : (b.high >= 0 ? v : 1);
	}

	/** Unsigned comparison: negative, 0 or positive. **/
	public static function ucompare(a:Int64, b:Int64):Int {
		var v = ucompare32(a.high, b.high);
		return v != 0 ? v : ucompare32(a.low, b.low);
	}

	static inline function ucompare32(a:Int, b:Int):Int {
		return a < 0 ? (b < 0 ? ~b - ~a : 1) : (b < 0 ? -1 : a - b);
	}

	public static function toStr(x:Int64):String {
		if (isZero(x))
			return "0";
		var str = "";
		var neg = isNeg(x);
		var i = x;
		var ten = ofInt(10);
		while (!isZero(i)) {
			var r = divMod(i, ten);
			if (isNeg(r.modulus)) {
				str = Int64.neg(r.modulus).low + str;
				i = Int64.neg(r.quotient);
			} else {
				str = r.modulus.low + str;
				i = r.quotient;
			}
		}
		return neg ? "-" + str : str;
	}

	/** The decimal `sParam` (an optional `-`, then digits, spaces around); throws on anything else or overflow. **/
	public static function parseString(sParam:String):Int64 {
		var base = ofInt(10);
		var current = ofInt(0);
		var multiplier = ofInt(1);
		var sIsNegative = false;
		var s = StringTools.trim(sParam);
		if (s.charAt(0) == "-") {
			sIsNegative = true;
			s = s.substring(1, s.length);
		}
		var len = s.length;
		for (i in 0...len) {
			var digitInt = s.charCodeAt(len - 1 - i) - "0".code;
			if (digitInt < 0 || digitInt > 9)
				throw "NumberFormatError";
			if (digitInt != 0) {
				var digit = ofInt(digitInt);
				if (sIsNegative) {
					current = sub(current, mul(multiplier, digit));
					if (!isNeg(current))
						throw "NumberFormatError: Underflow";
				} else {
					current = add(current, mul(multiplier, digit));
					if (isNeg(current))
						throw "NumberFormatError: Overflow";
				}
			}
			multiplier = mul(multiplier, base);
		}
		return current;
	}

	/** The integral part of `f`, which must be finite and within +-(2^53 - 1). **/
	public static function fromFloat(f:Float):Int64 {
		if (Math.isNaN(f) || !Math.isFinite(f))
			throw "Number is NaN or Infinite";
		var noFractions = f - (f % 1);
		if (noFractions > 9007199254740991)
			throw "Conversion overflow";
		if (noFractions < -9007199254740991)
			throw "Conversion underflow";
		var result = ofInt(0);
		var negative = noFractions < 0;
		var rest = negative ? -noFractions : noFractions;
		var i = 0;
		while (rest >= 1) {
			var curr = rest % 2;
			rest = rest / 2;
			if (curr >= 1)
				result = add(result, shl(ofInt(1), i));
			i++;
		}
		return negative ? neg(result) : result;
	}

	/** Signed division with the remainder (its sign is the dividend's); throws on a zero divisor. **/
	public static function divMod(dividend:Int64, divisor:Int64):{quotient:Int64, modulus:Int64} {
		if (divisor.high == 0) {
			if (divisor.low == 0)
				throw "divide by zero";
			if (divisor.low == 1)
				return {quotient: dividend.copy(), modulus: ofInt(0)};
		}
		var divSign = isNeg(dividend) != isNeg(divisor);
		var modulus = isNeg(dividend) ? neg(dividend) : dividend.copy();
		divisor = isNeg(divisor) ? neg(divisor) : divisor;
		var quotient = ofInt(0);
		var mask = ofInt(1);
		while (!isNeg(divisor)) {
			var cmp = ucompare(divisor, modulus);
			divisor = shl(divisor, 1);
			mask = shl(mask, 1);
			if (cmp >= 0)
				break;
		}
		while (!isZero(mask)) {
			if (ucompare(modulus, divisor) >= 0) {
				quotient = or(quotient, mask);
				modulus = sub(modulus, divisor);
			}
			mask = ushr(mask, 1);
			divisor = ushr(divisor, 1);
		}
		if (divSign)
			quotient = neg(quotient);
		if (isNeg(dividend))
			modulus = neg(modulus);
		return {quotient: quotient, modulus: modulus};
	}

	@:op(-A) public static function neg(x:Int64):Int64 {
		var high = ~x.high;
		var low = -x.low;
		if (low == 0)
			high++;
		return make(high, low);
	}

	@:op(A + B) public static function add(a:Int64, b:Int64):Int64 {
		var high = a.high + b.high;
		var low = a.low + b.low;
		if (ucompare32(low, a.low) < 0)
			high++;
		return make(high, low);
	}

	@:op(A - B) public static function sub(a:Int64, b:Int64):Int64 {
		var high = a.high - b.high;
		var low = a.low - b.low;
		if (ucompare32(a.low, b.low) < 0)
			high--;
		return make(high, low);
	}

	@:op(A * B) public static function mul(a:Int64, b:Int64):Int64 {
		var mask = 0xFFFF;
		var al = a.low & mask, ah = a.low >>> 16;
		var bl = b.low & mask, bh = b.low >>> 16;
		var p00 = al * bl;
		var p10 = ah * bl;
		var p01 = al * bh;
		var p11 = ah * bh;
		var low = p00;
		var high = p11 + (p01 >>> 16) + (p10 >>> 16);
		p01 <<= 16;
		low += p01;
		if (ucompare32(low, p01) < 0)
			high++;
		p10 <<= 16;
		low += p10;
		if (ucompare32(low, p10) < 0)
			high++;
		high += a.low * b.high + a.high * b.low;
		return make(high, low);
	}

	@:op(A / B) public static function div(a:Int64, b:Int64):Int64 {
		return divMod(a, b).quotient;
	}

	@:op(A % B) public static function mod(a:Int64, b:Int64):Int64 {
		return divMod(a, b).modulus;
	}

	@:op(A == B) public static function eq(a:Int64, b:Int64):Bool {
		return a.high == b.high && a.low == b.low;
	}

	@:op(A != B) public static function neq(a:Int64, b:Int64):Bool {
		return a.high != b.high || a.low != b.low;
	}

	@:op(A < B) static function lt(a:Int64, b:Int64):Bool
		return compare(a, b) < 0;

	@:op(A <= B) static function lte(a:Int64, b:Int64):Bool
		return compare(a, b) <= 0;

	@:op(A > B) static function gt(a:Int64, b:Int64):Bool
		return compare(a, b) > 0;

	@:op(A >= B) static function gte(a:Int64, b:Int64):Bool
		return compare(a, b) >= 0;

	// an Int on either side (Haxe's Int64 has these too)
	@:op(A + B) @:commutative static function addInt(a:Int64, b:Int):Int64
		return add(a, b);

	@:op(A - B) static function subInt(a:Int64, b:Int):Int64
		return sub(a, b);

	@:op(A - B) static function intSub(a:Int, b:Int64):Int64
		return sub(a, b);

	@:op(A * B) @:commutative static function mulInt(a:Int64, b:Int):Int64
		return mul(a, b);

	@:op(A == B) @:commutative static function eqInt(a:Int64, b:Int):Bool
		return eq(a, b);

	@:op(A != B) @:commutative static function neqInt(a:Int64, b:Int):Bool
		return neq(a, b);

	@:op(A < B) static function ltInt(a:Int64, b:Int):Bool
		return lt(a, b);

	@:op(A < B) static function intLt(a:Int, b:Int64):Bool
		return lt(a, b);

	@:op(A <= B) static function lteInt(a:Int64, b:Int):Bool
		return lte(a, b);

	@:op(A <= B) static function intLte(a:Int, b:Int64):Bool
		return lte(a, b);

	@:op(A > B) static function gtInt(a:Int64, b:Int):Bool
		return gt(a, b);

	@:op(A > B) static function intGt(a:Int, b:Int64):Bool
		return gt(a, b);

	@:op(A >= B) static function gteInt(a:Int64, b:Int):Bool
		return gte(a, b);

	@:op(A >= B) static function intGte(a:Int, b:Int64):Bool
		return gte(a, b);

	@:op(~A) public static function complement(a:Int64):Int64 {
		return make(~a.high, ~a.low);
	}

	@:op(A & B) public static function and(a:Int64, b:Int64):Int64 {
		return make(a.high & b.high, a.low & b.low);
	}

	@:op(A | B) public static function or(a:Int64, b:Int64):Int64 {
		return make(a.high | b.high, a.low | b.low);
	}

	@:op(A ^ B) public static function xor(a:Int64, b:Int64):Int64 {
		return make(a.high ^ b.high, a.low ^ b.low);
	}

	@:op(A << B) public static function shl(a:Int64, b:Int):Int64 {
		b &= 63;
		return if (b == 0) a.copy() else if (b < 32) make((a.high << b) | (a.low >>> (32 - b)), a.low << b) else make(a.low << (b - 32), 0);
	}

	@:op(A >> B) public static function shr(a:Int64, b:Int):Int64 {
		b &= 63;
		return if (b == 0) a.copy() else if (b < 32) make(a.high >> b, (a.high << (32 - b)) | (a.low >>> b)) else make(a.high >> 31, a.high >> (b - 32));
	}

	@:op(A >>> B) public static function ushr(a:Int64, b:Int):Int64 {
		b &= 63;
		return if (b == 0) a.copy() else if (b < 32) make(a.high >>> b, (a.high << (32 - b)) | (a.low >>> b)) else make(0, a.high >>> (b - 32));
	}

	public var high(get, never):Int;

	private inline function get_high():Int {
		return this.high;
	}

	public var low(get, never):Int;

	private inline function get_low():Int {
		return this.low;
	}
}

/** The two halves; immutable once made. **/
private class Int64Impl {
	public final high:Int;
	public final low:Int;

	public function new(high:Int, low:Int) {
		this.high = high;
		this.low = low;
	}

	/** Std.string of an Int64 prints its signed decimal value. **/
	public function toString():String {
		return Int64.toStr(this);
	}
}
