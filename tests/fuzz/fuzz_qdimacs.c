/* fuzz-seeds: tests/data/qdimacs/bad instances/qbf */
/* libFuzzer harness for the QDIMACS reader: any bytes must give either a
 * formula or an error record with a line, never a crash, leak or abort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  FILE *in = fmemopen ((void *) data, size, "rb");
  if (!in) return 0;
  for (int lenient = 0; lenient < 2; lenient++) {
    rewind (in);
    qdimacs_opts o = {.lenient = lenient};
    scnfg_error e, w;
    error_init (&e), error_init (&w);
    qbf *f = NULL;
    if (qdimacs_read (&f, in, "fuzz", &o, &e, &w)) {
      if (!f || error_is_set (&e)) abort ();
      FILE *out = fopen ("/dev/null", "w");
      qdimacs_write (out, f);
      fclose (out);
      qbf_free (f);
    } else if (f || !error_is_set (&e) || (e.line == 0 && e.code == ERROR_INPUT)) {
      abort (); /* every input error names a line */
    }
  }
  fclose (in);
  return 0;
}
