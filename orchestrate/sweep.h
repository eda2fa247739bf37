/* sweep: phase transition and scaling of both sides (the work of 'scnfg
 * sweep'). For each value of the swept parameter (ratio or size), 'count'
 * formulas of a suite family (orchestrate/suite.h; seeded from the seed, the
 * value and the index, so any split of the sweep gives the same formulas)
 * are decided by each side in its own process (suite_measure_side); one CSV
 * row per value: share true, median seconds, unknowns and peak memory.
 * Never prints to stdout: the progress bar and errors go to the caller's
 * stream, the CSV to a file. Returns 0 written, 2 a failure (reported). */
#ifndef SCNFG_ORCHESTRATE_SWEEP_H
#define SCNFG_ORCHESTRATE_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "orchestrate/suite.h"

typedef struct sweep_args {
  int fam;            /* SUITE_* */
  const char *family; /* its name as given */
  char name[16];      /* "ratio" or "size" */
  char step_text[32]; /* STEP as given (for the emitted commands) */
  bool by_ratio;
  unsigned lo, hi, step; /* ratios in thousandths */
  long count, size;      /* size: the fixed size of a ratio sweep */
  unsigned ratio;        /* the fixed ratio of a size sweep (thousandths) */
  const char *sides;     /* of "qgd" */
  uint64_t seed;
  suite_opts o;
  bool progress; /* the bar on 'err' */
} sweep_args;

/* The CSV header (without newline). */
const char *sweep_header (void);

/* "NAME=A..B:STEP" into a (a->fam set). False with a usage message in msg. */
bool sweep_set_param (sweep_args *a, const char *param, char *msg, size_t msg_size);

/* Writes one 'scnfg sweep' command per value to emit (a file, "-": log),
 * each writing CSV.part-NNNN.csv. */
int sweep_emit (const sweep_args *a, const char *emit, const char *csv, FILE *log, FILE *err);

/* Runs the sweep and writes the CSV to csv (atomically). */
int sweep_run (const sweep_args *a, const char *csv, FILE *err);

#endif
