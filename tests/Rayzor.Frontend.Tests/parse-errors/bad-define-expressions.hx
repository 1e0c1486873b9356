#if (a &&)
class A {}
#end
#if ()
class B {}
#end
#if (a b)
class C {}
#end
#if (version("x") > 1)
class D {}
#end
#if )
class E {}
#end
#foo
#line x
#if (haxe_ver >= 4.2 && !(js || cpp))
class Main {}
#end
