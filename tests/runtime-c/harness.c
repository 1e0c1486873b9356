/* Proof harness for Rayzor.Runtime (docs/abi.md), linked like a compiled Haxe program:
 *   cc -O2 -c harness.c && cc harness.o $(sed "s|^[^-]|$RT/&|" $RT/link.txt) -o harness
 * (what tests/Rayzor.Runtime.Tests does; RT = artifacts/runtime/<rid>).
 *
 *   harness              prints strings built by the runtime, checks floats against printf("%.15g")
 *   harness hello        prints one concatenation: what start-up time is measured on
 *   harness fuzz N       compares rz_string_from_float with snprintf("%.15g") on N random doubles
 *   harness stress N     N allocations through Boehm with live strings on the C stack; checks them
 *   harness sortstress N sorts N fresh strings held only by a runtime array with a comparator that
 *                        allocates and forces collections; checks order and contents
 *   harness heapfar      checks that the collector's heap lies far below the executable's image
 *                        (Native/faults.c, rz_gc_mmap: Boehm's mmap calls are renamed to it)
 * Exit code 0 when every check passed. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct TypeDesc { int32_t kind; int32_t size; const char *name; const struct TypeDesc *super; void *toString; const struct TypeDesc **interfaces; void **itable; const void *fields; } TypeDesc;
enum { RZ_KIND_STRING = 1, RZ_KIND_INT = 2, RZ_KIND_FLOAT = 3, RZ_KIND_BOOL = 4, RZ_KIND_CLASS = 5,
       RZ_KIND_ARRAY = 6, RZ_KIND_CLOSURE = 7, RZ_KIND_ANON = 9 };
enum { RZ_ELEM_PTR = 0, RZ_ELEM_I32 = 1, RZ_ELEM_F64 = 2, RZ_ELEM_BOOL = 3 };
typedef struct HString { const TypeDesc *td; int32_t length; int32_t hash; uint16_t chars[]; } HString;
typedef struct HArray { const TypeDesc *td; int32_t length, capacity, elemKind, reserved; void *data; } HArray;
typedef struct HClosure { const TypeDesc *td; void *fn; void *env; } HClosure;
typedef struct HBytes { const TypeDesc *td; int32_t length, reserved; uint8_t data[]; } HBytes;
typedef struct RzBuiltins {
    const TypeDesc *string, *boxInt, *boxFloat, *boxBool, *array, *closure, *anon;
    const TypeDesc **types;                                                       /* none here */
    const void *stringMembers, *arrayMembers, *stringBufMembers, *mapMembers;    /* none here */
} RzBuiltins;

