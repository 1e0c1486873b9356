package Foo;
import a.b.;
import a.b.*.c;
import a as;
using ;
import ok.Good;
class Main {}
package bar;
