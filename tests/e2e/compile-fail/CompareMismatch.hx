class CompareMismatch {
	static function main() {
		var name = "bob";
		var age = 30;
		if (name < age)
			Sys.println("?");
		if (name == age)
			Sys.println("?");
		var ok = true > false;
		Sys.println(ok);
	}
}
