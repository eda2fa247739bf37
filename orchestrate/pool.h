/* pool: the one process pool of scnfg (verify -j, suite -j, the measured
 * runs of suite and sweep, depqbf). Each job runs in a forked child, at most
 * 'workers' at a time; the child sends back a fixed-size block of plain data
 * (its result) through a pipe and exits; the parent reaps it with wait4, so
 * each job reports its own wall clock and peak resident memory. A job past
 * the optional deadline is killed (SIGKILL) and reported as timed out.
 *
 * Contract: next, done run in the parent, run in the child (it may exec;
 * whatever it returns is the child's exit code). The pool flushes every
 * stdio stream before each fork, never prints and never exits the parent.
 *
 * Signals: while a pool runs it catches SIGINT and SIGTERM (unless they are
 * ignored); the handler only records the signal, in the one mutable static
 * of the library (pool.c). The pool then starts no further job, sends the
 * signal on to its live workers, SIGKILLs those still alive after a grace of
 * 1 s, reaps and reports them (interrupted), restores the dispositions and
 * returns false; pool_interrupted() tells the caller which signal it was, and
 * every later pool starts nothing. The CLI exits 128 + that signal (130,
 * 143). A child gets the default dispositions (ignored stays ignored) and dies with the
 * parent (Linux: PR_SET_PDEATHSIG SIGKILL), so no worker outlives a parent
 * killed by SIGKILL either. */
#ifndef SCNFG_ORCHESTRATE_POOL_H
#define SCNFG_ORCHESTRATE_POOL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#define POOL_MAX_RESULT 65536 /* a result fits a pipe's buffer (the child writes it before exiting) */

/* How one job ended. */
typedef struct pool_outcome {
  bool exited;    /* the child exited normally (code valid) */
  int code;       /* its exit code */
  int status;     /* the raw wait status (-1: wait failed) */
  bool timed_out; /* killed at the deadline */
  bool interrupted; /* killed because the pool caught a signal (see above) */
  bool complete;  /* all result_size bytes arrived (the result is valid) */
  double seconds; /* wall clock from fork to reaping */
  long peak_kb;   /* the child's peak resident set (KB) */
} pool_outcome;

typedef struct pool_spec {
  int workers;        /* at least 1 */
  size_t result_size; /* bytes of a result, 0..POOL_MAX_RESULT (0: no pipe) */
  double timeout;     /* seconds per job; <= 0: none */
  /* The next job to start now: true with *job set, or false (none now; asked
   * again after each finished job). */
  bool (*next) (void *ctx, size_t *job);
  /* In the child: does 'job', fills 'result' (result_size bytes, zeroed),
   * returns the exit code. */
  int (*run) (void *ctx, size_t job, void *result);
  /* In the parent, once per job, in order of completion; 'result' is valid
   * iff o->complete. */
  void (*done) (void *ctx, size_t job, const pool_outcome *o, const void *result);
  void *ctx;
} pool_spec;

/* Runs jobs until next() gives none and none is running. Returns false if a
 * signal was caught (see above) or if a pipe or fork failed: that job is reported to done() as one that never ran
 * (status -1, not exited, no result), no further job is started, and the
 * running ones are still reaped and reported. */
bool pool_run (const pool_spec *s);

/* The signal (SIGINT, SIGTERM) a pool caught in this process, 0 none. */
int pool_interrupted (void);

/* Serial work between pools (sweep's loop): from pool_guard_begin to
 * pool_guard_end SIGINT and SIGTERM (unless ignored) are caught as a pool
 * catches them (recorded for pool_interrupted; later pools start nothing),
 * so the caller can stop at its next check and clean up. */
typedef struct pool_guard {
  struct sigaction old[2];
} pool_guard;
void pool_guard_begin (pool_guard *g);
void pool_guard_end (const pool_guard *g);

/* One job in a child, waited for (a pool of one, job 0): fills *o and the
 * result (if result_size > 0). Returns false if it could not be started. */
bool pool_run1 (int (*run) (void *ctx, size_t job, void *result), void *ctx, size_t result_size, double timeout,
                void *result, pool_outcome *o);

#endif
