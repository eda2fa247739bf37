/* scnfg encode: S-CNFG -> QBF, the membership construction (DESIGN §5). */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "reductions/game2qbf.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_encode_summary[] = "encode a Boolean win/lose game as a QBF (membership)";

static void help (void) {
  printf ("usage: scnfg encode G.xml [--threshold T] [-o F.qdimacs]\n\n"
          "Writes a QBF that is true iff the leader can guarantee a reward >= T (default 1):\n"
          "exists/forall per stage owner in stage order, endogenous and utility nodes as\n"
          "innermost Tseitin definitions, plus R_L >= T. The game must have perfect\n"
          "information, Boolean variables, no exogenous variables, and win/lose rewards\n"
          "(one 0/1 utility node per player, the follower's = 1 - the leader's).\n"
          "exit: 0 written, 2 bad input or a game outside that class.\n");
}

/* Writes the comment lines and the formula. */
static bool write_qbf (FILE *out, const char *in, const mpq_t t, const qbf *f, char **names) {
  fprintf (out, "c scnfg encode %s --threshold ", in);
  rat_print (out, t);
  fputc ('\n', out);
  for (int v = 1; v <= f->nvars; v++)
    if (names[v][0]) fprintf (out, "c var %d = %s\n", v, names[v]);
  return qdimacs_write (out, f);
}

int cmd_encode (int argc, char **argv) {
  const char *in = NULL, *out = "-";
  mpq_t t;
  mpq_init (t);
  mpq_set_ui (t, 1, 1);
  int rc = CLI_EXIT_OK;
  for (int i = 1; i < argc && rc == CLI_EXIT_OK; i++) {
    const char *a = argv[i], *why = NULL;
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      mpq_clear (t);
      return help (), CLI_EXIT_OK;
    }
    if (!strcmp (a, "-o") || !strcmp (a, "--threshold")) {
      if (++i == argc) rc = cli_usage_error ("encode", "%s needs a value", a);
      else if (a[1] == 'o') out = argv[i];
      else if (!rat_parse_str (t, argv[i], &why)) rc = cli_usage_error ("encode", "bad --threshold '%s': %s", argv[i], why);
    } else if (a[0] == '-' && a[1]) rc = cli_usage_error ("encode", "unknown option '%s' (see --help)", a);
    else if (in) rc = cli_usage_error ("encode", "more than one input file");
    else in = a;
  }
  if (rc == CLI_EXIT_OK && !in) rc = cli_usage_error ("encode", "no input file (see --help)");
  if (rc != CLI_EXIT_OK) {
    mpq_clear (t);
    return rc;
  }
  scnfg_error err;
  error_init (&err);
  game *g = NULL;
  qbf *f = NULL;
  char **names = NULL;
  if (!gamexml_read_file (&g, in, &err) || !game2qbf_encode (&f, &names, g, t, &err)) rc = cli_report (&err);
  else {
    afile a;
    if (!afile_open (&a, out, &err)) rc = cli_report (&err);
    else if (!write_qbf (a.f, in, t, f, names)) afile_abort (&a), rc = cli_report (&err);
    else if (!afile_commit (&a, &err)) rc = cli_report (&err);
  }
  if (names) {
    for (int v = 0; v <= f->nvars; v++) free (names[v]);
    free (names);
  }
  qbf_free (f);
  game_free (g);
  mpq_clear (t);
  return rc;
}
