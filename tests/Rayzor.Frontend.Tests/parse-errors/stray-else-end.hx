#else
class Main {
	#end
	static function main() {
		#elseif foo
		#if bar
		#else
		#else
		#end
	}
}
