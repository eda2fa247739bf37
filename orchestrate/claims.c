/* The claims registry (see claims.h): families, claims, the run loop and the
 * shrinking of counterexamples. Each claim calls finders and checkers and
 * compares their exact answers. */
#include "orchestrate/claims.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/prng.h"
#include "base/rat.h"
#include "instances/edit.h"
#include "instances/gamegen.h"
#include "instances/generic.h"
#include "instances/qbfgen.h"
#include "instances/siggen.h"
#include "proofs/chk_commit.h"
#include "proofs/chk_signal.h"
#include "proofs/chk_spe.h"
#include "proofs/qcert.h"
#include "reductions/game2qbf.h"
#include "reductions/policy2cert.h"
#include "reductions/qbf2game.h"
#include "proofs/chk_mixed.h"
#include "solver/model/behav.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/signal.h"
#include "solver/game/solve.h"
#include "solver/qbf/cegar.h"
#include "solver/model/cert.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"

/* ---- families ----------------------------------------------------------- */

static const char *const fam_names[CLAIMS_NFAM] = {"qbf", "ssat", "win-lose", "game-pi",
                                                   "game-unconf", "game-conf", "signal", "signal-noise", "oneshot",
                                                   "game-large"};
static const char *const fam_desc[CLAIMS_NFAM] = {
    "random prenex CNF (qbfgen random): E A E blocks of 1-3, 1-3, 3-4 variables, 1+1+2 literals per clause, "
    "6-12 clauses",
    "as qbf with r blocks (qbfgen random, SSAT)",
    "perfect-information win/lose games (gamegen --win-lose), 3-5 stages, 2T clauses",
    "perfect-information games (gamegen --perfect-info), 2-4 stages, domains 2-3, 0-2 revealed chance variables",
    "imperfect-information games (gamegen), 2-4 stages, domains 2-3, no confounders",
    "imperfect-information games (gamegen), 2-4 stages, domains 2-3, 2 confounders nobody observes, payoff-relevant "
    "(each mover is paid by a random table over (u, x_t) for every confounder u revealed by stage t); then every "
    "stage whose confounder is revealed gets a random non-constant instinct over it (edit_confound, strength 1)",
    "signaling games (siggen), 2-3 types, messages, actions",
    "signaling games with sender noise (siggen --noise), layers observable for odd seeds",
    "two-stage imperfect-information games (gamegen), domains 2-4, no confounders; one-shot (the shape of "
    "mixed commitment's multiple LPs) when the stages have different owners and the second does not observe the "
    "first",
    "as game-conf with 6-8 stages and domains 2-3",
};

const char *claims_family_name (claims_family f) { return f < CLAIMS_NFAM ? fam_names[f] : "?"; }
const char *claims_family_describe (claims_family f) { return f < CLAIMS_NFAM ? fam_desc[f] : "?"; }

bool claims_family_generic (claims_family f) {
  return f == CLAIMS_FAM_GAME_PI || f == CLAIMS_FAM_GAME_UNCONF || f == CLAIMS_FAM_GAME_CONF ||
         f == CLAIMS_FAM_ONESHOT || f == CLAIMS_FAM_GAME_LARGE;
}

const char *claims_class_name (int cls) {
  static const char *const names[4] = {"", "generic", "tie-artefact", "other"};
  return cls >= 0 && cls < 4 ? names[cls] : "";
}

bool claims_family_parse (const char *s, claims_family *out) {
  for (unsigned f = 0; f < CLAIMS_NFAM; f++)
    if (!strcmp (s, fam_names[f])) {
      *out = (claims_family) f;
      return true;
    }
  return false;
}

typedef struct inst {
  qbf *f;
  game *g;
  uint64_t seed;
  claims_family fam;
  bool generic;  /* generated with generic payoffs (shrinking must keep them) */
  bool rejected; /* generic requested, generic_check failed: redraw */
} inst;

static void inst_clear (inst *in) {
  qbf_free (in->f), game_free (in->g);
  in->f = NULL, in->g = NULL;
}

static bool is_qbf_family (claims_family f) { return f == CLAIMS_FAM_QBF || f == CLAIMS_FAM_SSAT; }

static bool gen (claims_family fam, uint64_t seed, bool generic, inst *in) {
  memset (in, 0, sizeof *in);
  in->seed = seed, in->fam = fam, in->generic = generic;
  if (is_qbf_family (fam)) {
    qbfgen_random p;
    memset (&p, 0, sizeof p);
    p.nblocks = 3;
    p.block_vars[0] = 1 + (unsigned) (seed % 3);
    p.block_vars[1] = 1 + (unsigned) ((seed / 3) % 3);
    p.block_vars[2] = 3 + (unsigned) ((seed / 9) % 2);
    p.block_lits[0] = p.block_lits[1] = 1, p.block_lits[2] = 2;
    p.nclauses = 6 + (unsigned) ((seed / 2) % 7);
    p.random_blocks = fam == CLAIMS_FAM_SSAT;
    in->f = qbfgen_random_formula (&p, seed);
    return in->f != NULL;
  }
  if (fam == CLAIMS_FAM_SIGNAL || fam == CLAIMS_FAM_SIGNAL_NOISE) {
    siggen_params p;
    siggen_params_init (&p);
    p.seed = seed;
    p.types = 2 + (unsigned) (seed % 2);
    p.messages = 2 + (unsigned) ((seed / 2) % 2);
    p.actions = 2 + (unsigned) ((seed / 4) % 2);
    p.noise = fam == CLAIMS_FAM_SIGNAL_NOISE;
    p.observable = p.noise && (seed & 1);
    in->g = siggen_random (&p);
    return in->g != NULL;
  }
  gamegen_params p;
  gamegen_params_init (&p);
  p.seed = seed;
  if (fam == CLAIMS_FAM_WIN_LOSE) {
    p.win_lose = p.perfect_info = true;
    p.stages = 3 + (unsigned) (seed % 3);
  } else if (fam == CLAIMS_FAM_ONESHOT) {
    p.stages = 2;
    p.domain = 2 + (unsigned) (seed % 3);
  } else if (fam == CLAIMS_FAM_GAME_LARGE) {
    p.stages = 6 + (unsigned) (seed % 3);
    p.domain = 2 + (unsigned) ((seed / 3) % 2);
    p.confounders = 2;
  } else {
    p.stages = 2 + (unsigned) (seed % 3);
    p.domain = 2 + (unsigned) ((seed / 3) % 2) * (p.stages < 4);
    p.perfect_info = fam == CLAIMS_FAM_GAME_PI;
    p.confounders = fam == CLAIMS_FAM_GAME_PI ? (unsigned) (seed % 3) : fam == CLAIMS_FAM_GAME_CONF ? 2 : 0;
  }
  bool conf = fam == CLAIMS_FAM_GAME_CONF || fam == CLAIMS_FAM_GAME_LARGE;
  p.payoff_conf = conf;
  p.generic = generic;
  in->g = gamegen_random (&p);
  if (in->g && conf) { /* every stage's instinct reads an unobserved confounder */
    prng r;
    prng_seed (&r, seed ^ 0x636f6e66u);
    game *h = edit_confound (in->g, &r, 1, 1);
    game_free (in->g);
    in->g = h;
  }
  if (in->g && generic && !generic_check (in->g, NULL, 0)) {
    game_free (in->g);
    in->g = NULL;
    in->rejected = true;
  }
  return in->g != NULL;
}

