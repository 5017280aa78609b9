#ifndef CGLIBCEXTRAS_SHIM_H
#define CGLIBCEXTRAS_SHIM_H
/* glibc functions Swift's Glibc module does not declare (feature macros it is built without).
   memrchr: a GNU extension (backward search for line starts in large files). */
#include <stddef.h>
extern void *memrchr(const void *s, int c, size_t n);
/* Whether a run of Unicode scalars (32-bit values, as wchar_t is on Linux) holds `value`:
   glibc's wmemchr, vector code. */
#include <wchar.h>
#include <stdbool.h>
static inline bool cge_scalars_contain(const unsigned int *scalars, unsigned int value, size_t count) {
    return wmemchr((const wchar_t *)scalars, (wchar_t)value, count) != NULL;
}
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

/* The benchmark's bare pseudo-terminal: the pty calls (declared only with _XOPEN_SOURCE), its
   size (ioctl is variadic, which Swift cannot call) and posix_spawn's flag for a new session
   (declared only with _GNU_SOURCE). */
#include <sys/ioctl.h>
#include <fcntl.h>
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);
static inline int cge_set_window_size(int fd, unsigned short rows, unsigned short cols) {
    struct winsize size = { rows, cols, 0, 0 };
    return ioctl(fd, TIOCSWINSZ, &size);
}
#define CGE_POSIX_SPAWN_SETSID 0x80

/* An anonymous file in memory for input that can be read only once (a pipe): memfd_create,
   called through syscall (glibc declares it only with _GNU_SOURCE). Closed on exec. */
static inline int cge_memory_file(const char *name) {
    return (int)syscall(SYS_memfd_create, name, 1u /* MFD_CLOEXEC */);
}
/* Moving a pipe's bytes into that file without copying them through the program (splice), in
   large steps (a 1 MiB pipe buffer, F_SETPIPE_SZ): both declared only with _GNU_SOURCE.
   Returns what splice returns; -1 with EINVAL when the input is not a pipe. */
extern long splice(int fd_in, long long *off_in, int fd_out, long long *off_out, size_t len, unsigned int flags);
static inline long cge_splice(int from, int to, size_t length) {
    return splice(from, 0, to, 0, length, 1u /* SPLICE_F_MOVE */);
}
static inline void cge_widen_pipe(int fd) {
    (void)fcntl(fd, 1031 /* F_SETPIPE_SZ */, 1 << 20);
}

#endif
