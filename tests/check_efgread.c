/* Tests of solver/model/efgread: the .efg fixtures give the same games and
 * answers as the XML ones, exporter output reads back (fixtures and random
 * signaling games), Gambit's number forms are read exactly, and every bad
 * input file fails with its line and reason. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/xmldoc.h"
#include "instances/siggen.h"
#include "solver/model/efgread.h"
#include "solver/model/export.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/game/signal.h"
#include "tests/testutil.h"

static game *read_any (const char *rel) {
  char *path = tu_path (rel);
  scnfg_error err;
  error_init (&err);
  game *g;
  bool ok = strstr (rel, ".efg") ? efgread_file (&g, path, &err) : gamexml_read_file (&g, path, &err);
  ck_assert_msg (ok, "%s: %s:%u: %s", rel, err.file, err.line, err.msg);
  free (path);
  return g;
}

/* Same types, messages, actions, prior and reward tables. */
static void same_tables (const game *a, const game *b) {
  signal_game x, y;
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (signal_game_init (&x, a, &err), "%s", err.msg);
  ck_assert_msg (signal_game_init (&y, b, &err), "%s", err.msg);
  ck_assert (x.K == y.K && x.M == y.M && x.A == y.A);
  for (unsigned t = 0; t < x.K; t++) ck_assert (mpq_equal (x.prior[t], y.prior[t]));
  for (size_t i = 0; i < (size_t) x.K * x.M * x.A; i++) {
    ck_assert (mpq_equal (x.us[i], y.us[i]));
    ck_assert (mpq_equal (x.ur[i], y.ur[i]));
  }
  for (unsigned t = 0; t < x.K; t++) {
    char b1[32], b2[32];
    ck_assert_str_eq (game_value_label (a, x.theta, (int) t, b1, 32), game_value_label (b, y.theta, (int) t, b2, 32));
  }
  signal_game_clear (&x), signal_game_clear (&y);
}

static game *roundtrip (const game *g) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&buf, &n);
  scnfg_error err;
  error_init (&err);
  ck_assert (export_efg (f, g, 100000, &err));
  fclose (f);
  game *h;
  ck_assert_msg (efgread_memory (&h, buf, n, "export.efg", &err), "%s:%u: %s\n%s", err.file, err.line, err.msg, buf);
  free (buf);
  return h;
}

START_TEST (fixtures_match_xml) {
  const char *names[] = {"beer-quiche", "job-market"};
  for (int i = 0; i < 2; i++) {
    char x[100], e[100];
    snprintf (x, sizeof x, "instances/games/%s.xml", names[i]);
    snprintf (e, sizeof e, "instances/games/%s.efg", names[i]);
    game *gx = read_any (x), *ge = read_any (e);
    same_tables (gx, ge);
    ck_assert_int_eq (ge->leader, 0);
    ck_assert_str_eq (ge->players[0], i ? "W" : "S");
    signal_game sx, se;
    signal_result rx, re;
    scnfg_error err;
    error_init (&err);
    ck_assert (signal_game_init (&sx, gx, &err) && signal_game_init (&se, ge, &err));
    ck_assert (signal_solve (&rx, &sx, 0, &err) && signal_solve (&re, &se, 0, &err));
    ck_assert_uint_eq (rx.n, 2);
    ck_assert_uint_eq (re.n, rx.n);
    for (size_t k = 0; k < rx.n; k++) {
      ck_assert (!memcmp (rx.pbe[k].send, re.pbe[k].send, sx.K * sizeof (int)));
      ck_assert (!memcmp (rx.pbe[k].resp, re.pbe[k].resp, sx.M * sizeof (int)));
      ck_assert (mpq_equal (rx.pbe[k].reward_s, re.pbe[k].reward_s));
      ck_assert_int_eq (rx.pbe[k].intuitive.survives, re.pbe[k].intuitive.survives);
      ck_assert_int_eq (rx.pbe[k].d1.survives, re.pbe[k].d1.survives);
    }
    signal_result_clear (&rx), signal_result_clear (&re);
    signal_game_clear (&sx), signal_game_clear (&se);
    /* the exporter's output reads back to the same game */
    game *gr = roundtrip (gx);
    same_tables (gx, gr);
    game_free (gr);
    game_free (gx), game_free (ge);
  }
}
END_TEST

START_TEST (random_roundtrip) {
  for (uint64_t seed = 0; seed < 60; seed++) {
    siggen_params p;
    siggen_params_init (&p);
    p.seed = 1000 + seed;
    p.types = 2 + seed % 3, p.messages = 2 + seed % 2, p.actions = 2 + (seed / 3) % 3;
    game *g = siggen_random (&p);
    /* the exporter writes layer-1-only stages as instincts; all layers here */
    game *h = roundtrip (g);
    same_tables (g, h);
    game_free (g), game_free (h);
  }
}
END_TEST

