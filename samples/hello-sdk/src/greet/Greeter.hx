package greet;

class Greeter {
	var name:String;

	public function new(name:String) {
		this.name = name;
	}

	public function greet():String {
		return "Hello from " + name + "!";
	}
}
