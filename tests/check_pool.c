/* Tests of orchestrate/pool: every job runs once with its own result, in
 * parallel, a dying child is reported as incomplete, a deadline kills, the
 * exit code and peak memory come back, and the contract is enforced. */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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

Suite *pool_suite (void) {
  Suite *s = suite_create ("pool");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, results_per_job);
  tcase_add_test (tc, a_dying_child_is_incomplete);
  tcase_add_test (tc, deadline_kills);
  tcase_add_test (tc, run1_one_job);
  suite_add_tcase (s, tc);
  TCase *tk = tcase_create ("contract");
  tcase_add_test_raise_signal (tk, contract_workers, SIGABRT);
  suite_add_tcase (s, tk);
  return s;
}
