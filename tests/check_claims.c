/* Tests of the claims registry (orchestrate/claims): every claim on a fixed seed
 * set holds where it must, the known counterexamples are found and shrunk,
 * the robust-eps0 counterexample fixture, the registry's contract, and the
 * 'claims' and 'experiment' commands. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/edit.h"
#include "instances/generic.h"
#include "orchestrate/claims.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/sse.h"
#include "tests/testutil.h"

/* Every claim on every family it applies to (game-large: its own test): no
 * unexpected failure, and the full count of instances in scope. */
START_TEST (every_claim_holds) {
  claims_options o;
  claims_options_init (&o);
  o.seed = 1, o.count = 25;
  unsigned rows = 0, instances = 0;
  for (size_t i = 0; i < claims_count (); i++) {
    const claims_claim *c = claims_get (i);
    if (c->unavailable) continue;
    for (unsigned f = 0; f < CLAIMS_NFAM; f++) {
      if (!c->expect[f] || f == CLAIMS_FAM_GAME_LARGE) continue;
      claims_row r;
      scnfg_error err;
      error_init (&err);
      ck_assert (claims_run (c, (claims_family) f, &o, &r, &err));
      ck_assert_msg (r.failed == 0, "%s on %s: %u unexpected failures: %s", c->name,
                     claims_family_name ((claims_family) f), r.failed, r.cex_note);
      ck_assert_msg (r.instances == 25, "%s on %s: only %u instances (%u skipped)", c->name,
                     claims_family_name ((claims_family) f), r.instances, r.skipped);
      ck_assert_uint_eq (r.held + r.expected_cex, r.instances);
      if (c->expect[f] == CLAIMS_HOLDS) ck_assert_uint_eq (r.expected_cex, 0);
      rows++, instances += r.instances;
    }
  }
  ck_assert_uint_eq (rows, 45);
  ck_assert_uint_eq (instances, 45 * 25);
}
END_TEST

/* The known counterexamples under confounding, exactly, and their shrinking. */
START_TEST (expected_counterexamples) {
  static const struct {
    const char *claim;
    unsigned count, held, cex;
    uint64_t first;
  } want[] = {
      {"regression", 30, 19, 11, 1},
      {"satisficing-eps0", 30, 23, 7, 1},
      {"robust-eps0", 150, 144, 6, 1},
  };
  char *dir = tu_tmpdir ();
  for (unsigned i = 0; i < 3; i++) {
    claims_options o;
    claims_options_init (&o);
    o.seed = 1, o.count = want[i].count, o.cex_dir = dir;
    claims_row r;
    scnfg_error err;
    error_init (&err);
    ck_assert (claims_run (claims_find (want[i].claim), CLAIMS_FAM_GAME_CONF, &o, &r, &err));
    ck_assert_uint_eq (r.failed, 0);
    ck_assert_uint_eq (r.held, want[i].held);
    ck_assert_uint_eq (r.expected_cex, want[i].cex);
    ck_assert (r.has_cex);
    ck_assert_uint_eq (r.cex_seed, want[i].first);
    ck_assert_uint_lt (r.cex_size, r.cex_size_before);
    ck_assert_msg (!strstr (r.cex_note, "outcome distributions differ"), "%s", r.cex_note); /* rewards differ */
    /* the written file reads back and still fails out of scope */
    game *g;
    ck_assert_msg (gamexml_read_file (&g, r.cex_file, &err), "%s", err.msg);
    ck_assert_uint_eq (edit_game_size (g), r.cex_size);
    ck_assert (edit_confounded (g, -1));
    /* without generic payoffs no counterexample is classified generic */
    ck_assert_uint_eq (r.cls[CLAIMS_CLASS_GENERIC], 0);
    ck_assert_uint_eq (r.cls[CLAIMS_CLASS_TIE] + r.cls[CLAIMS_CLASS_OTHER], r.expected_cex);
    ck_assert (strstr (r.cex_file, "-other.xml") || strstr (r.cex_file, "-tie-artefact.xml"));
    game_free (g);
  }
  tu_rmdir (dir);
  free (dir);
}
END_TEST

static void solve_q (const game *g, sse_concept c, game_tie tie, mpq_t leader);

