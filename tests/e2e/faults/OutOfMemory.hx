// Running out of memory (under `ulimit -v`) ends the program with `rayzor: out of memory` on stderr
// and exit status 1, after what it printed: never a crash or a core dump.
class Link {
	public var next:Link;
	public var payload:Array<Int>;

	public function new(next:Link) {
		this.next = next;
		payload = [for (i in 0...64) i];
	}
}

class OutOfMemory {
	static function main() {
		Sys.println("allocating");
		var head:Link = null;
		var count = 0;
		while (true) {
			head = new Link(head);
			count++;
		}
	}
}
