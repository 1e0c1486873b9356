class Main {
	static function main() {
		try {} catch {}
		try {} catch (e:) {}
		try {} catch (1) {}
		try trace(1) catch (e:Dynamic) {}
		try;
	}
}