/* ---- helpers ------------------------------------------------------------ */

static void qstr (char *buf, size_t n, const mpq_t q) {
  char *s = rat_to_str (q);
  snprintf (buf, n, "%s", s);
  free (s);
}

/* Solves with game_solve into sol (the caller clears it with
 * profile_solution_clear); false (sol cleared) if the finder rejects g or
 * hits a limit. */
static bool run (const game *g, game_concept c, const game_options *o, game_solution *sol) {
  game_answer ans;
  scnfg_error err;
  error_init (&err);
  bool ok = game_solve (g, c, o, &ans, &err) && ans.sol.status == GAME_SOLVED;
  if (ok) game_answer_move (&ans, sol);
  else game_answer_clear (&ans);
  return ok;
}

static bool sse_run (const game *g, game_concept c, game_tie tie, const char *eps, bool robust, game_solution *sol) {
  game_options o;
  game_options_init (&o);
  o.tie = tie, o.commit.robust = robust;
  o.commit.max_policies = 1u << 12;
  o.commit.max_tree = 1u << 18;
  if (eps) rat_parse_str (o.eps, eps, NULL);
  bool ok = run (g, c, &o, sol);
  game_options_clear (&o);
  return ok;
}

static bool spe_run (const game *g, game_tie tie, game_solution *sol) {
  game_options o;
  game_options_init (&o);
  o.tie = tie;
  bool ok = run (g, GAME_CONCEPT_SPE, &o, sol);
  game_options_clear (&o);
  return ok;
}

static bool same_outcomes (const profile_outcomes *a, const profile_outcomes *b, unsigned nvars) {
  if (a->n != b->n || a->truncated || b->truncated) return false;
  for (size_t i = 0; i < a->n; i++) {
    bool found = false;
    for (size_t j = 0; j < b->n && !found; j++)
      found = mpq_equal (a->o[i].prob, b->o[j].prob) && !memcmp (a->o[i].vals, b->o[j].vals, nvars * sizeof (int));
    if (!found) return false;
  }
  return true;
}

/* "name L=x F=y W=z" */
static void describe (char *buf, size_t n, const char *name, const game_solution *s) {
  char a[64], b[64], w[64];
  qstr (a, sizeof a, s->reward[0]), qstr (b, sizeof b, s->reward[1]), qstr (w, sizeof w, s->welfare);
  snprintf (buf, n, "%s: L=%s F=%s welfare=%s", name, a, b, w);
}

#define OUTCOMES_ONLY "(outcome distributions differ)"

/* Compares two solutions of g: rewards of every player and outcomes. */
static int compare (const game *g, const game_solution *a, const char *an, const game_solution *b, const char *bn,
                    bool outcomes, char *why, size_t n) {
  bool eq = true;
  for (unsigned p = 0; p < g->nplayers; p++) eq &= mpq_equal (a->reward[p], b->reward[p]) != 0;
  if (eq && (!outcomes || same_outcomes (&a->outcomes, &b->outcomes, g->nvars))) return CLAIMS_HELD;
  char da[320], db[320];
  describe (da, sizeof da, an, a), describe (db, sizeof db, bn, b);
  snprintf (why, n, "%s vs %s%s", da, db, eq ? " " OUTCOMES_ONLY : "");
  return CLAIMS_FAILED;
}

/* Every stage allows layer 2 or 3 and no instinct reads an unobserved variable. */
static bool sc_regression (const inst *in) {
  for (unsigned t = 1; t <= in->g->nstages; t++)
    if (!(game_stage (in->g, t)->layers & (GAME_L2 | GAME_L3))) return false;
  return !edit_confounded (in->g, -1);
}

static int follower_of (const game *g) { return g->leader == 0 ? 1 : 0; }

static bool sc_satisficing (const inst *in) { return !edit_confounded (in->g, follower_of (in->g)); }

/* ---- claims ------------------------------------------------------------- */

static int qbf_answer (const qbf *f) { return cegar_solve (f, NULL, NULL, NULL, NULL); }

static int ev_hardness (const inst *in, char *why, size_t n) {
  int r = qbf_answer (in->f);
  if (r != 10 && r != 20) return CLAIMS_SKIP;
  game *g = qbf2game_reduce (in->f, NULL);
  game_solution s;
  int res = CLAIMS_SKIP;
  if (spe_run (g, GAME_TIE_STRONG, &s)) {
    bool win = mpq_cmp_ui (s.reward[g->leader], 1, 1) == 0, lose = mpq_sgn (s.reward[g->leader]) == 0;
    res = (r == 10 && win) || (r == 20 && lose) ? CLAIMS_HELD : CLAIMS_FAILED;
    if (res == CLAIMS_FAILED) {
      char v[64];
      qstr (v, sizeof v, s.reward[g->leader]);
      snprintf (why, n, "QBF %s (CEGAR), leader's SPE value %s", r == 10 ? "true" : "false", v);
    }
    profile_solution_clear (&s);
  }
  game_free (g);
  return res;
}

