// Stack overflow and out-of-memory handling for compiled Haxe programs (docs/architecture.md,
// Faults). C, not C#: a signal handler, or Boehm's out-of-memory hook (called from managed code
// too), must not run managed code. Compiled by toolchain/build-runtime into rzfaults.o.
//
// Out of memory: what stdout holds is written, then `rayzor: out of memory`, exit status 1
// (Boehm's own warnings are silenced).
//
// The Haxe program runs on a thread of its own with a big stack (rz_run_main). Below that stack's
// usable part lie SOFT_ZONES soft guard zones, then a hard guard; all start inaccessible. A fault in
// a soft zone opens it (and any above it): when the faulting instruction is generated Haxe code (the
// rz_code section), the thread is sent to rz_stack_overflow_landing, which throws the Haxe String
// "Stack overflow" through the trap chain (catchable; uncaught: the usual report, exit 1). A fault
// in other code (the runtime, Boehm, libc: abandoning it could leave a lock held or the managed
// runtime in the wrong mode) is resumed with the zone open, and the innermost return address into
// generated code found on the stack is replaced by stack_overflow_return: when that runtime call
// completes, the throw happens as it returns to Haxe code. A fault in the hard guard (or no soft zone
// left) ends the process with the message and exit status 1, after writing out what stdout holds. Other faults go to the handler installed before ours (NativeAOT's,
// which turns faults in managed code into exceptions and passes the rest on to the default action).
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sched.h>
#include <ucontext.h>
#include <unistd.h>

// Compiled twice (toolchain/build-runtime): rzfaults.o for programs linked with the runtime, and with
// RZ_WITHOUT_RUNTIME rzfaults-lite.o for programs that neither call the runtime nor allocate on the
// Haxe heap (the compiler knows, docs/abi.md "Program start"): those link without the NativeAOT
// runtime and Boehm, so the dynamic loader has a few dozen libc symbols to bind instead of two
// hundred. Without the runtime an overflow cannot be thrown as a Haxe exception (nothing could catch
// it: catching calls the runtime); it ends the program with the uncaught-exception message.
extern int GC_pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
extern int GC_pthread_join(pthread_t, void **);
extern void *rz_throw_prepare(void *value);
extern void *rz_stack_overflow_value(void);
extern void GC_set_oom_fn(void *(*)(size_t));
extern void GC_set_warn_proc(void (*)(char *, uintptr_t));
extern void GC_gcollect(void);

extern void GC_set_free_space_divisor(uintptr_t);
extern void GC_set_min_bytes_allocd(size_t);

// The program block the generated code defines (docs/abi.md "Program start"): its stdout buffer is
// shared by generated code and the runtime, so it is reached without starting the NativeAOT runtime.
struct output_buffer
{
    unsigned char *data;
    int length;
    int capacity;
};
struct program
{
    void *builtins;
    int argc;
    int reserved;
    char **argv;
    struct output_buffer out;
};
extern struct program *rz_program(void);
extern void longjmp(void *env, int value) __attribute__((noreturn));

// Generated code (ModuleEmitter.CodeSection); weak, so a program without it (the runtime's own C
// test harness) still links.
extern const char __start_rz_code[] __attribute__((weak));
extern const char __stop_rz_code[] __attribute__((weak));

#define STACK_BYTES ((size_t)1 << 30)    // reserved, not committed: pages are used as the stack grows
#define MIN_STACK_BYTES ((size_t)16 << 20)
#define ZONE_BYTES ((size_t)256 << 10)
#define SOFT_ZONES 4
#define HARD_GUARD_BYTES ((size_t)64 << 10)
#define ALT_STACK_BYTES ((size_t)64 << 10)
#define REARM_MARGIN ((size_t)64 << 10)
#define RETURN_SEARCH_WORDS ((size_t)1 << 20)

