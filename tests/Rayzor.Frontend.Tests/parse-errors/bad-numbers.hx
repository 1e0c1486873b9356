class Main {
	static function main() {
		var a = 0xffffffffffffffffff;
		var b = 99999999999999999999;
		var c = 1i16;
		var d = 1.5i32;
		var e = 2f32;
		var f = 0b2;
		var g = 1e;
		var ok = [0x1F, 0b101, 1_000, 1.5e-3, .5, 1., 7i64, 3u32, 2f64];
	}
}
