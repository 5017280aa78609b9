#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what exposes the wide API. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

/* C globals: Swift 6 rejects direct access to mutable globals. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline void cnc_set_escdelay(int ms) { set_escdelay(ms); }

/* Attribute macros Swift cannot import. */
static inline attr_t cnc_a_normal(void)    { return A_NORMAL; }
static inline attr_t cnc_a_reverse(void)   { return A_REVERSE; }
static inline attr_t cnc_a_bold(void)      { return A_BOLD; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void)       { return A_DIM; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }
#endif
