/* merge: joins the outputs of split runs (the jobs 'scnfg suite --emit-jobs'
 * 'scnfg sweep --emit-jobs' and 'scnfg verify --emit-jobs' list) into one.
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

/* The verify reports in[0..n-1] (the parts 'scnfg verify --emit-jobs'
 * lists; same timeout required) into one report at out (atomically), rows
 * sorted by file name, and their table on 'table'. Returns verify_status of
 * the joined rows (0, 1, 2, 3: as verify), or MERGE_BAD when a part cannot
 * be read, is invalid or differs in timeout (reported on err). */
int merge_verify (const char *out, char **in, int n, FILE *table, FILE *err);

#endif