static int ev_round_trip (const inst *in, char *why, size_t n) {
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  int res = CLAIMS_SKIP;
  scnfg_error err;
  error_init (&err);
  qbf *h = NULL;
  if (in->f) { /* qbf -> game -> qbf */
    int r = qbf_answer (in->f);
    game *g = qbf2game_reduce (in->f, NULL);
    if ((r == 10 || r == 20) && game2qbf_encode (&h, NULL, g, one, &err)) {
      int r2 = qbf_answer (h);
      if (r2 == 10 || r2 == 20) {
        res = r == r2 ? CLAIMS_HELD : CLAIMS_FAILED;
        snprintf (why, n, "formula %s, after qbf -> game -> qbf %s", r == 10 ? "true" : "false",
                  r2 == 10 ? "true" : "false");
      }
    }
    game_free (g);
  } else { /* membership: game -> qbf decides the leader's guarantee */
    game_solution s;
    if (game2qbf_encode (&h, NULL, in->g, one, &err) && spe_run (in->g, GAME_TIE_STRONG, &s)) {
      int r2 = qbf_answer (h);
      bool win = mpq_cmp_ui (s.reward[in->g->leader], 1, 1) >= 0;
      if (r2 == 10 || r2 == 20) {
        res = (r2 == 10) == win ? CLAIMS_HELD : CLAIMS_FAILED;
        snprintf (why, n, "leader's SPE value %s, encoded QBF %s", win ? "1" : "0", r2 == 10 ? "true" : "false");
      }
      profile_solution_clear (&s);
    }
  }
  qbf_free (h);
  mpq_clear (one);
  return res;
}

static int ev_ssat (const inst *in, char *why, size_t n) {
  mpq_t v, w;
  mpq_init (v), mpq_init (w);
  int res = CLAIMS_SKIP;
  if (ssat_solve (v, in->f, NULL, SSAT_DEFAULT_CACHE, NULL) == 1) {
    game *g = qbf2game_reduce (in->f, NULL);
    game_solution s;
    if (spe_run (g, GAME_TIE_STRONG, &s)) {
      bool ok = mpq_equal (v, s.reward[g->leader]);
      bool ev = eval_value (w, in->f);
      ok &= !ev || mpq_equal (v, w);
      res = ok ? CLAIMS_HELD : CLAIMS_FAILED;
      char a[64], b[64], c[64];
      qstr (a, sizeof a, v), qstr (b, sizeof b, s.reward[g->leader]), qstr (c, sizeof c, w);
      snprintf (why, n, "SSAT value %s, leader's SPE value %s, reference evaluator %s", a, b, ev ? c : "n/a");
      profile_solution_clear (&s);
    }
    game_free (g);
  }
  mpq_clear (v), mpq_clear (w);
  return res;
}

static int ev_sse_spe (const inst *in, char *why, size_t n) {
  game_solution a, b;
  if (!spe_run (in->g, GAME_TIE_STRONG, &a)) return CLAIMS_SKIP;
  int res = CLAIMS_SKIP;
  if (sse_run (in->g, GAME_CONCEPT_SSE, GAME_TIE_STRONG, NULL, false, &b)) {
    int L = in->g->leader;
    res = mpq_cmp (b.reward[L], a.reward[L]) >= 0 ? CLAIMS_HELD : CLAIMS_FAILED;
    char da[320], db[320];
    describe (da, sizeof da, "SSE-strong", &b), describe (db, sizeof db, "SPE-strong", &a);
    snprintf (why, n, "%s < %s", da, db);
    profile_solution_clear (&b);
  }
  profile_solution_clear (&a);
  return res;
}

static int ev_strong_weak (const inst *in, char *why, size_t n) {
  game_solution a, b;
  if (!sse_run (in->g, GAME_CONCEPT_SSE, GAME_TIE_STRONG, NULL, false, &a)) return CLAIMS_SKIP;
  int res = CLAIMS_SKIP;
  if (sse_run (in->g, GAME_CONCEPT_SSE, GAME_TIE_WEAK, NULL, false, &b)) {
    int L = in->g->leader;
    res = mpq_cmp (a.reward[L], b.reward[L]) >= 0 ? CLAIMS_HELD : CLAIMS_FAILED;
    char da[320], db[320];
    describe (da, sizeof da, "SSE-strong", &a), describe (db, sizeof db, "SSE-weak", &b);
    snprintf (why, n, "%s < %s", da, db);
    profile_solution_clear (&b);
  }
  profile_solution_clear (&a);
  return res;
}

/* A tie-sensitive claim: two solutions that should agree, computed under
 * the claim's k-th tie-break (k < nties); the instance's own k is a function
 * of its seed. */
typedef struct tie_claim {
  unsigned nties;
  unsigned (*own) (const inst *in);
  bool (*pair) (const inst *in, unsigned k, game_solution *a, char *an, game_solution *b, char *bn, size_t n);
  bool outcomes; /* outcome distributions are compared too */
  bool benefit;  /* the claim is "a's leader reward <= b's": it fails only when the leader gains */
} tie_claim;

/* S-CNE and SSE under the same tie (all six). */
static bool pair_regression (const inst *in, unsigned k, game_solution *a, char *an, game_solution *b, char *bn,
                             size_t n) {
  game_tie tie = (game_tie) k;
  snprintf (an, n, "S-CNE-%s", profile_tie_name (tie));
  snprintf (bn, n, "SSE-%s", profile_tie_name (tie));
  if (!sse_run (in->g, GAME_CONCEPT_SCNE, tie, NULL, false, a)) return false;
  if (sse_run (in->g, GAME_CONCEPT_SSE, tie, NULL, false, b)) return true;
  profile_solution_clear (a);
  return false;
}