static char *g_hard_lo;   // the lowest byte of the mapping: [g_hard_lo, g_soft_lo) is the hard guard
static char *g_soft_lo;   // [g_soft_lo, g_soft_hi) the soft zones
static char *g_soft_hi;   // the usable stack starts here
static char *g_stack_hi;  // the top of the stack (its highest address + 1)
static char *volatile g_open_lo; // soft zones at and above this address are open (g_soft_hi: none)
static struct sigaction g_previous;

static struct output_buffer *g_output;

static const char overflow_message[] = "Uncaught exception: Stack overflow\n";

static void write_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size > 0)
    {
        ssize_t n = write(fd, p, size);
        if (n <= 0)
            return;
        p += n;
        size -= (size_t)n;
    }
}

// What the program printed before a fatal end: the runtime's stdout buffer.
static void flush_stdout(void)
{
    if (g_output != NULL && g_output->data != NULL && g_output->length > 0)
    {
        int n = g_output->length;
        g_output->length = 0;
        write_all(1, g_output->data, (size_t)n);
    }
}

#ifndef RZ_WITHOUT_RUNTIME
static const char oom_message[] = "rayzor: out of memory\n";

static void *on_out_of_memory(size_t bytes)
{
    (void)bytes;
    flush_stdout();
    write_all(2, oom_message, sizeof oom_message - 1);
    _exit(1);
}

static void ignore_gc_warning(char *message, uintptr_t arg)
{
    (void)message;
    (void)arg;
}

// The collector's memory, asked for far from the executable's image (toolchain/build-runtime
// renames libgc's mmap calls to this one). Boehm takes every word between its lowest and highest
// heap addresses, with a margin for growth, for a possible pointer: it looks each one up, and
// blacklists the page when no object is there. The kernel maps a static PIE among the anonymous
// mappings, so the heap grew next to the image, whose data (the runtime's tables, pointing into its
// own code and data) then cost every collection that: alloc's marking took 2.3 times as long. Its
// sections are asked for from 1 TiB below the image down, each a page below the last, as the kernel
// places mappings top-down (Boehm's own hint, where the last section ended, made them contiguous,
// and strings' heap grew by twice its 15 MB text at once: peak RSS 41.7 -> 57.3 MB); a hint the
// kernel cannot honour leaves the placement to it.
extern const char __ehdr_start[];
static uintptr_t g_gc_next;

void *rz_gc_mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    const uintptr_t image = (uintptr_t)__ehdr_start, far = (uintptr_t)1 << 40;
    if ((flags & MAP_FIXED) || image < 2 * far)
        return mmap(addr, length, prot, flags, fd, offset);
    if (g_gc_next == 0)
        g_gc_next = (image - far) & ~(uintptr_t)0xFFFFF;
    (void)addr;
    uintptr_t want = (g_gc_next - length - 0x1000) & ~(uintptr_t)0xFFFF;
    void *p = mmap((void *)want, length, prot, flags, fd, offset);
    if (p != MAP_FAILED && (uintptr_t)p < image - far / 2)
        g_gc_next = (uintptr_t)p;
    return p;
}
#endif

static int in_generated_code(uintptr_t pc)
{
    return __start_rz_code != NULL && pc >= (uintptr_t)__start_rz_code && pc < (uintptr_t)__stop_rz_code;
}

__attribute__((noreturn)) static void fatal_overflow(void)
{
    flush_stdout();
    write_all(2, overflow_message, sizeof overflow_message - 1);
    _exit(1);
}

// Runs as if the faulting Haxe instruction had called it; the open soft zone is its stack.
__attribute__((noreturn, noinline, visibility("hidden"))) void rz_stack_overflow_landing(void)
{
#ifdef RZ_WITHOUT_RUNTIME
    fatal_overflow();
#else
    longjmp(rz_throw_prepare(rz_stack_overflow_value()), 1);
#endif
}

// The return address stack_overflow_return stands in for; it pretends to have been called from
// there, so the stack trace starts at the Haxe function the runtime call would have returned to.
__attribute__((visibility("hidden"))) uintptr_t rz_overflow_return_to;
void rz_stack_overflow_return(void);
#if defined(__x86_64__)
__asm__(".text\n"
        ".globl rz_stack_overflow_return\n"
        ".hidden rz_stack_overflow_return\n"
        ".type rz_stack_overflow_return,@function\n"
        "rz_stack_overflow_return:\n"
        "    pushq rz_overflow_return_to(%rip)\n"
        "    jmp rz_stack_overflow_landing\n"
        ".size rz_stack_overflow_return, .-rz_stack_overflow_return\n");
