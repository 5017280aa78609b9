#include "CICU.h"
#include <dlfcn.h>
#include <pthread.h>

/* ICU's headers rename each function with the version suffix (ucsdet_open -> ucsdet_open_72),
   so the names below expand to the versioned symbols the library exports. */
#define CICU_STR2(x) #x
#define CICU_STR(x) CICU_STR2(x)

static struct {
    __typeof__(ucsdet_open) *ucsdet_open;
    __typeof__(ucsdet_close) *ucsdet_close;
    __typeof__(ucsdet_setText) *ucsdet_setText;
    __typeof__(ucsdet_detectAll) *ucsdet_detectAll;
    __typeof__(ucsdet_getName) *ucsdet_getName;
    __typeof__(ucsdet_getConfidence) *ucsdet_getConfidence;
    __typeof__(ubrk_open) *ubrk_open;
    __typeof__(ubrk_close) *ubrk_close;
    __typeof__(ubrk_first) *ubrk_first;
    __typeof__(ubrk_next) *ubrk_next;
    __typeof__(ubrk_getRuleStatus) *ubrk_getRuleStatus;
} icu;
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    /* libicui18n brings libicuuc (ubrk_*) and libicudata with it; dlsym searches all three. */
    void *lib = dlopen("libicui18n.so." CICU_STR(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
#define RESOLVE(name) if (!(icu.name = (__typeof__(icu.name))dlsym(lib, CICU_STR(name)))) return;
    RESOLVE(ucsdet_open) RESOLVE(ucsdet_close) RESOLVE(ucsdet_setText) RESOLVE(ucsdet_detectAll)
    RESOLVE(ucsdet_getName) RESOLVE(ucsdet_getConfidence)
    RESOLVE(ubrk_open) RESOLVE(ubrk_close) RESOLVE(ubrk_first) RESOLVE(ubrk_next) RESOLVE(ubrk_getRuleStatus)
#undef RESOLVE
    loaded = 1;
}

int cicu_available(void) {
    pthread_once(&once, load);
    return loaded;
}

UCharsetDetector *cicu_ucsdet_open(UErrorCode *st) {
    if (!cicu_available()) { *st = U_MISSING_RESOURCE_ERROR; return NULL; }
    return icu.ucsdet_open(st);
}
/* The rest take an object an open function returned, so ICU is loaded when they run. */
void cicu_ucsdet_close(UCharsetDetector *d) { icu.ucsdet_close(d); }
void cicu_ucsdet_setText(UCharsetDetector *d, const char *t, int32_t n, UErrorCode *st) { icu.ucsdet_setText(d, t, n, st); }
const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *n, UErrorCode *st) { return icu.ucsdet_detectAll(d, n, st); }
const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *st) { return icu.ucsdet_getName(m, st); }
int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *st) { return icu.ucsdet_getConfidence(m, st); }

UBreakIterator *cicu_ubrk_open(UBreakIteratorType t, const char *loc, const UChar *text, int32_t n, UErrorCode *st) {
    if (!cicu_available()) { *st = U_MISSING_RESOURCE_ERROR; return NULL; }
    return icu.ubrk_open(t, loc, text, n, st);
}
void cicu_ubrk_close(UBreakIterator *bi) { icu.ubrk_close(bi); }
int32_t cicu_ubrk_first(UBreakIterator *bi) { return icu.ubrk_first(bi); }
int32_t cicu_ubrk_next(UBreakIterator *bi) { return icu.ubrk_next(bi); }
int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return icu.ubrk_getRuleStatus(bi); }
