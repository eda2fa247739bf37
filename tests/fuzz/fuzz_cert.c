/* fuzz-seeds: tests/data/cert */
/* libFuzzer harness for the XML strategy-certificate reader
 * (solver/model/cert): any bytes give a certificate or an error record with
 * a line, never a crash, leak or abort; an accepted certificate is written
 * and read back unchanged, and checked against a fixed formula. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "proofs/qcert.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* the formula of the seed random-n005-skolem.xml (scnfg gen random, true) */
static const char formula[] =
    "p cnf 5 45\n"
    "e 1 0\n"
    "a 2 0\n"
    "e 3 4 5 0\n"
    "-1 -2 -3 -5 4 0\n"
    "-1 2 5 4 3 0\n"
    "1 2 -3 5 4 0\n"
    "-1 -2 -3 -4 -5 0\n"
    "-1 2 4 3 5 0\n"
    "1 2 3 4 -5 0\n"
    "1 2 4 -3 -5 0\n"
    "1 -2 -5 3 -4 0\n"
    "1 2 -3 -4 5 0\n"
    "-1 2 -4 -5 -3 0\n"
    "1 -2 -4 -3 -5 0\n"
    "-1 2 -3 -4 -5 0\n"
    "-1 -2 -4 3 -5 0\n"
    "1 -2 -3 -5 4 0\n"
    "1 -2 5 -4 3 0\n"
    "-1 -2 -4 -3 -5 0\n"
    "-1 2 5 4 -3 0\n"
    "1 -2 5 4 -3 0\n"
    "1 -2 -5 -4 3 0\n"
    "1 2 3 -4 -5 0\n"
    "1 2 -5 4 3 0\n"
    "1 2 -4 -5 3 0\n"
    "-1 -2 -3 -5 4 0\n"
    "-1 2 5 -3 -4 0\n"
    "-1 2 -4 -3 5 0\n"
    "-1 2 3 -4 5 0\n"
    "1 -2 3 5 4 0\n"
    "-1 2 -5 -4 -3 0\n"
    "-1 -2 4 -3 -5 0\n"
    "1 -2 4 3 -5 0\n"
    "-1 2 -3 5 -4 0\n"
    "-1 -2 5 4 3 0\n"
    "-1 2 -5 4 -3 0\n"
    "-1 2 -5 4 3 0\n"
    "-1 -2 -3 5 4 0\n"
    "1 -2 -3 5 -4 0\n"
    "-1 2 -5 4 -3 0\n"
    "1 -2 -3 -5 4 0\n"
    "1 -2 5 4 -3 0\n"
    "1 2 -4 3 5 0\n"
    "-1 -2 5 3 -4 0\n"
    "-1 2 -3 5 -4 0\n"
    "-1 -2 5 3 -4 0\n"
    "1 2 -4 5 3 0\n"
    "1 2 -4 -3 5 0\n";

static bool same (const cert *a, const cert *b) {
  return a->kind == b->kind && a->nvars == b->nvars && a->ngates == b->ngates && a->nfuncs == b->nfuncs &&
         (!a->ngates || !memcmp (a->gates, b->gates, a->ngates * sizeof *a->gates)) &&
         (!a->nfuncs || !memcmp (a->funcs, b->funcs, a->nfuncs * sizeof *a->funcs));
}

static void check (const cert *c) {
  FILE *in = fmemopen ((void *) formula, sizeof formula - 1, "r");
  qdimacs_opts o = {0};
  scnfg_error e, w;
  error_init (&e), error_init (&w);
  qbf *f = NULL;
  if (!qdimacs_read (&f, in, "formula", &o, &e, &w)) abort ();
  fclose (in);
  scnfg_limits lim;
  limits_init (&lim);
  lim.max_nodes = 1000;
  qcert_report r;
  qcert_report_init (&r);
  limits_start (&lim);
  qcert_check (f, c, &lim, &r);
  qcert_report_clear (&r);
  qbf_free (f);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  cert *c = NULL;
  if (!cert_read_memory (&c, (const char *) data, size, "fuzz", &e)) {
    if (c || !error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) abort ();
    return 0;
  }
  if (!c || error_is_set (&e)) abort ();
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&buf, &n);
  if (!cert_write (f, c)) abort ();
  fclose (f);
  cert *d = NULL;
  if (!cert_read_memory (&d, buf, n, "fuzz-rt", &e) || !same (c, d)) abort ();
  if (c->nvars == 5) check (c);
  cert_free (d);
  cert_free (c);
  free (buf);
  return 0;
}
