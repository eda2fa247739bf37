/* Tests of solver/model/result (with resulttext): every kind of result
 * document (pure solution, bare profile, mixed commitment with an LP and with
 * a tree certificate, weak mixed, signaling analysis) is written, validated
 * against the one schema result.rng and read back with exact values; the
 * readers reject documents of the other kinds by name. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/xmldoc.h"
#include "solver/game/mixed.h"
#include "solver/game/signal.h"
#include "solver/game/spe.h"
#include "solver/model/game.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"
#include "tests/testutil.h"

typedef struct doc {
  char *buf;
  size_t len;
  FILE *f;
} doc;

static FILE *doc_open (doc *d) {
  d->buf = NULL, d->len = 0;
  d->f = open_memstream (&d->buf, &d->len);
  ck_assert_ptr_nonnull (d->f);
  return d->f;
}

/* Closes d and validates it against the one schema. */
static void doc_valid (doc *d) {
  fclose (d->f);
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (xmldoc_validate (d->buf, d->len, "r.xml", result_schema (), RESULT_MAX_BYTES, RESULT_MAX_DEPTH, &e),
                 "line %u: %s\n%s", e.line, e.msg, d->buf);
}

static void has (const doc *d, const char *s) { ck_assert_msg (strstr (d->buf, s) != NULL, "no '%s' in\n%s", s, d->buf); }

static void eq_q (const mpq_t q, const char *s) {
  char *t = rat_to_str (q);
  ck_assert_str_eq (t, s);
  free (t);
}

static void solve_spe (const game *g, game_solution *sol) {
  spe_options o;
  spe_options_init (&o);
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (spe_solve (g, &o, sol, &e), "%s", e.msg);
  ck_assert_int_eq (sol->status, GAME_SOLVED);
}

static void solve_mixed (const game *g, game_tie tie, mixed_solution *ms) {
  mixed_options o;
  mixed_options_init (&o);
  o.tie = tie;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (mixed_solve (g, &o, ms, &e), "%s", e.msg);
  ck_assert_int_eq (ms->sol.status, GAME_SOLVED);
}

static void expect_profile_error (const game *g, const doc *d, const char *msg) {
  scnfg_error e;
  error_init (&e);
  game_profile *p = (game_profile *) 1;
  ck_assert (!result_read_profile_memory (&p, g, d->buf, d->len, "r.xml", &e));
  ck_assert_ptr_null (p);
  ck_assert_msg (strstr (e.msg, msg) != NULL, "'%s', expected '%s'", e.msg, msg);
}

static void expect_mixed_error (const game *g, const doc *d, const char *msg) {
  scnfg_error e;
  error_init (&e);
  behav_profile *b = (behav_profile *) 1;
  behav_cert c;
  ck_assert (!result_read_mixed_memory (&b, &c, g, d->buf, d->len, "r.xml", &e));
  ck_assert_ptr_null (b);
  ck_assert_msg (strstr (e.msg, msg) != NULL, "'%s', expected '%s'", e.msg, msg);
}

static void read_profile_ok (const game *g, const doc *d, game_profile **p) {
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (result_read_profile_memory (p, g, d->buf, d->len, "r.xml", &e), "%s", e.msg);
}

static void read_mixed_ok (const game *g, const doc *d, behav_profile **b, behav_cert *c) {
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (result_read_mixed_memory (b, c, g, d->buf, d->len, "r.xml", &e), "%s", e.msg);
}