/* Only *.xml files in dir (and at least one). */
static void only_xml (const char *dir) {
  DIR *d = opendir (dir);
  ck_assert_ptr_nonnull (d);
  unsigned n = 0;
  for (struct dirent *e; (e = readdir (d));) {
    if (e->d_name[0] == '.') continue;
    size_t len = strlen (e->d_name);
    ck_assert_msg (len > 4 && !strcmp (e->d_name + len - 4, ".xml"), "%s", e->d_name);
    n++;
  }
  closedir (d);
  ck_assert_uint_gt (n, 0);
}

/* With generic payoffs, the payoff-relevant confounders of game-conf give
 * genuine regression counterexamples: the shrunk one stays generic and
 * differs for the leader under the strong and the weak tie-break. */
START_TEST (generic_counterexamples) {
  char *dir = tu_tmpdir ();
  claims_options o;
  claims_options_init (&o);
  o.seed = 1, o.count = 150, o.cex_dir = dir, o.generic = true;
  claims_row r;
  scnfg_error err;
  error_init (&err);
  ck_assert (claims_run (claims_find ("regression"), CLAIMS_FAM_GAME_CONF, &o, &r, &err));
  ck_assert_uint_eq (r.failed, 0);
  ck_assert_uint_eq (r.instances, 150);
  ck_assert_uint_eq (r.expected_cex, 46);
  ck_assert_uint_eq (r.cls[CLAIMS_CLASS_GENERIC], 40);
  ck_assert_uint_eq (r.cls[CLAIMS_CLASS_TIE], 0);
  ck_assert_uint_eq (r.redraws, 0);
  ck_assert_int_eq (r.cex_class, CLAIMS_CLASS_GENERIC);
  ck_assert_msg (strstr (r.cex_file, "/regression-game-conf-generic.xml"), "%s", r.cex_file);
  only_xml (dir);
  game *g;
  ck_assert_msg (gamexml_read_file (&g, r.cex_file, &err), "%s", err.msg);
  char why[300] = "";
  ck_assert_msg (generic_check (g, why, sizeof why), "%s", why);
  static const game_tie ties[2] = {GAME_TIE_STRONG, GAME_TIE_WEAK};
  mpq_t a, b;
  mpq_init (a), mpq_init (b);
  for (unsigned k = 0; k < 2; k++) {
    solve_q (g, SSE_CONCEPT_SSE, ties[k], a);
    solve_q (g, SSE_CONCEPT_SCNE, ties[k], b);
    ck_assert (!mpq_equal (a, b));
  }
  mpq_clear (a), mpq_clear (b);
  game_free (g);
  /* a non-generic family is not run */
  ck_assert (claims_run (claims_find ("regression"), CLAIMS_FAM_WIN_LOSE, &o, &r, &err));
  ck_assert_int_eq (r.expect, CLAIMS_NA);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* The large family: a few instances, generic, no unexpected failure. */
START_TEST (large_family) {
  claims_options o;
  claims_options_init (&o);
  o.seed = 8, o.count = 1, o.generic = true, o.shrink_tries = 40;
  claims_row r;
  scnfg_error err;
  error_init (&err);
  ck_assert (claims_run (claims_find ("regression"), CLAIMS_FAM_GAME_LARGE, &o, &r, &err));
  ck_assert_uint_eq (r.instances, 1);
  ck_assert_uint_eq (r.expected_cex, 1);
  ck_assert_uint_eq (r.cls[CLAIMS_CLASS_GENERIC], 1);
  ck_assert_uint_eq (r.cex_seed, 8);
  ck_assert_uint_lt (r.cex_size, r.cex_size_before);
}
END_TEST
START_TEST (eval_seed) {
  bool sc;
  char why[512];
  const claims_claim *c = claims_find ("regression");
  ck_assert_int_eq (claims_eval_seed (c, CLAIMS_FAM_GAME_CONF, 4, &sc, why, sizeof why), CLAIMS_FAILED);
  ck_assert (!sc);
  ck_assert_msg (strstr (why, "S-CNE-instinct-weak") && strstr (why, "SSE-instinct-weak"), "%s", why);
  ck_assert_int_eq (claims_eval_seed (c, CLAIMS_FAM_GAME_CONF, 6, &sc, why, sizeof why), CLAIMS_HELD);
  /* a family the claim does not apply to */
  ck_assert_int_eq (claims_eval_seed (c, CLAIMS_FAM_QBF, 1, &sc, why, sizeof why), CLAIMS_SKIP);
  ck_assert_int_eq (claims_eval_seed (claims_find ("hardness"), CLAIMS_FAM_QBF, 3, &sc, why, sizeof why),
                    CLAIMS_HELD);
  ck_assert (sc);
}
END_TEST

static void solve (const game *g, sse_concept c, game_tie tie, bool robust, game_solution *s);

/* The leader's reward of concept c under tie. */
static void solve_q (const game *g, sse_concept c, game_tie tie, mpq_t leader) {
  game_solution s;
  solve (g, c, tie, false, &s);
  mpq_set (leader, s.reward[g->leader]);
  profile_solution_clear (&s);
}

/* The payoff-relevant confounder: U with P(U=1) = 2/5, the
 * follower's instinct reads U, its reward is 1 when its action equals U, the
 * leader is paid when the action is 1. SSE (L2, U unobserved): x = 0, leader
 * 0; S-CNE (L3 over the intuition): x = U, leader 2/5, follower 1; under the
 * strong and the weak tie-break alike (no tie). */
START_TEST (payoff_confounder) {
  game *g = tu_game_file ("tests/data/claims/payoff-confounder.xml");
  ck_assert (edit_confounded (g, 1));
  static const game_tie ties[2] = {GAME_TIE_STRONG, GAME_TIE_WEAK};
  for (unsigned k = 0; k < 2; k++) {
    game_solution a, b;
    solve (g, SSE_CONCEPT_SSE, ties[k], false, &a);
    solve (g, SSE_CONCEPT_SCNE, ties[k], false, &b);
    char *s1 = rat_to_str (a.reward[g->leader]), *s2 = rat_to_str (b.reward[g->leader]);
    char *s3 = rat_to_str (a.reward[1 - g->leader]), *s4 = rat_to_str (b.reward[1 - g->leader]);
    ck_assert_str_eq (s1, "0");
    ck_assert_str_eq (s2, "2/5");
    ck_assert_str_eq (s3, "3/5");
    ck_assert_str_eq (s4, "1");
    free (s1), free (s2), free (s3), free (s4);
    profile_solution_clear (&a), profile_solution_clear (&b);
  }
  game_free (g);
}
END_TEST

/* The leader's reward in g under concept c, tie, eps (NULL: none), robust. */
static char *leader_str (const game *g, sse_concept c, game_tie tie, const char *eps, bool robust) {
  sse_options o;
  sse_options_init (&o);
  o.concept = c, o.tie = tie, o.robust = robust;
  if (eps) ck_assert (rat_parse_str (o.eps, eps, NULL));
  game_solution s;
  scnfg_error err;
  error_init (&err);
  ck_assert (sse_solve (g, &o, &s, &err));
  ck_assert_int_eq (s.status, GAME_SOLVED);
  char *v = rat_to_str (s.reward[g->leader]);
  profile_solution_clear (&s);
  sse_options_clear (&o);
  return v;
}

/* One row of the eps sweep table of docs/claims.md: the leader's reward. */
typedef struct {
  const char *eps, *sse_strong, *sse_weak, *sat_strong, *sat_weak, *robust;
} eps_row;

static void check_sweep (const char *fixture, const char *shipped, const char *scne, const eps_row *t, unsigned n) {
  char *pa = tu_path (fixture), *pb = tu_path (shipped);
  char *a = tu_slurp (pa), *b = tu_slurp (pb);
  ck_assert_msg (a && b && !strcmp (a, b), "%s differs from %s", shipped, fixture);
  free (a), free (b), free (pa), free (pb);
  game *g = tu_game_file (fixture);
  ck_assert (generic_check (g, NULL, 0));
  for (unsigned k = 0; k < 2; k++) {
    game_tie tie = k ? GAME_TIE_WEAK : GAME_TIE_STRONG;
    char *v = leader_str (g, SSE_CONCEPT_SCNE, tie, NULL, false);
    ck_assert_str_eq (v, scne);
    free (v);
  }
  for (unsigned i = 0; i < n; i++) {
    const char *want[5] = {t[i].sse_strong, t[i].sse_weak, t[i].sat_strong, t[i].sat_weak, t[i].robust};
    for (unsigned j = 0; j < 5; j++) {
      sse_concept c = j < 2 ? SSE_CONCEPT_SSE : SSE_CONCEPT_SATISFICING;
      game_tie tie = j == 1 || j == 3 ? GAME_TIE_WEAK : GAME_TIE_STRONG;
      char *v = leader_str (g, c, tie, j < 2 ? NULL : t[i].eps, j == 4);
      ck_assert_msg (!strcmp (v, want[j]), "%s eps %s column %u: %s, want %s", fixture, t[i].eps, j, v, want[j]);
      free (v);
    }
  }
  game_free (g);
}

/* The benefit games shipped in docs/cex/generic/ (found by satisficing-benefit
 * --generic; the fixtures are byte-identical copies) and the eps sweep table
 * of docs/claims.md. game-unconf (also game-pi): one follower stage, instinct
 * 0, follower paid 1/11 for 0 and 2/11 for 1, the leader 2 for 0. SSE: 1,
 * leader 0; a satisficing follower keeps its instinct once eps >= 1/11 (its
 * loss): leader 2; the robust leader gains nothing. game-conf: the instinct
 * reads u (unobserved) and beats every action, so it is kept at every eps and
 * S-CNE gets the same 7/9; the robust leader guards against the best
 * response (1/2). */
START_TEST (satisficing_benefit) {
  static const eps_row unconf[] = {
    {"0", "0", "0", "0", "0", "0"},       {"1/100", "0", "0", "0", "0", "0"}, {"1/20", "0", "0", "0", "0", "0"},
    {"1/12", "0", "0", "0", "0", "0"},    {"1/11", "0", "0", "2", "2", "0"},  {"1/10", "0", "0", "2", "2", "0"},
    {"1/4", "0", "0", "2", "2", "0"},     {"1/2", "0", "0", "2", "2", "0"},   {"1", "0", "0", "2", "2", "0"},
  };
  static const eps_row conf[] = {
    {"0", "1/2", "1/2", "7/9", "7/9", "1/2"},    {"1/100", "1/2", "1/2", "7/9", "7/9", "1/2"},
    {"1/20", "1/2", "1/2", "7/9", "7/9", "1/2"}, {"1/12", "1/2", "1/2", "7/9", "7/9", "1/2"},
    {"1/11", "1/2", "1/2", "7/9", "7/9", "1/2"}, {"1/10", "1/2", "1/2", "7/9", "7/9", "1/2"},
    {"1/4", "1/2", "1/2", "7/9", "7/9", "1/2"},  {"1/2", "1/2", "1/2", "7/9", "7/9", "1/2"},
    {"1", "1/2", "1/2", "7/9", "7/9", "1/2"},
  };
  check_sweep ("tests/data/claims/satisficing-benefit.xml",
               "docs/cex/generic/satisficing-benefit-game-unconf-generic.xml", "0", unconf, 9);
  check_sweep ("tests/data/claims/satisficing-benefit.xml", "docs/cex/generic/satisficing-benefit-game-pi-generic.xml",
               "0", unconf, 0);
  check_sweep ("tests/data/claims/satisficing-benefit-conf.xml",
               "docs/cex/generic/satisficing-benefit-game-conf-generic.xml", "7/9", conf, 9);
  /* the registry finds the first: generic, game-unconf, seed 49 */
  claims_options o;
  claims_options_init (&o);
  o.seed = 1, o.count = 150, o.generic = true;
  claims_row r;
  scnfg_error err;
  error_init (&err);
  ck_assert (claims_run (claims_find ("satisficing-benefit"), CLAIMS_FAM_GAME_UNCONF, &o, &r, &err));
  ck_assert_uint_eq (r.expected_cex, 4);
  ck_assert_uint_eq (r.cls[CLAIMS_CLASS_GENERIC], 4);
  ck_assert_uint_eq (r.cex_seed, 49);
  ck_assert_uint_eq (r.cex_size, 6);
}
END_TEST

static void solve (const game *g, sse_concept c, game_tie tie, bool robust, game_solution *s) {
  sse_options o;
  sse_options_init (&o);
  o.concept = c, o.tie = tie, o.robust = robust;
  scnfg_error err;
  error_init (&err);
  ck_assert (sse_solve (g, &o, s, &err));
  ck_assert_int_eq (s->status, GAME_SOLVED);
  sse_options_clear (&o);
}

static void assert_q (const mpq_t q, const char *want) {
  char *s = rat_to_str (q);
  ck_assert_str_eq (s, want);
  free (s);
}

/* The finding: robust eps = 0 is not SSE-weak when the follower's instinct is
 * confounded: an indifferent follower's instinct (x1 = not u) is an extra
 * eps-best option, worse for the leader than every action, so the robust
 * follower takes it: leader 25/24 against 5/3 under SSE-weak. */
START_TEST (robust_counterexample) {
  game *g = tu_game_file ("tests/data/claims/robust-eps0-game-conf.xml");
  ck_assert (edit_confounded (g, 1));
  game_solution a, b;
  solve (g, SSE_CONCEPT_SSE, GAME_TIE_WEAK, false, &a);
  solve (g, SSE_CONCEPT_SATISFICING, GAME_TIE_WEAK, true, &b);
  assert_q (a.reward[0], "5/3");
  assert_q (b.reward[0], "25/24");
  assert_q (a.reward[1], "0");
  assert_q (b.reward[1], "0");
  ck_assert_uint_eq (b.profile->pol[0].layer, 1); /* the follower keeps its instinct */
  ck_assert_uint_eq (a.profile->pol[0].layer, 2);
  profile_solution_clear (&a), profile_solution_clear (&b);
  game_free (g);
}
END_TEST

START_TEST (registry) {
  ck_assert_ptr_null (claims_find ("nope"));
  ck_assert_uint_eq (claims_count (), 13);
  for (size_t i = 0; i < claims_count (); i++) {
    const claims_claim *c = claims_get (i);
    ck_assert_ptr_eq (claims_find (c->name), c);
    unsigned fams = 0;
    for (unsigned f = 0; f < CLAIMS_NFAM; f++) fams += c->expect[f] != 0;
    ck_assert (c->unavailable ? fams == 0 : fams > 0);
  }
  ck_assert_ptr_null (claims_find ("mixed-ge-pure")->unavailable);
  ck_assert_int_eq (claims_find ("mixed-ge-pure")->expect[CLAIMS_FAM_ONESHOT], CLAIMS_HOLDS);
  claims_family f;
  ck_assert (claims_family_parse ("game-conf", &f) && f == CLAIMS_FAM_GAME_CONF);
  ck_assert (!claims_family_parse ("games", &f));
  /* not applicable: an empty row */
  claims_options o;
  claims_options_init (&o);
  claims_row r;
  ck_assert (claims_run (claims_find ("hardness"), CLAIMS_FAM_SIGNAL, &o, &r, NULL));
  ck_assert_int_eq (r.expect, CLAIMS_NA);
  ck_assert_uint_eq (r.instances, 0);
}
END_TEST

START_TEST (cli) {
  char *dir = tu_tmpdir (), *out = NULL, *err = NULL;
  ck_assert_int_eq (tu_run (&out, &err, "claims --claim regression --family game-conf --count 20 --cex-dir '%s' --csv '%s/c.csv'",
                            dir, dir),
                    0);
  ck_assert_msg (strstr (out, "regression          game-conf     expected-cex        20"), "%s", out);
  ck_assert_msg (strstr (out, "smallest expected counterexample, other: seed 1"), "%s", out);
  free (out), free (err);
  char path[600];
  snprintf (path, sizeof path, "%s/regression-game-conf-other.xml", dir);
  char *x = tu_slurp (path);
  ck_assert_ptr_nonnull (x);
  free (x);
  snprintf (path, sizeof path, "%s/c.csv", dir);
  x = tu_slurp (path);
  ck_assert_ptr_nonnull (x);
  ck_assert (!strncmp (x, "claim,family,expected,instances,held,failed,expected_cex,skipped,seconds", 70));
  ck_assert (strstr (x, "\nregression,game-conf,expected-cex,20,"));
  ck_assert_msg (strstr (x, ",other,") && strstr (x, "regression-game-conf-other.xml"), "%s", x);
  free (x);
  /* without --cex-dir nothing is written, not even into the current directory */
  char *cwd = tu_tmpdir ();
  ck_assert_int_eq (tu_sh (&out, &err, "cd '%s' && '%s' claims --claim regression --family game-conf --count 10", cwd,
                           tu_bin ()),
                    0);
  ck_assert (strstr (out, "smallest expected counterexample") && !strstr (out, "written to"));
  free (out), free (err);
  ck_assert_int_eq (tu_sh (&out, NULL, "{ ls -A '%s' | grep -c . || true; }", cwd), 0);
  ck_assert_str_eq (out, "0\n");
  free (out);
  tu_rmdir (cwd);
  free (cwd);
  ck_assert_int_eq (tu_run (&out, &err, "claims --claim robust-eps0 --family game-conf --count 20 --generic"), 0);
  ck_assert_msg (strstr (out, "generic payoffs (instances/generic.h): 0 seeds redrawn"), "%s", out);
  free (out), free (err);
  ck_assert_int_eq (tu_run (NULL, &err, "claims --family win-lose --generic"), 2);
  ck_assert_msg (strstr (err, "family win-lose has no generic variant"), "%s", err);
  free (err);
  ck_assert_int_eq (tu_run (&out, &err, "claims --claim hardness --count 5 --no-cex"), 0);
  ck_assert (strstr (out, "hardness            qbf           held                 5     5      0"));
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "claims --list"), 0);
  ck_assert (strstr (out, "mixed-ge-pure\n") && strstr (out, " oneshot (held)"));
  free (out), free (err);
  ck_assert_int_eq (tu_run (NULL, &err, "claims --claim nope"), 2);
  ck_assert (strstr (err, "unknown claim 'nope'"));
  free (err);
  ck_assert_int_eq (tu_run (NULL, &err, "claims --claim hardness --family signal"), 2);
  free (err);
  ck_assert_int_eq (tu_run (NULL, NULL, "claims --count 0"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "claims --cex-dir /nonexistent/dir"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "claims --help"), 0);
  /* experiment */
  ck_assert_int_eq (tu_run (&out, &err, "experiment welfare --games 20 --seed 1 --confounding 0"), 0);
  ck_assert_msg (strstr (out, "games with a difference: 0 of 20"), "%s", out);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "experiment welfare --games 50 --seed 1 --example '%s/ex.xml'", dir), 0);
  ck_assert_msg (strstr (out, "games with a difference: 6 of 50"), "%s", out);
  ck_assert (strstr (out, "smallest example: seed 7"));
  free (out), free (err);
  snprintf (path, sizeof path, "%s/ex.xml", dir);
  x = tu_slurp (path);
  ck_assert_ptr_nonnull (x);
  free (x);
  ck_assert_int_eq (tu_run (&out, &err, "experiment welfare --games 10 --sweep --csv '%s/w.csv'", dir), 0);
  free (out), free (err);
  snprintf (path, sizeof path, "%s/w.csv", dir);
  x = tu_slurp (path);
  ck_assert (x && strstr (x, "\nsweep,0/10,1,0,"));
  ck_assert_int_eq (tu_sh (&out, NULL, "grep -c '' '%s'", path), 0);
  ck_assert_str_eq (out, "111\n"); /* header + 10 games x 11 strengths */
  free (out);
  free (x);
  /* the two default families: 2N per-game rows */
  ck_assert_int_eq (tu_run (&out, &err, "experiment welfare --games 4 --csv '%s/f.csv'", dir), 0);
  ck_assert_msg (strstr (out, "95% Wilson interval for the share of games that differ"), "%s", out);
  free (out), free (err);
  ck_assert_int_eq (tu_sh (&out, NULL, "{ grep -c '^unconfounded,0/1,' '%s/f.csv'; grep -c '^confounded,1/1,' '%s/f.csv'; }",
                           dir, dir),
                    0);
  ck_assert_str_eq (out, "4\n4\n");
  free (out);
  ck_assert_int_eq (tu_run (NULL, NULL, "experiment welfare --confounding 3/2"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "experiment welfare --confounding 1 --sweep"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "experiment other"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "experiment --help"), 0);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *claims_suite (void) {
  Suite *s = suite_create ("claims");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, every_claim_holds);
  tcase_add_test (tc, expected_counterexamples);
  tcase_add_test (tc, generic_counterexamples);
  tcase_add_test (tc, large_family);
  tcase_add_test (tc, payoff_confounder);
  tcase_add_test (tc, satisficing_benefit);
  tcase_add_test (tc, eval_seed);
  tcase_add_test (tc, robust_counterexample);
  tcase_add_test (tc, registry);
  tcase_add_test (tc, cli);
  suite_add_tcase (s, tc);
  return s;
}
