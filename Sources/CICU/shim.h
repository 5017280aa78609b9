#ifndef CICU_SHIM_H
#define CICU_SHIM_H
/* ICU renames every function with a version suffix (ucsdet_open_72); Swift sees only the
   suffixed names, so these wrappers give version-neutral ones. */
#include <unicode/utypes.h>
#include <unicode/ucsdet.h>
#include <unicode/ubrk.h>

static inline UCharsetDetector *cicu_ucsdet_open(UErrorCode *st) { return ucsdet_open(st); }
static inline void cicu_ucsdet_close(UCharsetDetector *d) { ucsdet_close(d); }
static inline void cicu_ucsdet_setText(UCharsetDetector *d, const char *t, int32_t n, UErrorCode *st) { ucsdet_setText(d, t, n, st); }
static inline const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *n, UErrorCode *st) { return ucsdet_detectAll(d, n, st); }
static inline const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *st) { return ucsdet_getName(m, st); }
static inline int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *st) { return ucsdet_getConfidence(m, st); }

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType t, const char *loc, const UChar *text, int32_t n, UErrorCode *st) { return ubrk_open(t, loc, text, n, st); }
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
#endif
