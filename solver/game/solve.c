/* prefix: game_ */
/* The one way in to the game finders (see solve.h): options from the family
 * tables, concept dispatch to spe, sse and mixed. */
#include "solver/game/solve.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/game/sse.h"
#include "solver/model/game.h"

static const char *const concept_names[] = {"spe", "sse", "scne", "satisficing", "mixed"};

bool game_concept_parse (const char *s, game_concept *out) {
  for (unsigned i = 0; i < sizeof concept_names / sizeof *concept_names; i++)
    if (!strcmp (s, concept_names[i])) {
      *out = (game_concept) i;
      return true;
    }
  return false;
}

const char *game_concept_name (game_concept c) { return concept_names[c]; }

/* ---- options ------------------------------------------------------------ */

#define GAME_OPT_INFO(name, def, lo, hi, help) {#name, def, lo, hi, help},

static const game_opt_info common_table[] = {GAME_OPTIONS_COMMON (GAME_OPT_INFO)};
static const game_opt_info spe_table[] = {GAME_OPTIONS_SPE (GAME_OPT_INFO)};
static const game_opt_info commit_table[] = {GAME_OPTIONS_COMMIT (GAME_OPT_INFO)};
static const game_opt_info mixed_table[] = {GAME_OPTIONS_MIXED (GAME_OPT_INFO)};

#undef GAME_OPT_INFO

const game_opt_info *game_opt_table (game_opt_family f, unsigned *n) {
#define TABLE(t) (*n = (unsigned) (sizeof t / sizeof *t), t)
  switch (f) {
  case GAME_OPT_SPE: return TABLE (spe_table);
  case GAME_OPT_COMMIT: return TABLE (commit_table);
  case GAME_OPT_MIXED: return TABLE (mixed_table);
  default: return TABLE (common_table);
  }
#undef TABLE
}

void game_options_init (game_options *o) {
  memset (o, 0, sizeof *o);
  o->tie = GAME_TIE_STRONG;
  limits_init (&o->limits);
  mpq_init (o->eps);
#define GAME_OPT_DEFAULT(name, def, lo, hi, help) FIELD.name = def;
#define FIELD (*o)
  GAME_OPTIONS_COMMON (GAME_OPT_DEFAULT)
#undef FIELD
#define FIELD o->spe
  GAME_OPTIONS_SPE (GAME_OPT_DEFAULT)
#undef FIELD
#define FIELD o->commit
  GAME_OPTIONS_COMMIT (GAME_OPT_DEFAULT)
#undef FIELD
#define FIELD o->mixed
  GAME_OPTIONS_MIXED (GAME_OPT_DEFAULT)
#undef FIELD
#undef GAME_OPT_DEFAULT
}

void game_options_clear (game_options *o) { mpq_clear (o->eps); }

