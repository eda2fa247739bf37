/* scnfg signal: pure PBE of a signaling game (XML or Gambit .efg), their
 * classification, the intuitive criterion and D1, and the sender's layers. */
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "solver/model/efgread.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/game/signal.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"

const char cmd_signal_summary[] = "perfect Bayesian equilibria and refinements of a signaling game (G.xml|G.efg)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg signal G.xml|G.efg [--refine none|intuitive|d1|all] [--xml] [-o FILE]\n"
           "                    [--max-strategies N]\n"
           "\n"
           "Enumerates every pure perfect Bayesian equilibrium of a signaling game exactly (type theta\n"
           "with a prior; stage 1 the sender observes theta and sends m; stage 2 the receiver observes m\n"
           "and acts), grouped into families sharing the sender strategy and the on-path outcome, with\n"
           "the supporting off-path beliefs and receiver mixtures; classifies them; applies the\n"
           "intuitive criterion and D1 (DESIGN 4); analyses the sender's causal layers.\n"
           "A file ending in .efg is read as a Gambit extensive game of signaling shape.\n"
           "\n"
           "  --refine R          refinements reported: none, intuitive, d1 or all (default all)\n"
           "  --xml               write the XML report instead of the table\n"
           "  -o FILE             output file (default stdout; written atomically)\n"
           "  --max-strategies N  largest number of sender strategies M^K enumerated (default 1048576;\n"
           "                      exit 3 above it)\n"
           "Exit status: 0 done, 2 bad input or usage (also: not a signaling game), 3 limit.\n");
}

static bool ends_with (const char *s, const char *suf) {
  size_t n = strlen (s), k = strlen (suf);
  return n >= k && !strcmp (s + n - k, suf);
}

int cmd_signal (int argc, char **argv) {
  const char *file = NULL, *out = "-";
  unsigned refine = RESULT_INTUITIVE | RESULT_D1;
  bool xml = false;
  uint64_t max = (uint64_t) 1 << 20;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--xml")) {
      xml = true;
    } else if (!strcmp (a, "--refine") || !strcmp (a, "-o") || !strcmp (a, "--max-strategies")) {
      if (i + 1 >= argc) return cli_usage_error ("signal", "option %s needs a value", a);
      const char *v = argv[++i];
      if (!strcmp (a, "-o")) out = v;
      else if (!strcmp (a, "--max-strategies")) {
        if (!cli_parse_u64 (v, &max) || !max) return cli_usage_error ("signal", "bad --max-strategies '%s'", v);
      } else if (!strcmp (v, "none")) refine = 0;
      else if (!strcmp (v, "intuitive")) refine = RESULT_INTUITIVE;
      else if (!strcmp (v, "d1")) refine = RESULT_D1;
      else if (!strcmp (v, "all")) refine = RESULT_INTUITIVE | RESULT_D1;
      else return cli_usage_error ("signal", "unknown refinement '%s' (none, intuitive, d1 or all)", v);
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error ("signal", "unknown option '%s' (see scnfg signal --help)", a);
    } else if (file) {
      return cli_usage_error ("signal", "more than one game file");
    } else {
      file = a;
    }
  }
  if (!file) return cli_usage_error ("signal", "no game file (see scnfg signal --help)");
  scnfg_error err;
  error_init (&err);
  game *g;
  bool ok = ends_with (file, ".efg") ? efgread_file (&g, file, &err) : gamexml_read_file (&g, file, &err);
  if (!ok) return cli_report (&err);
  signal_game sg;
  if (!signal_game_init (&sg, g, &err)) {
    signal_game_clear (&sg);
    game_free (g);
    return cli_report (&err);
  }
  signal_result r;
  int rc = CLI_EXIT_OK;
  if (!signal_solve (&r, &sg, max, &err)) rc = cli_report (&err);
  else {
    afile af;
    if (!afile_open (&af, out, &err)) rc = cli_report (&err);
    else {
      if (xml) result_write_signal (af.f, &sg, &r, refine);
      else resulttext_signal (af.f, &sg, &r, refine);
      if (!afile_commit (&af, &err)) rc = cli_report (&err);
    }
  }
  signal_result_clear (&r);
  signal_game_clear (&sg);
  game_free (g);
  return rc;
}
