/* Tests of solver/model/gamexml: one bad-input file per schema and semantic
 * rule (message and line), hardening, write-then-read round trips (profiles:
 * check_result). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/error.h"
#include "base/limits.h"
#include "instances/gamegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "tests/testutil.h"

static const struct { const char *name; unsigned line; const char *msg; } bad[] = {
    {"active-if-future", 6, "element <action id=\"a\">: active-if reads 'b', which is not fixed befor"},
    {"billion-laughs", 2, "document carries a DTD (<!DOCTYPE>), which is not allowed"},
    {"const-not-integer", 6, "element <action id=\"a\">: instinct constant must be a non-negative inte"},
    {"cycle", 6, "element <endogenous id=\"e1\">: lies on a cycle of the causal graph"},
    {"domain-too-small", 5, "element <action id=\"a\">: domain 1 is below 2"},
    {"dtd", 2, "document carries a DTD (<!DOCTYPE>), which is not allowed"},
    {"duplicate-id", 6, "element <action id=\"a\">: duplicate id (first declared on line 5)"},
    /* the first repeat in file order is named, not the first in id order */
    {"duplicate-id-first-in-file", 7, "element <action id=\"b\">: duplicate id (first declared on line 5)"},
    {"duplicate-label", 5, "element <action id=\"a\">: label 'x' used twice"},
    {"duplicate-player", 5, "element <player id=\"L\">: duplicate player id"},
    {"duplicate-stage", 6, "element <action id=\"b\">: stage 1 already belongs to action 'a'"},
    {"empty", 1, "not well-formed XML: the document is empty (no root element)"},
    {"empty-blank", 4, "not well-formed XML: the document is empty (no root element)"},
    {"eq-out-of-domain", 7, "element <endogenous id=\"e\">: eq compares 'a' with 2, outside its domai"},
    {"external-entity", 2, "document carries a DTD (<!DOCTYPE>), which is not allowed"},
    {"instinct-future", 6, "element <action id=\"a\">: instinct reads 'b', which is not fixed before"},
    {"instinct-out-of-domain", 6, "element <action id=\"a\">: instinct can take value 2, outside the domain"},
    {"labels-count", 5, "element <action id=\"a\">: 3 labels for a domain of 2 values"},
    {"leader-not-player", 2, "element <scnfg>: leader 'Z' is not a declared player"},
    {"missing-leader", 3, "element <scnfg>: attribute 'leader' is missing"},
    {"no-players", 3, "element <action>: does not match the schema: Did not expect element ac"},
    {"not-well-formed", 6, "not well-formed XML: Opening and ending tag mismatch: utility line 6 a"},
    {"observes-future", 5, "element <action id=\"a\">: observes 'b', which is not fixed before stage"},
    {"observes-twice", 6, "element <action id=\"b\">: observes 'a' twice"},
    {"observes-unrevealed", 8, "element <action id=\"a\">: observes 'u', which is not fixed before stage"},
    {"observes-utility", 6, "element <action id=\"b\">: observes utility node 'uL'"},
    {"perfect-recall-forgets", 12, "element <action id=\"d\">: perfect recall: player 'F' forgets 'a', obser"},
    {"perfect-recall", 7, "element <action id=\"c\">: perfect recall: player 'L' does not observe i"},
    {"position-range", 6, "element <exogenous id=\"u\">: position 3 is outside 1..2 (T+1)"},
    {"prior-count", 6, "element <prior>: prior has 3 values for a domain of 2"},
    {"prior-negative", 5, "element <exogenous id=\"u\">: prior has a negative probability"},
    {"prior-sum", 5, "element <exogenous id=\"u\">: prior sums to 5/6, not exactly 1"},
    {"rational-malformed", 6, "element <table>: table entry '+2' is not a rational: expected a digit"},
    {"rational-negative-denominator", 6, "element <const>: value '1/-2' is not a rational: expected a denominato"},
    {"rational-zero-denominator", 6, "element <prior>: probability '1/0' is not a rational: zero denominator"},
    {"reference-to-utility", 8, "element <endogenous id=\"e\">: equation refers to utility node 'uL'"},
    {"schema-bad-id", 5, "element <action>: does not match the schema: Element action failed to "},
    {"schema-layers", 5, "element <action>: does not match the schema: Invalid attribute layers "},
    {"schema-missing-attribute", 5, "element <action>: does not match the schema: Element action failed to "},
    {"schema-unknown-element", 6, "element <strategy>: does not match the schema: Did not expect element "},
    {"schema-version", 2, "element <scnfg>: does not match the schema: Element scnfg failed to va"},
    {"stage-gap", 6, "element <action id=\"b\">: stage 3 leaves a gap: the 2 actions must have"},
    {"stage-zero", 5, "element <action id=\"a\">: stage 0 must be at least 1"},
    {"sum-outside-utility", 7, "element <endogenous id=\"e\">: equation may not use sum or prod (utiliti"},
    {"table-duplicate-parent", 6, "element <utility id=\"uL\">: table parent 'a' listed twice"},
    {"table-entry-not-integer", 7, "element <table>: table entry '1/2' is not a non-negative integer"},
    {"table-size", 6, "element <utility id=\"uL\">: table has 3 entries, expected 2 (the produc"},
    {"too-deep", 7, "element <not>: elements nested deeper than 100"},
    {"too-deep-300", 7, "element <not>: elements nested deeper than 100"},
    {"undefined-entity", 2, "not well-formed XML: Entity 'x' not defined"},
    {"unknown-observed", 7, "element <observes>: observed variable 'nope' is not a declared variabl"},
    {"unknown-player", 5, "element <action id=\"a\">: player 'Z' is not declared"},
    {"unknown-reference", 6, "element <var>: reference 'nope' is not a declared variable"},
    {"value-out-of-domain", 7, "element <endogenous id=\"e\">: equation can take value 2, outside the do"},
};

