#define _GNU_SOURCE
#include "CWidthTable.h"
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <wchar.h>

enum { LIMIT = 0x40000, PAGE_BITS = 8 };

static signed char widths[LIMIT];
static atomic_uchar ready[LIMIT >> PAGE_BITS];
static pthread_mutex_t filling = PTHREAD_MUTEX_INITIALIZER;
static locale_t utf8;
static int no_utf8;
static atomic_int pages_read;

static void fill(unsigned int page) {
    pthread_mutex_lock(&filling);
    if (!atomic_load_explicit(&ready[page], memory_order_relaxed)) {
        if (!utf8 && !no_utf8) {
            utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
            no_utf8 = utf8 == (locale_t)0;
        }
        if (!no_utf8) {
            locale_t old = uselocale(utf8);
            unsigned int first = page << PAGE_BITS;
            for (unsigned int i = 0; i < (1u << PAGE_BITS); i++) widths[first + i] = (signed char)wcwidth((wchar_t)(first + i));
            uselocale(old);
        }
        atomic_store_explicit(&ready[page], no_utf8 ? 2 : 1, memory_order_release);
        atomic_fetch_add_explicit(&pages_read, 1, memory_order_relaxed);
    }
    pthread_mutex_unlock(&filling);
}

int cwt_width(unsigned int value) {
    if (value >= LIMIT) return -1;
    unsigned int page = value >> PAGE_BITS;
    unsigned char state = atomic_load_explicit(&ready[page], memory_order_acquire);
    if (!state) {
        fill(page);
        state = atomic_load_explicit(&ready[page], memory_order_acquire);
    }
    return state == 2 ? -2 : widths[value];
}

int cwt_pages_read(void) { return atomic_load_explicit(&pages_read, memory_order_relaxed); }
