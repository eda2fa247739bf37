/* scnfg check: verify a policy profile of a game exactly (DESIGN §3.6). */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/gamemixed.h"
#include "proofs/chk_commit.h"
#include "proofs/chk_spe.h"
#include "base/rat.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"

const char cmd_check_summary[] = "verify a policy profile of a game (G.xml PROFILE.xml)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg check G.xml PROFILE.xml --concept spe|sse|scne|satisficing|mixed [--tie T] [--eps R] [--robust]\n"
           "                   [--max-brute N] [--timeout S] [--max-nodes N]\n"
           "\n"
           "PROFILE.xml is a <profile> or the <scnfg-result> of scnfg game --xml (solver/model/result.rng).\n"
           "Every deviation is recomputed exactly; the first failing one (stages in order, information\n"
           "sets in lexicographic order, actions by index) is named.\n"
           "  --tie T   the follower tie-break to check (default strong)\n"
           "  --eps R, --robust  satisficing parameters (as for scnfg game)\n"
           "  --max-brute N  sse/scne/satisficing: brute-force leader optimality over at most N leader\n"
           "            policies (default 4096); beyond: \"leader optimality not checked\" (exit 0)\n"
           "Exit: 0 verified, 1 a failing deviation, 2 bad input or usage, 3 limit reached.\n");
}

static int run (int argc, char **argv, chk_commit_options *co);

int cmd_check (int argc, char **argv) {
  chk_commit_options co;
  chk_commit_options_init (&co);
  int rc = run (argc, argv, &co);
  chk_commit_options_clear (&co);
  return rc;
}

static int run (int argc, char **argv, chk_commit_options *co) {
  const char *files[2] = {NULL, NULL}, *concept = NULL;
  int nfiles = 0;
  game_tie tie = GAME_TIE_STRONG;
  scnfg_limits lim;
  limits_init (&lim);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = cli_parse_limit ("check", argc, argv, &i, &lim);
    if (r < 0) return CLI_EXIT_USAGE;
    if (r > 0) continue;
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--robust")) {
      co->robust = true;
    } else if (!strcmp (a, "--eps")) {
      const char *why;
      if (i + 1 >= argc || !rat_parse_str (co->eps, argv[++i], &why) || mpq_sgn (co->eps) < 0)
        return cli_usage_error ("check", "bad or missing --eps (a rational >= 0)");
    } else if (!strcmp (a, "--max-brute")) {
      uint64_t u;
      if (i + 1 >= argc || !cli_parse_u64 (argv[++i], &u)) return cli_usage_error ("check", "bad or missing --max-brute");
      co->max_brute = u;
    } else if (!strcmp (a, "--concept") || !strcmp (a, "--tie")) {
      if (i + 1 >= argc) return cli_usage_error ("check", "option %s needs a value", a);
      const char *v = argv[++i];
      if (!strcmp (a, "--concept")) concept = v;
      else if (!profile_tie_parse (v, &tie)) return cli_usage_error ("check", "unknown tie-break '%s'", v);
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error ("check", "unknown option '%s' (see scnfg check --help)", a);
    } else if (nfiles == 2) {
      return cli_usage_error ("check", "too many files");
    } else {
      files[nfiles++] = a;
    }
  }
  if (nfiles != 2) return cli_usage_error ("check", "needs G.xml and PROFILE.xml (see scnfg check --help)");
  if (!concept) return cli_usage_error ("check", "no --concept");
  if (!strcmp (concept, "mixed")) return gamemixed_check (files[0], files[1]);
  bool commit = chk_commit_concept_parse (concept, &co->concept);
  if (strcmp (concept, "spe") && !commit) return cli_usage_error ("check", "concept '%s' is not implemented yet", concept);
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gamexml_read_file (&g, files[0], &err)) return cli_report (&err);
  game_profile *p;
  if (!result_read_profile_file (&p, g, files[1], &err)) {
    game_free (g);
    return cli_report (&err);
  }
  limits_start (&lim);
  chk_spe_report rep;
  int rc;
  if (commit) {
    co->tie = tie;
    co->lim = &lim;
    chk_commit_report cr;
    if (!chk_commit_check (g, p, co, &cr, &err)) rc = cli_report (&err);
    else {
      rc = cr.verdict == CHK_COMMIT_OK ? CLI_EXIT_OK : cr.verdict == CHK_COMMIT_FAILED ? CLI_EXIT_FAIL : CLI_EXIT_LIMIT;
      printf ("%s %s\n", cr.verdict == CHK_COMMIT_OK ? "verified" : cr.verdict == CHK_COMMIT_FAILED ? "FAILED" : "unknown",
              cr.msg);
    }
  } else if (!chk_spe_check (g, p, tie, &lim, &rep, &err)) rc = cli_report (&err);
  else {
    rc = rep.verdict == CHK_SPE_OK ? CLI_EXIT_OK : rep.verdict == CHK_SPE_FAILED ? CLI_EXIT_FAIL : CLI_EXIT_LIMIT;
    printf ("%s %s\n", rep.verdict == CHK_SPE_OK ? "verified" : rep.verdict == CHK_SPE_FAILED ? "FAILED" : "unknown",
            rep.msg);
  }
  profile_free (p);
  game_free (g);
  return rc;
}
