class MissingReturn {
	static function sign(n:Int):Int {
		if (n > 0)
			return 1;
		else if (n < 0)
			return -1;
	}

	static function find(xs:Array<String>, key:String):Int {
		for (i in 0...xs.length)
			if (xs[i] == key)
				return i;
	}

	static function classify(n:Int):String {
		switch (n) {
			case 0:
				return "zero";
			case _:
				if (n > 0) return "positive";
		}
	}

	static function main() {
		Sys.println(sign(2) + find(["a"], "a") + classify(1));
	}
}
