/* scnfg game: solve a game file under a solution concept (DESIGN §3), through
 * game_solve (solver/game/solve.h); this file parses the options and writes
 * the report. */
#include <gmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "solver/game/mixed.h"
#include "solver/game/solve.h"
#include "solver/model/game.h"
#include "solver/model/gameload.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"

const char cmd_game_summary[] = "solve a game (G.xml, F.efg, F.nfg) under a solution concept";

typedef struct args {
  game_options o;
  const char *concept, *out, *leader;
  bool xml, verbose, prune, robust;
  uint64_t max_print;
} args;

static long long clamp (uint64_t u) { return u > (uint64_t) GAME_OPT_SIZE_MAX ? GAME_OPT_SIZE_MAX : (long long) u; }

/* A size (beyond GAME_OPT_SIZE_MAX: no limit in effect) into a long long option. */
static bool parse_size (const char *v, void *dst, const char **why) {
  uint64_t u;
  (void) why;
  if (!cli_parse_u64 (v, &u)) return false;
  *(long long *) dst = clamp (u);
  return true;
}

static bool parse_cache (const char *v, void *dst, const char **why) {
  uint64_t u;
  if (!cli_parse_u64 (v, &u)) return false;
  if (u > ((size_t) 1 << 20)) return *why = " (at most 1048576)", false;
  *(long long *) dst = (long long) u << 20;
  return true;
}

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--concept", .kind = OPT_STRING, .off = A (concept), .arg = "C",
   .help = "spe (subgame-perfect, perfect-information games); sse (pure-commitment\n"
           "Stackelberg); scne (S-CNE: commitment with layer choice); satisficing\n"
           "(eps-satisficing follower); two players for sse, scne, satisficing;\n"
           "mixed (mixed commitment, strong tie-break only: one-shot games and\n"
           "perfect-information trees without chance)"},
  {.name = "--leader", .kind = OPT_STRING, .off = A (leader), .arg = "NAME",
   .help = "a .nfg table: the leader is player NAME (default player 1)"},
  {.name = "--tie", .kind = OPT_CUSTOM, .off = A (o.tie), .arg = "T", .parse = opt_tie,
   .msg = "unknown tie-break '%s'", .help = "follower tie-break (default strong); the leader breaks ties for the follower"},
  {.name = "--eps", .kind = OPT_CUSTOM, .off = A (o.eps), .arg = "R", .parse = opt_rational_nonneg,
   .msg = "bad --eps (a rational >= 0)",
   .help = "satisficing: keep the instinct within R (a rational >= 0) of the best (default 0)"},
  {.name = "--robust", .kind = OPT_FLAG, .off = A (robust),
   .help = "satisficing: the leader assumes the worst eps-best follower choice"},
  {.name = "--max-policies", .kind = OPT_CUSTOM, .off = A (o.commit.max_policies), .arg = "N", .parse = parse_size,
   .bad = " (a non-negative integer)",
   .help = "leader policies enumerated at most (default 1048576; exit 3 beyond)"},
  {.name = "--max-tree", .kind = OPT_CUSTOM, .off = A (o.commit.max_tree), .arg = "N", .parse = parse_size,
   .bad = " (a non-negative integer)",
   .help = "nodes of the expanded game tree at most (default 1048576; exit 3 beyond)"},
  {.name = NULL},
};
static const opt more[] = {
  {.name = "--prune", .kind = OPT_FLAG, .off = A (prune),
   .help = "spe in win/lose games (detected: two players, the leader's reward 0/1, the\n"
           "follower's its negation): stop at a mover's first action giving it 1; same\n"
           "values and path, but the policy is partial (skipped subtrees show no action)"},
  {.name = "--cache-mb", .kind = OPT_CUSTOM, .off = A (o.spe.cache_bytes), .arg = "N", .parse = parse_cache,
   .bad = " (a non-negative integer)",
   .help = "spe: cache subgame values of repeated residual states in N MiB (default 0:\n"
           "off); used only when the policy is not stored (see --max-profile)"},
  {.name = "-v", .kind = OPT_FLAG, .off = A (verbose), .help = "spe: search statistics as 'c' lines on stderr"},
  {.name = "--max-profile", .kind = OPT_CUSTOM, .off = A (o.max_profile), .arg = "N", .parse = parse_size,
   .bad = " (a non-negative integer)",
   .help = "store and print the policy only up to N information sets (default 1048576;\n0: never)"},
  {.name = "--max-print", .kind = OPT_U64, .off = A (max_print), .arg = "N", .bad = " (a non-negative integer)",
   .help = "information sets printed in the text report (default 200)"},
  {.name = "--xml", .kind = OPT_FLAG, .off = A (xml),
   .help = "write the result document (solver/model/result.rng) instead of the text report"},
  {.name = "-o", .kind = OPT_STRING, .off = A (out), .arg = "FILE",
   .help = "write the report to FILE (atomically) instead of stdout"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {opt_limits, A (o.limits)}, {more, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "game", .sections = sections, .unknown = "unknown option '%s' (see scnfg game --help)", .max_pos = 1,
  .extra = "more than one game file", .width = 19,
  .usage = "usage: scnfg game G.xml|F.efg|F.nfg --concept spe|sse|scne|satisficing|mixed [--leader NAME]\n"
           "                        [--tie strong|weak|lex|instinct-strong|instinct-weak|instinct-lex]\n"
           "                        [--eps R] [--robust] [--max-policies N] [--max-tree N]\n"
           "                        [--prune] [--cache-mb N] [-v]\n"
           "                        [--timeout S] [--max-nodes N] [--max-profile N] [--max-print N] [--xml] [-o FILE]\n"
           "\n",
  .footer = "\n"
            "Output: each player's expected reward and the welfare as exact fractions, the policy\n"
            "(every information set where a stage is active, reached or not) and the outcome\n"
            "distribution. Exit: 0 solved, 2 bad input or usage, 3 limit reached.\n",
};

/* -v: the SPE search statistics on stderr. */
static void spe_statistics (const game_answer *ans, const game_options *o) {
  const game_solution *sol = &ans->sol;
  const spe_stats *stats = &ans->spe;
  fprintf (stderr, "c nodes %llu leaves %llu seconds %.3f\n", (unsigned long long) sol->nodes,
           (unsigned long long) sol->leaves, sol->seconds);
  fprintf (stderr, "c win-lose %s prune %s cutoffs %llu\n", stats->win_lose ? "yes" : "no",
           stats->pruning ? "on" : o->spe.prune ? "off (not win/lose)" : "off", (unsigned long long) stats->cutoffs);
  if (stats->caching)
    fprintf (stderr, "c cache entries %zu bytes %zu lookups %llu hits %llu stores %llu evictions %llu determined %llu\n",
             stats->cache.entries, stats->cache.bytes, (unsigned long long) stats->cache.lookups,
             (unsigned long long) stats->cache.hits, (unsigned long long) stats->cache.stores,
             (unsigned long long) stats->cache.evictions, (unsigned long long) stats->cache.determined);
  else if (o->spe.cache_bytes)
    fprintf (stderr, "c cache off (%s)\n", sol->profile ? "the policy is stored: add --max-profile 0" : "budget below one bucket");
}

/* Solves and writes the report (the mixed concept has its own). */
static int solve (const char *file, game_concept c, const args *x) {
  scnfg_error err;
  error_init (&err);
  game *g;
  scnfg_limits rl = x->o.limits; /* the limits cover reading: the clock starts here */
  limits_start (&rl);
  if (!gameload_file_lim (&g, file, x->leader, &rl, &err)) return cli_report (&err);
  game_options o = x->o; /* the solver starts its own clock: give it what is left */
  if (o.limits.timeout > 0) o.limits.timeout = o.limits.timeout - limits_elapsed (&rl) > 1e-3 ? o.limits.timeout - limits_elapsed (&rl) : 1e-3;
  game_answer ans;
  int rc = CLI_EXIT_OK;
  afile out;
  if (!game_solve (g, c, &o, &ans, &err)) rc = cli_report (&err);
  else {
    bool mixed = c == GAME_CONCEPT_MIXED;
    const game_solution *sol = mixed ? &ans.mixed->sol : &ans.sol;
    if (x->verbose && c == GAME_CONCEPT_SPE) spe_statistics (&ans, &x->o);
    rc = sol->status == GAME_SOLVED ? CLI_EXIT_OK : CLI_EXIT_LIMIT;
    if (!afile_open (&out, x->out, &err)) rc = cli_report (&err);
    else {
      if (mixed && x->xml) result_write_mixed (out.f, g, ans.mixed);
      else if (mixed) resulttext_mixed (out.f, g, ans.mixed, (size_t) x->max_print);
      else if (x->xml) result_write_solution (out.f, g, sol);
      else resulttext_solution (out.f, g, sol, (size_t) x->max_print);
      if (!afile_commit (&out, &err)) rc = cli_report (&err);
    }
    if (rc == CLI_EXIT_LIMIT) fprintf (stderr, "scnfg game: limit reached (%s): UNKNOWN\n", sol->reason);
  }
  game_answer_clear (&ans);
  game_free (g);
  return rc;
}

static int run (int argc, char **argv, args *x) {
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, x, &r, &rc)) return rc;
  x->o.spe.prune = x->prune, x->o.commit.robust = x->robust;
  if (!r.npos) return cli_usage_error ("game", "no game file (see scnfg game --help)");
  if (!x->concept) return cli_usage_error ("game", "no --concept (spe, sse, scne, mixed, satisficing)");
  game_concept c;
  if (!game_concept_parse (x->concept, &c)) return cli_usage_error ("game", "unknown concept '%s'", x->concept);
  if (c == GAME_CONCEPT_MIXED && x->o.tie != GAME_TIE_STRONG && x->o.tie != GAME_TIE_WEAK)
    return cli_usage_error ("game", "--concept mixed takes --tie strong or weak");
  if (c == GAME_CONCEPT_MIXED) { /* the mixed report reads limits, profile size and tie only */
    game_options m;
    game_options_init (&m);
    m.limits = x->o.limits, m.max_profile = x->o.max_profile, m.tie = x->o.tie;
    game_options_clear (&x->o);
    x->o = m;
  } else if (c != GAME_CONCEPT_SATISFICING && (x->o.commit.robust || mpq_sgn (x->o.eps)))
    return cli_usage_error ("game", "--eps and --robust apply to --concept satisficing only");
  return solve (r.pos[0], c, x);
}

int cmd_game (int argc, char **argv) {
  args x = {.out = "-", .max_print = 200};
  game_options_init (&x.o);
  int rc = run (argc, argv, &x);
  game_options_clear (&x.o);
  return rc;
}
