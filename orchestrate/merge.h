/* merge: joins the outputs of split runs (the jobs 'scnfg suite --emit-jobs'
 * and 'scnfg sweep --emit-jobs' list) into one.
 * Never prints to stdout: notes go to 'log', errors to 'err'. Returns
 * MERGE_OK or MERGE_BAD (an I/O error or mismatching parts, reported). */
#ifndef SCNFG_ORCHESTRATE_MERGE_H
#define SCNFG_ORCHESTRATE_MERGE_H

#include <stdio.h>

enum { MERGE_OK = 0, MERGE_BAD = 2 };

/* The rows of the CSV files in[0..n-1] (same header required) into out
 * (atomically), sorted field by field (numbers numerically), duplicates removed. */
int merge_csv (const char *out, char **in, int n, FILE *err);

/* The files of partial suite directories (instances, games, certificates,
 * journal) into dir, their index.csv and timing.csv joined by merge_csv;
 * the parts' params and arguments must be identical (and equal dir's, if
 * it has them). "merged N parts into DIR" to log. */
int merge_dirs (const char *dir, char **parts, int n, FILE *log, FILE *err);

#endif
