class Main {
	static function main() {
		var class = 1;
		static var s = 1;
		case 1:
		else trace(1);
		catch (e:Dynamic) {}
		var x = if;
		break 1;
	}
}