/* The program block the runtime reads when first entered (docs/abi.md "Program start"). */
typedef struct RzProgram {
    const RzBuiltins *builtins;
    int32_t argc, reserved;
    char **argv;
    uint8_t *outData;                   /* stdout buffer, allocated by the runtime on first print */
    int32_t outLength, outCapacity;
} RzProgram;
RzProgram *rz_program(void);
void rz_start(void);
void rz_exit(int32_t code);
void *rz_alloc(int64_t size);
void *rz_alloc_atomic(int64_t size);
HString *rz_string_concat(HString *a, HString *b);
HString *rz_string_from_int(int32_t);
HString *rz_string_from_float(double);
HString *rz_string_from_bool(int32_t);
HString *rz_std_string(void *dyn);
int32_t rz_string_equals(HString *, HString *);
int32_t rz_string_compare(HString *, HString *);
void rz_print(HString *);
void rz_println(HString *);
void *rz_box_int(int32_t);
void *rz_box_float(double);
void *rz_box_bool(int32_t);
HArray *rz_array_new(int32_t elemKind, int32_t length);
void rz_array_set_i32(HArray *, int32_t i, int32_t v);
void rz_array_set_ptr(HArray *, int32_t i, void *v);
int32_t rz_array_push_i32(HArray *, int32_t);
int32_t rz_array_push_f64(HArray *, double);
int32_t rz_array_push_ptr(HArray *, void *);
void *rz_array_pop(HArray *);
void rz_array_insert_i32(HArray *, int32_t pos, int32_t v);
int32_t rz_array_index_of_ptr(HArray *, void *v, int32_t from);
HArray *rz_array_slice(HArray *, int32_t pos, int32_t end);
HArray *rz_array_splice(HArray *, int32_t pos, int32_t len);
HString *rz_array_join(HArray *, HString *sep);
HString *rz_array_to_string(HArray *);
void *rz_array_get_dyn(HArray *, int32_t i);
void rz_array_sort(HArray *, HClosure *cmp);
HString *rz_string_substr(HString *, int32_t pos, int32_t len);
int32_t rz_string_index_of(HString *, HString *needle, int32_t from);
int32_t rz_string_char_code_at(HString *, int32_t i);
HArray *rz_string_split(HString *, HString *sep);
HString *rz_string_to_upper(HString *);
HString *rz_string_from_char_code(int32_t);
void *rz_std_parse_int(HString *);
double rz_std_parse_float(HString *);
int32_t rz_string_hash(HString *);
HBytes *rz_bytes_alloc(const TypeDesc *td, int32_t length);
HBytes *rz_bytes_of_string(const TypeDesc *td, HString *s, int32_t raw);
HString *rz_bytes_get_string(HBytes *b, int32_t pos, int32_t len, int32_t raw);
void rz_bytes_blit(HBytes *dst, int32_t dstPos, HBytes *src, int32_t srcPos, int32_t len);
void rz_bytes_fill(HBytes *b, int32_t pos, int32_t len, int32_t value);
void rz_array_blit(HArray *src, int32_t srcPos, HArray *dst, int32_t dstPos, int32_t len);
size_t GC_get_heap_size(void); /* Boehm, linked statically from libgc.a */
void GC_gcollect(void);

/* What the compiler emits: the built-in descriptors and string literals as constant data. */
static const TypeDesc td_string = { RZ_KIND_STRING, 0, "String" };
static const TypeDesc td_int = { RZ_KIND_INT, 16, "Int" };
static const TypeDesc td_float = { RZ_KIND_FLOAT, 16, "Float" };
static const TypeDesc td_bool = { RZ_KIND_BOOL, 16, "Bool" };
static const TypeDesc td_array = { RZ_KIND_ARRAY, 32, "Array" };
static const TypeDesc td_closure = { RZ_KIND_CLOSURE, 24, "Closure" };
static const TypeDesc td_main = { RZ_KIND_CLASS, 8, "Main" };
static const TypeDesc td_bytes = { RZ_KIND_CLASS, 16, "haxe.io.Bytes" };
static const TypeDesc td_anon = { RZ_KIND_ANON, 24, "Anon" };
static const TypeDesc *const no_types[] = { 0 };
static const RzBuiltins builtins = { &td_string, &td_int, &td_float, &td_bool, &td_array, &td_closure, &td_anon, (const TypeDesc **)no_types };
static RzProgram program = { &builtins };
RzProgram *rz_program(void) { return &program; }

/* writable: a string whose hash is 0 gets it stored by the runtime (docs/abi.md, rz_string_hash) */
#define LIT(name, text)                                                                         \
    static struct { const TypeDesc *td; int32_t length, hash; uint16_t chars[sizeof(u"" text) / 2 - 1]; } \
        name##_data = { &td_string, sizeof(u"" text) / 2 - 1, 0, u"" text };                     \
    static HString *const name = (HString *)&name##_data;

