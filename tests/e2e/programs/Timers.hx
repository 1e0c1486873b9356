// haxe.Timer and haxe.MainLoop: the event loop runs after main returns (as Haxe's generated entry
// does when haxe.MainLoop is used), events fire in time order, a stopped timer or event fires no
// more, and the run ends when no event is left. Also `@:privateAccess`, which haxe.Timer uses.
import haxe.MainLoop;
import haxe.Timer;

class Counter {
	var hidden = 7;
	public var limited(default, null):Int = 1;

	public function new() {}
}

class Timers {
	static function main() {
		var t0 = Timer.stamp();
		var c = new Counter();
		@:privateAccess c.hidden += 1;
		@:privateAccess c.limited = 5;
		Sys.println("private access " + @:privateAccess c.hidden + " " + c.limited);
		var traced = haxe.Log.trace;
		haxe.Log.trace = (v, ?pos) -> Sys.println("measure traced " + StringTools.endsWith(Std.string(v), "s"));
		Sys.println("measure " + Timer.measure(() -> 6 * 7));
		haxe.Log.trace = traced;
		// (each step is due after the previous one ran, or, for the two delays, at distinct times:
		// the order does not depend on how fast the program runs)
		Timer.delay(() -> {
			Sys.println("delay 20");
			var ticks = 0;
			var t = new Timer(5);
			t.run = () -> {
				ticks++;
				Sys.println("tick " + ticks);
				if (ticks == 3) {
					t.stop();
					Timer.delay(() -> Sys.println("after the ticks"), 1);
				}
			};
		}, 20);
		Timer.delay(() -> Sys.println("delay 10"), 10);
		var e = MainLoop.add(() -> Sys.println("never: stopped at once"));
		e.stop();
		MainLoop.runInMainThread(() -> Sys.println("in main thread"));
		Sys.println("main ends " + (Timer.stamp() >= t0));
	}
}