/* eps = 0 satisficing with tie T against SSE with instinct-T (T: strong, weak, lex). */
static bool pair_satisficing (const inst *in, unsigned k, game_solution *a, char *an, game_solution *b, char *bn,
                              size_t n) {
  static const game_tie base[3] = {GAME_TIE_STRONG, GAME_TIE_WEAK, GAME_TIE_LEX};
  static const game_tie inst_tie[3] = {GAME_TIE_INSTINCT_STRONG, GAME_TIE_INSTINCT_WEAK, GAME_TIE_INSTINCT_LEX};
  snprintf (an, n, "satisficing-eps0-%s", profile_tie_name (base[k]));
  snprintf (bn, n, "SSE-%s", profile_tie_name (inst_tie[k]));
  if (!sse_run (in->g, GAME_CONCEPT_SATISFICING, base[k], "0", false, a)) return false;
  if (sse_run (in->g, GAME_CONCEPT_SSE, inst_tie[k], NULL, false, b)) return true;
  profile_solution_clear (a);
  return false;
}

/* Robust eps = 0 satisficing against SSE, both with tie T (the claim: weak; classification: weak, strong). */
static bool pair_robust (const inst *in, unsigned k, game_solution *a, char *an, game_solution *b, char *bn,
                         size_t n) {
  game_tie tie = k == 0 ? GAME_TIE_WEAK : GAME_TIE_STRONG;
  snprintf (an, n, "robust-eps0%s", k ? "-strong" : "");
  snprintf (bn, n, "SSE-%s", profile_tie_name (tie));
  if (!sse_run (in->g, GAME_CONCEPT_SATISFICING, tie, "0", true, a)) return false;
  if (sse_run (in->g, GAME_CONCEPT_SSE, tie, NULL, false, b)) return true;
  profile_solution_clear (a);
  return false;
}

/* eps = 1/10 satisficing (not robust) against SSE, both with tie T (strong, weak). */
static bool pair_benefit (const inst *in, unsigned k, game_solution *a, char *an, game_solution *b, char *bn,
                          size_t n) {
  game_tie tie = k == 0 ? GAME_TIE_STRONG : GAME_TIE_WEAK;
  snprintf (an, n, "satisficing-eps1/10-%s", profile_tie_name (tie));
  snprintf (bn, n, "SSE-%s", profile_tie_name (tie));
  if (!sse_run (in->g, GAME_CONCEPT_SATISFICING, tie, "1/10", false, a)) return false;
  if (sse_run (in->g, GAME_CONCEPT_SSE, tie, NULL, false, b)) return true;
  profile_solution_clear (a);
  return false;
}

static unsigned own_mod6 (const inst *in) { return (unsigned) (in->seed % 6); }
static unsigned own_mod3 (const inst *in) { return (unsigned) (in->seed % 3); }
static unsigned own_zero (const inst *in) { return (void) in, 0; }

static const tie_claim tie_regression = {6, own_mod6, pair_regression, true, false};
static const tie_claim tie_satisficing = {3, own_mod3, pair_satisficing, true, false};
static const tie_claim tie_robust = {2, own_zero, pair_robust, false, false};
static const tie_claim tie_benefit = {2, own_zero, pair_benefit, false, true};

/* Evaluates tc under tie k: CLAIMS_HELD / FAILED / SKIP; *leader: the
 * leader's reward differs; label (if not NULL, 96 bytes) "A = B". */
static int tie_eval (const inst *in, const tie_claim *tc, unsigned k, bool *leader, char *label, char *why,
                     size_t n) {
  game_solution a, b;
  char an[40], bn[40];
  if (!tc->pair (in, k, &a, an, &b, bn, sizeof an)) return CLAIMS_SKIP;
  int L = in->g->leader;
  int res = compare (in->g, &a, an, &b, bn, tc->outcomes, why, n);
  if (tc->benefit) res = mpq_cmp (a.reward[L], b.reward[L]) > 0 ? CLAIMS_FAILED : CLAIMS_HELD;
  if (leader) *leader = !mpq_equal (a.reward[L], b.reward[L]);
  if (label) snprintf (label, 96, "%s %s %s", an, tc->benefit ? "<=" : "=", bn);
  profile_solution_clear (&a), profile_solution_clear (&b);
  return res;
}

static int ev_tie (const inst *in, const tie_claim *tc, char *why, size_t n) {
  return tie_eval (in, tc, tc->own (in), NULL, NULL, why, n);
}

/* The class of a failing instance over all of tc's tie-breaks (a tie that
 * the finders cannot solve is not counted): a tie artefact if the claim
 * holds under one; generic if the payoffs are generic (generic_check: no
 * player is ever indifferent, so no difference comes from indifference) and
 * the leader's reward differs under each; else other. note gets the
 * evidence. */
static int tie_classify (const inst *in, const tie_claim *tc, char *note, size_t n) {
  bool all_leader = true;
  char why[512], label[96];
  for (unsigned k = 0; k < tc->nties; k++) {
    bool leader = false;
    int r = tie_eval (in, tc, k, &leader, label, why, sizeof why);
    if (r == CLAIMS_HELD) {
      if (note) snprintf (note, n, "tie artefact: %s", label);
      return CLAIMS_CLASS_TIE;
    }
    all_leader &= r == CLAIMS_SKIP || leader;
  }
  bool generic = generic_check (in->g, NULL, 0);
  if (note)
    snprintf (note, n, "%s: the %s under each of its %u tie-breaks%s", generic && all_leader ? "generic" : "other",
              all_leader ? "leader's reward differs" : "claim fails", tc->nties,
              generic ? "" : ", but the payoffs are not generic (a player may be indifferent)");
  return generic && all_leader ? CLAIMS_CLASS_GENERIC : CLAIMS_CLASS_OTHER;
}

static int ev_regression (const inst *in, char *why, size_t n) { return ev_tie (in, &tie_regression, why, n); }
static int ev_satisficing (const inst *in, char *why, size_t n) { return ev_tie (in, &tie_satisficing, why, n); }
static int ev_robust (const inst *in, char *why, size_t n) { return ev_tie (in, &tie_robust, why, n); }
static int ev_benefit (const inst *in, char *why, size_t n) { return ev_tie (in, &tie_benefit, why, n); }
/* satisficing-benefit is a search: no hypothesis makes it hold, every failure is expected. */
static bool sc_never (const inst *in) { return (void) in, false; }