LIT(s_hello, "Hello, ")
LIT(s_world, "world")
LIT(s_arrow, " -> ")
LIT(s_printf, "  printf ")
LIT(s_ok, "  ok")
LIT(s_bad, "  MISMATCH")
LIT(s_unicode, "h\u00e9llo \u2192 \U0001F600")
LIT(s_item, "item ")
LIT(s_abc, "abc")
LIT(s_abd, "abd")
LIT(s_comma, ",")
LIT(s_comma_sp, ", ")
LIT(s_csv, "a,b,,c")
LIT(s_empty, "")
LIT(s_hex, "  0x1F")
LIT(s_float_text, "1e3x")

static HString *cat(HString *a, HString *b) { return rz_string_concat(a, b); }
static HString *cat3(HString *a, HString *b, HString *c) { return cat(cat(a, b), c); }

/* An ASCII C string as a Haxe string, built the way generated code would (atomic GC memory). */
static HString *ascii(const char *s) {
    int32_t n = (int32_t)strlen(s);
    HString *h = rz_alloc_atomic(16 + 2 * (int64_t)n);
    h->td = &td_string;
    h->length = n;
    for (int32_t i = 0; i < n; i++) h->chars[i] = (uint16_t)s[i];
    return h;
}

static HString *expected_g(double v) {
    char buf[64];
    if (isnan(v)) return ascii("NaN");
    snprintf(buf, sizeof buf, "%.15g", v);
    return ascii(buf);
}

static int check_float(const char *label, double v) {
    HString *got = rz_string_from_float(v), *want = expected_g(v);
    int ok = rz_string_equals(got, want);
    rz_println(cat(cat3(ascii(label), s_arrow, got), cat(cat(s_printf, want), ok ? s_ok : s_bad)));
    return ok;
}

static int basics(void) {
    int ok = 1;
    rz_println(cat(s_hello, s_world));
    rz_println(s_unicode);
    rz_println(cat3(rz_string_from_int(0), s_arrow, rz_string_from_int(-2147483647 - 1)));
    rz_println(cat3(rz_string_from_int(2147483647), s_arrow, rz_string_from_int(-42)));
    rz_println(cat3(rz_string_from_bool(1), s_arrow, rz_string_from_bool(0)));
    rz_println(cat(NULL, s_world));
    rz_println(cat3(rz_std_string(rz_box_int(7)), s_arrow, rz_std_string(rz_box_int(123456))));
    rz_println(cat3(rz_std_string(rz_box_float(2.5)), s_arrow, rz_std_string(rz_box_bool(1))));
    rz_println(cat3(rz_std_string(NULL), s_arrow, rz_std_string(s_abc)));
    const TypeDesc **obj = rz_alloc(8);
    *obj = &td_main;
    rz_println(rz_std_string(obj));
    ok &= rz_string_equals(cat(s_hello, s_world), cat(s_hello, s_world)) == 1;
    ok &= rz_string_equals(s_abc, s_abd) == 0 && rz_string_equals(NULL, NULL) == 1 && rz_string_equals(s_abc, NULL) == 0;
    ok &= rz_string_compare(s_abc, s_abd) < 0 && rz_string_compare(s_abd, s_abc) > 0 && rz_string_compare(s_abc, ascii("abc")) == 0;
    ok &= rz_box_int(5) == rz_box_int(5);
    rz_println(ok ? ascii("strings ok") : ascii("strings MISMATCH"));

    ok &= check_float("0.1+0.2", 0.1 + 0.2);
    ok &= check_float("1/3.0", 1 / 3.0);
    ok &= check_float("1e15", 1e15);
    ok &= check_float("1e-5", 1e-5);
    ok &= check_float("-0.0", -0.0);
    ok &= check_float("NaN", NAN);
    ok &= check_float("1e21", 1e21);
    ok &= check_float("123456789012345678.0", 123456789012345678.0);
    ok &= check_float("inf", INFINITY);
    ok &= check_float("-inf", -INFINITY);
    ok &= check_float("1000000000000005.0", 1000000000000005.0);
    ok &= check_float("0.5", 0.5);
    ok &= check_float("-1.5", -1.5);
    ok &= check_float("1e100", 1e100);
    ok &= check_float("5e-324", 5e-324);
    ok &= check_float("1.7976931348623157e308", 1.7976931348623157e308);
    ok &= check_float("0.0001", 0.0001);
    ok &= check_float("123456.789", 123456.789);
    return ok;
}