START_TEST (bad_input) {
  char rel[200];
  snprintf (rel, sizeof rel, "tests/data/gamexml/bad/%s.xml", bad[_i].name);
  char *path = tu_path (rel);
  scnfg_error err;
  error_init (&err);
  game *g = (game *) 1;
  ck_assert_msg (!gamexml_read_file (&g, path, &err), "%s accepted", bad[_i].name);
  ck_assert_ptr_null (g);
  ck_assert_int_eq (err.code, ERROR_INPUT);
  ck_assert_str_eq (err.file, path);
  ck_assert_msg (err.line == bad[_i].line, "%s: line %u, expected %u (%s)", bad[_i].name, err.line, bad[_i].line,
                 err.msg);
  ck_assert_msg (strstr (err.msg, bad[_i].msg) == err.msg, "%s: message '%s', expected '%s...'", bad[_i].name,
                 err.msg, bad[_i].msg);
  free (path);
}
END_TEST

START_TEST (bad_input_cli) {
  char *path = tu_path ("tests/data/gamexml/bad/prior-sum.xml");
  char *err = NULL;
  int rc = tu_run (NULL, &err, "game '%s' --concept spe", path);
  ck_assert_int_eq (rc, 2);
  char want[4300];
  snprintf (want, sizeof want, "%s:5: element <exogenous id=\"u\">: prior sums to 5/6, not exactly 1\n", path);
  ck_assert_msg (strstr (err, want), "%s", err);
  free (err), free (path);
}
END_TEST

START_TEST (size_cap) {
  char *dir = tu_tmpdir ();
  char *p = tu_write (dir, "big.xml", "");
  ck_assert_int_eq (truncate (p, (off_t) GAMEXML_MAX_BYTES + 1), 0);
  scnfg_error err;
  error_init (&err);
  game *g;
  ck_assert (!gamexml_read_file (&g, p, &err));
  ck_assert_msg (strstr (err.msg, "exceeds the limit"), "%s", err.msg);
  error_init (&err);
  ck_assert (!gamexml_read_file (&g, "/nonexistent/x.xml", &err));
  ck_assert_int_eq (err.code, ERROR_IO);
  free (p);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* write g, read it back, compare; write again, compare bytes */
static void round_trip (const game *g, const char *what) {
  char *b1 = NULL, *b2 = NULL;
  size_t n1 = 0, n2 = 0;
  FILE *f = open_memstream (&b1, &n1);
  ck_assert (gamexml_write (f, g));
  fclose (f);
  scnfg_error err;
  error_init (&err);
  game *h;
  ck_assert_msg (gamexml_read_memory (&h, b1, n1, what, &err), "%s: %s:%u: %s", what, err.file, err.line, err.msg);
  ck_assert_msg (game_equal (g, h), "%s: round trip changed the game", what);
  f = open_memstream (&b2, &n2);
  ck_assert (gamexml_write (f, h));
  fclose (f);
  ck_assert_uint_eq (n1, n2);
  ck_assert_msg (!memcmp (b1, b2, n1), "%s: second write differs", what);
  game_free (h);
  free (b1), free (b2);
}

static const char *fixtures[] = {"active-if-tree", "entry-deterrence", "eps-example", "eps-tie",
                                 "chance",         "three-players",    "lottery",     "imperfect"};

START_TEST (round_trip_fixtures) {
  char rel[200];
  snprintf (rel, sizeof rel, "instances/games/%s.xml", fixtures[_i]);
  char *path = tu_path (rel);
  scnfg_error err;
  error_init (&err);
  game *g;
  ck_assert_msg (gamexml_read_file (&g, path, &err), "%s: %s", rel, err.msg);
  round_trip (g, rel);
  game_free (g);
  free (path);
}
END_TEST

START_TEST (round_trip_random) {
  for (uint64_t seed = 0; seed < 60; seed++) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.seed = seed;
    p.stages = (unsigned) (seed % 6);
    p.domain = 2 + (unsigned) (seed % 3);
    p.confounders = (unsigned) (seed % 3);
    p.perfect_info = seed % 2;
    p.win_lose = seed % 10 == 9;
    if (p.win_lose && p.stages == 0) p.stages = 3;
    game *g = gamegen_random (&p);
    ck_assert_ptr_nonnull (g);
    round_trip (g, "random");
    game_free (g);
  }
}
END_TEST


