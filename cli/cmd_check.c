/* scnfg check: verify a policy profile of a game exactly (DESIGN §3.6) with
 * the checkers of proofs/ (chk_spe, chk_commit, chk_mixed). */
#include <gmp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "proofs/chk_mixed.h"
#include "proofs/chk_commit.h"
#include "proofs/chk_spe.h"
#include "base/rat.h"
#include "solver/model/gameload.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"

const char cmd_check_summary[] = "verify a policy profile of a game (G.xml PROFILE.xml)";

typedef struct args {
  chk_commit_options co;
  scnfg_limits lim;
  const char *concept;
  game_tie tie;
} args;

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--concept", .kind = OPT_STRING, .off = A (concept), .arg = "C"},
  {.name = "--tie", .kind = OPT_CUSTOM, .off = A (tie), .arg = "T", .parse = opt_tie, .msg = "unknown tie-break '%s'",
   .help = "the follower tie-break to check (default strong)"},
  {.name = "--eps", .kind = OPT_CUSTOM, .off = A (co.eps), .arg = "R", .parse = opt_rational_nonneg,
   .needs = "bad or missing --eps (a rational >= 0)", .msg = "bad or missing --eps (a rational >= 0)",
   .help = "satisficing: epsilon (as for scnfg game)"},
  {.name = "--robust", .kind = OPT_FLAG, .off = A (co.robust), .help = "satisficing: robust (as for scnfg game)"},
  {.name = "--max-brute", .kind = OPT_U64, .off = A (co.max_brute), .arg = "N", .needs = "bad or missing --max-brute",
   .msg = "bad or missing --max-brute",
   .help = "sse/scne/satisficing: brute-force leader optimality over at most N leader\n"
           "policies (default 4096); beyond: \"leader optimality not checked\" (exit 0)"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {opt_limits, A (lim)}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "check", .sections = sections, .unknown = "unknown option '%s' (see scnfg check --help)", .max_pos = 2,
  .extra = "too many files", .width = 17,
  .usage = "usage: scnfg check G.xml PROFILE.xml --concept spe|sse|scne|satisficing|mixed [--tie T] [--eps R] [--robust]\n"
           "                   [--max-brute N] [--timeout S] [--max-nodes N]\n"
           "\n"
           "PROFILE.xml is a <profile> or the <scnfg-result> of scnfg game --xml (solver/model/result.rng).\n"
           "Every deviation is recomputed exactly; the first failing one (stages in order, information\n"
           "sets in lexicographic order, actions by index) is named.\n",
  .footer = "Exit: 0 verified, 1 a failing deviation, 2 bad input or usage, 3 limit reached.\n",
};

/* --concept mixed: the result document of scnfg game --concept mixed --xml, by proofs/chk_mixed. */
static int check_mixed (const char *gfile, const char *rfile) {
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gameload_file (&g, gfile, NULL, &err)) return cli_report (&err);
  behav_profile *b;
  behav_cert cert;
  if (!result_read_mixed_file (&b, &cert, g, rfile, &err)) {
    game_free (g);
    return cli_report (&err);
  }
  chk_mixed_report rep;
  chk_mixed_report_init (&rep);
  int rc;
  if (!chk_mixed_check (g, b, &cert, &rep, &err)) rc = cli_report (&err);
  else {
    rc = rep.verdict == CHK_MIXED_OK ? CLI_EXIT_OK : CLI_EXIT_FAIL;
    if (rc == CLI_EXIT_OK) {
      printf ("verified mixed commitment: leader ");
      rat_print (stdout, rep.leader);
      printf (", follower ");
      rat_print (stdout, rep.follower);
      printf ("; %s\n", rep.msg);
    } else {
      printf ("FAILED %s\n", rep.msg);
    }
  }
  chk_mixed_report_clear (&rep);
  behav_cert_clear (&cert);
  behav_free (b);
  game_free (g);
  return rc;
}

static int run (int argc, char **argv, args *x) {
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, x, &r, &rc)) return rc;
  chk_commit_options *co = &x->co;
  if (r.npos != 2) return cli_usage_error ("check", "needs G.xml and PROFILE.xml (see scnfg check --help)");
  const char *files[2] = {r.pos[0], r.pos[1]}, *concept = x->concept;
  game_tie tie = x->tie;
  scnfg_limits lim = x->lim;
  if (!concept) return cli_usage_error ("check", "no --concept");
  if (!strcmp (concept, "mixed")) return check_mixed (files[0], files[1]);
  bool commit = chk_commit_concept_parse (concept, &co->concept);
  if (strcmp (concept, "spe") && !commit) return cli_usage_error ("check", "concept '%s' is not implemented yet", concept);
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gameload_file (&g, files[0], NULL, &err)) return cli_report (&err);
  game_profile *p;
  if (!result_read_profile_file (&p, g, files[1], &err)) {
    game_free (g);
    return cli_report (&err);
  }
  limits_start (&lim);
  chk_spe_report rep;
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

int cmd_check (int argc, char **argv) {
  args x = {.tie = GAME_TIE_STRONG};
  chk_commit_options_init (&x.co);
  limits_init (&x.lim);
  int rc = run (argc, argv, &x);
  chk_commit_options_clear (&x.co);
  return rc;
}
