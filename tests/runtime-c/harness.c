/* Proof harness for Rayzor.Runtime (docs/abi.md), linked like a compiled Haxe program:
 *   cc -O2 -c harness.c && cc harness.o $(sed "s|^[^-]|$RT/&|" $RT/link.txt) -o harness
 * (what tests/Rayzor.Runtime.Tests does; RT = artifacts/runtime/<rid>).
 *
 *   harness              prints strings built by the runtime, checks floats against printf("%.15g")
 *   harness hello        prints one concatenation: what start-up time is measured on
 *   harness fuzz N       compares rz_string_from_float with snprintf("%.15g") on N random doubles
 *   harness stress N     N allocations through Boehm with live strings on the C stack; checks them
 * Exit code 0 when every check passed. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct TypeDesc { int32_t kind; int32_t size; const char *name; } TypeDesc;
enum { RZ_KIND_STRING = 1, RZ_KIND_INT = 2, RZ_KIND_FLOAT = 3, RZ_KIND_BOOL = 4, RZ_KIND_CLASS = 5 };
typedef struct HString { const TypeDesc *td; int32_t length; int32_t hash; uint16_t chars[]; } HString;
typedef struct RzBuiltins { const TypeDesc *string, *boxInt, *boxFloat, *boxBool; } RzBuiltins;

void rz_init(const RzBuiltins *, int32_t argc, char **argv);
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
size_t GC_get_heap_size(void); /* Boehm, linked statically from libgc.a */

/* What the compiler emits: the built-in descriptors and string literals as constant data. */
static const TypeDesc td_string = { RZ_KIND_STRING, 0, "String" };
static const TypeDesc td_int = { RZ_KIND_INT, 16, "Int" };
static const TypeDesc td_float = { RZ_KIND_FLOAT, 16, "Float" };
static const TypeDesc td_bool = { RZ_KIND_BOOL, 16, "Bool" };
static const TypeDesc td_main = { RZ_KIND_CLASS, 8, "Main" };
static const RzBuiltins builtins = { &td_string, &td_int, &td_float, &td_bool };

#define LIT(name, text)                                                                         \
    static const struct { const TypeDesc *td; int32_t length, hash; uint16_t chars[sizeof(u"" text) / 2 - 1]; } \
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

int main(int argc, char **argv) {
    rz_init(&builtins, argc, argv);
    int ok;
    if (argc > 1 && strcmp(argv[1], "hello") == 0) ok = (rz_println(cat(s_hello, s_world)), 1);
    else if (argc > 2 && strcmp(argv[1], "fuzz") == 0) ok = fuzz(atol(argv[2]));
    else if (argc > 2 && strcmp(argv[1], "stress") == 0) ok = stress(atol(argv[2]));
    else ok = basics();
    rz_exit(ok ? 0 : 1);
    return 1;
}
