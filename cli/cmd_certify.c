/* scnfg certify: check a Skolem/Herbrand certificate against a QBF (DESIGN §6). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "proofs/qcert.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_certify_summary[] = "check a Skolem/Herbrand strategy certificate against a QBF";

typedef struct args {
  qdimacs_opts q;
  scnfg_limits lim;
} args;

static const opt options[] = {
  {.name = "--lenient", .kind = OPT_FLAG, .off = offsetof (args, q.lenient),
   .help = "clause-count mismatches and an innermost forall block are warnings"},
  {.name = NULL},
};

static const opt_section sections[] = {{opt_limits, offsetof (args, lim)}, {options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "certify", .sections = sections, .max_pos = 2, .extra = "expected two files: F.qdimacs CERT.xml",
  .width = 18,
  .usage = "usage: scnfg certify F.qdimacs CERT.xml [--timeout S] [--lenient]\n\n"
           "Checks the certificate's dependencies (each function reads only variables of outer\n"
           "blocks) and its validity with PicoSAT: a Skolem certificate must satisfy the matrix\n"
           "for every universal assignment, a Herbrand certificate must falsify it for every\n"
           "existential one.\n\n",
  .footer = "\nexit: 0 valid (prints 's VALID'), 1 invalid (prints 's INVALID', the reason and a\n"
            "counterexample as 'v' lines), 2 bad input, 3 a limit was hit.\n",
};

int cmd_certify (int argc, char **argv) {
  args x = {0};
  limits_init (&x.lim);
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (r.npos != 2) return cli_usage_error ("certify", "expected two files: F.qdimacs CERT.xml (see --help)");
  const char *files[2] = {r.pos[0], r.pos[1]};
  qdimacs_opts opts = x.q;
  scnfg_limits lim = x.lim;
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
