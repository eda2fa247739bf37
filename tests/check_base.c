/* Tests of base/: rationals, PRNG, error records, atomic files. */
#include <check.h>
#include <sys/stat.h>
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/prng.h"
#include "base/rat.h"
#include "tests/testutil.h"

static void expect_rat (const char *s, const char *canon) {
  mpq_t q;
  mpq_init (q);
  const char *why = NULL;
  ck_assert_msg (rat_parse_str (q, s, &why), "'%s' rejected: %s", s, why);
  char *t = rat_to_str (q);
  ck_assert_str_eq (t, canon);
  free (t);
  mpq_clear (q);
}

static void expect_bad_rat (const char *s) {
  mpq_t q;
  mpq_init (q);
  const char *why = NULL;
  ck_assert_msg (!rat_parse_str (q, s, &why), "'%s' accepted", s);
  ck_assert_ptr_nonnull (why);
  mpq_clear (q);
}

START_TEST (rat_good) {
  expect_rat ("0", "0");
  expect_rat ("1/3", "1/3");
  expect_rat ("2/4", "1/2");
  expect_rat ("-6/4", "-3/2");
  expect_rat ("0.25", "1/4");
  expect_rat ("1.0", "1");
  expect_rat ("-0.5", "-1/2");
  expect_rat ("123456789012345678901234567890", "123456789012345678901234567890");
}
END_TEST

START_TEST (rat_bad) {
  expect_bad_rat ("");
  expect_bad_rat ("1/0");
  expect_bad_rat ("1/-2");
  expect_bad_rat (" 1");
  expect_bad_rat ("+1");
  expect_bad_rat ("1/");
  expect_bad_rat ("1.");
  expect_bad_rat (".5");
  expect_bad_rat ("1e3");
  expect_bad_rat ("1/2/3");
  expect_bad_rat ("-");
}
END_TEST

START_TEST (prng_fixed_stream) {
  prng r;
  prng_seed (&r, 0);
  /* splitmix64 reference values for seed 0 */
  ck_assert_uint_eq (prng_next (&r), 0xe220a8397b1dcdafULL);
  ck_assert_uint_eq (prng_next (&r), 0x6e789e6aa1b965f4ULL);
  prng_seed (&r, 42);
  for (int i = 0; i < 1000; i++) {
    uint64_t x = prng_below (&r, 7);
    ck_assert_uint_lt (x, 7);
    int64_t y = prng_range (&r, -3, 3);
    ck_assert (y >= -3 && y <= 3);
  }
}
END_TEST

START_TEST (error_keeps_first) {
  scnfg_error e;
  error_init (&e);
  ck_assert (!error_is_set (&e));
  error_set (&e, ERROR_INPUT, "a.q", 3, 5, "first %d", 1);
  error_set (&e, ERROR_INPUT, "b.q", 9, 0, "second");
  char buf[300];
  error_format (&e, buf, sizeof buf);
  ck_assert_str_eq (buf, "a.q:3:5: first 1");
  error_init (&e);
  error_set (&e, ERROR_INPUT, "x", 7, 0, "m");
  error_format (&e, buf, sizeof buf);
  ck_assert_str_eq (buf, "x:7: m");
}
END_TEST

START_TEST (afile_commit_and_abort) {
  char *dir = tu_tmpdir ();
  char path[4200];
  snprintf (path, sizeof path, "%s/out.txt", dir);
  afile a;
  scnfg_error e;
  error_init (&e);
  ck_assert (afile_open (&a, path, &e));
  fputs ("hello\n", a.f);
  afile_abort (&a);
  ck_assert_ptr_null (tu_slurp (path));
  ck_assert (afile_open (&a, path, &e));
  fputs ("hello\n", a.f);
  ck_assert (afile_commit (&a, &e));
  char *s = tu_slurp (path);
  ck_assert_str_eq (s, "hello\n");
  free (s);
  snprintf (path, sizeof path, "%s/no/such/dir/x", dir);
  ck_assert (!afile_open (&a, path, &e));
  ck_assert_int_eq (e.code, ERROR_IO);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* An output file gets the mode open(2) would give it: 0666 less the umask. */
/* The reading side: a FIFO nobody writes ends at the deadline; a regular
 * file reads as with fopen. */
START_TEST (afile_read_deadline) {
  char *dir = tu_tmpdir (), path[1100];
  snprintf (path, sizeof path, "%s/fifo", dir);
  ck_assert_int_eq (mkfifo (path, 0600), 0);
  scnfg_limits lim;
  limits_init (&lim);
  lim.timeout = 0.3;
  limits_start (&lim);
  scnfg_error e;
  error_init (&e);
  ck_assert_ptr_null (afile_open_read (path, &lim, &e));
  ck_assert_int_eq (e.code, ERROR_LIMIT);
  ck_assert_str_eq (e.msg, "no input before the time limit (0.3 s)");
  ck_assert (limits_elapsed (&lim) >= 0.3);
  char *reg = tu_write (dir, "r.txt", "ab");
  error_init (&e);
  FILE *in = afile_open_read (reg, &lim, &e); /* the deadline has passed: a regular file still opens */
  ck_assert_ptr_nonnull (in);
  ck_assert_int_eq (afile_getc (in, &lim), 'a');
  ck_assert_int_eq (afile_getc (in, &lim), 'b');
  ck_assert_int_eq (afile_getc (in, &lim), EOF);
  afile_close (in);
  error_init (&e);
  ck_assert_ptr_null (afile_open_read (dir, NULL, &e));
  ck_assert_int_eq (e.code, ERROR_IO);
  ck_assert_str_eq (e.msg, "cannot open: Is a directory");
  free (reg);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (afile_honours_umask) {
  char *dir = tu_tmpdir ();
  char path[4200];
  snprintf (path, sizeof path, "%s/mode.txt", dir);
  mode_t old = umask (022);
  afile a;
  scnfg_error e;
  error_init (&e);
  ck_assert (afile_open (&a, path, &e));
  fputs ("x\n", a.f);
  ck_assert (afile_commit (&a, &e));
  struct stat st;
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0644);
  umask (027);
  ck_assert (afile_open (&a, path, &e));
  ck_assert (afile_commit (&a, &e));
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0640);
  umask (old);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *base_suite (void) {
  Suite *s = suite_create ("base");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, rat_good);
  tcase_add_test (tc, rat_bad);
  tcase_add_test (tc, prng_fixed_stream);
  tcase_add_test (tc, error_keeps_first);
  tcase_add_test (tc, afile_commit_and_abort);
  tcase_add_test (tc, afile_honours_umask);
  tcase_add_test (tc, afile_read_deadline);
  suite_add_tcase (s, tc);
  return s;
}