/* One mover optimises its own reward against the other's SSE-strong policy
 * frozen into instincts: as leader of the frozen game, L2 (SSE) against L3
 * (S-CNE, whose policy sets contain L2). */
static int ev_l3_l2 (const inst *in, char *why, size_t n) {
  game_solution s;
  if (!sse_run (in->g, GAME_CONCEPT_SSE, GAME_TIE_STRONG, NULL, false, &s)) return CLAIMS_SKIP;
  int mover = (in->seed & 1) ? follower_of (in->g) : in->g->leader;
  int other = mover == 0 ? 1 : 0;
  game *h = s.profile ? edit_freeze (in->g, s.profile, other, mover) : NULL;
  profile_solution_clear (&s);
  if (!h) return CLAIMS_SKIP;
  int res = CLAIMS_SKIP;
  game_solution a, b;
  if (sse_run (h, GAME_CONCEPT_SSE, GAME_TIE_STRONG, NULL, false, &a)) {
    if (sse_run (h, GAME_CONCEPT_SCNE, GAME_TIE_STRONG, NULL, false, &b)) {
      res = mpq_cmp (b.reward[mover], a.reward[mover]) >= 0 ? CLAIMS_HELD : CLAIMS_FAILED;
      char x[64], y[64];
      qstr (x, sizeof x, b.reward[mover]), qstr (y, sizeof y, a.reward[mover]);
      snprintf (why, n, "%s (the other's SSE policy frozen): best L3 policy %s < best L2 policy %s",
                in->g->players[mover], x, y);
      profile_solution_clear (&b);
    }
    profile_solution_clear (&a);
  }
  game_free (h);
  return res;
}

/* Mixed commitment (strong) into ans; false if g is not of a supported
 * shape or a limit was hit. Clear ans with game_answer_clear either way. */
static bool mixed_run (const game *g, game_answer *ans) {
  scnfg_error err;
  error_init (&err);
  return game_solve (g, GAME_CONCEPT_MIXED, NULL, ans, &err) && ans->mixed->sol.status == GAME_SOLVED;
}

static int ev_mixed (const inst *in, char *why, size_t n) {
  game_answer ans;
  int res = CLAIMS_SKIP;
  if (mixed_run (in->g, &ans)) {
    const mixed_solution *ms = ans.mixed;
    game_solution s;
    if (sse_run (in->g, GAME_CONCEPT_SSE, GAME_TIE_STRONG, NULL, false, &s)) {
      int L = in->g->leader;
      res = mpq_cmp (ms->sol.reward[L], s.reward[L]) >= 0 ? CLAIMS_HELD : CLAIMS_FAILED;
      char a[64], b[64];
      qstr (a, sizeof a, ms->sol.reward[L]), qstr (b, sizeof b, s.reward[L]);
      snprintf (why, n, "leader: mixed (%s) %s < SSE-strong %s", ms->method == MIXED_LPS ? "multiple LPs" : "tree",
                a, b);
      profile_solution_clear (&s);
    }
  }
  game_answer_clear (&ans);
  return res;
}

/* Signaling: the checker on every reported profile of a family (the
 * representative and every off-path alternative). */
static bool signal_family_checks (const game *g, const signal_game *sg, const signal_pbe *e, char *why, size_t n) {
  unsigned K = sg->K, M = sg->M, A = sg->A;
  mpq_t *alpha = mem_alloc ((size_t) M * A * sizeof *alpha), *mu = mem_alloc ((size_t) M * K * sizeof *mu);
  for (unsigned i = 0; i < M * A; i++) mpq_init (alpha[i]);
  for (unsigned i = 0; i < M * K; i++) mpq_init (mu[i]);
  bool ok = true;
  for (size_t k = 0; k <= e->noff && ok; k++)
    for (size_t j = 0; j < (k < e->noff ? e->off[k].n : 1) && ok; j++) {
      signal_pbe_member (sg, e, k, j, alpha, mu);
      chk_signal_report rep;
      scnfg_error err;
      error_init (&err);
      if (!chk_signal_pbe (g, e->send, alpha, mu, &rep, &err) || !rep.ok) {
        ok = false;
        snprintf (why, n, "PBE checker: %s", rep.ok ? err.msg : rep.msg);
      }
    }
  for (unsigned i = 0; i < M * A; i++) mpq_clear (alpha[i]);
  for (unsigned i = 0; i < M * K; i++) mpq_clear (mu[i]);
  free (alpha), free (mu);
  return ok;
}

static int ev_signal (const inst *in, bool refinements, char *why, size_t n) {
  signal_game sg;
  signal_result r;
  scnfg_error err;
  error_init (&err);
  if (!signal_game_init (&sg, in->g, &err)) {
    signal_game_clear (&sg);
    return CLAIMS_SKIP;
  }
  signal_result_init (&r);
  int res = CLAIMS_SKIP;
  if (signal_solve (&r, &sg, 0, &err)) {
    res = CLAIMS_HELD;
    for (size_t i = 0; i < r.n && res == CLAIMS_HELD; i++) {
      const signal_pbe *e = &r.pbe[i];
      if (!signal_family_checks (in->g, &sg, e, why, n)) res = CLAIMS_FAILED;
      else if (refinements && e->d1.survives && !e->intuitive.survives) {
        snprintf (why, n, "PBE family %zu survives D1 but fails the intuitive criterion at message %d", i + 1,
                  e->intuitive.msg);
        res = CLAIMS_FAILED;
      }
    }
    if (res == CLAIMS_HELD && refinements && !(r.nd1 <= r.nintuitive && r.nintuitive <= r.n)) {
      snprintf (why, n, "counts: %zu D1, %zu intuitive, %zu PBE families", r.nd1, r.nintuitive, r.n);
      res = CLAIMS_FAILED;
    }
  }
  signal_result_clear (&r);
  signal_game_clear (&sg);
  return res;
}

static int ev_d1 (const inst *in, char *why, size_t n) { return ev_signal (in, true, why, n); }