/* Comparators as the compiler emits them: fn(env, a, b), C calling convention. */
static int32_t cmp_int_desc(void *env, int32_t a, int32_t b) { (void)env; return b - a; }

static int64_t cmp_calls;
static int32_t cmp_string_allocating(void *env, void *a, void *b) {
    (void)env;
    /* garbage, and now and then a full collection while the sort holds its elements */
    HString *junk = cat((HString *)a, (HString *)b);
    if (++cmp_calls % 4096 == 0) GC_gcollect();
    return junk->length < 0 ? 0 : rz_string_compare((HString *)a, (HString *)b);
}

static HClosure *closure(void *fn) {
    HClosure *c = rz_alloc(sizeof(HClosure));
    c->td = &td_closure;
    c->fn = fn;
    c->env = NULL;
    return c;
}

static int arrays(void) {
    int ok = 1;
    HArray *a = rz_array_new(RZ_ELEM_I32, 0);
    rz_array_push_i32(a, 3);
    rz_array_push_i32(a, 1);
    ok &= rz_array_push_i32(a, 2) == 3;
    rz_array_set_i32(a, 5, 9); /* past the end: grows, the gap reads 0 */
    ok &= a->length == 6 && ((int32_t *)a->data)[3] == 0;
    rz_println(cat(ascii("ints "), rz_std_string(a)));
    rz_array_sort(a, closure((void *)cmp_int_desc));
    rz_println(cat(ascii("sorted desc "), rz_array_join(a, s_comma_sp)));
    rz_array_insert_i32(a, -1, 7);
    HString *inserted = rz_array_to_string(a);
    rz_println(cat3(ascii("insert(-1, 7) "), inserted, cat(ascii(" pop "), rz_std_string(rz_array_pop(a)))));
    HString *sliced = rz_array_to_string(rz_array_slice(a, -2, 2147483647));
    HString *spliced = rz_array_to_string(rz_array_splice(a, 1, 2));
    rz_println(cat3(ascii("slice(-2) "), sliced, cat3(ascii(" splice(1, 2) "), spliced, cat(ascii(" left "), rz_array_to_string(a)))));
    ok &= rz_array_get_dyn(a, 100) == NULL;

    HArray *f = rz_array_new(RZ_ELEM_F64, 0);
    rz_array_push_f64(f, 0.1 + 0.2);
    rz_array_push_f64(f, 1e21);
    rz_array_push_f64(f, -0.0);
    HArray *parts = rz_string_split(s_csv, s_comma);
    ok &= parts->length == 4 && parts->elemKind == RZ_ELEM_PTR;
    HArray *nested = rz_array_new(RZ_ELEM_PTR, 0);
    rz_array_push_ptr(nested, f);
    rz_array_push_ptr(nested, parts);
    rz_array_push_ptr(nested, NULL);
    rz_array_push_ptr(nested, rz_box_int(5));
    rz_array_push_ptr(nested, closure(NULL));
    rz_println(cat(ascii("nested "), rz_std_string(nested)));
    ok &= rz_array_index_of_ptr(parts, ascii("c"), 0) == 3;
    rz_println(cat(ascii("split(\"\") "), rz_std_string(rz_string_split(s_abc, s_empty))));

    rz_println(cat3(rz_string_to_upper(rz_string_substr(s_unicode, -8, 5)), s_arrow,
                    rz_string_from_int(rz_string_index_of(s_csv, s_comma, 2))));
    rz_println(cat3(rz_std_string(rz_std_parse_int(s_hex)), s_arrow, rz_string_from_float(rz_std_parse_float(s_float_text))));
    rz_println(cat3(rz_string_from_char_code(0x1F600), s_arrow, rz_string_from_int(rz_string_char_code_at(s_abc, 3))));
    ok &= rz_string_hash(s_abc) == rz_string_hash(ascii("abc")) && rz_string_hash(s_abc) != 0;
    rz_println(ok ? ascii("arrays ok") : ascii("arrays MISMATCH"));
    return ok;
}

