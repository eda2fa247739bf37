/* progress: the one progress line of the long-running commands (verify,
 * suite, sweep): redrawn in place with '\r' on a stream the caller passes
 * (stderr), nothing at all when off. */
#ifndef SCNFG_ORCHESTRATE_PROGRESS_H
#define SCNFG_ORCHESTRATE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct progress {
  FILE *f;
  bool on;
  const char *label; /* "suite" */
  double t0;         /* start (limits_now) */
} progress;

/* Starts the clock; 'f' borrowed for the life of p. */
void progress_init (progress *p, FILE *f, bool on, const char *label);

/* Seconds since progress_init. */
double progress_elapsed (const progress *p);

/* "\rLABEL: TEXT". */
void progress_line (const progress *p, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));

/* "\rLABEL [####......] DONE/TOTAL  elapsed M:SS  ETA M:SS " (30 columns). */
void progress_bar (const progress *p, size_t done, size_t total);

/* Ends the line (a newline) if on. */
void progress_end (const progress *p);

/* The prefix of a message printed while the line is on ("\n" or ""). */
const char *progress_break (const progress *p);

#endif
