#ifndef CMAPPEDCOUNT_H
#define CMAPPEDCOUNT_H
/* Counting the scalars of a large UTF-8 file straight from a read-only mapping of it, which
   is several times faster than copying it out with pread (`pizhu-bench --only decoding`
   measures the count of 1 GB). A mapped file that shrinks raises SIGBUS when a page past its new end is
   touched; the count catches that on the counting thread and reports it, so the caller can
   fall back to pread (whose short reads report the change) instead of crashing. */
#include <stddef.h>

/* Maps the `n` bytes of `fd` at `offset` (a multiple of the page size) read-only, cuts them
   into blocks of `block` bytes and writes each block's number of UTF-8 lead bytes (bytes that
   are not 10xxxxxx) to counts[], leaving out the first `skip` bytes (a byte-order mark), then
   unmaps them (one chunk at a time, so the pages do not stay in the process's resident set).
   Returns 0, or -1 if the bytes could not be mapped or reading them raised SIGBUS (the file
   was truncated): counts[] is then incomplete. */
int cmc_count_chunk(int fd, size_t offset, size_t n, size_t block, size_t skip, long *counts);

/* The same for `n` bytes already in memory (a pread copy); always 0. */
int cmc_count_blocks(const unsigned char *p, size_t n, size_t block, size_t skip, long *counts);

/* Lead bytes of p[0..<n] (memory that cannot fault). */
size_t cmc_lead_bytes(const unsigned char *p, size_t n);

/* The index in p[0..<n] of the lead byte that has *k lead bytes before it (from p on), found
   16 bytes at a time; n if p has no more than *k lead bytes, and *k is then lowered by the
   number it has (to go on in the next buffer). */
size_t cmc_skip_leads(const unsigned char *p, size_t n, size_t *k);
#endif