#elif defined(__aarch64__)
__asm__(".text\n"
        ".globl rz_stack_overflow_return\n"
        ".hidden rz_stack_overflow_return\n"
        ".type rz_stack_overflow_return,%function\n"
        "rz_stack_overflow_return:\n"
        "    adrp x30, rz_overflow_return_to\n"
        "    ldr x30, [x30, :lo12:rz_overflow_return_to]\n"
        "    b rz_stack_overflow_landing\n"
        ".size rz_stack_overflow_return, .-rz_stack_overflow_return\n");
#endif

// Whether `addr`, a value found on the stack, is a return address into generated code: it points
// into rz_code just after a call instruction.
static int is_generated_return(uintptr_t addr)
{
    if (!in_generated_code(addr) || addr - 8 < (uintptr_t)__start_rz_code)
        return 0;
    const unsigned char *p = (const unsigned char *)addr;
#if defined(__x86_64__)
    if (p[-5] == 0xE8) // call rel32
        return 1;
    // call r/m64 (FF /2): register (2 bytes, 3 with REX), [reg+disp8] (3), [rip+disp32] or [reg+disp32] (6)
    if (p[-2] == 0xFF && (p[-1] & 0xF8) == 0xD0)
        return 1;
    if (p[-3] == 0xFF && (p[-2] & 0xF8) == 0x50)
        return 1;
    if (p[-6] == 0xFF && (p[-5] == 0x15 || (p[-5] & 0xF8) == 0x90))
        return 1;
    return 0;
#elif defined(__aarch64__)
    uint32_t insn;
    memcpy(&insn, p - 4, 4);
    return (insn & 0xFC000000u) == 0x94000000u      // bl
        || (insn & 0xFFFFFC1Fu) == 0xD63F0000u;     // blr
#endif
}

// A fault outside generated code: the innermost return into generated code (searched upward from
// the faulting sp) returns into rz_stack_overflow_return instead.
static void throw_on_return(uintptr_t sp)
{
    uintptr_t *slot = (uintptr_t *)((sp + 7) & ~(uintptr_t)7);
    uintptr_t *end = (uintptr_t *)g_stack_hi;
    for (size_t seen = 0; slot < end && seen < RETURN_SEARCH_WORDS; slot++, seen++)
    {
        if (*slot == (uintptr_t)rz_stack_overflow_return)
            return; // already armed
        if (is_generated_return(*slot))
        {
            rz_overflow_return_to = *slot;
            *slot = (uintptr_t)rz_stack_overflow_return;
            return;
        }
    }
}

static uintptr_t context_sp(ucontext_t *uc)
{
#if defined(__x86_64__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
    return (uintptr_t)uc->uc_mcontext.sp;
#endif
}

static uintptr_t context_pc(ucontext_t *uc)
{
#if defined(__x86_64__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (uintptr_t)uc->uc_mcontext.pc;
#endif
}

// Resumes the thread in rz_stack_overflow_landing. x86-64: the faulting pc + 1 is pushed as the
// return address, so an unwinder looks up the faulting instruction itself and the stack trace
// starts at the overflowing Haxe function. AArch64: the link register is kept (the trace starts at
// that function's caller).
static void redirect_to_landing(ucontext_t *uc)
{
    uintptr_t sp = context_sp(uc) & ~(uintptr_t)15;
#if defined(__x86_64__)
    sp -= 8;
    *(uintptr_t *)sp = context_pc(uc) + 1;
    uc->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
    uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)rz_stack_overflow_landing;
#elif defined(__aarch64__)
    uc->uc_mcontext.sp = sp;
    uc->uc_mcontext.pc = (uintptr_t)rz_stack_overflow_landing;
