/* Tests of orchestrate/pool: every job runs once with its own result, in
 * parallel, a dying child is reported as incomplete, a deadline kills, the
 * exit code and peak memory come back, and the contract is enforced. */
#define _DEFAULT_SOURCE /* kill, nanosleep */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "orchestrate/pool.h"

typedef struct ctx {
  size_t n, next;
  unsigned seen[16];
  long result[16];
  bool complete[16], timed_out[16];
  int code[16];
  long peak[16];
} ctx;

static bool next (void *c, size_t *job) {
  ctx *x = c;
  if (x->next == x->n) return false;
  *job = x->next++;
  return true;
}

/* job j: result j*j, exit code j; job 5 dies by a signal; job 6 sleeps. */
static int run (void *c, size_t job, void *result) {
  (void) c;
  if (job == 5) raise (SIGKILL);
  if (job == 6) sleep (5);
  *(long *) result = (long) (job * job);
  return (int) job;
}

static void done (void *c, size_t job, const pool_outcome *o, const void *result) {
  ctx *x = c;
  x->seen[job]++;
  x->complete[job] = o->complete;
  x->timed_out[job] = o->timed_out;
  x->code[job] = o->code;
  x->peak[job] = o->peak_kb;
  if (o->complete) x->result[job] = *(const long *) result;
}

START_TEST (results_per_job) {
  ctx x = {.n = 5};
  pool_spec s = {.workers = 3, .result_size = sizeof (long), .next = next, .run = run, .done = done, .ctx = &x};
  ck_assert (pool_run (&s));
  for (size_t j = 0; j < 5; j++) {
    ck_assert_uint_eq (x.seen[j], 1);
    ck_assert (x.complete[j]);
    ck_assert_int_eq (x.result[j], (long) (j * j));
    ck_assert_int_eq (x.code[j], (int) j);
    ck_assert_int_gt (x.peak[j], 0);
  }
}
END_TEST

START_TEST (a_dying_child_is_incomplete) {
  ctx x = {.n = 6};
  pool_spec s = {.workers = 2, .result_size = sizeof (long), .next = next, .run = run, .done = done, .ctx = &x};
  ck_assert (pool_run (&s));
  ck_assert_uint_eq (x.seen[5], 1);
  ck_assert (!x.complete[5]);
  ck_assert_int_eq (x.code[5], -1);
  ck_assert (x.complete[4] && x.result[4] == 16);
}
END_TEST

START_TEST (deadline_kills) {
  ctx x = {.n = 7, .next = 6}; /* only job 6, which sleeps 5 s */
  pool_spec s = {.workers = 1, .result_size = sizeof (long), .timeout = 0.2, .next = next, .run = run,
                 .done = done, .ctx = &x};
  ck_assert (pool_run (&s));
  ck_assert (x.timed_out[6] && !x.complete[6]);
}
END_TEST

START_TEST (run1_one_job) {
  long r = 0;
  pool_outcome o;
  ck_assert (pool_run1 (run, NULL, sizeof r, 0, &r, &o));
  ck_assert (o.exited && o.complete && o.code == 0 && r == 0);
}
END_TEST

START_TEST (contract_workers) {
  ctx x = {.n = 1};
  pool_spec s = {.workers = 0, .next = next, .run = run, .done = done, .ctx = &x};
  pool_run (&s);
}
END_TEST

/* Signals: the pool of a forked helper runs two workers that send their pid
 * through a pipe and sleep 30 s (job 1 of the stubborn kind ignores SIGTERM). */
typedef struct sleepers {
  size_t next;
  int fd;           /* write end of the pid pipe */
  bool stubborn;    /* job 1 ignores SIGTERM (SIGKILL after the grace) */
  int interrupted;  /* jobs reported interrupted */
  int other;        /* jobs reported otherwise */
} sleepers;

static bool sl_next (void *c, size_t *job) {
  sleepers *x = c;
  if (x->next == 2) return false;
  *job = x->next++;
  return true;
}

static int sl_run (void *c, size_t job, void *result) {
  sleepers *x = c;
  (void) result;
  if (x->stubborn && job == 1) signal (SIGTERM, SIG_IGN);
  pid_t me = getpid ();
  if (write (x->fd, &me, sizeof me) != (ssize_t) sizeof me) return 1;
  for (int i = 0; i < 300; i++) {
    struct timespec ts = {0, 100000000L};
    nanosleep (&ts, NULL);
  }
  return 0;
}

static void sl_done (void *c, size_t job, const pool_outcome *o, const void *result) {
  sleepers *x = c;
  (void) job, (void) result;
  if (o->interrupted && !o->complete && !o->exited) x->interrupted++;
  else x->other++;
}

