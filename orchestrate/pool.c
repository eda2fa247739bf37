/* pool: the one fork/wait4 process pool (see pool.h). */
#define _DEFAULT_SOURCE /* wait4 */
#include "orchestrate/pool.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/limits.h"
#include "base/mem.h"
#include "base/require.h"

/* The one mutable static of the library (see pool.h): the signal (SIGINT or
 * SIGTERM) a pool's handler caught, 0 none. The handler only sets it. */
static volatile sig_atomic_t caught;

static void on_signal (int sig) {
  caught = sig;
}

/* The dispositions of SIGINT and SIGTERM before the pool caught them. */
typedef struct saved {
  struct sigaction old[2];
} saved;

static const int sigs[2] = {SIGINT, SIGTERM};

/* Catches SIGINT and SIGTERM (unless ignored) for the pool's run; no
 * SA_RESTART, so a blocking call returns EINTR. */
static void catch_signals (saved *v) {
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  for (int i = 0; i < 2; i++) {
    sigaction (sigs[i], NULL, &v->old[i]);
    if (v->old[i].sa_handler != SIG_IGN) sigaction (sigs[i], &sa, NULL);
  }
}

/* In a child: the default action, unless the signal was ignored. */
static void default_signals (const saved *v) {
  for (int i = 0; i < 2; i++) signal (sigs[i], v->old[i].sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL);
}

static void restore_signals (const saved *v) {
  for (int i = 0; i < 2; i++) sigaction (sigs[i], &v->old[i], NULL);
}

int pool_interrupted (void) {
  return caught;
}

void pool_guard_begin (pool_guard *g) {
  saved v;
  catch_signals (&v);
  memcpy (g->old, v.old, sizeof g->old);
}

void pool_guard_end (const pool_guard *g) {
  saved v;
  memcpy (v.old, g->old, sizeof v.old);
  restore_signals (&v);
}

typedef struct worker {
  pid_t pid; /* 0: free */
  int fd;    /* read end of the result pipe, -1: none */
  size_t job;
  double t0;
} worker;

static void sleep_ms (long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep (&ts, NULL);
}

/* The child's side: run the job, send the result, exit. */
static _Noreturn void child (const pool_spec *s, worker *w, int nw, size_t job, int fd, const saved *v,
                             pid_t parent) {
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGKILL); /* die with the parent, even if it is killed by SIGKILL */
#endif
  if (getppid () != parent) _exit (1); /* the parent died before prctl */
  default_signals (v);
  caught = 0; /* a signal caught by the parent just before fork is the parent's */
  for (int k = 0; k < nw; k++)
    if (w[k].pid && w[k].fd >= 0) close (w[k].fd);
  void *result = s->result_size ? mem_calloc (1, s->result_size) : NULL;
  int code = s->run (s->ctx, job, result);
  const char *p = result;
  for (size_t left = s->result_size; left;) {
    ssize_t k = write (fd, p, left);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) _exit (1);
    p += k, left -= (size_t) k;
  }
  _exit (code & 255);
}

static bool start (const pool_spec *s, worker *all, int nw, worker *w, size_t job, const saved *v) {
  int fds[2] = {-1, -1};
  if (s->result_size && pipe (fds) != 0) return false;
  fflush (NULL);
  pid_t parent = getpid (), pid = fork ();
  if (pid < 0) {
    if (fds[0] >= 0) close (fds[0]), close (fds[1]);
    return false;
  }
  if (pid == 0) {
    if (fds[0] >= 0) close (fds[0]);
    child (s, all, nw, job, fds[1], v, parent);
  }
  if (fds[1] >= 0) close (fds[1]);
  w->pid = pid, w->fd = fds[0], w->job = job, w->t0 = limits_now ();
  return true;
}

/* Reads the result of a reaped worker and reports the job. */
static void finish (const pool_spec *s, worker *w, int status, const struct rusage *ru, bool timed_out,
                    bool interrupted) {
  pool_outcome o;
  memset (&o, 0, sizeof o);
  o.status = status;
  o.exited = status != -1 && WIFEXITED (status);
  o.code = o.exited ? WEXITSTATUS (status) : -1;
  o.timed_out = timed_out;
  o.interrupted = interrupted;
  o.seconds = limits_now () - w->t0;
  o.peak_kb = ru->ru_maxrss;
  void *result = s->result_size ? mem_calloc (1, s->result_size) : NULL;
  size_t got = 0;
  while (w->fd >= 0 && got < s->result_size) {
    ssize_t k = read (w->fd, (char *) result + got, s->result_size - got);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    got += (size_t) k;
  }
  if (w->fd >= 0) close (w->fd);
  o.complete = got == s->result_size && !timed_out && !interrupted;
  size_t job = w->job;
  w->pid = 0, w->fd = -1;
  s->done (s->ctx, job, &o, result);
  free (result);
}

/* Waits until a worker finishes (or passes its deadline) and reports it:
 * true; false (nothing reported) as soon as a signal was caught. Polls (no
 * blocking wait4), so a signal between the check and the wait is seen. */
