/* fuzz-seeds: tests/data/merge */
/* libFuzzer harness for the CSV reader of 'scnfg merge' (orchestrate/merge):
 * the bytes up to the first NUL are one part, the rest (or, without a NUL,
 * the same bytes) a second part; merging them never crashes, leaks or
 * aborts, an error is reported and writes nothing, and a merged file
 * starts with the parts' header. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orchestrate/merge.h"
#include "orchestrate/suite.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void put (const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (data, 1, size, f) != size || fclose (f)) abort ();
}

static char dir[64], p1[96], p2[96], out[96];

static void cleanup (void) { unlink (p1), unlink (p2), unlink (out), rmdir (dir); }

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  if (!dir[0]) {
    snprintf (dir, sizeof dir, "/tmp/fuzz_merge.XXXXXX");
    if (!mkdtemp (dir)) abort ();
    snprintf (p1, sizeof p1, "%s/a.csv", dir);
    snprintf (p2, sizeof p2, "%s/b.csv", dir);
    snprintf (out, sizeof out, "%s/out.csv", dir);
    atexit (cleanup);
  }
  const uint8_t *nul = memchr (data, 0, size);
  size_t k = nul ? (size_t) (nul - data) : size;
  put (p1, data, k);
  if (nul) put (p2, nul + 1, size - k - 1);
  else put (p2, data, size);
  unlink (out);
  char *in[2] = {p1, p2};
  char *buf = NULL;
  size_t n = 0;
  FILE *err = open_memstream (&buf, &n);
  int rc = merge_csv (out, in, 2, err);
  fclose (err);
  if (rc == MERGE_OK) {
    char *text = suite_read_text (out);
    if (!text || n) abort ();
    /* the header is the first part's first nonempty line */
    size_t h = strspn ((const char *) data, "\n");
    size_t hl = strcspn (text, "\n");
    if (h + hl > k || memcmp (data + h, text, hl) || (h + hl < k && data[h + hl] != '\n')) abort ();
    free (text);
  } else if (rc != MERGE_BAD || !n || access (out, F_OK) == 0) {
    abort (); /* an error is reported and writes nothing */
  }
  free (buf);
  return 0;
}