/* Issue 14: reading is timed. A deadline that has passed stops the reader
 * with ERROR_LIMIT; no deadline reads as before. */
START_TEST (read_under_deadline) {
  char *path = tu_path ("instances/games/active-if-tree.xml");
  scnfg_limits lim;
  limits_init (&lim);
  lim.timeout = 1e-6;
  limits_start (&lim);
  while (!limits_expired (&lim)) {}
  scnfg_error e;
  error_init (&e);
  game *g = NULL;
  ck_assert (!gamexml_read_file_lim (&g, path, &lim, &e));
  ck_assert_ptr_null (g);
  ck_assert_int_eq (e.code, ERROR_LIMIT);
  ck_assert_str_eq (e.msg, "time limit reached while reading");
  lim.timeout = 0;
  error_init (&e);
  ck_assert (gamexml_read_file_lim (&g, path, &lim, &e));
  ck_assert_int_eq (g->nstages, 3);
  game_free (g);
  free (path);
}
END_TEST

/* A 100000-stage game with --timeout 0.05: exit 3 while reading, long before
 * the 1 s reading takes here (the schema check is one step; the deadline is
 * looked at right after it). */
START_TEST (cli_read_timeout) {
  char *dir = tu_tmpdir (), path[1100];
  snprintf (path, sizeof path, "%s/big.xml", dir);
  FILE *f = fopen (path, "w");
  ck_assert_ptr_nonnull (f);
  fputs ("<?xml version=\"1.0\"?>\n<scnfg version=\"1\" name=\"big\" leader=\"p1\">\n", f);
  for (unsigned i = 1; i <= 100000; i++) fprintf (f, "<player id=\"p%u\"/>\n", i);
  for (unsigned i = 1; i <= 100000; i++) fprintf (f, "<action id=\"a%u\" player=\"p%u\" stage=\"%u\" labels=\"x y\"/>\n", i, i, i);
  fputs ("<utility id=\"u1\" player=\"p1\"><table parents=\"a1\">1 0</table></utility>\n</scnfg>\n", f);
  fclose (f);
  char *out, *err;
  ck_assert_int_eq (tu_run (&out, &err, "game '%s' --concept spe --timeout 0.05", path), 3);
  ck_assert_ptr_nonnull (strstr (err, "time limit reached while reading\n"));
  ck_assert_str_eq (out, "");
  free (out), free (err);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *gamexml_suite (void) {
  Suite *s = suite_create ("gamexml");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_loop_test (tc, bad_input, 0, (int) (sizeof bad / sizeof *bad));
  tcase_add_test (tc, bad_input_cli);
  tcase_add_test (tc, size_cap);
  tcase_add_test (tc, read_under_deadline);
  tcase_add_test (tc, cli_read_timeout);
  tcase_add_loop_test (tc, round_trip_fixtures, 0, (int) (sizeof fixtures / sizeof *fixtures));
  tcase_add_test (tc, round_trip_random);
  suite_add_tcase (s, tc);
  return s;
}
