/* scnfg game --concept mixed (see gamemixed.h). */
#include "cli/gamemixed.h"

#include <stdio.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "proofs/chk_mixed.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"
#include "solver/model/gamexml.h"
#include "solver/game/solve.h"
#include "solver/model/game.h"

int gamemixed_run (const char *file, const scnfg_limits *lim, game_tie tie, bool xml, const char *outpath,
                   size_t max_print, size_t max_profile) {
  if (tie != GAME_TIE_STRONG && tie != GAME_TIE_WEAK)
    return cli_usage_error ("game", "--concept mixed takes --tie strong or weak");
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gamexml_read_file (&g, file, &err)) return cli_report (&err);
  game_options opt;
  game_options_init (&opt);
  opt.limits = *lim;
  opt.max_profile = (long long) max_profile;
  opt.tie = tie;
  game_answer ans;
  bool solved = game_solve (g, GAME_CONCEPT_MIXED, &opt, &ans, &err);
  game_options_clear (&opt);
  const mixed_solution *ms = ans.mixed;
  if (!solved) {
    game_answer_clear (&ans);
    game_free (g);
    return cli_report (&err);
  }
  afile out;
  int rc = ms->sol.status == GAME_SOLVED ? CLI_EXIT_OK : CLI_EXIT_LIMIT;
  if (!afile_open (&out, outpath, &err)) rc = cli_report (&err);
  else {
    if (xml) result_write_mixed (out.f, g, ms);
    else resulttext_mixed (out.f, g, ms, max_print);
    if (!afile_commit (&out, &err)) rc = cli_report (&err);
  }
  if (rc == CLI_EXIT_LIMIT) fprintf (stderr, "scnfg game: limit reached (%s): UNKNOWN\n", ms->sol.reason);
  game_answer_clear (&ans);
  game_free (g);
  return rc;
}

int gamemixed_check (const char *gfile, const char *rfile) {
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gamexml_read_file (&g, gfile, &err)) return cli_report (&err);
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
