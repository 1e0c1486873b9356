import haxe.ds.Vectr;
import sys.FileSystem;

class UnknownImport {
	static function main() {
		Sys.println(FileSystem.exists("."));
	}
}