/* Every finder's output through its checker. */
static int ev_checkers (const inst *in, char *why, size_t n) {
  if (in->fam == CLAIMS_FAM_SIGNAL || in->fam == CLAIMS_FAM_SIGNAL_NOISE) return ev_signal (in, false, why, n);
  int res = CLAIMS_SKIP;
  scnfg_error err;
  error_init (&err);
  if (in->f) {
    game *g = qbf2game_reduce (in->f, NULL);
    game_solution s;
    if (spe_run (g, GAME_TIE_STRONG, &s)) {
      chk_spe_report rep;
      res = CLAIMS_HELD;
      if (!chk_spe_check (g, s.profile, GAME_TIE_STRONG, NULL, &rep, &err) || rep.verdict == CHK_SPE_FAILED) {
        snprintf (why, n, "SPE checker: %s", rep.msg);
        res = CLAIMS_FAILED;
      }
      if (res == CLAIMS_HELD && !qbf_is_stochastic (in->f)) {
        int *model = mem_calloc ((size_t) in->f->nvars + 1, sizeof *model);
        int r = cegar_solve (in->f, NULL, NULL, model, NULL);
        if ((r == 10 || r == 20) && cegar_check_model (in->f, r, model, NULL) == 0) {
          snprintf (why, n, "CEGAR's outermost-block model is wrong");
          res = CLAIMS_FAILED;
        }
        cert *c = policy2cert_extract (in->f, g, s.profile, r == 10);
        if (res == CLAIMS_HELD && c) {
          qcert_report qr;
          qcert_report_init (&qr);
          qcert_status st = qcert_check (in->f, c, NULL, &qr);
          if (st != QCERT_VALID) {
            snprintf (why, n, "%s certificate from the SPE policy: %s", r == 10 ? "Skolem" : "Herbrand", qr.msg);
            res = CLAIMS_FAILED;
          }
          qcert_report_clear (&qr);
        }
        cert_free (c);
        free (model);
      }
      profile_solution_clear (&s);
    }
    game_free (g);
    return res;
  }
  const game *g = in->g;
  if (g->perfect_info) {
    game_tie tie = (game_tie) (in->seed % 3);
    game_solution s;
    if (spe_run (g, tie, &s)) {
      chk_spe_report rep;
      res = CLAIMS_HELD;
      if (!chk_spe_check (g, s.profile, tie, NULL, &rep, &err) || rep.verdict == CHK_SPE_FAILED) {
        snprintf (why, n, "SPE-%s checker: %s", profile_tie_name (tie), rep.msg);
        res = CLAIMS_FAILED;
      }
      profile_solution_clear (&s);
      if (res == CLAIMS_FAILED) return res;
    }
  }
  static const game_concept commit[3] = {GAME_CONCEPT_SSE, GAME_CONCEPT_SCNE, GAME_CONCEPT_SATISFICING};
  for (unsigned c = 0; c < 3; c++) {
    game_tie tie = (game_tie) ((in->seed + c) % 6);
    bool robust = c == 2 && (in->seed / 6) % 2;
    const char *eps = c == 2 && (in->seed / 12) % 2 ? "1/10" : "0";
    game_solution s;
    if (!sse_run (g, commit[c], tie, eps, robust, &s)) continue;
    if (res == CLAIMS_SKIP) res = CLAIMS_HELD;
    if (s.profile) {
      chk_commit_options co;
      chk_commit_options_init (&co);
      co.concept = (int) c, co.tie = tie, co.robust = robust;
      rat_parse_str (co.eps, eps, NULL);
      chk_commit_report rep;
      if (!chk_commit_check (g, s.profile, &co, &rep, &err) || rep.verdict == CHK_COMMIT_FAILED) {
        snprintf (why, n, "%s%s-%s checker: %s", game_concept_name (commit[c]), robust ? "-robust" : "",
                  profile_tie_name (tie), rep.msg);
        res = CLAIMS_FAILED;
      }
      chk_commit_options_clear (&co);
    }
    profile_solution_clear (&s);
    if (res == CLAIMS_FAILED) break;
  }
  game_answer ans;
  memset (&ans, 0, sizeof ans); /* game_answer_clear is safe on it when mixed_run is not reached */
  if (res != CLAIMS_FAILED && mixed_run (g, &ans) && ans.mixed->prof) {
    const mixed_solution *ms = ans.mixed;
    chk_mixed_report rep;
    chk_mixed_report_init (&rep);
    if (res == CLAIMS_SKIP) res = CLAIMS_HELD;
    if (!chk_mixed_check (g, ms->prof, &ms->cert, &rep, &err) || rep.verdict != CHK_MIXED_OK) {
      snprintf (why, n, "mixed checker: %s", rep.verdict != CHK_MIXED_OK ? rep.msg : err.msg);
      res = CLAIMS_FAILED;
    }
    chk_mixed_report_clear (&rep);
  }
  game_answer_clear (&ans);
  return res;
}

/* ---- the registry ------------------------------------------------------- */

typedef struct claim_impl {
  claims_claim pub;
  int (*eval) (const inst *in, char *why, size_t n);
  bool (*scope) (const inst *in);
  const tie_claim *ties; /* tie-sensitive: failures are classified */
} claim_impl;