static double now (void) {
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A process is gone: no such pid, or a zombie of someone else (not ours to reap). */
static bool gone (pid_t pid) {
  if (kill (pid, 0) != 0) return errno == ESRCH;
  char path[64], st[256];
  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  FILE *f = fopen (path, "r");
  if (!f) return true;
  size_t n = fread (st, 1, sizeof st - 1, f);
  fclose (f);
  st[n] = 0;
  const char *p = strrchr (st, ')');
  return p && p[1] == ' ' && p[2] == 'Z';
}

/* Forks a helper whose pool runs the two sleepers, waits for both pids, sends
 * 'sig' to the helper; returns the helper's wait status and the seconds from
 * the signal to its end; wpid gets the worker pids. */
static int interrupt_pool (bool stubborn, int sig, double *secs, pid_t wpid[2]) {
  int fds[2];
  ck_assert_int_eq (pipe (fds), 0);
  pid_t h = fork ();
  ck_assert_int_ge (h, 0);
  if (h == 0) {
    close (fds[0]);
    sleepers x = {.fd = fds[1], .stubborn = stubborn};
    pool_spec s = {.workers = 2, .next = sl_next, .run = sl_run, .done = sl_done, .ctx = &x};
    bool ok = pool_run (&s);
    /* 128 + the signal iff the pool says so and reported both jobs interrupted */
    _exit (!ok && x.interrupted == 2 && x.other == 0 ? 128 + pool_interrupted () : 1);
  }
  close (fds[1]);
  for (int i = 0; i < 2; i++) ck_assert_int_eq (read (fds[0], &wpid[i], sizeof wpid[i]), (ssize_t) sizeof wpid[i]);
  close (fds[0]);
  struct timespec ts = {0, 100000000L};
  nanosleep (&ts, NULL); /* let the helper enter its wait */
  ck_assert_int_eq (kill (h, sig), 0);
  double t0 = now ();
  int status = 0;
  pid_t r;
  while ((r = waitpid (h, &status, WNOHANG)) == 0 && now () - t0 < 20) nanosleep (&ts, NULL);
  *secs = now () - t0;
  if (r == 0) kill (h, SIGKILL), waitpid (h, &status, 0);
  return status;
}

START_TEST (sigterm_stops_and_reaps_the_workers) {
  double secs;
  pid_t w[2];
  int st = interrupt_pool (false, SIGTERM, &secs, w);
  ck_assert (WIFEXITED (st));
  ck_assert_int_eq (WEXITSTATUS (st), 143);
  ck_assert_double_lt (secs, 2.0);
  ck_assert (kill (w[0], 0) != 0 && errno == ESRCH); /* reaped by the helper's pool: no zombie */
  ck_assert (kill (w[1], 0) != 0 && errno == ESRCH);
}
END_TEST

START_TEST (sigint_gives_130) {
  double secs;
  pid_t w[2];
  int st = interrupt_pool (false, SIGINT, &secs, w);
  ck_assert (WIFEXITED (st));
  ck_assert_int_eq (WEXITSTATUS (st), 130);
  ck_assert (kill (w[0], 0) != 0 && errno == ESRCH);
  ck_assert (kill (w[1], 0) != 0 && errno == ESRCH);
}
END_TEST

/* A worker ignoring SIGTERM is killed after the grace (1 s). */
START_TEST (a_stubborn_worker_gets_sigkill) {
  double secs;
  pid_t w[2];
  int st = interrupt_pool (true, SIGTERM, &secs, w);
  ck_assert (WIFEXITED (st));
  ck_assert_int_eq (WEXITSTATUS (st), 143);
  ck_assert_double_lt (secs, 5.0);
  ck_assert (kill (w[1], 0) != 0 && errno == ESRCH);
}
END_TEST

/* The helper killed by SIGKILL cannot forward anything: its workers die with it
 * (PR_SET_PDEATHSIG). */
START_TEST (workers_die_with_a_killed_parent) {
  double secs;
  pid_t w[2];
  int st = interrupt_pool (false, SIGKILL, &secs, w);
  ck_assert (WIFSIGNALED (st) && WTERMSIG (st) == SIGKILL);
  double t0 = now ();
  while (!(gone (w[0]) && gone (w[1])) && now () - t0 < 10) {
    struct timespec ts = {0, 20000000L};
    nanosleep (&ts, NULL);
  }
  ck_assert (gone (w[0]));
  ck_assert (gone (w[1]));
  ck_assert_double_lt (now () - t0, 2.0);
}
END_TEST

/* job 0 in the child: result 1 iff SIGTERM and SIGINT have their default action there. */
static int dispositions (void *c, size_t job, void *result) {
  (void) c, (void) job;
  struct sigaction a, b;
  sigaction (SIGTERM, NULL, &a), sigaction (SIGINT, NULL, &b);
  *(long *) result = a.sa_handler == SIG_DFL && b.sa_handler == SIG_DFL;
  return 0;
}

START_TEST (children_get_the_default_dispositions) {
  long r = 0;
  pool_outcome o;
  struct sigaction before;
  sigaction (SIGTERM, NULL, &before);
  ck_assert (pool_run1 (dispositions, NULL, sizeof r, 0, &r, &o));
  ck_assert (o.complete && !o.interrupted);
  ck_assert_int_eq (r, 1);
  struct sigaction a;
  sigaction (SIGTERM, NULL, &a);
  ck_assert (a.sa_handler == before.sa_handler); /* and the parent's is back */
  ck_assert_int_eq (pool_interrupted (), 0);
}
END_TEST

Suite *pool_suite (void) {
  Suite *s = suite_create ("pool");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, results_per_job);
  tcase_add_test (tc, a_dying_child_is_incomplete);
  tcase_add_test (tc, deadline_kills);
  tcase_add_test (tc, run1_one_job);
  tcase_add_test (tc, children_get_the_default_dispositions);
  suite_add_tcase (s, tc);
  TCase *tg = tcase_create ("signals");
  tcase_set_timeout (tg, 60);
  tcase_add_test (tg, sigterm_stops_and_reaps_the_workers);
  tcase_add_test (tg, sigint_gives_130);
  tcase_add_test (tg, a_stubborn_worker_gets_sigkill);
  tcase_add_test (tg, workers_die_with_a_killed_parent);
  suite_add_tcase (s, tg);
  TCase *tk = tcase_create ("contract");
  tcase_add_test_raise_signal (tk, contract_workers, SIGABRT);
  suite_add_tcase (s, tk);
  return s;
}