bool game_options_set (game_options *o, const char *name, long long value) {
#define GAME_OPT_SET(n, def, lo, hi, help)                                     \
  if (!strcmp (name, #n)) {                                                  \
    if (value < (long long) (lo) || value > (long long) (hi)) return false; \
    FIELD.n = value;                                                         \
    return true;                                                             \
  }
#define FIELD (*o)
  GAME_OPTIONS_COMMON (GAME_OPT_SET)
#undef FIELD
#define FIELD o->spe
  GAME_OPTIONS_SPE (GAME_OPT_SET)
#undef FIELD
#define FIELD o->commit
  GAME_OPTIONS_COMMIT (GAME_OPT_SET)
#undef FIELD
#define FIELD o->mixed
  GAME_OPTIONS_MIXED (GAME_OPT_SET)
#undef FIELD
#undef GAME_OPT_SET
  return false;
}

void game_opt_help (FILE *out, game_opt_family f) {
  unsigned n;
  const game_opt_info *t = game_opt_table (f, &n);
  for (unsigned i = 0; i < n; i++) {
    char name[40];
    snprintf (name, sizeof name, "%s", t[i].name);
    for (char *p = name; *p; p++)
      if (*p == '_') *p = '-';
    bool flag = t[i].lo == 0 && t[i].hi == 1;
    fprintf (out, "  --%s%s  %s (default %lld)\n", name, flag ? "" : " N", t[i].help, t[i].def);
  }
}

/* ---- answers ------------------------------------------------------------ */

const game_solution *game_answer_solution (const game_answer *a) { return a->mixed ? &a->mixed->sol : &a->sol; }

void game_answer_clear (game_answer *a) {
  if (a->has_sol) profile_solution_clear (&a->sol);
  if (a->mixed) {
    mixed_solution_clear (a->mixed);
    free (a->mixed);
  }
  memset (a, 0, sizeof *a);
}

void game_answer_move (game_answer *a, game_solution *out) {
  REQUIRE (a->has_sol && !a->mixed, "needs the answer of a pure concept");
  *out = a->sol;
  a->has_sol = false;
  game_answer_clear (a);
}

/* ---- dispatch ----------------------------------------------------------- */

static bool run_spe (const game *g, const game_options *o, const scnfg_limits *lim, game_answer *ans,
                     scnfg_error *err) {
  spe_options so;
  spe_options_init (&so);
  so.tie = o->tie;
  so.limits = *lim;
  so.max_profile = (size_t) o->max_profile;
  so.max_outcomes = (size_t) o->max_outcomes;
  so.prune = o->spe.prune != 0;
  so.win_lose = o->spe.win_lose != 0;
  so.cache_bytes = (size_t) o->spe.cache_bytes;
  so.stats = &ans->spe;
  ans->has_sol = true;
  return spe_solve (g, &so, &ans->sol, err);
}

static bool run_commit (const game *g, game_concept c, const game_options *o, const scnfg_limits *lim,
                        game_answer *ans, scnfg_error *err) {
  sse_options so;
  sse_options_init (&so);
  so.concept = c == GAME_CONCEPT_SCNE ? SSE_CONCEPT_SCNE : c == GAME_CONCEPT_SATISFICING ? SSE_CONCEPT_SATISFICING
                                                                                         : SSE_CONCEPT_SSE;
  so.tie = o->tie;
  mpq_set (so.eps, o->eps);
  so.robust = o->commit.robust != 0;
  so.method = o->commit.enumerate ? SSE_METHOD_ENUMERATE : SSE_METHOD_AUTO;
  so.max_policies = (uint64_t) o->commit.max_policies;
  so.max_tree = (size_t) o->commit.max_tree;
  so.limits = *lim;
  so.max_profile = (size_t) o->max_profile;
  so.max_outcomes = (size_t) o->max_outcomes;
  so.unpruned = o->commit.unpruned != 0;
  so.cache_bytes = (size_t) o->commit.pairs_cache_bytes;
  ans->has_sol = true;
  bool ok = sse_solve (g, &so, &ans->sol, err);
  sse_options_clear (&so);
  return ok;
}

static bool run_mixed (const game *g, const game_options *o, const scnfg_limits *lim, game_answer *ans,
                       scnfg_error *err) {
  mixed_options mo;
  mixed_options_init (&mo);
  mo.limits = *lim;
  mo.max_profile = (size_t) o->max_profile;
  mo.max_cert = (size_t) o->mixed.max_cert;
  mo.max_outcomes = (size_t) o->max_outcomes;
  mo.tie = o->tie;
  ans->mixed = mem_alloc (sizeof *ans->mixed);
  return mixed_solve (g, &mo, ans->mixed, err);
}

bool game_solve (const game *g, game_concept c, const game_options *opt, game_answer *ans, scnfg_error *err) {
  memset (ans, 0, sizeof *ans);
  ans->concept = c;
  game_options defaults;
  if (!opt) {
    game_options_init (&defaults);
    opt = &defaults;
  }
  scnfg_limits lim = opt->limits;
  limits_start (&lim);
  bool ok;
  switch (c) {
  case GAME_CONCEPT_SPE: ok = run_spe (g, opt, &lim, ans, err); break;
  case GAME_CONCEPT_MIXED: ok = run_mixed (g, opt, &lim, ans, err); break;
  default: ok = run_commit (g, c, opt, &lim, ans, err); break;
  }
  if (opt == &defaults) game_options_clear (&defaults);
  return ok;
}
