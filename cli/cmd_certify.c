/* scnfg certify: check a Skolem/Herbrand certificate against a QBF (DESIGN §6). */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "proofs/qcert.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_certify_summary[] = "check a Skolem/Herbrand strategy certificate against a QBF";

static void help (void) {
  printf ("usage: scnfg certify F.qdimacs CERT.xml [--timeout S] [--lenient]\n\n"
          "Checks the certificate's dependencies (each function reads only variables of outer\n"
          "blocks) and its validity with PicoSAT: a Skolem certificate must satisfy the matrix\n"
          "for every universal assignment, a Herbrand certificate must falsify it for every\n"
          "existential one.\n"
          "exit: 0 valid (prints 's VALID'), 1 invalid (prints 's INVALID', the reason and a\n"
          "counterexample as 'v' lines), 2 bad input, 3 a limit was hit.\n");
}

int cmd_certify (int argc, char **argv) {
  const char *files[2] = {NULL, NULL};
  int nfiles = 0;
  qdimacs_opts opts = {0};
  scnfg_limits lim;
  limits_init (&lim);
  for (int i = 1; i < argc; i++) {
    int r = cli_parse_limit ("certify", argc, argv, &i, &lim);
    if (r < 0) return CLI_EXIT_USAGE;
    if (r > 0) continue;
    if (!strcmp (argv[i], "--help") || !strcmp (argv[i], "-h")) return help (), CLI_EXIT_OK;
    if (!strcmp (argv[i], "--lenient")) opts.lenient = true;
    else if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error ("certify", "unknown option '%s' (see --help)", argv[i]);
    else if (nfiles == 2) return cli_usage_error ("certify", "expected two files: F.qdimacs CERT.xml");
    else files[nfiles++] = argv[i];
  }
  if (nfiles != 2) return cli_usage_error ("certify", "expected two files: F.qdimacs CERT.xml (see --help)");
  limits_start (&lim);
  scnfg_error err;
  error_init (&err);
  qbf *f;
  if (!qdimacs_read_file (&f, files[0], &opts, &err, NULL)) return cli_report (&err);
  cert *c;
  if (!cert_read_file (&c, files[1], &err)) {
    qbf_free (f);
    return cli_report (&err);
  }
  qcert_report rep;
  qcert_report_init (&rep);
  qcert_status st = qcert_check (f, c, &lim, &rep);
  int rc;
  if (st == QCERT_VALID) {
    printf ("s VALID\nc %s\n", rep.msg);
    rc = CLI_EXIT_OK;
  } else if (st == QCERT_UNKNOWN) {
    printf ("s UNKNOWN\nc %s\n", rep.msg);
    rc = CLI_EXIT_LIMIT;
  } else {
    printf ("s INVALID\nc %s\n", rep.msg);
    if (rep.assignment) {
      fputs ("v", stdout);
      for (int v = 1; v <= rep.nvars; v++)
        if (f->block_of[v]) printf (" %d", rep.assignment[v] ? v : -v);
      fputs (" 0\n", stdout);
    }
    rc = CLI_EXIT_FAIL;
  }
  qcert_report_clear (&rep);
  cert_free (c);
  qbf_free (f);
  return rc;
}