#define H CLAIMS_HOLDS
#define X CLAIMS_CEX
/* expect[]: qbf, ssat, win-lose, game-pi, game-unconf, game-conf, signal, signal-noise, oneshot, game-large */
static const claim_impl registry[] = {
    {{"hardness", "a QBF's truth (CEGAR) equals the leader's SPE value (0/1) of its reduction qbf2game",
      "plain QBF", NULL, {H, 0, 0, 0, 0, 0, 0, 0, 0}},
     ev_hardness, NULL, NULL},
    {{"round-trip",
      "qbf -> game -> qbf keeps the truth value (CEGAR on both); on win/lose games the encoded QBF is true iff "
      "the leader's SPE value is 1",
      "plain QBF; perfect-information Boolean win/lose games without chance", NULL, {H, 0, H, 0, 0, 0, 0, 0, 0}},
     ev_round_trip, NULL, NULL},
    {{"ssat-value",
      "the exact SSAT value (DPLL solver; the reference evaluator too) equals the leader's SPE value of the "
      "reduction, chance as exogenous variables",
      "QBF and SSAT formulas", NULL, {H, H, 0, 0, 0, 0, 0, 0, 0}},
     ev_ssat, NULL, NULL},
    {{"sse-ge-spe", "the leader's SSE-strong reward is at least its SPE-strong reward",
      "perfect-information two-player games", NULL, {0, 0, H, H, 0, 0, 0, 0, 0}},
     ev_sse_spe, NULL, NULL},
    {{"sse-strong-ge-weak", "the leader's SSE-strong reward is at least its SSE-weak reward",
      "two-player games", NULL, {0, 0, H, H, H, H, 0, 0, H, H}},
     ev_strong_weak, NULL, NULL},
    {{"mixed-ge-pure",
      "the leader's mixed-commitment value (strong; multiple LPs or Letchford-Conitzer frontiers) is at least "
      "its pure SSE-strong reward",
      "where mixed commitment is defined (DESIGN §3.3): one-shot games, perfect-information trees without chance",
      NULL, {0, 0, H, H, 0, 0, 0, 0, H}},
     ev_mixed, NULL, NULL},
    {{"regression",
      "S-CNE equals SSE under the same tie-break (tie = seed mod 6): both players' rewards (hence welfare) and the "
      "outcome distribution",
      "every instinct reads only observed variables and every stage allows layer 2 or 3 (DESIGN §3.4)", NULL,
      {0, 0, H, H, H, X, 0, 0, 0, X}},
     ev_regression, sc_regression, &tie_regression},
    {{"satisficing-eps0",
      "the eps = 0 satisficing follower (tie T = strong/weak/lex by seed) equals SSE with tie instinct-T: rewards "
      "and outcome distribution",
      "every follower instinct reads only variables its mover observes (DESIGN §3.5)", NULL,
      {0, 0, H, H, H, X, 0, 0, 0, X}},
     ev_satisficing, sc_satisficing, &tie_satisficing},
    {{"robust-eps0", "the robust eps = 0 satisficing follower gives the same rewards as SSE-weak",
      "every follower instinct reads only variables its mover observes (DESIGN §3.5 states it without this "
      "hypothesis; a confounded instinct can beat every action, see docs/claims.md)",
      NULL, {0, 0, H, H, H, X, 0, 0, 0, X}},
     ev_robust, sc_satisficing, &tie_robust},
    {{"satisficing-benefit",
      "the leader's reward with an eps = 1/10 satisficing follower (tie strong) is at most its SSE-strong reward "
      "(a search for the paper's benefit games: the follower keeps an instinct within eps of its best response)",
      "none (every failure is an expected counterexample: a game where the leader gains)", NULL,
      {0, 0, 0, X, X, X, 0, 0, 0, 0}},
     ev_benefit, sc_never, &tie_benefit},
    {{"l3-ge-l2",
      "with the other player's SSE-strong policy frozen, a mover's best reward over L3 (S-CNE) policies is at "
      "least its best over L2 (SSE) policies (mover: leader for even seeds, follower for odd)",
      "two-player games whose frozen policies are L2 tables", NULL, {0, 0, H, H, H, H, 0, 0, 0, H}},
     ev_l3_l2, NULL, NULL},
    {{"checkers",
      "every finder's output passes its checker: SPE (chk_spe), SSE/S-CNE/satisficing incl. robust (chk_commit), "
      "mixed commitments with their LP duals / frontiers (chk_mixed), CEGAR's model, the SPE policy as a "
      "Skolem/Herbrand certificate (qcert), every PBE (chk_signal)",
      "all families", NULL, {H, H, H, H, H, H, H, H, H, H}},
     ev_checkers, NULL, NULL},
    {{"d1-intuitive-pbe",
      "every PBE family surviving D1 survives the intuitive criterion, and every family passes the PBE checker",
      "signaling games", NULL, {0, 0, 0, 0, 0, 0, H, H, 0}},
     ev_d1, NULL, NULL},
};
#undef H
#undef X

#define NCLAIMS (sizeof registry / sizeof registry[0])

size_t claims_count (void) { return NCLAIMS; }
const claims_claim *claims_get (size_t i) { return i < NCLAIMS ? &registry[i].pub : NULL; }

const claims_claim *claims_find (const char *name) {
  for (size_t i = 0; i < NCLAIMS; i++)
    if (!strcmp (registry[i].pub.name, name)) return &registry[i].pub;
  return NULL;
}

static const claim_impl *impl_of (const claims_claim *c) { return (const claim_impl *) c; }

void claims_options_init (claims_options *o) {
  memset (o, 0, sizeof *o);
  o->seed = 1;
  o->count = 30;
}

static int eval_inst (const claim_impl *ci, const inst *in, bool *in_scope, char *why, size_t n) {
  *in_scope = ci->scope ? ci->scope (in) : true;
  if (!*in_scope && ci->pub.expect[in->fam] != CLAIMS_CEX) return CLAIMS_SKIP;
  return ci->eval (in, why, n);
}

int claims_eval_seed (const claims_claim *c, claims_family f, uint64_t seed, bool *in_scope, char *why, size_t size) {
  const claim_impl *ci = impl_of (c);
  *in_scope = false;
  if (why && size) why[0] = 0;
  if (!ci->eval || f >= CLAIMS_NFAM || c->expect[f] == CLAIMS_NA) return CLAIMS_SKIP;
  inst in;
  if (!gen (f, seed, false, &in)) return CLAIMS_SKIP;
  int r = eval_inst (ci, &in, in_scope, why, size);
  inst_clear (&in);
  return r;
}

static int classify (const claim_impl *ci, const inst *in, char *note, size_t n) {
  return ci->ties ? tie_classify (in, ci->ties, note, n) : CLAIMS_CLASS_NONE;
}

/* ---- shrinking ---------------------------------------------------------- */

