#ifndef CSIGNALFLAG_H
#define CSIGNALFLAG_H
/* Async-signal-safe hand-off of SIGTERM/SIGHUP/SIGINT to the run loop: the handler only
   records the signal number; the loop polls it and shuts down cleanly outside the handler. */
void csf_install(void);
/* Returns the last signal received and clears it, or 0. */
int csf_take(void);
#endif
