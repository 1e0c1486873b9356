class Main {
	#if sys
	#error "this target has sys"
	#end
	#if not_defined
	#error "never reported"
	#end
	#error
	static function main() {}
}