typedef struct shrink_arg {
  const claim_impl *ci;
  claims_family fam;
  uint64_t seed;
  bool scope;   /* the failure's scope status must be kept */
  bool values;  /* so must a difference in rewards (not only in outcomes) */
  int cls;      /* and its class */
  bool generic; /* and generic payoffs */
} shrink_arg;

static bool still_fails (const inst *in, shrink_arg *a) {
  char why[512] = "";
  bool sc;
  if (a->generic && in->g && !generic_check (in->g, NULL, 0)) return false;
  return eval_inst (a->ci, in, &sc, why, sizeof why) == CLAIMS_FAILED && sc == a->scope &&
         (!a->values || !strstr (why, OUTCOMES_ONLY)) &&
         (a->cls == CLAIMS_CLASS_NONE || classify (a->ci, in, NULL, 0) == a->cls);
}

static bool still_game (const game *g, void *arg) {
  shrink_arg *a = arg;
  inst in = {NULL, (game *) g, a->seed, a->fam, a->generic, false};
  return still_fails (&in, a);
}

static bool still_qbf (const qbf *f, void *arg) {
  shrink_arg *a = arg;
  inst in = {(qbf *) f, NULL, a->seed, a->fam, false, false};
  return still_fails (&in, a);
}

static size_t qbf_size (const qbf *f) { return (size_t) qbf_num_quantified (f) + f->nlits; }

static bool write_cex (const inst *in, const char *path, scnfg_error *err) {
  if (in->g) return gamexml_write_file (in->g, path, err);
  afile a;
  if (!afile_open (&a, path, err)) return false;
  fprintf (a.f, "c scnfg claims counterexample\n");
  if (!qdimacs_write (a.f, in->f)) {
    afile_abort (&a);
    return error_set (err, ERROR_IO, path, 0, 0, "cannot write the counterexample");
  }
  return afile_commit (&a, err);
}

/* Is failure (sc, values, cls) a better counterexample than the kept one?
 * Unexpected over expected, then generic over other classes, then a
 * difference in rewards over one in outcomes only. */
static bool better (const shrink_arg *have, bool any, bool sc, bool values, int cls) {
  if (!any) return true;
  if (sc != have->scope) return sc;
  bool g = cls == CLAIMS_CLASS_GENERIC, hg = have->cls == CLAIMS_CLASS_GENERIC;
  if (g != hg) return g;
  return values && !have->values;
}

/* Shrinks the kept failure, writes it and fills the row's cex fields. */
static bool shrink_and_write (const claims_claim *c, const claims_options *o, shrink_arg *a, claims_row *row,
                              scnfg_error *err) {
  inst in;
  gen (a->fam, a->seed, a->generic, &in);
  unsigned tries = 0, max_tries = o->shrink_tries ? o->shrink_tries : 400;
  row->has_cex = true;
  row->cex_seed = a->seed;
  if (in.g) {
    row->cex_size_before = edit_game_size (in.g);
    game *s = edit_shrink_game (in.g, still_game, a, max_tries, &tries);
    if (s) game_free (in.g), in.g = s;
    row->cex_size = edit_game_size (in.g);
  } else {
    row->cex_size_before = qbf_size (in.f);
    qbf *s = edit_shrink_qbf (in.f, still_qbf, a, max_tries, &tries);
    if (s) qbf_free (in.f), in.f = s;
    row->cex_size = qbf_size (in.f);
  }
  bool sc, ok = true;
  eval_inst (a->ci, &in, &sc, row->cex_note, sizeof row->cex_note);
  row->cex_class = a->cls;
  if (a->cls != CLAIMS_CLASS_NONE) {
    char note[200];
    classify (a->ci, &in, note, sizeof note);
    size_t len = strlen (row->cex_note);
    snprintf (row->cex_note + len, sizeof row->cex_note - len, "; %s", note);
  }
  if (o->cex_dir) {
    snprintf (row->cex_file, sizeof row->cex_file, "%s/%s-%s%s%s.%s", o->cex_dir, c->name, claims_family_name (a->fam),
              a->cls ? "-" : "", claims_class_name (a->cls), in.g ? "xml" : "qdimacs");
    ok = write_cex (&in, row->cex_file, err);
    if (!ok) row->cex_file[0] = 0;
  }
  inst_clear (&in);
  return ok;
}

bool claims_run (const claims_claim *c, claims_family f, const claims_options *o, claims_row *row,
                 scnfg_error *err) {
  const claim_impl *ci = impl_of (c);
  memset (row, 0, sizeof *row);
  row->claim = c, row->family = f;
  row->expect = f < CLAIMS_NFAM ? c->expect[f] : CLAIMS_NA;
  if (o->generic && !claims_family_generic (f)) row->expect = CLAIMS_NA;
  if (row->expect == CLAIMS_NA || !ci->eval) return true;
  double t0 = limits_now ();
  unsigned max = o->max_attempts ? o->max_attempts : 10 * o->count;
  bool have = false;
  shrink_arg keep = {ci, f, 0, false, false, CLAIMS_CLASS_NONE, o->generic};
  for (unsigned j = 0; j < max && row->instances < o->count; j++) {
    inst in;
    uint64_t seed = o->seed + j;
    if (!gen (f, seed, o->generic, &in)) {
      row->redraws += in.rejected;
      continue;
    }
    bool sc;
    char why[512] = "";
    int r = eval_inst (ci, &in, &sc, why, sizeof why);
    int cls = r == CLAIMS_FAILED ? classify (ci, &in, NULL, 0) : CLAIMS_CLASS_NONE;
    inst_clear (&in);
    if (r == CLAIMS_SKIP) {
      row->skipped++;
      continue;
    }
    row->instances++;
    if (r == CLAIMS_HELD) {
      row->held++;
      continue;
    }
    if (sc) row->failed++;
    else row->expected_cex++;
    row->cls[cls]++;
    bool values = !strstr (why, OUTCOMES_ONLY);
    if (better (&keep, have, sc, values, cls)) {
      have = true;
      keep.scope = sc, keep.values = values, keep.cls = cls, keep.seed = seed;
    }
  }
  bool ok = !have || shrink_and_write (c, o, &keep, row, err);
  row->seconds = limits_now () - t0;
  return ok;
}