static void eqq (const mpq_t q, const char *want) {
  char *s = mpq_get_str (NULL, 10, q);
  ck_assert_str_eq (s, want);
  free (s);
}

START_TEST (numbers) {
  const char *src = "EFG 2 D \"n\" { \"A\" \"B\" } \"comment\"\n"
                    "c \"\" 1 \"\" { \"x\" 0.25 \"y\" 3/4 } 0\n"
                    "p \"\" 1 1 \"\" { \"m\" \"m\" } 1 \"pre\" { .5, -1/2 }\n"
                    "p \"\" 2 1 \"\" { \"a\" \"b\" } 0\n"
                    "t \"\" 2 \"o\" { +1 1.25e1 }\n"
                    "t \"\" 3 \"q \\\"quoted\\\"\" { -3/4, 1.5E-1 }\n"
                    "p \"\" 2 2 \"\" { \"a\" \"b\" } 0\n"
                    "t \"\" 2\n"
                    "t \"\" 0\n"
                    "p \"\" 1 2 \"\" { \"m\" \"m\" } 0\n"
                    "p \"\" 2 1 0\n"
                    "t \"\" 0\n"
                    "t \"\" 0\n"
                    "p \"\" 2 2 0\n"
                    "t \"\" 0\n"
                    "t \"\" 4 \"\" { 10. 0 }\n";
  game *g;
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (efgread_memory (&g, src, strlen (src), "n.efg", &err), "%s:%u: %s", err.file, err.line, err.msg);
  signal_game sg;
  ck_assert (signal_game_init (&sg, g, &err));
  eqq (sg.prior[0], "1/4");
  /* type x, message 0, action a: outcome 1 (.5, -1/2) + outcome 2 (1, 25/2) */
  eqq (sg.us[SIGNAL_IX (&sg, 0, 0, 0)], "3/2");
  eqq (sg.ur[SIGNAL_IX (&sg, 0, 0, 0)], "12");
  eqq (sg.us[SIGNAL_IX (&sg, 0, 0, 1)], "-1/4");
  eqq (sg.ur[SIGNAL_IX (&sg, 0, 0, 1)], "-7/20");
  eqq (sg.us[SIGNAL_IX (&sg, 1, 1, 1)], "10");
  /* duplicate message labels are made unique */
  char b[32];
  ck_assert_str_eq (game_value_label (g, sg.msg, 1, b, 32), "m_2");
  signal_game_clear (&sg);
  game_free (g);
}
END_TEST

static const struct {
  const char *file;
  unsigned line;
  const char *msg;
} bad[] = {
    {"not-efg", 1, "expected 'EFG'"},
    {"version", 1, "only EFG version 2"},
    {"unterminated-label", 2, "end of file inside a quoted label"},
    {"bad-number", 2, "malformed number '1/0'"},
    {"outcome-mismatch", 6, "outcome 1 does not match"},
    {"undefined-infoset", 3, "information set 1 is used before it is defined"},
    {"undefined-outcome", 5, "outcome 7 is used before it is defined"},
    {"null-outcome-payoffs", 5, "null outcome"},
    {"missing-payoff", 5, "expected a payoff for player 2"},
    {"truncated", 6, "unexpected end of file"},
    {"trailing", 3, "after the last node"},
    {"three-players", 1, "exactly two players"},
    {"no-chance-root", 2, "the root must be a chance node"},
    {"probabilities", 2, "do not sum to 1"},
    {"sender-blind", 10, "the sender does not observe its type"},
    {"receiver-sees-type", 11, "the receiver observes more than the message"},
    {"receiver-blind", 7, "the receiver does not observe the message"},
    {"infoset-mismatch", 7, "information set 1 does not match"},
    /* the lexer fails right after a chance action's label (once a crash) */
    {"chance-label-at-eof", 2, "end of file inside a quoted label"},
    /* labels hold only what XML 1.0 can (once a non-well-formed --xml output, a truncated title) */
    {"control-byte-in-label", 10, "control byte 0x14 in a quoted label (XML cannot hold it)"},
    {"control-byte-in-player", 1, "control byte 0x1b in a quoted label (XML cannot hold it)"},
    {"nul-in-title", 1, "control byte 0x00 in a quoted label (XML cannot hold it)"},
    {"invalid-utf8", 14, "byte 0x80 in a quoted label is not valid UTF-8"},
};

