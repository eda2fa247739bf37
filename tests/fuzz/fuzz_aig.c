/* fuzz-seeds: tests/data/aig tests/data/aig/bad */
/* libFuzzer harness for the ASCII AIGER reader (solver/model/aig): any bytes
 * give an AIG or an error record with a line, never a crash, leak or
 * abort; an accepted AIG is written and read back with the same inputs,
 * outputs and functions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "solver/model/aig.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Same interface and the same output values on a few input vectors. */
static bool same (const aig *a, const aig *b) {
  unsigned ni = aig_num_inputs (a), no = aig_num_outputs (a);
  if (ni != aig_num_inputs (b) || no != aig_num_outputs (b)) return false;
  for (unsigned k = 0; k < ni; k++)
    if (aig_input_var (a, k) != aig_input_var (b, k)) return false;
  for (unsigned k = 0; k < no; k++)
    if (aig_output_var (a, k) != aig_output_var (b, k)) return false;
  unsigned char *in = calloc (ni + 1, 1);
  bool ok = true;
  for (unsigned v = 0; v < 8 && ok; v++) {
    for (unsigned k = 0; k < ni; k++) in[k] = (unsigned char) ((v == 7 ? k * 2654435761u >> 7 : v >> (k % 3)) & 1);
    for (unsigned k = 0; k < no && ok; k++)
      ok = aig_eval (a, aig_output_lit (a, k), in) == aig_eval (b, aig_output_lit (b, k), in);
  }
  free (in);
  return ok;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  aig *a = aig_read_aag ((const char *) data, size, "fuzz", &e);
  if (!a) {
    if (!error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) abort ();
    return 0;
  }
  if (error_is_set (&e)) abort ();
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&buf, &n);
  if (!aig_write_aag (a, f, &e)) abort ();
  fclose (f);
  aig *b = aig_read_aag (buf, n, "fuzz-rt", &e);
  if (!b || !same (a, b)) abort ();
  aig_free (b);
  aig_free (a);
  free (buf);
  return 0;
}
