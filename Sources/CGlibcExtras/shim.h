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
/* Run the calling thread only when a CPU would otherwise be idle (SCHED_IDLE): background
   counting must not delay the reader, the terminal or tmux, which wake up and preempt it at
   once. Where the policy is refused, the thread's nice value goes to 19 instead. */
#include <unistd.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#ifndef SCHED_IDLE
#define SCHED_IDLE 5
#endif
static inline void cge_make_thread_idle(void) {
    struct sched_param param = { 0 };
    if (sched_setscheduler(0, SCHED_IDLE, &param) != 0) setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
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
