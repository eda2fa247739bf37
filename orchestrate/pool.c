/* pool: the one fork/wait4 process pool (see pool.h). */
#define _DEFAULT_SOURCE /* wait4 */
#include "orchestrate/pool.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/limits.h"
#include "base/mem.h"
#include "base/require.h"

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
static _Noreturn void child (const pool_spec *s, worker *w, int nw, size_t job, int fd) {
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

static bool start (const pool_spec *s, worker *all, int nw, worker *w, size_t job) {
  int fds[2] = {-1, -1};
  if (s->result_size && pipe (fds) != 0) return false;
  fflush (NULL);
  pid_t pid = fork ();
  if (pid < 0) {
    if (fds[0] >= 0) close (fds[0]), close (fds[1]);
    return false;
  }
  if (pid == 0) {
    if (fds[0] >= 0) close (fds[0]);
    child (s, all, nw, job, fds[1]);
  }
  if (fds[1] >= 0) close (fds[1]);
  w->pid = pid, w->fd = fds[0], w->job = job, w->t0 = limits_now ();
  return true;
}

/* Reads the result of a reaped worker and reports the job. */
static void finish (const pool_spec *s, worker *w, int status, const struct rusage *ru, bool timed_out) {
  pool_outcome o;
  memset (&o, 0, sizeof o);
  o.status = status;
  o.exited = status != -1 && WIFEXITED (status);
  o.code = o.exited ? WEXITSTATUS (status) : -1;
  o.timed_out = timed_out;
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
  o.complete = got == s->result_size && !timed_out;
  size_t job = w->job;
  w->pid = 0, w->fd = -1;
  s->done (s->ctx, job, &o, result);
  free (result);
}

/* Waits until a worker finishes (or passes its deadline) and reports it. */
static void reap (const pool_spec *s, worker *w, int nw, int running) {
  long nap = 1;
  for (;;) {
    int status = 0, one = -1;
    struct rusage ru;
    memset (&ru, 0, sizeof ru);
    for (int k = 0; k < nw && running == 1; k++)
      if (w[k].pid) one = k;
    pid_t pid = wait4 (one >= 0 ? w[one].pid : -1, &status, s->timeout > 0 ? WNOHANG : 0, &ru);
    if (pid < 0 && errno == EINTR) continue;
    INVARIANT (pid >= 0, "wait4: %s", strerror (errno));
    for (int k = 0; k < nw && pid > 0; k++)
      if (w[k].pid == pid) return finish (s, &w[k], status, &ru, false);
    if (pid > 0) continue; /* not one of ours */
    for (int k = 0; k < nw; k++)
      if (w[k].pid && limits_now () - w[k].t0 >= s->timeout) {
        kill (w[k].pid, SIGKILL);
        while (wait4 (w[k].pid, &status, 0, &ru) < 0 && errno == EINTR) {}
        return finish (s, &w[k], status, &ru, true);
      }
    sleep_ms (nap), nap = nap < 20 ? nap * 2 : 20;
  }
}

bool pool_run (const pool_spec *s) {
  REQUIRE (s->workers >= 1 && s->result_size <= POOL_MAX_RESULT && s->next && s->run && s->done,
           "workers %d, result_size %zu", s->workers, s->result_size);
  worker *w = mem_calloc ((size_t) s->workers, sizeof *w);
  int running = 0;
  bool ok = true;
  for (;;) {
    size_t job;
    while (ok && running < s->workers && s->next (s->ctx, &job)) {
      worker *f = w;
      while (f->pid) f++;
      if (start (s, w, s->workers, f, job)) {
        running++;
        continue;
      }
      ok = false; /* reported as a job that never ran */
      pool_outcome o = {.status = -1, .code = -1};
      s->done (s->ctx, job, &o, NULL);
    }
    if (!running) break;
    reap (s, w, s->workers, running);
    running--;
  }
  free (w);
  return ok;
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
