/* Tests of solver/model/export: .efg structure and payoffs (Gambit's grammar),
 * information sets from observation sets, the size limit, DOT. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "solver/model/export.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "tests/testutil.h"


static char *efg_of (const game *g, size_t max) {
  char *b = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&b, &n);
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (export_efg (f, g, max, &err), "%s", err.msg);
  fclose (f);
  return b;
}

/* the lines starting with 'c' ('p', 't') */
static unsigned count_lines (const char *s, char c) {
  unsigned n = 0;
  for (const char *p = s; p && *p; p = strchr (p, '\n'), p = p ? p + 1 : NULL)
    if (p[0] == c && p[1] == ' ') n++;
  return n;
}

static const char *body (const char *s) {
  const char *p = strstr (s, "\n\n");
  ck_assert_ptr_nonnull (p);
  return p + 2;
}

START_TEST (efg_tree) {
  game *g = tu_game_fixture ("active-if-tree");
  char *s = efg_of (g, 1000);
  const char *head = "EFG 2 R \"active-if tree\" { \"L\" \"F\" }\n\"Exported by scnfg: the plain game without layer choices";
  ck_assert_msg (!strncmp (s, head, strlen (head)), "%s", s);
  ck_assert_str_eq (body (s),
                    "p \"\" 1 1 \"stage 1 m: -\" { \"T\" \"B\" } 0\n"
                    "p \"\" 2 1 \"stage 2 f: m=T\" { \"a\" \"b\" } 0\n"
                    "t \"\" 1 \"\" { 1, 1 }\n"
                    "p \"\" 1 2 \"stage 3 e: m=T f=b\" { \"x\" \"y\" } 0\n"
                    "t \"\" 2 \"\" { 3, 0 }\n"
                    "t \"\" 3 \"\" { 0, 2 }\n"
                    "t \"\" 4 \"\" { 5/4, 1/2 }\n");
  free (s);
  game_free (g);
}
END_TEST

START_TEST (efg_information_sets) {
  /* the follower does not see the leader: one information set, two nodes */
  game *g = tu_game_fixture ("imperfect");
  char *s = efg_of (g, 1000);
  ck_assert_str_eq (body (s), "p \"\" 1 1 \"stage 1 a: -\" { \"A\" \"B\" } 0\n"
                              "p \"\" 2 1 \"stage 2 f: -\" { \"l\" \"r\" } 0\n"
                              "t \"\" 1 \"\" { 3, 1 }\n"
                              "t \"\" 2 \"\" { 0, 21/20 }\n"
                              "p \"\" 2 1 \"stage 2 f: -\" { \"l\" \"r\" } 0\n"
                              "t \"\" 3 \"\" { 1, 1 }\n"
                              "t \"\" 4 \"\" { 0, 0 }\n");
  free (s);
  game_free (g);
}
END_TEST

START_TEST (efg_chance_and_forced) {
  game *g = tu_game_fixture ("chance");
  char *s = efg_of (g, 1000);
  /* x1, then u (revealed at position 2) under both moves; x2 only after r */
  ck_assert_uint_eq (count_lines (s, 'p'), 1 + 4);
  ck_assert_uint_eq (count_lines (s, 'c'), 2);
  ck_assert_uint_eq (count_lines (s, 't'), 4 + 8);
  ck_assert_msg (strstr (s, "c \"u\" 1 \"\" { \"0\" 1/2 \"1\" 1/3 \"2\" 1/6 \"3\" 0 } 0\n"), "%s", s);
  ck_assert_msg (strstr (s, "p \"\" 2 2 \"stage 2 x2: x1=r u=1\" { \"k\" \"g\" } 0\nt \"\" 7 \"\" { 1, 1 }\nt \"\" 8 \"\" { 4, 1 }\n"), "%s", s);
  free (s);
  game_free (g);
  /* B's layer-1-only stage has no node: only A's and C's */
  g = tu_game_fixture ("three-players");
  s = efg_of (g, 1000);
  ck_assert_uint_eq (count_lines (s, 'p'), 3);
  ck_assert_uint_eq (count_lines (s, 't'), 6);
  ck_assert_msg (strstr (s, "p \"\" 3 1 \"stage 3 x3: x1=0 x2=0\" { \"zero\" \"one\" \"two\" } 0\n"
                            "t \"\" 1 \"\" { 0, 0, 0 }\nt \"\" 2 \"\" { 2, 1, 0 }\nt \"\" 3 \"\" { 4, 0, 1 }\n"), "%s", s);
  free (s);
  game_free (g);
}
END_TEST

START_TEST (efg_limit) {
  game *g = tu_game_fixture ("chance");
  scnfg_error err;
  error_init (&err);
  char *b = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&b, &n);
  ck_assert (!export_efg (f, g, 10, &err));
  fclose (f);
  ck_assert_int_eq (err.code, ERROR_LIMIT);
  ck_assert_uint_eq (n, 0);
  free (b);
  game_free (g);
  char *path = tu_path ("instances/games/chance.xml");
  ck_assert_int_eq (tu_run (NULL, NULL, "export '%s' --to efg --max-nodes 10", path), 3);
  ck_assert_int_eq (tu_run (NULL, NULL, "export '%s' --to gml", path), 2);
  char *out = NULL;
  ck_assert_int_eq (tu_run (&out, NULL, "export '%s' --to efg", path), 0);
  ck_assert_msg (!strncmp (out, "EFG 2 R \"chance between stages\"", 31), "%s", out);
  free (out), free (path);
}
END_TEST

START_TEST (dot_graph) {
  game *g = tu_game_fixture ("chance");
  char *b = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&b, &n);
  export_dot (f, g);
  fclose (f);
  ck_assert_msg (!strncmp (b, "digraph scnfg {\n", 16), "%s", b);
  ck_assert_msg (strstr (b, "\"u\" [shape=ellipse, style=dashed, color=\"#7f7f7f\", label=\"u\\nexogenous, position 2\"];"), "%s", b);
  ck_assert_msg (strstr (b, "\"x1\" [shape=diamond, style=bold, color=\"#1f77b4\", label=\"x1\\nstage 1, L\"];"), "%s", b);
  ck_assert_msg (strstr (b, "\"x2\" [shape=diamond, style=bold, color=\"#d62728\""), "%s", b);
  ck_assert_msg (strstr (b, "\"uF\" [shape=octagon, color=\"#d62728\""), "%s", b);
  ck_assert_msg (strstr (b, "\"x1\" -> \"x2\" [label=\"active-if\", style=dotted];"), "%s", b);
  ck_assert_msg (strstr (b, "\"u\" -> \"x2\" [style=dashed, color=\"#7f7f7f\"];"), "%s", b);
  ck_assert_msg (strstr (b, "\"x2\" -> \"uL\";"), "%s", b);
  ck_assert_msg (strstr (b, "}\n") == b + n - 2, "%s", b);
  free (b);
  game_free (g);
}
END_TEST

Suite *export_suite (void) {
  Suite *s = suite_create ("export");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, efg_tree);
  tcase_add_test (tc, efg_information_sets);
  tcase_add_test (tc, efg_chance_and_forced);
  tcase_add_test (tc, efg_limit);
  tcase_add_test (tc, dot_graph);
  suite_add_tcase (s, tc);
  return s;
}
