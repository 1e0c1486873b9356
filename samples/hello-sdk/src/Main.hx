import greet.Greeter;

class Main {
	static function main() {
		var greeter = new Greeter("Rayzor.Sdk");
		Sys.println(greeter.greet());
		#if sample_greeting
		Sys.println("built with -D sample_greeting");
		#end
		var sum = 0;
		for (i in 1...11)
			sum += i;
		Sys.println("1 + 2 + ... + 10 = " + sum);
	}
}
