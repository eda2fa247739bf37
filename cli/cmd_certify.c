/* scnfg certify: check a Skolem/Herbrand certificate against a QBF (DESIGN §6). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/afile.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "proofs/chk_qrp.h"
#include "proofs/qcert.h"
#include "reductions/qrp2cert.h"
#include "solver/model/aig.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_certify_summary[] = "check a Skolem/Herbrand certificate (XML, AIGER) or a QRP proof against a QBF";

typedef struct args {
  qdimacs_opts q;
  scnfg_limits lim;
  const char *aag;
} args;

static const opt options[] = {
  {.name = "--aag", .kind = OPT_STRING, .off = offsetof (args, aag), .arg = "OUT.aag",
   .help = "with a QRP proof: extract the certificate, check it, write it as AIGER"},
  {.name = "--lenient", .kind = OPT_FLAG, .off = offsetof (args, q.lenient),
   .help = "clause-count mismatches and an innermost forall block are warnings"},
  {.name = NULL},
};

static const opt_section sections[] = {{opt_limits, offsetof (args, lim)}, {options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "certify", .sections = sections, .max_pos = 2, .extra = "expected two files: F.qdimacs CERT.xml|CERT.aag|PROOF.qrp",
  .width = 18,
  .usage = "usage: scnfg certify F.qdimacs CERT.xml|CERT.aag [--timeout S] [--lenient]\n"
           "       scnfg certify F.qdimacs PROOF.qrp|PROOF.bqrp [--aag OUT.aag] [--lenient]\n\n"
           "CERT is scnfg's XML certificate or an ASCII AIGER circuit (.aag, QBFcert's format:\n"
           "symbols i<k> V / o<k> V name QDIMACS variables). Checks the certificate's\n"
           "dependencies (each function reads only variables of outer blocks) and its validity with PicoSAT: a Skolem certificate must satisfy the matrix\n"
           "for every universal assignment, a Herbrand certificate must falsify it for every\n"
           "existential one. A QRP proof (DepQBF --trace) is checked step by step, exactly;\n"
           "--aag extracts Skolem/Herbrand functions from it (Balabanov & Jiang 2012), checks\n"
           "them as above and writes them.\n\n",
  .footer = "\nexit: 0 valid (prints 's VALID'), 1 invalid (prints 's INVALID', the reason and a\n"
            "counterexample as 'v' lines), 2 bad input, 3 a limit was hit.\n",
};

static bool has_suffix (const char *s, const char *suf) {
  size_t n = strlen (s), k = strlen (suf);
  return n >= k && !strcmp (s + n - k, suf);
}

/* The certificate in path: AIGER (.aag) or XML. False with *rc set: 2 bad
 * input, 1 (after 's INVALID') an AIG that cannot be a certificate of f. */
static bool read_cert (cert **c, const qbf *f, const char *path, scnfg_error *err, int *rc) {
  char why[256];
  if (!has_suffix (path, ".aag")) {
    cert *raw;
    if (!cert_read_file (&raw, path, err)) {
      *rc = cli_report (err);
      return false;
    }
    *c = cert_from_orig (raw, f, why, sizeof why); /* the file speaks the input's numbers */
    cert_free (raw);
    if (*c) return true;
    printf ("s INVALID\nc %s\n", why);
    *rc = CLI_EXIT_FAIL;
    return false;
  }
  aig *a = aig_read_aag_file (path, err);
  if (!a) {
    *rc = cli_report (err);
    return false;
  }
  *c = aig_to_cert (a, f, why, sizeof why);
  aig_free (a);
  if (*c) return true;
  printf ("s INVALID\nc %s\n", why);
  *rc = CLI_EXIT_FAIL;
  return false;
}

/* Extracts the certificate of a valid proof, checks it, writes it. */
static int extract (const qbf *f, const char *proof, const char *out, const scnfg_limits *lim) {
  scnfg_error err;
  error_init (&err);
  qrp2cert_stats st;
  cert *c = qrp2cert_extract (f, proof, &st, &err);
  if (!c) return cli_report (&err);
  qcert_report rep;
  qcert_report_init (&rep);
  qcert_status qs = qcert_check (f, c, lim, &rep);
  aig *a = qs == QCERT_VALID ? aig_from_cert (c, f) : NULL;
  int rc = CLI_EXIT_FAIL;
  afile af;
  if (!a) printf ("c the extracted certificate fails its check: %s\n", rep.msg);
  else if (!afile_open (&af, out, &err)) rc = cli_report (&err);
  else if (!aig_write_aag (a, af.f, &err)) afile_abort (&af), rc = cli_report (&err);
  else if (!afile_commit (&af, &err)) rc = cli_report (&err);
  else {
    printf ("c %s certificate checked and written: %u AND gates, %u outputs; proof: %lu of %lu steps used, "
            "%zu literals, %lu reductions\n", c->kind == CERT_SKOLEM ? "Skolem" : "Herbrand", aig_num_ands (a),
            aig_num_outputs (a), st.cone, st.steps, st.proof_lits, st.reductions);
    rc = CLI_EXIT_OK;
  }
  aig_free (a);
  qcert_report_clear (&rep);
  cert_free (c);
  return rc;
}

static int certify_trace (const qbf *f, const char *proof, const char *out, const scnfg_limits *lim) {
  scnfg_error err;
  error_init (&err);
  chk_qrp_report rep;
  if (!chk_qrp_check_file (f, proof, &rep, &err)) return cli_report (&err);
  printf ("s %s\nc %s\n", rep.status == CHK_QRP_VALID ? "VALID" : "INVALID", rep.msg);
  if (rep.status != CHK_QRP_VALID) return CLI_EXIT_FAIL;
  return out ? extract (f, proof, out, lim) : CLI_EXIT_OK;
}

int cmd_certify (int argc, char **argv) {
  args x = {0};
  limits_init (&x.lim);
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (r.npos != 2) return cli_usage_error ("certify", "expected two files: F.qdimacs CERT.xml|CERT.aag|PROOF.qrp (see --help)");
  const char *files[2] = {r.pos[0], r.pos[1]};
  qdimacs_opts opts = x.q;
  scnfg_limits lim = x.lim;
  limits_start (&lim);
  opts.lim = &lim; /* the limits cover reading */
  scnfg_error err;
  error_init (&err);
  qbf *f;
  if (!qdimacs_read_file (&f, files[0], &opts, &err, NULL)) return cli_report (&err);
  if (has_suffix (files[1], ".qrp") || has_suffix (files[1], ".bqrp")) {
    rc = certify_trace (f, files[1], x.aag, &lim);
    qbf_free (f);
    return rc;
  }
  if (x.aag) {
    qbf_free (f);
    return cli_usage_error ("certify", "--aag needs a QRP proof (.qrp, .bqrp)");
  }
  cert *c = NULL;
  if (!read_cert (&c, f, files[1], &err, &rc)) {
    qbf_free (f);
    return rc;
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
        if (f->block_of[v]) printf (" %d", rep.assignment[v] ? qbf_orig_var (f, v) : -qbf_orig_var (f, v));
      fputs (" 0\n", stdout);
    }
    rc = CLI_EXIT_FAIL;
  }
  qcert_report_clear (&rep);
  cert_free (c);
  qbf_free (f);
  return rc;
}
