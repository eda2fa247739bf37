/* fuzz-seeds: tests/data/qrp tests/data/qrp/bad tests/data/qrp/invalid */
/* libFuzzer harness for the QRP trace reader (solver/model/qrp), text and
 * binary: any bytes give steps and a result or an error record with a
 * line, never a crash, leak or abort; the same bytes as a file are also
 * checked by proofs/chk_qrp against a fixed formula (the seed tiny.qdimacs)
 * and give a verdict or an error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/error.h"
#include "proofs/chk_qrp.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/model/qrp.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char formula[] = "p cnf 3 3\ne 1 0\na 2 0\ne 3 0\n1 -2 3 0\n1 -2 -3 0\n-1 2 0\n";

static void read_all (const uint8_t *data, size_t size) {
  FILE *in = fmemopen ((void *) data, size, "rb");
  if (!in) return;
  scnfg_error e;
  error_init (&e);
  qrp_reader *r = qrp_open (in, "fuzz", &e);
  if (!r) {
    if (!error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) abort ();
  } else {
    for (unsigned b = 0; b < qrp_num_blocks (r); b++) {
      unsigned n;
      const int *v = qrp_block_vars (r, b, &n);
      if (n && !v) abort ();
    }
    qrp_step s;
    int k;
    unsigned long last = 0;
    while ((k = qrp_next (r, &s, &e)) == 1) {
      if (s.id <= last) abort (); /* ids strictly increase */
      last = s.id;
    }
    if (k == 0 && qrp_result (r) != 10 && qrp_result (r) != 20) abort ();
    if (k < 0 && (!error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0))) abort ();
    qrp_close (r);
  }
  fclose (in);
}

static char path[64];

static void cleanup (void) { unlink (path); }

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  static qbf *f;
  if (!f) {
    FILE *in = fmemopen ((void *) formula, sizeof formula - 1, "r");
    qdimacs_opts o = {0};
    scnfg_error e, w;
    error_init (&e), error_init (&w);
    if (!qdimacs_read (&f, in, "formula", &o, &e, &w)) abort ();
    fclose (in);
    snprintf (path, sizeof path, "/tmp/fuzz_qrp.XXXXXX");
    int fd = mkstemp (path);
    if (fd < 0) abort ();
    close (fd);
    atexit (cleanup);
  }
  read_all (data, size);
  FILE *out = fopen (path, "wb");
  if (!out || fwrite (data, 1, size, out) != size || fclose (out)) abort ();
  scnfg_error e;
  error_init (&e);
  chk_qrp_report rep;
  if (chk_qrp_check_file (f, path, &rep, &e)) {
    if (error_is_set (&e) || (rep.status != CHK_QRP_VALID && rep.status != CHK_QRP_INVALID)) abort ();
  } else if (!error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) {
    abort ();
  }
  return 0;
}