static int bytes(void) {
    int ok = 1;
    HBytes *b = rz_bytes_of_string(&td_bytes, s_unicode, 0); /* UTF-8 */
    ok &= b->td == &td_bytes && b->length > s_unicode->length;
    HString *back = rz_bytes_get_string(b, 0, b->length, 0);
    ok &= rz_string_equals(back, s_unicode);
    HBytes *raw = rz_bytes_of_string(&td_bytes, s_abc, 1); /* UTF-16LE */
    ok &= raw->length == 6 && raw->data[0] == 'a' && raw->data[1] == 0;
    ok &= rz_string_equals(rz_bytes_get_string(raw, 0, 6, 1), s_abc);
    HBytes *z = rz_bytes_alloc(&td_bytes, 10);
    ok &= z->length == 10 && z->data[9] == 0;
    rz_bytes_fill(z, 0, 10, '.' + 256); /* the low byte */
    rz_bytes_blit(z, 2, raw, 0, 5);
    rz_bytes_blit(z, 3, z, 2, 5); /* overlapping: a memmove */
    char hex[64] = {0};
    for (int i = 0; i < z->length; i++) snprintf(hex + 2 * i, 3, "%02x", z->data[i]);
    rz_println(cat3(ascii("bytes "), back, cat(ascii(" blit "), ascii(hex))));
    uint8_t bad[] = {'A', 0xFF, 'B', 0xC3};
    HBytes *inv = rz_bytes_alloc(&td_bytes, 4);
    memcpy(inv->data, bad, 4);
    HString *replaced = rz_bytes_get_string(inv, 0, 4, 0);
    ok &= replaced->length == 4 && replaced->chars[1] == 0xFFFD && replaced->chars[3] == 0xFFFD;

    HArray *v = rz_array_new(RZ_ELEM_I32, 5);
    for (int i = 0; i < 5; i++) ((int32_t *)v->data)[i] = i + 1;
    rz_array_blit(v, 0, v, 1, 4); /* overlapping, same kind */
    HArray *boxed = rz_array_new(RZ_ELEM_PTR, 3);
    rz_array_blit(v, 2, boxed, 0, 3); /* another kind: element by element, boxed */
    rz_println(cat3(ascii("vector blit "), rz_std_string(v), cat(ascii(" "), rz_std_string(boxed))));
    rz_println(ok ? ascii("bytes ok") : ascii("bytes MISMATCH"));
    return ok;
}

