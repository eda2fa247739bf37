/* scnfg game: solve a game file under a solution concept (DESIGN §3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/gamemixed.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/solve.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"
#include "base/rat.h"

const char cmd_game_summary[] = "solve a game (G.xml) under a solution concept";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg game G.xml --concept spe|sse|scne|satisficing|mixed\n"
           "                        [--tie strong|weak|lex|instinct-strong|instinct-weak|instinct-lex]\n"
           "                        [--eps R] [--robust] [--max-policies N] [--max-tree N]\n"
           "                        [--prune] [--cache-mb N] [-v]\n"
           "                        [--timeout S] [--max-nodes N] [--max-profile N] [--max-print N] [--xml] [-o FILE]\n"
           "\n"
           "  --concept C      spe (subgame-perfect, perfect-information games); sse (pure-commitment\n"
           "                   Stackelberg); scne (S-CNE: commitment with layer choice); satisficing\n"
           "                   (eps-satisficing follower); two players for sse, scne, satisficing;\n"
           "                   mixed (mixed commitment, strong tie-break only: one-shot games and\n"
           "                   perfect-information trees without chance)\n"
           "  --tie T          follower tie-break (default strong); the leader breaks ties for the follower\n"
           "  --eps R          satisficing: keep the instinct within R (a rational >= 0) of the best (default 0)\n"
           "  --robust         satisficing: the leader assumes the worst eps-best follower choice\n"
           "  --max-policies N leader policies enumerated at most (default 1048576; exit 3 beyond)\n"
           "  --max-tree N     nodes of the expanded game tree at most (default 1048576; exit 3 beyond)\n"
           "  --timeout S      wall-clock limit in seconds; --max-nodes N: tree nodes visited (exit 3 when hit)\n"
           "  --prune          spe in win/lose games (detected: two players, the leader's reward 0/1, the\n"
           "                   follower's its negation): stop at a mover's first action giving it 1; same\n"
           "                   values and path, but the policy is partial (skipped subtrees show no action)\n"
           "  --cache-mb N     spe: cache subgame values of repeated residual states in N MiB (default 0:\n"
           "                   off); used only when the policy is not stored (see --max-profile)\n"
           "  -v               spe: search statistics as 'c' lines on stderr\n"
           "  --max-profile N  store and print the policy only up to N information sets (default 1048576;\n"
           "                   0: never)\n"
           "  --max-print N    information sets printed in the text report (default 200)\n"
           "  --xml            write the result document (solver/model/result.rng) instead of the text report\n"
           "  -o FILE          write the report to FILE (atomically) instead of stdout\n"
           "\n"
           "Output: each player's expected reward and the welfare as exact fractions, the policy\n"
           "(every information set where a stage is active, reached or not) and the outcome\n"
           "distribution. Exit: 0 solved, 2 bad input or usage, 3 limit reached.\n");
}

static int run (int argc, char **argv, game_options *opt);

int cmd_game (int argc, char **argv) {
  game_options opt;
  game_options_init (&opt);
  int rc = run (argc, argv, &opt);
  game_options_clear (&opt);
  return rc;
}

static int run (int argc, char **argv, game_options *opt) {
  const char *file = NULL, *concept = NULL, *outpath = "-";
  bool xml = false, verbose = false;
  uint64_t max_print = 200;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = cli_parse_limit ("game", argc, argv, &i, &opt->limits);
    if (r < 0) return CLI_EXIT_USAGE;
    if (r > 0) continue;
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--xml")) {
      xml = true;
    } else if (!strcmp (a, "--prune")) {
      opt->spe.prune = true;
    } else if (!strcmp (a, "-v")) {
      verbose = true;
    } else if (!strcmp (a, "--robust")) {
      opt->commit.robust = true;
    } else if (!strcmp (a, "--eps")) {
      if (i + 1 >= argc) return cli_usage_error ("game", "%s", "option --eps needs a value");
      const char *why;
      if (!rat_parse_str (opt->eps, argv[++i], &why) || mpq_sgn (opt->eps) < 0)
        return cli_usage_error ("game", "%s", "bad --eps (a rational >= 0)");
    } else if (!strcmp (a, "--max-policies") || !strcmp (a, "--max-tree")) {
      uint64_t u;
      if (i + 1 >= argc || !cli_parse_u64 (argv[i + 1], &u)) return cli_usage_error ("game", "%s", "bad or missing value of an option");
      long long n = u > (uint64_t) GAME_OPT_SIZE_MAX ? GAME_OPT_SIZE_MAX : (long long) u; /* beyond: no limit in effect */
      if (!strcmp (a, "--max-policies")) opt->commit.max_policies = n;
      else opt->commit.max_tree = n;
      i++;
    } else if (!strcmp (a, "-o")) {
      if (i + 1 >= argc) return cli_usage_error ("game", "option -o needs a value");
      outpath = argv[++i];
    } else if (!strcmp (a, "--concept") || !strcmp (a, "--tie") || !strcmp (a, "--max-profile") ||
               !strcmp (a, "--max-print") || !strcmp (a, "--cache-mb")) {
      if (i + 1 >= argc) return cli_usage_error ("game", "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u;
      if (!strcmp (a, "--concept")) concept = v;
      else if (!strcmp (a, "--tie")) {
        if (!profile_tie_parse (v, &opt->tie)) return cli_usage_error ("game", "unknown tie-break '%s'", v);
      } else if (!cli_parse_u64 (v, &u)) {
        return cli_usage_error ("game", "bad %s '%s' (a non-negative integer)", a, v);
      } else if (!strcmp (a, "--max-profile")) {
        opt->max_profile = u > (uint64_t) GAME_OPT_SIZE_MAX ? GAME_OPT_SIZE_MAX : (long long) u;
      } else if (!strcmp (a, "--cache-mb")) {
        if (u > ((size_t) 1 << 20)) return cli_usage_error ("game", "bad --cache-mb '%s' (at most 1048576)", v);
        opt->spe.cache_bytes = (long long) u << 20;
      } else {
        max_print = u;
      }
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error ("game", "unknown option '%s' (see scnfg game --help)", a);
    } else if (file) {
      return cli_usage_error ("game", "more than one game file");
    } else {
      file = a;
    }
  }
  if (!file) return cli_usage_error ("game", "no game file (see scnfg game --help)");
  if (!concept) return cli_usage_error ("game", "no --concept (spe, sse, scne, mixed, satisficing)");
  game_concept c;
  bool known = game_concept_parse (concept, &c);
  if (known && c == GAME_CONCEPT_MIXED)
    return gamemixed_run (file, &opt->limits, opt->tie, xml, outpath, (size_t) max_print, (size_t) opt->max_profile);
  if (!known) return cli_usage_error ("game", "unknown concept '%s'", concept);
  if (c != GAME_CONCEPT_SATISFICING && (opt->commit.robust || mpq_sgn (opt->eps)))
    return cli_usage_error ("game", "--eps and --robust apply to --concept satisficing only");
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gamexml_read_file (&g, file, &err)) return cli_report (&err);
  game_answer ans;
  if (!game_solve (g, c, opt, &ans, &err)) {
    game_answer_clear (&ans);
    game_free (g);
    return cli_report (&err);
  }
  const game_solution *sol = &ans.sol;
  const spe_stats *stats = &ans.spe;
  if (verbose && c == GAME_CONCEPT_SPE) {
    fprintf (stderr, "c nodes %llu leaves %llu seconds %.3f\n", (unsigned long long) sol->nodes,
             (unsigned long long) sol->leaves, sol->seconds);
    fprintf (stderr, "c win-lose %s prune %s cutoffs %llu\n", stats->win_lose ? "yes" : "no",
             stats->pruning ? "on" : opt->spe.prune ? "off (not win/lose)" : "off", (unsigned long long) stats->cutoffs);
    if (stats->caching)
      fprintf (stderr, "c cache entries %zu bytes %zu lookups %llu hits %llu stores %llu evictions %llu determined %llu\n",
               stats->cache.entries, stats->cache.bytes, (unsigned long long) stats->cache.lookups,
               (unsigned long long) stats->cache.hits, (unsigned long long) stats->cache.stores,
               (unsigned long long) stats->cache.evictions, (unsigned long long) stats->cache.determined);
    else if (opt->spe.cache_bytes)
      fprintf (stderr, "c cache off (%s)\n", sol->profile ? "the policy is stored: add --max-profile 0" : "budget below one bucket");
  }
  afile out;
  if (!afile_open (&out, outpath, &err)) {
    game_answer_clear (&ans);
    game_free (g);
    return cli_report (&err);
  }
  if (xml) result_write_solution (out.f, g, sol);
  else resulttext_solution (out.f, g, sol, (size_t) max_print);
  int rc = sol->status == GAME_SOLVED ? CLI_EXIT_OK : CLI_EXIT_LIMIT;
  if (!afile_commit (&out, &err)) rc = cli_report (&err);
  if (rc == CLI_EXIT_LIMIT) fprintf (stderr, "scnfg game: limit reached (%s): UNKNOWN\n", sol->reason);
  game_answer_clear (&ans);
  game_free (g);
  return rc;
}
