/* verify --depqbf-proof (see verifyproof.h). */
#include "orchestrate/verifyproof.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/xmlw.h"
#include "orchestrate/pool.h"
#include "orchestrate/verify.h"
#include "proofs/chk_qrp.h"
#include "solver/model/qbf.h"

/* DepQBF in the pool's child, its trace on stdout into the file ctx[2]. */
static int exec_trace (void *ctx, size_t job, void *result) {
  const char *const *a = ctx;
  (void) job, (void) result;
  int out = open (a[2], O_WRONLY | O_TRUNC), nul = open ("/dev/null", O_RDWR);
  if (out < 0 || nul < 0) return 127;
  dup2 (nul, 0), dup2 (out, 1), dup2 (nul, 2);
  execlp (a[0], a[0], "--dep-man=simple", "--no-qbce-dynamic", "--traditional-qcdcl", "--trace", a[1], (char *) NULL);
  return 127;
}

static void note (verify_row *row, const char *what, const char *msg) {
  if (!row->note[0]) snprintf (row->note, sizeof row->note, "depqbf proof: %s%s", what, msg);
}

void verifyproof_run (const char *path, const qbf *f, const verify_opts *o, verify_row *row) {
  if (!o->depqbf_proof) return;
  row->proof_on = true;
  row->proof_state = VERIFY_NA;
  if (row->ssat) return;
  const char *tmpdir = o->tmpdir ? o->tmpdir : getenv ("TMPDIR");
  char trace[4096];
  snprintf (trace, sizeof trace, "%s/scnfg-trace-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = mkstemp (trace);
  if (fd < 0) return note (row, "n/a: cannot create a temporary file", "");
  close (fd);
  const char *argv[3] = {o->depqbf ? o->depqbf : "depqbf", path, trace};
  pool_outcome po;
  bool ran = pool_run1 (exec_trace, (void *) argv, 0, o->timeout, NULL, &po);
  row->proof_trace_seconds = po.seconds;
  if (ran && po.timed_out) row->proof_state = VERIFY_LIMIT;
  else if (!ran || !po.exited || (po.code != 10 && po.code != 20)) note (row, "n/a: depqbf did not answer", "");
  else {
    double t0 = limits_now ();
    chk_qrp_report rep;
    scnfg_error err;
    error_init (&err);
    bool read = chk_qrp_check_file (f, trace, &rep, &err);
    row->proof_seconds = limits_now () - t0;
    row->proof_steps = rep.steps;
    row->proof_state = VERIFY_FAIL;
    if (!read) note (row, "bad trace: ", err.msg);
    else if (rep.status != CHK_QRP_VALID) note (row, "", rep.msg);
    else if (rep.value != (po.code == 10)) note (row, "the trace contradicts depqbf's answer", "");
    else if (row->qbf_state == VERIFY_OK && strcmp (row->qbf_value, rep.value ? "1" : "0"))
      note (row, rep.value ? "shows the formula true, the QBF side says false" : "shows the formula false, the QBF side says true", "");
    else {
      row->proof_state = VERIFY_OK;
      row->proof_value = rep.value ? 1 : 0;
    }
  }
  unlink (trace);
}

void verifyproof_print_header (FILE *out, const verify_row *rows, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (rows[i].proof_on) {
      fprintf (out, " %s", "depqbf-proof");
      return;
    }
}

void verifyproof_print_cell (FILE *out, const verify_row *r) {
  if (!r->proof_on) return;
  char cell[40];
  if (r->proof_state == VERIFY_OK) snprintf (cell, sizeof cell, "ok %lu steps", r->proof_steps);
  else snprintf (cell, sizeof cell, "%s", r->proof_state == VERIFY_FAIL ? "FAILED" : r->proof_state == VERIFY_LIMIT ? "limit" : "n/a");
  fprintf (out, " %s", cell);
}

void verifyproof_write (FILE *out, const verify_row *r) {
  if (!r->proof_on) return;
  static const char *const word[] = {"n/a", "ok", "failed", "limit"};
  xmlw_open (out, 4, "depqbf-proof");
  xmlw_attr_str (out, "state", word[r->proof_state]);
  if (r->proof_state == VERIFY_OK) xmlw_attr_str (out, "value", r->proof_value ? "1" : "0");
  if (r->proof_steps) xmlw_attr_uint (out, "steps", r->proof_steps);
  fprintf (out, " trace-seconds=\"%.6f\" seconds=\"%.6f\"/>\n", r->proof_trace_seconds, r->proof_seconds);
}
