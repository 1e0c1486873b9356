abstract A(Int {
}
abstract B(Int) form Int {
}
enum abstract C(Int) {
	var X = ;
	var Y = 2;
}
abstract Ok(String) from String to String {}
