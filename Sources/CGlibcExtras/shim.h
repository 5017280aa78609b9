#ifndef CGLIBCEXTRAS_SHIM_H
#define CGLIBCEXTRAS_SHIM_H
/* glibc functions Swift's Glibc module does not declare (feature macros it is built without).
   wcwidth: declared only under __USE_XOPEN.
   This is the width function ncursesw uses, so the layout must use it too. */
#include <wchar.h>
#include <locale.h>
extern int wcwidth(wchar_t c);
/* memrchr: a GNU extension (backward search for line starts in large files). */
#include <stddef.h>
extern void *memrchr(const void *s, int c, size_t n);
/* memmem: a GNU extension (literal search over file bytes; glibc's two-way search). */
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
/* Lower the calling thread's priority (background counting must not slow the first screen). */
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/resource.h>
static inline void cge_lower_thread_priority(int nice) { setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), nice); }

/* Bytes that start a UTF-8 scalar (all but the continuation bytes 10xxxxxx, which are the
   signed bytes below -64). Counting a large file is bound by this and by the copy out of the
   page cache, so on x86-64 it takes 16 bytes at a time (SSE2 is part of the baseline):
   per-lane byte counters for up to 255 rounds, then summed with psadbw. */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
static inline size_t cge_utf8_lead_bytes(const unsigned char *p, size_t n) {
    size_t continuation = 0, i = 0;
#if defined(__SSE2__)
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

/* Width of one code point under a private C.UTF-8 locale, so the answer does not depend on
   the process locale (which is "C" inside tests). Returns -2 if no UTF-8 locale exists. */
static inline int cgw_utf8_wcwidth_table(signed char *out, int first, int count) {
    locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (loc == (locale_t)0) return -2;
    locale_t old = uselocale(loc);
    for (int i = 0; i < count; i++) out[i] = (signed char)wcwidth((wchar_t)(first + i));
    uselocale(old);
    freelocale(loc);
    return 0;
}
#endif