START_TEST (pure_solution) {
  game *g = tu_game_fixture ("active-if-tree");
  game_solution sol;
  solve_spe (g, &sol);
  doc d;
  result_write_solution (doc_open (&d), g, &sol);
  doc_valid (&d);
  static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scnfg-result version=\"1\" "
                             "game=\"active-if tree\" concept=\"spe\" tie=\"strong\" status=\"solved\">\n"
                             "  <reward player=\"L\" value=\"5/4\"/>\n  <reward player=\"F\" value=\"1/2\"/>\n"
                             "  <welfare value=\"7/4\"/>\n  <stats nodes=\"7\" leaves=\"4\" seconds=\"";
  ck_assert_msg (!strncmp (d.buf, head, strlen (head)), "%s", d.buf);
  has (&d, "    <policy stage=\"3\" action=\"e\" layer=\"2\" observes=\"m f\">\n      <play obs=\"0 1\" do=\"0\"/>\n");
  has (&d, "  <outcomes>\n    <outcome prob=\"1\" values=\"m=B f=- e=-\"/>\n  </outcomes>\n</scnfg-result>\n");
  /* read back: the same profile */
  game_profile *p;
  read_profile_ok (g, &d, &p);
  for (unsigned t = 0; t < g->nstages; t++) {
    ck_assert_uint_eq (p->pol[t].size, sol.profile->pol[t].size);
    ck_assert (!memcmp (p->pol[t].act, sol.profile->pol[t].act, p->pol[t].size * sizeof *p->pol[t].act));
  }
  ck_assert_int_eq (p->pol[0].act[0], 1);
  profile_free (p);
  /* the pure result holds no commitment */
  expect_mixed_error (g, &d, "the result holds no commitment");
  free (d.buf);
  /* the bare profile, a document of its own */
  result_write_profile (doc_open (&d), g, sol.profile, 0);
  doc_valid (&d);
  ck_assert_msg (!strncmp (d.buf, "<profile game=\"active-if tree\">\n  <policy stage=\"1\" action=\"m\" layer=\"2\" "
                                  "observes=\"\">\n    <play obs=\"\" do=\"1\"/>\n  </policy>\n",
                           strlen ("<profile game=\"active-if tree\">\n  <policy stage=\"1\" action=\"m\" layer=\"2\" "
                                   "observes=\"\">\n    <play obs=\"\" do=\"1\"/>\n  </policy>\n")),
                 "%s", d.buf);
  free (d.buf);
  /* the human table */
  resulttext_solution (doc_open (&d), g, &sol, 100);
  fclose (d.f);
  has (&d, "status solved\nreward L (leader) 5/4\nreward F 1/2\nwelfare 7/4\n");
  has (&d, "outcome 1 m=B f=- e=-\n");
  free (d.buf);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

/* Names and reasons with every special character survive write and read. */
START_TEST (pure_escaped) {
  game *g = tu_game_fixture ("active-if-tree");
  free (g->name);
  g->name = mem_strdup ("a&b<c>\"d'\te");
  game_solution sol;
  solve_spe (g, &sol);
  snprintf (sol.reason, sizeof sol.reason, "note <&>");
  doc d;
  result_write_solution (doc_open (&d), g, &sol);
  doc_valid (&d);
  has (&d, " game=\"a&amp;b&lt;c&gt;&quot;d'&#9;e\" concept=\"spe\"");
  has (&d, " reason=\"note &lt;&amp;&gt;\">\n");
  has (&d, "<profile game=\"a&amp;b&lt;c&gt;&quot;d'&#9;e\">");
  game_profile *p;
  read_profile_ok (g, &d, &p);
  profile_free (p);
  free (d.buf);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (mixed_lps) {
  game *g = tu_game_fixture ("oneshot-2x2");
  mixed_solution ms;
  solve_mixed (g, GAME_TIE_STRONG, &ms);
  doc d;
  result_write_mixed (doc_open (&d), g, &ms);
  doc_valid (&d);
  has (&d, "<scnfg-result version=\"1\" game=\"one-shot 2x2\" concept=\"mixed\" method=\"multiple-lps\" tie=\"strong\" "
           "status=\"solved\">\n  <reward player=\"L\" value=\"7/2\"/>\n  <reward player=\"F\" value=\"1/2\"/>\n"
           "  <welfare value=\"4\"/>\n");
  has (&d, "  <commitment>\n    <policy stage=\"1\" action=\"l\" player=\"L\" layer=\"2\" observes=\"\">\n"
           "      <play obs=\"\" mix=\"1/2 1/2\"/>\n    </policy>\n  </commitment>\n");
  has (&d, "    <outcome prob=\"1/2\" values=\"l=U f=R\"/>\n");
  has (&d, "    <lp follower-action=\"1\" bound=\"7/2\" multipliers=\"1/2 0\"/>\n  </certificate>\n</scnfg-result>\n");
  behav_profile *b;
  behav_cert c;
  read_mixed_ok (g, &d, &b, &c);
  eq_q (b->prob[0][0], "1/2");
  eq_q (b->prob[0][1], "1/2");
  ck_assert_int_eq (b->pure->pol[1].act[0], 1);
  ck_assert_int_eq (c.kind, BEHAV_CERT_LP);
  ck_assert_uint_eq (c.nf, 2);
  eq_q (c.z[0], "2");
  eq_q (c.z[1], "7/2");
  eq_q (c.w[2], "1/2");
  behav_cert_clear (&c);
  behav_free (b);
  expect_profile_error (g, &d, "the result holds no <profile>");
  free (d.buf);
  resulttext_mixed (doc_open (&d), g, &ms, 100);
  fclose (d.f);
  has (&d, "reward L (leader) 7/2\n");
  has (&d, "  - -> U:1/2 D:1/2\n");
  has (&d, "outcome 1/2 l=U f=R\n");
  has (&d, "certificate follower R: bound 7/2 multipliers 1/2 0\n");
  free (d.buf);
  mixed_solution_clear (&ms);
  /* weak: the supremum, valid, but not a document the checker reads */
  solve_mixed (g, GAME_TIE_WEAK, &ms);
  result_write_mixed (doc_open (&d), g, &ms);
  doc_valid (&d);
  has (&d, " tie=\"weak\" status=\"solved\">\n  <supremum player=\"L\" value=\"7/2\" attained=\"unknown\"/>\n");
  expect_mixed_error (g, &d, "tie 'weak'");
  free (d.buf);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (mixed_tree) {
  game *g = tu_game_fixture ("active-if-tree");
  mixed_solution ms;
  solve_mixed (g, GAME_TIE_STRONG, &ms);
  doc d;
  result_write_mixed (doc_open (&d), g, &ms);
  doc_valid (&d);
  has (&d, " concept=\"mixed\" method=\"letchford-conitzer-tree\"");
  has (&d, "<reward player=\"L\" value=\"3/2\"/>");
  has (&d, "<play obs=\"0 1\" mix=\"1/2 1/2\"/>");
  has (&d, "<certificate kind=\"tree\" nodes=\"3\">\n    <frontier node=\"0\"><piece to=\"");
  behav_profile *b;
  behav_cert c;
  read_mixed_ok (g, &d, &b, &c);
  ck_assert_int_eq (c.kind, BEHAV_CERT_TREE);
  ck_assert_uint_eq (c.nnodes, 3);
  for (size_t k = 0; k < 3; k++) {
    ck_assert_uint_eq (c.front[k].n, ms.cert.front[k].n);
    for (size_t i = 0; i < c.front[k].n; i++) {
      ck_assert (mpq_equal (c.front[k].b[i], ms.cert.front[k].b[i]));
      ck_assert (mpq_equal (c.front[k].vr[i], ms.cert.front[k].vr[i]));
    }
  }
  mpq_t rw[2];
  mpq_init (rw[0]), mpq_init (rw[1]);
  ck_assert (behav_evaluate (g, b, rw, NULL, 0, NULL));
  eq_q (rw[g->leader], "3/2");
  mpq_clear (rw[0]), mpq_clear (rw[1]);
  behav_cert_clear (&c);
  behav_free (b);
  free (d.buf);
  resulttext_mixed (doc_open (&d), g, &ms, 100);
  fclose (d.f);
  has (&d, "certificate frontiers at 3 choice nodes (root: ");
  free (d.buf);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (signal_report) {
  game *g = tu_game_fixture ("beer-quiche");
  signal_game sg;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (signal_game_init (&sg, g, &e), "%s", e.msg);
  signal_result r;
  signal_result_init (&r);
  ck_assert_msg (signal_solve (&r, &sg, 0, &e), "%s", e.msg);
  doc d;
  result_write_signal (doc_open (&d), &sg, &r, RESULT_INTUITIVE | RESULT_D1);
  doc_valid (&d);
  has (&d, "<scnfg-signal version=\"1\" game=\"beer-quiche\"");
  has (&d, " sender=\"S\" receiver=\"R\" types=\"2\" messages=\"2\" actions=\"2\" families=\"2\" pure=\"2\" "
           "intuitive-survivors=\"1\" d1-survivors=\"1\">\n  <type id=\"wimp\" prior=\"1/10\"/>\n"
           "  <type id=\"surly\" prior=\"9/10\"/>\n  <pbe index=\"1\" class=\"pooling\" pure=\"1\" "
           "reward-sender=\"29/10\" reward-receiver=\"9/10\">\n");
  has (&d, "      <response support=\"duel\" d1=\"true\">\n"
           "        <belief type=\"wimp\" value=\"3/4\" min=\"1/2\" max=\"1\"/>\n");
  has (&d, "  <layers analysed=\"");
  has (&d, "</scnfg-signal>\n");
  expect_profile_error (g, &d, "the result holds no <profile>");
  expect_mixed_error (g, &d, "the result holds no commitment");
  free (d.buf);
  /* one refinement only: the other's attributes are absent, still valid */
  result_write_signal (doc_open (&d), &sg, &r, RESULT_D1);
  doc_valid (&d);
  ck_assert (strstr (d.buf, "intuitive") == NULL);
  free (d.buf);
  resulttext_signal (doc_open (&d), &sg, &r, RESULT_INTUITIVE | RESULT_D1);
  fclose (d.f);
  has (&d, "PBE family 1: pooling (1 pure PBE)\n");
  has (&d, "summary: 2 PBE families (0 separating, 2 pooling, 0 partially pooling), 2 pure PBE\n");
  free (d.buf);
  signal_result_clear (&r);
  signal_game_clear (&sg);
  game_free (g);
}
END_TEST

/* Moved with the profile reader from check_gamexml. */
static void expect_read_error (const game *g, const char *text, unsigned line, const char *msg) {
  scnfg_error err;
  error_init (&err);
  game_profile *p = (game_profile *) 1;
  ck_assert_msg (!result_read_profile_memory (&p, g, text, strlen (text), "p.xml", &err), "accepted: %s", text);
  ck_assert_ptr_null (p);
  ck_assert_msg (err.line == line, "line %u, expected %u (%s)", err.line, line, err.msg);
  ck_assert_msg (strstr (err.msg, msg), "message '%s', expected '%s'", err.msg, msg);
}

START_TEST (profile_read) {
  game *g = tu_game_fixture ("active-if-tree");
  const char *good = "<profile>\n"
                     " <policy stage=\"1\" action=\"m\" observes=\"\"><play obs=\"\" do=\"1\"/></policy>\n"
                     " <policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"0\"/></policy>\n"
                     " <policy stage=\"3\" action=\"e\" observes=\"m f\"><play obs=\"0 1\" do=\"0\"/></policy>\n"
                     "</profile>\n";
  scnfg_error err;
  error_init (&err);
  game_profile *p;
  ck_assert_msg (result_read_profile_memory (&p, g, good, strlen (good), "p.xml", &err), "%s", err.msg);
  ck_assert_int_eq (p->pol[0].act[0], 1);
  ck_assert_int_eq (p->pol[1].act[0], 0);
  ck_assert_int_eq (p->pol[1].act[1], PROFILE_NONE);
  ck_assert_int_eq (p->pol[2].act[1], 0);
  profile_free (p);
  expect_read_error (g, "<profile>\n <policy stage=\"4\" action=\"m\" observes=\"\"/>\n</profile>", 2,
                        "stage 4 does not exist");
  expect_read_error (g, "<profile>\n <policy stage=\"1\" action=\"f\" observes=\"\"/>\n</profile>", 2,
                        "stage 1 is action 'm', not 'f'");
  expect_read_error (g, "<profile>\n <policy stage=\"2\" action=\"f\" observes=\"\"/>\n</profile>", 2,
                        "observes must list the stage's observation set in order: \"m\"");
  expect_read_error (g,
                        "<profile>\n <policy stage=\"2\" action=\"f\" observes=\"m\">\n  <play obs=\"2\" do=\"0\"/>"
                        "</policy>\n</profile>",
                        3, "obs value '2' is outside the domain of 'm'");
  expect_read_error (g,
                        "<profile>\n <policy stage=\"2\" action=\"f\" observes=\"m\">\n  <play obs=\"0\" do=\"5\"/>"
                        "</policy>\n</profile>",
                        3, "do=\"5\" is out of range");
  expect_read_error (g,
                        "<profile>\n <policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"0\"/>\n"
                        "  <play obs=\"0\" do=\"1\"/></policy>\n</profile>",
                        3, "a second play for the same information set");
  expect_read_error (g, "<profile>\n <policy stage=\"1\" action=\"m\" observes=\"\"/>\n</profile>", 1,
                        "no policy for stage 2");
  expect_read_error (g, "<profile>\n <strategy/>\n</profile>", 2, "does not match the schema");
  expect_read_error (g, "<!DOCTYPE profile>\n<profile/>", 1, "DTD");
  game_free (g);
}
END_TEST

/* Moved with the profile writer from check_profile. */
START_TEST (profile_round_trip) {
  game *g = tu_game_fixture ("three-players");
  game_profile *p = profile_new (g, 0);
  p->pol[0].act[0] = 1;
  p->pol[1].layer = 1;
  p->pol[2].act[0] = 2, p->pol[2].act[3] = 0;
  char *b = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&b, &n);
  result_write_profile (f, g, p, 0);
  fclose (f);
  ck_assert_msg (strstr (b, "<policy stage=\"2\" action=\"x2\" layer=\"1\" observes=\"x1\">\n  </policy>"), "%s", b);
  scnfg_error err;
  error_init (&err);
  game_profile *q;
  ck_assert_msg (result_read_profile_memory (&q, g, b, n, "p.xml", &err), "%s", err.msg);
  for (unsigned t = 0; t < 3; t++) {
    ck_assert_uint_eq (q->pol[t].layer, p->pol[t].layer);
    ck_assert_uint_eq (q->pol[t].size, p->pol[t].size);
    ck_assert (!memcmp (q->pol[t].act, p->pol[t].act, p->pol[t].size * sizeof (int)));
  }
  free (b);
  profile_free (p), profile_free (q);
  game_free (g);
}
END_TEST

/* A tree certificate claiming more choice nodes than the game has
 * (tests/data/result/bad/tree-nodes-beyond-game.xml; issue 14's audit:
 * the reader allocated 2^26 frontiers) is one line, exit 2, nothing else. */
START_TEST (mixed_tree_nodes_beyond_game) {
  char *g = tu_path ("instances/games/active-if-tree.xml"), *r = tu_path ("tests/data/result/bad/tree-nodes-beyond-game.xml");
  char *out = NULL, *errs = NULL;
  int rc = tu_run (&out, &errs, "check %s %s --concept mixed", g, r);
  ck_assert_int_eq (rc, 2);
  ck_assert_str_eq (out, "");
  char want[1200];
  snprintf (want, sizeof want, "%s:24: <certificate>: nodes=\"67108864\": the game has at most 7 choice nodes\n", r);
  ck_assert_str_eq (errs, want);
  free (out), free (errs), free (g), free (r);
}
END_TEST

Suite *result_suite (void) {
  Suite *s = suite_create ("result");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, pure_solution);
  tcase_add_test (tc, pure_escaped);
  tcase_add_test (tc, mixed_lps);
  tcase_add_test (tc, mixed_tree);
  tcase_add_test (tc, signal_report);
  tcase_add_test (tc, profile_read);
  tcase_add_test (tc, profile_round_trip);
  tcase_add_test (tc, mixed_tree_nodes_beyond_game);
  suite_add_tcase (s, tc);
  return s;
}