static bool reap (const pool_spec *s, worker *w, int nw, int running) {
  long nap = 1;
  while (!caught) {
    int status = 0, one = -1;
    struct rusage ru;
    memset (&ru, 0, sizeof ru);
    for (int k = 0; k < nw && running == 1; k++)
      if (w[k].pid) one = k;
    pid_t pid = wait4 (one >= 0 ? w[one].pid : -1, &status, WNOHANG, &ru);
    if (pid < 0 && errno == EINTR) continue;
    INVARIANT (pid >= 0, "wait4: %s", strerror (errno));
    for (int k = 0; k < nw && pid > 0; k++)
      if (w[k].pid == pid) return finish (s, &w[k], status, &ru, false, false), true;
    if (pid > 0) continue; /* not one of ours */
    for (int k = 0; k < nw && s->timeout > 0; k++)
      if (w[k].pid && limits_now () - w[k].t0 >= s->timeout) {
        kill (w[k].pid, SIGKILL);
        while (wait4 (w[k].pid, &status, 0, &ru) < 0 && errno == EINTR) {}
        return finish (s, &w[k], status, &ru, true, false), true;
      }
    sleep_ms (nap), nap = nap < 20 ? nap * 2 : 20;
  }
  return false;
}

#define GRACE 1.0 /* seconds between SIGTERM and SIGKILL to the workers of an interrupted pool */

/* After a signal: sends it on (SIGTERM, SIGINT as caught) to every live
 * worker, SIGKILL to those alive after GRACE, reaps and reports them all. */
static void stop_all (const pool_spec *s, worker *w, int nw) {
  for (int k = 0; k < nw; k++)
    if (w[k].pid) kill (w[k].pid, caught);
  double t0 = limits_now ();
  bool killed = false;
  long nap = 1;
  for (int live = 1; live;) {
    live = 0;
    for (int k = 0; k < nw; k++) {
      if (!w[k].pid) continue;
      int status = 0;
      struct rusage ru;
      memset (&ru, 0, sizeof ru);
      pid_t pid = wait4 (w[k].pid, &status, killed ? 0 : WNOHANG, &ru);
      if (pid == w[k].pid || (pid < 0 && errno != EINTR)) finish (s, &w[k], pid < 0 ? -1 : status, &ru, false, true);
      else live = 1;
    }
    if (live && !killed && limits_now () - t0 >= GRACE) {
      for (int k = 0; k < nw; k++)
        if (w[k].pid) kill (w[k].pid, SIGKILL);
      killed = true;
    } else if (live && !killed)
      sleep_ms (nap), nap = nap < 20 ? nap * 2 : 20;
  }
}

bool pool_run (const pool_spec *s) {
  REQUIRE (s->workers >= 1 && s->result_size <= POOL_MAX_RESULT && s->next && s->run && s->done,
           "workers %d, result_size %zu", s->workers, s->result_size);
  worker *w = mem_calloc ((size_t) s->workers, sizeof *w);
  saved v;
  catch_signals (&v);
  int running = 0;
  bool ok = true;
  for (;;) {
    size_t job;
    while (ok && !caught && running < s->workers && s->next (s->ctx, &job)) {
      worker *f = w;
      while (f->pid) f++;
      if (start (s, w, s->workers, f, job, &v)) {
        running++;
        continue;
      }
      ok = false; /* reported as a job that never ran */
      pool_outcome o = {.status = -1, .code = -1};
      s->done (s->ctx, job, &o, NULL);
    }
    if (!running) break;
    if (reap (s, w, s->workers, running)) running--;
    else {
      stop_all (s, w, s->workers);
      break;
    }
  }
  restore_signals (&v);
  free (w);
  return ok && !caught;
}

typedef struct one_job {
  int (*run) (void *ctx, size_t job, void *result);
  void *ctx, *result;
  size_t size;
  bool started;
  pool_outcome o;
} one_job;

static bool one_next (void *ctx, size_t *job) {
  one_job *j = ctx;
  if (j->started) return false;
  j->started = true, *job = 0;
  return true;
}

static int one_run (void *ctx, size_t job, void *result) {
  one_job *j = ctx;
  return j->run (j->ctx, job, result);
}

static void one_done (void *ctx, size_t job, const pool_outcome *o, const void *result) {
  one_job *j = ctx;
  (void) job;
  j->o = *o;
  if (result && j->result) memcpy (j->result, result, j->size);
}

bool pool_run1 (int (*run) (void *ctx, size_t job, void *result), void *ctx, size_t result_size, double timeout,
                void *result, pool_outcome *o) {
  one_job j = {.run = run, .ctx = ctx, .result = result, .size = result_size};
  pool_spec s = {.workers = 1, .result_size = result_size, .timeout = timeout, .next = one_next, .run = one_run,
                 .done = one_done, .ctx = &j};
  bool ok = pool_run (&s);
  *o = j.o;
  return ok;
}
