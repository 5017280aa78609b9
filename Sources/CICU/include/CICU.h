#ifndef CICU_H
#define CICU_H
/* The few ICU functions pizhu uses (charset detection, word breaks), under version-neutral
   names. ICU is loaded on first use (dlopen), not at start-up: linking it costs every start
   about 0.8 ms of loading and relocation, and most files (UTF-8) never need it. If the
   library cannot be loaded, the open functions fail with U_MISSING_RESOURCE_ERROR and the
   callers fall back (no detection; one word per text). */
#include <unicode/utypes.h>
#include <unicode/ucsdet.h>
#include <unicode/ubrk.h>

/* 1 if the system ICU could be loaded (loads it on the first call). */
int cicu_available(void);

UCharsetDetector *cicu_ucsdet_open(UErrorCode *st);
void cicu_ucsdet_close(UCharsetDetector *d);
void cicu_ucsdet_setText(UCharsetDetector *d, const char *t, int32_t n, UErrorCode *st);
const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *n, UErrorCode *st);
const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *st);
int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *st);

UBreakIterator *cicu_ubrk_open(UBreakIteratorType t, const char *loc, const UChar *text, int32_t n, UErrorCode *st);
void cicu_ubrk_close(UBreakIterator *bi);
int32_t cicu_ubrk_first(UBreakIterator *bi);
int32_t cicu_ubrk_next(UBreakIterator *bi);
int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi);
#endif
