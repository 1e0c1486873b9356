class ConditionNotBool {
	static function main() {
		var items = [1, 2, 3];
		if (items.length)
			Sys.println("non-empty");
		var i = 3;
		while (i)
			i--;
		var label = items ? "yes" : "no";
		Sys.println(label);
	}
}
