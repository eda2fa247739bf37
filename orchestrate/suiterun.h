/* suiterun: the driver of 'scnfg suite' (orchestrate/suite.h evaluates one
 * candidate; this module runs a whole suite). It reads and writes the
 * parameters file, calibrates the sizes against a target time, writes the
 * job list of a split run, schedules the candidates of every (family, size)
 * stream over the process pool (orchestrate/pool.h) until the first K
 * certified ones of each are known, and assembles index.csv and timing.csv
 * from the journal (docs/suites.md).
 *
 * Never prints to stdout by itself: the progress line, notes and the
 * summary go to the FILE * streams the caller passes. Return codes are the
 * exit codes of 'scnfg suite': SUITERUN_OK, _FAIL (a disagreement or failed
 * certificate), _USAGE (bad arguments or I/O), _TIMEOUT (depqbf timed out). */
#ifndef SCNFG_ORCHESTRATE_SUITERUN_H
#define SCNFG_ORCHESTRATE_SUITERUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "orchestrate/suite.h"

enum { SUITERUN_OK = 0, SUITERUN_FAIL = 1, SUITERUN_USAGE = 2, SUITERUN_TIMEOUT = 3 };

/* One family of the run and its parameters. */
typedef struct suiterun_family {
  int fam;
  suite_params p;
  bool sizes_set;
} suiterun_family;

/* Everything that decides a run. */
typedef struct suiterun_args {
  suiterun_family fams[SUITE_NFAMILIES];
  unsigned nf;
  const char *families; /* the --family list as given (for the emitted commands) */
  const char *out;      /* the suite directory */
  uint64_t seed;
  long per_size, max_attempts, jobs; /* max_attempts 0: 3 per_size + 10 */
  int only_fam;                      /* -1: every (family, size) */
  unsigned only_n;
  suite_opts o;
  bool progress; /* a progress line on 'err' */
} suiterun_args;

/* "A..B" with 1 <= A <= B <= 100000. */
bool suiterun_parse_range (const char *s, unsigned *lo, unsigned *hi);

/* "F[,F...]" into a->fams (ratio_milli 0: each family's default). False with
 * a message in msg (unknown or repeated family, empty list). */
bool suiterun_set_families (suiterun_args *a, const char *list, unsigned ratio_milli, char *msg, size_t msg_size);

/* "FAMILY:SIZE" into a->only_fam, only_n. */
bool suiterun_set_only (suiterun_args *a, const char *s);

/* Whether (a->only_fam, a->only_n) is one of the run's (family, size). */
bool suiterun_only_fits (const suiterun_args *a);

/* The params file ("FAMILY.sizes=A..B", "FAMILY.ratio=R", '#' comments)
 * into the families of the run; errors "PATH:LINE: ..." to err. */
bool suiterun_read_params (suiterun_args *a, const char *path, FILE *err);

/* Calibrates every family for a target of 'target' seconds (median
 * depqbf time; SSAT: scnfg's SSAT solver), one line per probe to log. */
void suiterun_calibrate (suiterun_args *a, double target, FILE *log);

/* Writes DIR/params, then either the job list of a split run (emit: a file
 * or "-" for 'log'; the note to log) or the suite itself. */
int suiterun_run (const suiterun_args *a, const char *emit, FILE *log, FILE *err);

#endif