#endif
}

static void pass_on(int sig, siginfo_t *info, void *context)
{
    if (g_previous.sa_flags & SA_SIGINFO)
    {
        if (g_previous.sa_sigaction != NULL)
        {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    }
    else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN)
    {
        g_previous.sa_handler(sig);
        return;
    }
    // the default action: the faulting instruction runs again and ends the process
    signal(sig, SIG_DFL);
}

static void on_segv(int sig, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    char *addr = info->si_addr;
    if (g_hard_lo == NULL || addr < g_hard_lo || addr >= g_soft_hi)
    {
        pass_on(sig, info, context);
        return;
    }
    // the landing needs a little stack below the faulting sp too
    char *need = (char *)(context_sp(uc) - 512);
    if (need > addr)
        need = addr;
    if (need < g_soft_lo)
        fatal_overflow();
    char *zone = g_soft_lo + (size_t)(need - g_soft_lo) / ZONE_BYTES * ZONE_BYTES;
    if (zone < g_open_lo)
    {
        if (mprotect(zone, (size_t)(g_open_lo - zone), PROT_READ | PROT_WRITE) != 0)
            fatal_overflow();
        g_open_lo = zone;
    }
    if (in_generated_code(context_pc(uc)))
        redirect_to_landing(uc);
    else
        throw_on_return(context_sp(uc));
}

// Called when a Haxe catch handler starts (rz_exception_value): once the stack is well above the
// soft zones again, they are closed, so the next overflow is caught the same way.
void rz_stack_rearm(void)
{
    char here;
    if (g_open_lo == g_soft_hi || &here < g_soft_hi + REARM_MARGIN)
        return;
    if (mprotect(g_open_lo, (size_t)(g_soft_hi - g_open_lo), PROT_NONE) == 0)
        g_open_lo = g_soft_hi;
}

#ifndef RZ_WITHOUT_RUNTIME
// RAYZOR_GC_STRESS=1: besides collecting at almost every free-list refill (set in rz_run_main) and
// before every 16th allocation of the runtime (Heap.ArmStress, when the runtime starts), a
// thread of its own collects over and over, stopping the program at arbitrary points (also between
// an allocation and the store that makes the object reachable), every ~0.1 ms on a small heap.

static int stress_requested(void)
{
    const char *value = getenv("RAYZOR_GC_STRESS");
    return value != NULL && value[0] != 0 && strcmp(value, "0") != 0;
}

// A fresh chain of pointer-free cells (the runtime's Memory/AtomicCells.cs refill) is reachable only
// through links inside the cells, which Boehm does not trace, until the runtime has copied each cell's
// address into its stacks: a collection in between would reclaim the rest of the chain. Collections
// on the program's own thread cannot happen there (nothing allocates), so only the stress thread
// needs to wait; without it the calls do nothing.
static pthread_mutex_t g_refill_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_stress_thread; // set before that thread starts, never cleared

void rz_cells_refill_begin(void)
{
    if (g_stress_thread)
        pthread_mutex_lock(&g_refill_lock);
}

void rz_cells_refill_end(void)
{
    if (g_stress_thread)
        pthread_mutex_unlock(&g_refill_lock);
}

static void *collect_often(void *arg)
{
    (void)arg;
    for (;;)
    {
        pthread_mutex_lock(&g_refill_lock);
        GC_gcollect();
        pthread_mutex_unlock(&g_refill_lock);
        sched_yield();
    }
    return NULL;
}

static void start_gc_stress(void)
{
    g_stress_thread = 1;
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    GC_pthread_create(&thread, &attr, collect_often, NULL);
    pthread_attr_destroy(&attr);
}
#endif

struct start
{
    void (*entry)(void);
    char *alt_stack;
};

static void *run_entry(void *arg)
{
    struct start *s = arg;
    stack_t ss = { .ss_sp = s->alt_stack, .ss_size = ALT_STACK_BYTES, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    s->entry();
    return NULL;
}

static void install_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &g_previous);
}

