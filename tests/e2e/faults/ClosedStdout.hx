// Printing into a pipe whose reader has gone (`./ClosedStdout | head -c1`): the program ends as C,
// hxcpp and HashLink programs do, killed by SIGPIPE without a message (status 141 in shells).
class ClosedStdout {
	static function main() {
		for (i in 0...10000000)
			Sys.println("line " + i);
		trace("never printed: the reader is gone long before");
	}
}