START_TEST (bad_inputs) {
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char rel[200];
    snprintf (rel, sizeof rel, "tests/data/efgread/bad/%s.efg", bad[i].file);
    char *path = tu_path (rel);
    scnfg_error err;
    error_init (&err);
    game *g = (game *) 1;
    ck_assert_msg (!efgread_file (&g, path, &err), "%s read", bad[i].file);
    ck_assert_ptr_null (g);
    ck_assert_int_eq (err.code, ERROR_INPUT);
    ck_assert_msg (err.line == bad[i].line, "%s: line %u, expected %u (%s)", bad[i].file, err.line, bad[i].line, err.msg);
    ck_assert_msg (strstr (err.msg, bad[i].msg), "%s: '%s'", bad[i].file, err.msg);
    ck_assert_msg (strstr (err.file, bad[i].file), "%s", err.file);
    free (path);
  }
  scnfg_error err;
  error_init (&err);
  game *g;
  ck_assert (!efgread_file (&g, "/nonexistent/x.efg", &err));
  ck_assert_int_eq (err.code, ERROR_IO);
}
END_TEST

/* Which bytes a quoted label may hold: tab, LF, CR, 0x20.. and well-formed
 * UTF-8 pass (and signal --xml stays well-formed); the rest is rejected with
 * its line. */
