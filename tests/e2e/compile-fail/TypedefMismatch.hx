typedef User = {
	var name:String;
	var age:Int;
	@:optional var email:String;
}

class TypedefMismatch {
	static function greet(u:User):String {
		return "hi " + u.name;
	}

	static function main() {
		Sys.println(greet({name: "a", age: "b"}));
		Sys.println(greet({name: "a"}));
		var u:User = {name: "a", age: 3, email: 5};
		Sys.println(u.phone);
	}
}
