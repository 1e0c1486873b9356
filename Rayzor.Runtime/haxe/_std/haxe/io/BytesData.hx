package haxe.io;

/** Rayzor: a `Bytes` is its own storage (the bytes follow its header), so the data is the object. **/
typedef BytesData = Bytes;
