// Haxe folds the negation of a Float expression of constants (after folding + - * / of them)
// as `0 - c`, so a zero comes out as +0.0; a runtime negation keeps -0.0 (found by the
// differential fuzzer, seed 100 #36252: `inf / -(0.0 * 2.0)`).
class FoldedNegation {
  static inline var Z = 0.0;
  static inline var P = 0.0 * 2.0;
  static function show(x:Float) return (1 / x > 0 ? "+" : "-") + Math.abs(x);
  static function main() {
    trace(show(-(0.0 * 2.0)));
    trace(show(-(0.0 * -2.0)));
    trace(show(-(0 * 2.0)));
    trace(show(-(1.5 - 1.5)));
    trace(show(-(0 / 5)));
    trace(show(-((0.0 + 0.0) * 3)));
    trace(show(-(-(0.0 * 1.0))));
    trace(show(-(2147483647 * 2 + 0.0)));
    var z = 0.0;
    trace(show(-(z * 2.0)));
    trace(show(-(1.0 * 0.5)));
    trace(show(-Z));
    trace(show(-P));
    trace(show(-(Z * 3)));
    trace(show(-Later.Q));
  }
}

class Later {
  public static inline var Q = 0.0 / 4;
}
