class Main {
	macro static function m() {
		var a = macro ;
		var b = macro : ;
		var c = macro $e{};
		return macro class { var x = ; };
	}
}
