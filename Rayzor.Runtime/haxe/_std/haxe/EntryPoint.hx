package haxe;

/**
	Haxe's event loop on Rayzor, where Haxe code runs on one thread: the compiler calls `run()`
	after `main()` when the program uses `haxe.MainLoop` (so also `haxe.Timer.delay` and timers'
	`run`), and `run()` runs what is due, sleeping until the next event instead of spinning as the
	std's version for sys targets without threads does. `addThread` runs its function among the
	events (there is no other thread).
**/
class EntryPoint {
	static var pending = new Array<Void->Void>();

	public static var threadCount(default, null):Int = 0;

	/** Wakes a sleeping `run()`: nothing to do on one thread. **/
	public static function wakeup() {}

	public static function runInMainThread(f:Void->Void) {
		pending.push(f);
	}

	public static function addThread(f:Void->Void) {
		threadCount++;
		pending.push(function() {
			f();
			threadCount--;
		});
	}

	/** Runs the pending calls and the due events; the seconds until the next one, or -1 when none is left. **/
	static function processEvents():Float {
		while (true) {
			var f = pending.shift();
			if (f == null)
				break;
			f();
		}
		var time = @:privateAccess MainLoop.tick();
		if (!MainLoop.hasEvents() && threadCount == 0)
			return -1;
		return time;
	}

	/** Runs events until none is left. **/
	@:keep public static function run() {
		while (true) {
			var nextTick = processEvents();
			if (nextTick < 0)
				break;
			if (nextTick > 0)
				Sys.sleep(nextTick);
		}
	}
}
