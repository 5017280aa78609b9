#include "CMappedCount.h"
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t cmc_lead_bytes(const unsigned char *p, size_t n) {
    size_t continuation = 0, i = 0;
#if defined(__SSE2__)
    /* Continuation bytes are the signed bytes below -64: per-lane byte counters for up to 255
       rounds of 16 bytes, then summed with psadbw. */
    const __m128i below = _mm_set1_epi8(-64);
    while (n - i >= 16) {
        size_t rounds = (n - i) / 16;
        if (rounds > 255) rounds = 255;
        __m128i counts = _mm_setzero_si128();
        for (size_t r = 0; r < rounds; r++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
            counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, below));
        }
        __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
        continuation += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
#endif
    for (; i < n; i++) continuation += ((signed char)p[i] < -64);
    return n - continuation;
}

size_t cmc_skip_leads(const unsigned char *p, size_t n, size_t *k) {
    size_t left = *k, i = 0;
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(-64);
    while (n - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned leads = ~(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, below)) & 0xFFFFu;
        size_t c = (size_t)__builtin_popcount(leads);
        if (left >= c) { left -= c; i += 16; continue; }
        while (left > 0) { leads &= leads - 1; left--; }   /* drop the lowest `left` leads */
        return i + (size_t)__builtin_ctz(leads);
    }
#endif
    for (; i < n; i++) {
        if ((signed char)p[i] >= -64) {
            if (left == 0) return i;
            left--;
        }
    }
    *k = left;
    return n;
}

/* The SIGBUS guard: set on a counting thread while it reads the mapping. */
static __thread sigjmp_buf *guard;
static struct sigaction previous;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void on_sigbus(int sig, siginfo_t *info, void *context) {
    if (guard) siglongjmp(*guard, 1);
    /* Not ours: hand it on as if this handler were not here. */
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(sig, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    signal(SIGBUS, SIG_DFL);
    raise(SIGBUS);
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

int cmc_count_blocks(const unsigned char *p, size_t n, size_t block, size_t skip, long *counts) {
    for (size_t b = 0, from = 0; from < n; b++, from += block) {
        size_t lo = from < skip ? (skip < n ? skip : n) : from;
        size_t hi = from + block < n ? from + block : n;
        counts[b] = lo < hi ? (long)cmc_lead_bytes(p + lo, hi - lo) : 0;
    }
    return 0;
}

int cmc_count_chunk(int fd, size_t offset, size_t n, size_t block, size_t skip, long *counts) {
    if (n == 0) return 0;
    pthread_once(&installed, install);
    void *map = mmap(NULL, n, PROT_READ, MAP_SHARED, fd, (off_t)offset);
    if (map == MAP_FAILED) return -1;
    sigjmp_buf here;
    volatile int status = 0;
    if (sigsetjmp(here, 1) == 0) {
        guard = &here;
        cmc_count_blocks(map, n, block, skip, counts);
    } else {
        status = -1;
    }
    guard = NULL;
    munmap(map, n);
    return status;
}