START_TEST (label_bytes) {
  static const struct {
    const char *label;
    const char *msg; /* NULL: accepted */
  } cases[] = {
      {"tab\there", NULL},
      {"cr\rlf\nend", NULL},
      {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8e\xb2 \x7f", NULL},
      {"bell\x07", "control byte 0x07"},
      {"esc\x1b", "control byte 0x1b"},
      {"lone \x80", "byte 0x80 in a quoted label is not valid UTF-8"},
      {"overlong \xc0\xaf", "byte 0xc0 in a quoted label is not valid UTF-8"},
      {"surrogate \xed\xa0\x80", "byte 0xed in a quoted label is not valid UTF-8"},
      {"U+FFFE \xef\xbf\xbe", "byte 0xef in a quoted label is not valid UTF-8"},
      {"past U+10FFFF \xf4\x90\x80\x80", "byte 0xf4 in a quoted label is not valid UTF-8"},
      {"cut \xe2\x82", "byte 0xe2 in a quoted label is not valid UTF-8"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char src[400];
    snprintf (src, sizeof src,
              "EFG 2 R \"t\" { \"S\" \"R\" }\n"
              "c \"\" 1 \"\" { \"x\" 1/2 \"y\" 1/2 } 0\n"
              "p \"\" 1 1 \"\" { \"%s\" \"n\" } 0\n"
              "p \"\" 2 1 \"\" { \"a\" \"b\" } 0\nt \"\" 1 \"\" { 1 0 }\nt \"\" 2 \"\" { 0 1 }\n"
              "p \"\" 2 2 \"\" { \"a\" \"b\" } 0\nt \"\" 3 \"\" { 0 0 }\nt \"\" 4 \"\" { 0 0 }\n"
              "p \"\" 1 2 \"\" { \"%s\" \"n\" } 0\n"
              "p \"\" 2 1 0\nt \"\" 5 \"\" { 0 1 }\nt \"\" 6 \"\" { 1 0 }\n"
              "p \"\" 2 2 0\nt \"\" 7 \"\" { 0 0 }\nt \"\" 8 \"\" { 0 0 }\n",
              cases[i].label, cases[i].label);
    game *g = (game *) 1;
    scnfg_error err;
    error_init (&err);
    bool ok = efgread_memory (&g, src, strlen (src), "l.efg", &err);
    if (!cases[i].msg) {
      ck_assert_msg (ok, "case %zu: %s:%u: %s", i, err.file, err.line, err.msg);
      game_free (g);
      continue;
    }
    ck_assert_msg (!ok, "case %zu accepted", i);
    ck_assert_ptr_null (g);
    ck_assert_int_eq (err.code, ERROR_INPUT);
    /* the label sits on line 3 (the CR/LF case is accepted, so no shift) */
    ck_assert_msg (err.line == 3, "case %zu: line %u (%s)", i, err.line, err.msg);
    ck_assert_msg (strstr (err.msg, cases[i].msg), "case %zu: '%s'", i, err.msg);
  }
}
END_TEST

/* signal --xml on a game with a tab and UTF-8 in its title, players and
 * labels is well-formed XML and keeps the UTF-8. */
START_TEST (xml_output_well_formed) {
  char *dir = tu_tmpdir ();
  char *bq = tu_path ("instances/games/beer-quiche.efg");
  char *text = tu_slurp (bq);
  const char *body = strchr (text, '\n');
  char *src = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&src, &n);
  fprintf (f, "EFG 2 R \"beer\tquiche caf\xc3\xa9\" { \"S\tend\" \"R\xe2\x82\xac\" }%s", body);
  fclose (f);
  char *p = tu_write (dir, "tab.efg", src);
  char *out = NULL, *errs = NULL;
  int rc = tu_run (&out, &errs, "signal %s --xml", p);
  ck_assert_int_eq (rc, 0);
  static const char any[] = "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"any\"/></start>"
                            "<define name=\"any\"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute>"
                            "<text/><ref name=\"any\"/></choice></zeroOrMore></element></define></grammar>";
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (xmldoc_validate (out, strlen (out), "out.xml", any, 1 << 20, 50, &err), "%u: %s\n%s", err.line, err.msg, out);
  ck_assert_msg (strstr (out, "game=\"beer&#9;quiche caf\xc3\xa9\""), "%s", out);
  free (out), free (errs), free (p), free (src), free (text), free (bq);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* Two players named by the same 70-character label
 * (tests/data/efgread/long-player-names.efg; found by fuzz_efgread: the
 * ids "u_" ID and ID "_2" outgrew the schema's 64 characters, so the
 * game's XML did not read back): ids of 60 and 62 characters, XML that
 * reads back equal. */
START_TEST (long_player_names) {
  char *path = tu_path ("tests/data/efgread/long-player-names.efg");
  scnfg_error err;
  error_init (&err);
  game *g = NULL;
  ck_assert_msg (efgread_file (&g, path, &err), "%s:%u: %s", err.file, err.line, err.msg);
  ck_assert_uint_eq (strlen (g->players[0]), 60);
  ck_assert_uint_eq (strlen (g->players[1]), 62);
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&buf, &n);
  gamexml_write (f, g);
  fclose (f);
  game *h = NULL;
  ck_assert_msg (gamexml_read_memory (&h, buf, n, "rt", &err), "%u: %s", err.line, err.msg);
  ck_assert (game_equal (g, h));
  game_free (g), game_free (h);
  free (buf), free (path);
}
END_TEST

START_TEST (cli_signal) {
  char *out = NULL, *errs = NULL;
  char *bq = tu_path ("instances/games/beer-quiche.efg"), *jm = tu_path ("instances/games/job-market.xml");
  int rc = tu_run (&out, &errs, "signal %s --refine d1", bq);
  ck_assert_int_eq (rc, 0);
  ck_assert_msg (strstr (out, "D1: fails at beer: deleted {wimp} (wimp by surly)"), "%s", out);
  ck_assert (strstr (out, "D1 survivors: 1 (family 1)") && !strstr (out, "intuitive criterion:"));
  free (out), free (errs);
  rc = tu_run (&out, &errs, "signal %s --xml", jm);
  ck_assert_int_eq (rc, 0);
  ck_assert_msg (strstr (out, "<intuitive survives=\"false\" message=\"E\" type=\"high\" J=\"low\"/>"), "%s", out);
  ck_assert (strstr (out, "<belief type=\"high\" value=\"1/5\" min=\"0\" max=\"2/5\"/>"));
  free (out), free (errs);
  char *im = tu_path ("instances/games/imperfect.xml");
  rc = tu_run (&out, &errs, "signal %s", im);
  ck_assert_int_eq (rc, 2);
  ck_assert_msg (strstr (errs, "not a signaling game"), "%s", errs);
  free (out), free (errs);
  rc = tu_run (&out, &errs, "signal %s --refine d2", bq);
  ck_assert_int_eq (rc, 2);
  free (out), free (errs);
  rc = tu_run (&out, &errs, "signal %s --max-strategies 3", bq);
  ck_assert_int_eq (rc, 3);
  free (out), free (errs);
  /* generator: same seed, same bytes; the game is a signaling game */
  char *dir = tu_tmpdir ();
  rc = tu_run (&out, &errs, "gensignal signaling --types 3 --messages 2 --actions 3 --seed 7 -o %s/a.xml", dir);
  ck_assert_int_eq (rc, 0);
  free (out), free (errs);
  rc = tu_run (&out, &errs, "gensignal signaling --types 3 --messages 2 --actions 3 --seed 7");
  ck_assert_int_eq (rc, 0);
  char p[600];
  snprintf (p, sizeof p, "%s/a.xml", dir);
  char *a = tu_slurp (p);
  ck_assert_str_eq (a, out);
  free (a), free (out), free (errs);
  rc = tu_run (&out, &errs, "signal %s/a.xml", dir);
  ck_assert_int_eq (rc, 0);
  ck_assert (strstr (out, "summary: "));
  free (out), free (errs);
  rc = tu_run (&out, &errs, "gensignal signaling --types 1");
  ck_assert_int_eq (rc, 2);
  free (out), free (errs);
  tu_rmdir (dir);
  free (dir), free (bq), free (jm), free (im);
}
END_TEST

Suite *efgread_suite (void) {
  Suite *s = suite_create ("efgread");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, fixtures_match_xml);
  tcase_add_test (tc, random_roundtrip);
  tcase_add_test (tc, numbers);
  tcase_add_test (tc, bad_inputs);
  tcase_add_test (tc, label_bytes);
  tcase_add_test (tc, xml_output_well_formed);
  tcase_add_test (tc, long_player_names);
  tcase_add_test (tc, cli_signal);
  suite_add_tcase (s, tc);
  return s;
}
