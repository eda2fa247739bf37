/* Tests of cli/opt: values stored at their offsets (sections with a base),
 * ranges, attached short values, repeated options, positionals, the help
 * list's exact columns, and the shared limits fragment. */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "cli/opt.h"
#include "tests/testutil.h"

typedef struct args {
  bool flag;
  const char *name;
  long jobs;
  unsigned small;
  double secs;
  scnfg_limits lim;
} args;

static const opt options[] = {
  {.name = "--flag", .kind = OPT_FLAG, .off = offsetof (args, flag), .help = "a flag"},
  {.name = "--name", .kind = OPT_STRING, .off = offsetof (args, name), .arg = "S", .help = "a name\nover two lines"},
  {.name = "-j", .kind = OPT_LONG, .off = offsetof (args, jobs), .arg = "N", .min = 1, .max = 8},
  {.name = "--small", .kind = OPT_UNSIGNED, .off = offsetof (args, small), .arg = "K", .max = 3},
  {.name = "--secs", .kind = OPT_SECONDS, .off = offsetof (args, secs), .arg = "T", .min = 1},
  {.name = NULL},
};
static const opt_section sections[] = {{options, 0}, {opt_limits, offsetof (args, lim)}, {NULL, 0}};
static const opt_cmd cmd = {.name = "t", .sections = sections, .max_pos = 1, .attached = true, .width = 12};
static const opt_cmd once = {.name = "t", .sections = sections, .once = true};

static bool parse (const opt_cmd *c, args *x, opt_result *r, int *rc, const char *line) {
  static char buf[256]; /* argv (and the strings stored) point into it */
  char *argv[16];
  int argc = 0;
  snprintf (buf, sizeof buf, "t %s", line);
  for (char *t = strtok (buf, " "); t && argc < 15; t = strtok (NULL, " ")) argv[argc++] = t;
  argv[argc] = NULL;
  memset (x, 0, sizeof *x);
  limits_init (&x->lim);
  return opt_parse (c, argc, argv, x, r, rc);
}

START_TEST (values) {
  args x;
  opt_result r;
  int rc;
  ck_assert (parse (&cmd, &x, &r, &rc, "--flag --name abc -j4 --small 3 --secs 0.5 in --max-nodes 7 --max-mem 2"));
  ck_assert (x.flag);
  ck_assert_str_eq (x.name, "abc");
  ck_assert_int_eq (x.jobs, 4);
  ck_assert_uint_eq (x.small, 3);
  ck_assert (x.secs == 0.5);
  ck_assert (x.lim.max_nodes == 7 && x.lim.max_mem == 2u * 1024 * 1024);
  ck_assert (r.npos == 1 && !strcmp (r.pos[0], "in"));
  ck_assert (opt_given (&cmd, &r, "--max-nodes") && opt_given (&cmd, &r, "-j") && !opt_given (&cmd, &r, "--timeout"));
  ck_assert (parse (&cmd, &x, &r, &rc, "-j 8 --timeout 1.5") && x.jobs == 8 && x.lim.timeout == 1.5);
}
END_TEST

START_TEST (errors) {
  args x;
  opt_result r;
  int rc;
  const char *bad[] = {"-j 0", "-j 9", "-j9", "--small 4", "--small -1", "--secs 0", "--name", "--bogus", "a b",
                       "--timeout -1", "--max-mem x", "--flag=1"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    ck_assert_msg (!parse (&cmd, &x, &r, &rc, bad[i]), "%s accepted", bad[i]);
    ck_assert_int_eq (rc, 2);
  }
  ck_assert (parse (&cmd, &x, &r, &rc, "--flag --flag"));
  ck_assert (!parse (&once, &x, &r, &rc, "--flag --flag") && rc == 2);
  ck_assert (!parse (&cmd, &x, &r, &rc, "--help") && rc == 0);
}
END_TEST

START_TEST (help_list) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  opt_print_list (m, &cmd);
  fclose (m);
  ck_assert_str_eq (buf, "  --flag    a flag\n"
                         "  --name S  a name\n"
                         "            over two lines\n"
                         "  --timeout S wall-clock limit in seconds (unknown when hit)\n"
                         "  --max-nodes N node limit (QBF: SAT calls; games: search nodes)\n"
                         "  --max-mem M memory limit in MB for the solver's own accounting\n");
  free (buf);
}
END_TEST

/* --timeout takes a plain decimal only (strtod alone took hex and exponents). */
START_TEST (seconds_plain_decimal) {
  args x;
  opt_result r;
  int rc;
  const char *bad[] = {"--timeout 0x10", "--timeout 1e3", "--timeout inf", "--timeout .5", "--timeout 1.2.3"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    ck_assert_msg (!parse (&cmd, &x, &r, &rc, bad[i]), "%s accepted", bad[i]);
    ck_assert_int_eq (rc, 2);
  }
  ck_assert (parse (&cmd, &x, &r, &rc, "--timeout 0") && x.lim.timeout == 0);
  ck_assert (parse (&cmd, &x, &r, &rc, "--timeout 16.25") && x.lim.timeout == 16.25);
}
END_TEST

/* The usage errors as the binary prints them: one line, exit 2. */
static void expect_usage (const char *want, const char *fmt, const char *arg) {
  char *err = NULL;
  int rc = tu_run (NULL, &err, fmt, arg);
  ck_assert_msg (rc == 2, "%s: exit %d", fmt, rc);
  ck_assert_str_eq (err, want);
  free (err);
}

START_TEST (cli_messages) {
  char *g = tu_path ("instances/games/chance.xml");
  expect_usage ("scnfg suite: unknown option '--bogus' (see --help)\n", "suite %s --bogus", "--quiet");
  expect_usage ("scnfg sweep: unknown option '--bogus' (see --help)\n", "sweep %s --bogus", "--quiet");
  expect_usage ("scnfg game: bad --max-policies 'abc' (a non-negative integer)\n",
                "game '%s' --concept sse --max-policies abc", g);
  expect_usage ("scnfg game: bad --max-tree '-1' (a non-negative integer)\n", "game '%s' --concept sse --max-tree -1",
                g);
  expect_usage ("scnfg game: bad --timeout '0x10' (seconds >= 0)\n", "game '%s' --concept spe --timeout 0x10", g);
  expect_usage ("scnfg game: bad --timeout '1e3' (seconds >= 0)\n", "game '%s' --concept spe --timeout 1e3", g);
  expect_usage ("scnfg solve: bad --timeout '1e3' (seconds >= 0)\n", "solve --timeout 1e3 %s", g);
  free (g);
  char *d = tu_tmpdir ();
  char want[4200];
  snprintf (want, sizeof want, "scnfg verify: no .qdimacs files in %s\n", d);
  expect_usage (want, "verify '%s'", d);
  tu_rmdir (d);
  free (d);
}
END_TEST

Suite *opt_suite (void) {
  Suite *s = suite_create ("opt");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, values);
  tcase_add_test (tc, errors);
  tcase_add_test (tc, help_list);
  tcase_add_test (tc, seconds_plain_decimal);
  suite_add_tcase (s, tc);
  TCase *tcli = tcase_create ("cli");
  tcase_add_test (tcli, cli_messages);
  tcase_set_timeout (tcli, 30);
  suite_add_tcase (s, tcli);
  return s;
}