// Runs `entry` (the program: static initializers and main) on a thread with a big guarded stack,
// and waits for it. When no such stack can be had (an address-space limit), smaller ones are tried,
// then the calling thread's own stack (where an overflow is the plain SIGSEGV). `collected` is 0
// when the program neither allocates on the Haxe heap nor calls the runtime (the compiler knows):
// then the thread is a plain pthread and Boehm is never initialized (hello world's start-up).
void rz_run_main(void (*entry)(void), int collected)
{
    g_output = &rz_program()->out;
#ifdef RZ_WITHOUT_RUNTIME
    (void)collected; // 0: nothing allocates on the Haxe heap
#else
    // The stdout buffer is static (untouched pages cost nothing): a first malloc on the program's
    // thread would have glibc set up an arena for it (a 128 MB reservation and three more system
    // calls), a good part of a small program's start-up.
    static unsigned char initial_output[64 * 1024];
    if (g_output->data == NULL)
    {
        g_output->data = initial_output;
        g_output->capacity = (int)sizeof initial_output;
    }
    GC_set_oom_fn(on_out_of_memory);
    GC_set_warn_proc(ignore_gc_warning);
    if (stress_requested())
    {
        // after the generated main's own policy (a 6 MB floor between collections), which this
        // replaces: a collection whenever the allocator needs fresh memory (each refill of a free
        // list: the runtime's GC_malloc and the inline allocator's GC_malloc_many alike)
        GC_set_free_space_divisor(UINTPTR_MAX / 2);
        GC_set_min_bytes_allocd(1);
        start_gc_stress();
    }
#endif

    size_t size = STACK_BYTES;
    struct rlimit as;
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY && size > as.rlim_cur / 4)
        size = (size_t)as.rlim_cur / 4;
    size_t guard = HARD_GUARD_BYTES + SOFT_ZONES * ZONE_BYTES;
    for (; size >= MIN_STACK_BYTES; size /= 2)
    {
        char *base = mmap(NULL, size + ALT_STACK_BYTES, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (base == MAP_FAILED)
            continue;
        char *stack = base + ALT_STACK_BYTES;
        if (mprotect(stack, guard, PROT_NONE) != 0)
        {
            munmap(base, size + ALT_STACK_BYTES);
            continue;
        }
        g_hard_lo = stack;
        g_soft_lo = stack + HARD_GUARD_BYTES;
        g_soft_hi = stack + guard;
        g_stack_hi = stack + size;
        g_open_lo = g_soft_hi;
        install_handler();

        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstack(&attr, stack, size);
        struct start s = { entry, base };
        pthread_t thread;
#ifdef RZ_WITHOUT_RUNTIME
        int failed = pthread_create(&thread, &attr, run_entry, &s);
#else
        int failed = collected ? GC_pthread_create(&thread, &attr, run_entry, &s) : pthread_create(&thread, &attr, run_entry, &s);
#endif
        pthread_attr_destroy(&attr);
        if (failed == 0)
        {
#ifndef RZ_WITHOUT_RUNTIME
            if (collected)
                GC_pthread_join(thread, NULL);
            else
#endif
                pthread_join(thread, NULL);
            return;
        }
        sigaction(SIGSEGV, &g_previous, NULL);
        g_hard_lo = g_soft_lo = g_soft_hi = g_stack_hi = g_open_lo = NULL;
        munmap(base, size + ALT_STACK_BYTES);
    }
    entry();
}

// libc's current `environ` (setenv may move it): a static executable has no dynamic symbol table
// for the runtime's dlsym to find it in.
char **rz_environ(void)
{
    extern char **environ;
    return environ;
}

// Stdout's reader has gone (EPIPE from generated code's writes, docs/abi.md "Program start"): the
// program ends as a C program does, killed by SIGPIPE without a message. The signal's default action
// is restored first: the NativeAOT runtime, if started, ignores SIGPIPE.
void rz_broken_pipe(void)
{
    signal(SIGPIPE, SIG_DFL);
    raise(SIGPIPE);
    _exit(128 + SIGPIPE);
}
