#include "CSignalFlag.h"
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t pending = 0;

static void record(int sig) { pending = sig; }

void csf_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the loop sees the flag */
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    sigaction(SIGQUIT, &sa, 0);
    signal(SIGPIPE, SIG_IGN);
}

int csf_take(void) {
    int s = pending;
    pending = 0;
    return s;
}
