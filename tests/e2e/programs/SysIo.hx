// sys.io.File, sys.FileSystem, haxe.io.Input/Output and Sys's streams (stdout stays in order with println).
import sys.FileSystem;
import sys.io.File;

class SysIo {
	static function main() {
		var dir = "/tmp/rayzor-sysio-" + Std.random(1000000) + "/a/b";
		FileSystem.createDirectory(dir);
		Sys.println("created: " + FileSystem.isDirectory(dir));
		var path = dir + "/hello.txt";
		File.saveContent(path, "héllo\nwörld\r\nlast");
		Sys.println("exists: " + FileSystem.exists(path) + " dir: " + FileSystem.isDirectory(path));
		Sys.println("content: " + File.getContent(path).split("\n").join("|"));
		Sys.println("size: " + FileSystem.stat(path).size);
		Sys.println("mtime recent: " + (Math.abs(FileSystem.stat(path).mtime.getTime() - Date.now().getTime()) < 60000));
		var input = File.read(path);
		Sys.println("line 1: " + input.readLine());
		Sys.println("line 2: " + input.readLine() + " (CR dropped)");
		Sys.println("tell: " + input.tell());
		Sys.println("line 3: " + input.readLine() + " eof: " + input.eof());
		try {
			input.readLine();
		} catch (e:haxe.io.Eof) {
			Sys.println("Eof at the end, eof(): " + input.eof());
		}
		input.seek(1, SeekBegin);
		Sys.println("after seek: " + input.readByte());
		input.close();
		var out = File.append(path);
		out.writeString("\nappended");
		out.writeInt32(0x41424344);
		out.bigEndian = true;
		out.writeUInt16(0x4546);
		out.writeDouble(1.5);
		out.close();
		var bytes = File.getBytes(path);
		Sys.println("bytes: " + bytes.length + " " + bytes.sub(bytes.length - 16, 16).toHex());
		var bin = File.read(path);
		bin.seek(-14, SeekEnd);
		Sys.println("int32: " + bin.readInt32());
		bin.bigEndian = true;
		Sys.println("uint16: " + bin.readUInt16() + " double: " + bin.readDouble());
		bin.close();
		File.copy(path, dir + "/copy.txt");
		FileSystem.rename(dir + "/copy.txt", dir + "/moved.txt");
		var names = FileSystem.readDirectory(dir);
		names.sort(Reflect.compare);
		Sys.println("entries: " + names);
		Sys.println("full path ends: " + StringTools.endsWith(FileSystem.fullPath(dir + "/../b/moved.txt"), "/a/b/moved.txt"));
		Sys.println("absolute: " + FileSystem.absolutePath("/x/y") + " " + StringTools.startsWith(FileSystem.absolutePath("rel"), "/"));
		for (n in names)
			FileSystem.deleteFile(dir + "/" + n);
		FileSystem.deleteDirectory(dir);
		FileSystem.deleteDirectory(haxe.io.Path.directory(dir));
		FileSystem.deleteDirectory(haxe.io.Path.directory(haxe.io.Path.directory(dir)));
		Sys.println("cleaned: " + !FileSystem.exists(dir));
		try {
			File.getContent(dir + "/missing");
		} catch (e:String) {
			Sys.println("missing file: " + StringTools.startsWith(e, "Can't open ") + " " + (e.indexOf("No such file or directory") > 0));
		}
		try {
			FileSystem.deleteDirectory("/nonexistent-rayzor");
		} catch (e:String) {
			Sys.println(e);
		}
		Sys.print("println and ");
		Sys.stdout().writeString("stdout() share one buffer\n");
		Sys.stdout().flush();
		Sys.stderr().writeString("to stderr\n");
		Sys.println("done");
	}
}
