/* fuzz-seeds: tests/data/suite */
/* libFuzzer harness for the readers of a suite directory (orchestrate/suite
 * journal records, orchestrate/suiterun params files): the bytes are written
 * as a journal record, as its .time file and as a params file of a scratch
 * directory and read back; never a crash, leak or abort, and a params error
 * is one line "PATH:LINE: reason". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "orchestrate/suite.h"
#include "orchestrate/suiterun.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void put (const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (data, 1, size, f) != size || fclose (f)) abort ();
}

static char dir[64], rec[96], tim[96], par[96];

static void cleanup (void) {
  unlink (rec), unlink (tim), unlink (par);
  char j[96];
  snprintf (j, sizeof j, "%s/.journal", dir);
  rmdir (j), rmdir (dir);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  if (!dir[0]) {
    snprintf (dir, sizeof dir, "/tmp/fuzz_suite.XXXXXX");
    if (!mkdtemp (dir)) abort ();
    snprintf (rec, sizeof rec, "%s/.journal", dir);
    mkdir (rec, 0700);
    snprintf (rec, sizeof rec, "%s/.journal/kbkf-n004-a000", dir);
    snprintf (tim, sizeof tim, "%s.time", rec);
    snprintf (par, sizeof par, "%s/params", dir);
    atexit (cleanup);
  }
  put (rec, data, size);
  put (tim, data, size);
  put (par, data, size);
  char irow[4096], trow[4096];
  int r = suite_journal_read (dir, "kbkf-n004-a000", irow, sizeof irow, trow, sizeof trow);
  if (r != 0 && r != SUITE_KEPT && r != SUITE_SURPLUS && r != SUITE_DROPPED) abort ();
  suiterun_args a;
  memset (&a, 0, sizeof a);
  char msg[256];
  if (!suiterun_set_families (&a, "random,kbkf,ssat", 0, msg, sizeof msg)) abort ();
  char *buf = NULL;
  size_t n = 0;
  FILE *err = open_memstream (&buf, &n);
  bool ok = suiterun_read_params (&a, par, err);
  fclose (err);
  if (ok != (n == 0)) abort ();                                  /* a message iff an error */
  if (!ok && (strncmp (buf, par, strlen (par)) || strchr (buf, '\n') != buf + n - 1)) abort (); /* one line */
  for (unsigned i = 0; i < a.nf && ok; i++)
    if (a.fams[i].sizes_set && (a.fams[i].p.lo < 1 || a.fams[i].p.lo > a.fams[i].p.hi)) abort ();
  free (buf);
  return 0;
}
