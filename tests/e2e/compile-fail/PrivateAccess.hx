class Account {
	var balance:Float = 0;

	public function new() {}

	function audit():Bool {
		return balance >= 0;
	}

	static function secret():String {
		return "s";
	}
}

class PrivateAccess {
	static function main() {
		var a = new Account();
		a.balance = 100;
		Sys.println(a.audit());
		Sys.println(Account.secret());
	}
}
