typedef T = ;
typedef U {a:Int};
typedef V = {a:Int,,};
typedef W = {a:Int b:Int};
typedef Ok = {a:Int, ?b:String};
