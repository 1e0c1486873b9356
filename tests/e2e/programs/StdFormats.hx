// Common std modules on Rayzor's std defines and overrides: haxe.Json (`\u` escapes: Rayzor's
// strings are Unicode, target.unicode), haxe.Serializer (Rayzor's _std: enums by name and index,
// class instances, maps, bytes, references) with the std's Unserializer, Xml and haxe.xml.Access
// (`@:op(a.b)` reads), haxe.io.BytesInput / BytesOutput. Outputs checked against haxe --interp.
import haxe.Serializer;
import haxe.Unserializer;

enum Shape {
	Dot;
	Circle(r:Float);
	Rect(w:Int, h:Int, label:String);
}

class Pt {
	public var next:Pt;
	public var x:Int;
	public var y:Int;

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}
}

class StdFormats {
	static function main() {
		// Json
		var o = haxe.Json.parse('{"a": 1, "b": [1, 2.5, "x", null, true], "c": {"d": "e\\n\\u00e9\\u20ac"}}');
		var list:Array<Dynamic> = o.b;
		var text:String = o.c.d;
		Sys.println(o.a + " " + list.length + " " + list[1] + " " + list[3] + " " + text.length + " " + text.charCodeAt(3));
		Sys.println(haxe.Json.stringify([1, 2]) + " " + haxe.Json.stringify("quote\" back\\ nl\n é"));
		Sys.println(haxe.Json.stringify([[1], [2, 3]], null, " "));

		// Serializer
		Sys.println(Serializer.run([1, null, null, 3, 0, -7, 2.5]));
		Sys.println(Serializer.run([Dot, Circle(1.5), Rect(2, 3, "r")]));
		var s = new Serializer();
		s.useEnumIndex = true;
		s.serialize(Rect(2, 3, "r"));
		Sys.println(s.toString());
		var p = new Pt(1, 2);
		p.next = p;
		var c = new Serializer();
		c.useCache = true;
		c.serialize(p);
		Sys.println(c.toString());
		var back:Pt = Unserializer.run(c.toString());
		Sys.println(back.x + back.y + " " + (back.next == back));
		var m = new Map<String, Int>();
		m.set("k", 4);
		var im = new Map<Int, String>();
		im.set(5, "five");
		Sys.println(Serializer.run(m) + " " + Serializer.run(im));
		Sys.println(Serializer.run(haxe.io.Bytes.ofString("hello!")) + " " + Serializer.run(["x", "y", "x"]));
		var shapes:Array<Shape> = Unserializer.run(Serializer.run([Dot, Circle(1.5), Rect(2, 3, "r")]));
		Sys.println(shapes);
		var mb:Map<String, Int> = Unserializer.run(Serializer.run(m));
		Sys.println(mb.get("k"));
		Sys.println(Math.isNaN(Unserializer.run(Serializer.run(Math.NaN))) + " " + Unserializer.run(Serializer.run(-1e10)));

		// Xml
		var x = Xml.parse('<root a="1"><item id="x">text &amp; more</item><item id="y"/><!-- c --></root>');
		var root = x.firstElement();
		Sys.println(root.nodeName + " " + root.get("a") + " " + (root.nodeType == Element));
		for (e in root.elementsNamed("item"))
			Sys.println(e.get("id") + " " + (e.firstChild() == null ? "-" : e.firstChild().nodeValue));
		Sys.println(x.toString());
		var attrs = [for (a in root.attributes()) a];
		Sys.println(attrs);
		var access = new haxe.xml.Access(root);
		Sys.println(access.node.item.att.id + " " + access.nodes.item.length + " " + access.hasNode.item + " " + access.has.b);
		var n = Xml.createElement("n");
		n.set("k", "v&");
		n.addChild(Xml.createPCData("a<b"));
		Sys.println(haxe.xml.Printer.print(n));

		// BytesInput / BytesOutput
		var out = new haxe.io.BytesOutput();
		out.writeInt32(0x01020304);
		out.writeString("hey");
		out.writeByte(255);
		out.writeDouble(2.25);
		out.writeUInt16(65535);
		var b = out.getBytes();
		Sys.println(b.length + " " + b.toHex());
		var inp = new haxe.io.BytesInput(b);
		Sys.println(inp.readInt32() + " " + inp.readString(3) + " " + inp.readByte() + " " + inp.readDouble() + " " + inp.readUInt16());
		inp.position = 4;
		Sys.println(inp.readString(3) + " " + inp.length + " " + inp.position);
		try {
			inp.position = b.length;
			inp.readByte();
		} catch (e:haxe.io.Eof) {
			Sys.println("eof");
		}
	}
}
