#ifndef CWIDTHTABLE_H
#define CWIDTHTABLE_H
/* glibc's wcwidth for U+0000…U+3FFFF under a private C.UTF-8 locale (so the answer does not
   depend on the process locale, which is "C" inside tests), read 256 code points at a time as
   a document first needs them. Building the whole table at the first layout called wcwidth
   65,536 times, about 0.6 ms of every start-up (perf, opening seed 001); a page is 256 calls.
   Safe from any thread: a page is filled once, under a lock, and published with a release
   store that readers pair with an acquire load. */

/* The width of `value` (below 0x40000): 0, 1, 2 or -1 (not printable); -2 if no UTF-8
   locale exists on this system at all. */
int cwt_width(unsigned int value);

/* How many of the 1,024 pages have been read so far (for the tests that prove the table is
   read only as far as it is used). */
int cwt_pages_read(void);
#endif
