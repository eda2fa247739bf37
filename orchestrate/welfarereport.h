/* welfarereport: the tables of 'scnfg experiment welfare' (the experiment is
 * orchestrate/welfare.h): runs it and writes its report to the streams the
 * caller passes (exact rationals, decimals in parentheses). */
#ifndef SCNFG_ORCHESTRATE_WELFAREREPORT_H
#define SCNFG_ORCHESTRATE_WELFAREREPORT_H

#include <stdio.h>

#include "orchestrate/welfare.h"

/* Runs one family (p's confounding strength) and reports it to out: means,
 * differences, layers, the smallest example (written to 'example' if not
 * NULL; a write error to err) and, with p->eps_sweep, the eps table (also
 * as CSV rows to csv if not NULL). */
void welfarereport_family (FILE *out, FILE *err, const welfare_params *p, const char *name, FILE *csv,
                           const char *example);

/* Runs the strengths 0, 1/10, ..., 1 (no eps sweep, no example) and writes
 * one row per strength to out (and, with header, to csv if not NULL). */
void welfarereport_sweep (FILE *out, welfare_params p, FILE *csv);

#endif