static int sortstress(long n) {
    HArray *a = rz_array_new(RZ_ELEM_PTR, 0);
    uint32_t x = 12345;
    for (long i = 0; i < n; i++) {
        char buf[32];
        x = x * 1103515245u + 12345u;
        snprintf(buf, sizeof buf, "k%06u-%ld", (x >> 8) % 1000000u, i);
        rz_array_push_ptr(a, ascii(buf)); /* the string lives only in the array */
    }
    rz_array_sort(a, closure((void *)cmp_string_allocating));
    int ok = a->length == n;
    HString **items = (HString **)a->data;
    for (long i = 1; i < n && ok; i++) ok &= rz_string_compare(items[i - 1], items[i]) < 0;
    for (long i = 0; i < n && ok; i++) ok &= items[i]->td == &td_string && items[i]->chars[0] == 'k';
    rz_println(ascii(ok ? "sortstress ok" : "sortstress MISMATCH"));
    return ok;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static int fuzz(long n) {
    long bad = 0;
    for (long i = 0; i < n; i++) {
        double v;
        uint64_t r = next();
        switch (i % 4) {
        case 0: memcpy(&v, &r, 8); break;                                     /* any bit pattern */
        case 1: v = (double)(int64_t)(r >> 20) / 1e6; break;                   /* decimal-looking */
        case 2: v = (double)(r % 100000000000000000ull) * pow(10, (int)(next() % 60) - 30); break;
        default: v = (double)(r >> 11) * 0x1p-53 * pow(10, (int)(next() % 40) - 20); break;
        }
        HString *got = rz_string_from_float(v), *want = expected_g(v);
        if (!rz_string_equals(got, want) && bad++ < 10) rz_println(cat3(got, s_printf, want));
    }
    rz_println(cat(ascii("fuzz mismatches: "), rz_string_from_int((int32_t)bad)));
    return bad == 0;
}

static int stress(long n) {
    HString *live[64]; /* on the C stack: Boehm must keep these */
    for (int i = 0; i < 64; i++) live[i] = cat(s_item, rz_string_from_int(i));
    size_t max_heap = 0;
    for (long i = 0; i < n; i++) {
        /* the inner strings live only in the runtime's frames while the outer concat allocates */
        HString *s = cat(cat(s_item, rz_string_from_int((int32_t)i)), s_world);
        if (s->length != 10 + snprintf(NULL, 0, "%ld", i) || s->chars[s->length - 1] != 'd') return 0;
        if ((i & 0xFFF) == 0) {
            char want[64];
            snprintf(want, sizeof want, "item %ldworld", i);
            if (!rz_string_equals(s, ascii(want))) return 0;
            if (GC_get_heap_size() > max_heap) max_heap = GC_get_heap_size();
        }
    }
    int ok = 1;
    for (int i = 0; i < 64; i++) ok &= rz_string_equals(live[i], cat(s_item, rz_string_from_int(i)));
    rz_println(cat(ascii(ok ? "stress live strings intact, max heap KB: " : "stress MISMATCH, max heap KB: "),
                   rz_string_from_int((int32_t)(max_heap / 1024))));
    return ok && max_heap < 64u * 1024 * 1024;
}

/* Boehm takes every word between its lowest and highest heap addresses for a possible pointer:
 * the heap must not be placed next to the image, whose data points into it all over. */
extern const char __ehdr_start[];
static int heapfar(void) {
    const uintptr_t image = (uintptr_t)__ehdr_start, gib = (uintptr_t)1 << 30;
    int ok = 1;
    for (int i = 0; i < 64; i++) {
        /* small objects, then big ones: each new heap section too */
        uintptr_t p = (uintptr_t)rz_alloc(i < 32 ? 32 : (int64_t)1 << 20);
        if (image < 2048 * gib) continue; /* too low an image for a zone below it (39-bit address spaces) */
        if (p > image - 512 * gib) {
            printf("heap object at %#lx, image at %#lx\n", (unsigned long)p, (unsigned long)image);
            ok = 0;
            break;
        }
    }
    if (ok) printf("heapfar ok\n");
    return ok;
}

int main(int argc, char **argv) {
    program.argc = argc;
    program.argv = argv;
    rz_start(); /* as a compiled program that calls the runtime does */
    int ok;
    if (argc > 1 && strcmp(argv[1], "hello") == 0) ok = (rz_println(cat(s_hello, s_world)), 1);
    else if (argc > 2 && strcmp(argv[1], "fuzz") == 0) ok = fuzz(atol(argv[2]));
    else if (argc > 2 && strcmp(argv[1], "stress") == 0) ok = stress(atol(argv[2]));
    else if (argc > 2 && strcmp(argv[1], "sortstress") == 0) ok = sortstress(atol(argv[2]));
    else if (argc > 1 && strcmp(argv[1], "heapfar") == 0) ok = heapfar();
    else ok = basics() & arrays() & bytes();
    rz_exit(ok ? 0 : 1);
    return 1;
}
