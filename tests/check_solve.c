/* Tests of 'scnfg solve' (CLI): QBFEVAL output and exit codes on every
 * fixture in instances/qbf, the SSAT value line, and honest unknowns. */
#include <check.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testutil.h"

/* Value of the fixture's "c scnfg-expect...: X" line, or NULL. */
static char *expectation (const char *text, const char *key) {
  const char *p = strstr (text, key);
  if (!p) return NULL;
  p += strlen (key);
  while (*p == ' ') p++;
  size_t n = strcspn (p, " \r\n");
  char *s = malloc (n + 1);
  memcpy (s, p, n);
  s[n] = 0;
  return s;
}

START_TEST (fixtures) {
  char *dirpath = tu_path ("instances/qbf");
  DIR *d = opendir (dirpath);
  ck_assert_ptr_nonnull (d);
  struct dirent *e;
  int checked = 0;
  while ((e = readdir (d))) {
    size_t n = strlen (e->d_name);
    if (n < 9 || strcmp (e->d_name + n - 8, ".qdimacs")) continue;
    char path[4200];
    snprintf (path, sizeof path, "%s/%s", dirpath, e->d_name);
    char *text = tu_slurp (path);
    char *ans = expectation (text, "c scnfg-expect:");
    char *val = expectation (text, "c scnfg-expect-value:");
    ck_assert_msg (ans || val, "%s carries no expectation", e->d_name);
    long V = 0, C = 0;
    const char *h = strstr (text, "p cnf ");
    ck_assert_ptr_nonnull (h);
    ck_assert_int_eq (sscanf (h, "p cnf %ld %ld", &V, &C), 2);
    char *out;
    int rc = tu_run (&out, NULL, "solve --timeout 20 '%s'", path);
    char expect[256];
    if (ans) {
      bool t = !strcmp (ans, "true");
      snprintf (expect, sizeof expect, "s cnf %d %ld %ld\n", t ? 1 : 0, V, C);
      ck_assert_msg (strstr (out, expect), "%s: got '%s', expected '%s'", e->d_name, out, expect);
      ck_assert_int_eq (rc, t ? 10 : 20);
    } else {
      snprintf (expect, sizeof expect, "s value %s\n", val);
      ck_assert_msg (strstr (out, expect), "%s: got '%s', expected '%s'", e->d_name, out, expect);
      ck_assert_int_eq (rc, 0);
    }
    checked++;
    free (out), free (text), free (ans), free (val);
  }
  closedir (d);
  free (dirpath);
  ck_assert_int_ge (checked, 12);
}
END_TEST

/* SSAT beyond the reference evaluator's 20 variables is solved exactly; a
 * node limit gives an honest unknown, exit 3. */
START_TEST (ssat_large_and_limits) {
  char *dir = tu_tmpdir ();
  char text[600] = "p cnf 25 1\nr 1/2";
  for (int v = 1; v <= 24; v++) snprintf (text + strlen (text), sizeof text - strlen (text), " %d", v);
  strcat (text, " 0\ne 25 0\n1 2 3 25 0\n");
  char *path = tu_write (dir, "big.qdimacs", text);
  char *out;
  ck_assert_int_eq (tu_run (&out, NULL, "solve '%s'", path), 0);
  ck_assert_str_eq (out, "s value 1\n"); /* 25 is free to satisfy the clause */
  free (out), free (path);
  path = tu_write (dir, "hard.qdimacs", "p cnf 3 4\nr 1/2 1 2 0\ne 3 0\n1 3 0\n2 -3 0\n-1 -2 0\n1 2 0\n");
  ck_assert_int_eq (tu_run (&out, NULL, "solve --max-nodes 1 '%s'", path), 3);
  ck_assert_str_eq (out, "s value unknown\n");
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "solve '%s'", path), 0);
  ck_assert_str_eq (out, "s value 1/2\n"); /* x1 != x2 needed: probability 1/2 */
  free (out), free (path);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (help_and_usage) {
  char *out, *err;
  ck_assert_int_eq (tu_run (&out, &err, "solve --help"), 0);
  ck_assert_ptr_nonnull (strstr (out, "usage: scnfg solve"));
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "--help"), 0);
  ck_assert_ptr_nonnull (strstr (out, "solve"));
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "nosuchcommand"), 2);
  ck_assert_str_eq (err, "scnfg: unknown command 'nosuchcommand' (see scnfg --help)\n");
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "solve a b"), 2);
  ck_assert_str_eq (err, "scnfg solve: more than one input file\n");
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "solve --timeout -1 x"), 2);
  free (out), free (err);
}
END_TEST

Suite *solve_suite (void) {
  Suite *s = suite_create ("solve");
  TCase *tc = tcase_create ("cli");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, fixtures);
  tcase_add_test (tc, ssat_large_and_limits);
  tcase_add_test (tc, help_and_usage);
  suite_add_tcase (s, tc);
  return s;
}
