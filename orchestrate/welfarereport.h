/* welfarereport: the tables of 'scnfg experiment welfare' (the experiment is
 * orchestrate/welfare.h): runs it and writes its report to the streams the
 * caller passes (exact rationals, decimals in parentheses). */
#ifndef SCNFG_ORCHESTRATE_WELFAREREPORT_H
#define SCNFG_ORCHESTRATE_WELFAREREPORT_H

#include <stdio.h>

#include "orchestrate/welfare.h"

/* The header line of the per-game CSV: family, confounding (num/den), seed,
 * generic (0/1), SSE and S-CNE leader / follower / welfare and the welfare
 * difference S-CNE - SSE as exact rationals, the difference as a decimal,
 * differ (0/1). */
void welfarereport_csv_header (FILE *csv);

/* Runs one family (p's confounding strength) and reports it to out: means,
 * differences, the 95 % Wilson interval of the share that differs (decimals),
 * layers, the smallest example (written to 'example' if not NULL; a write
 * error to err) and, with p->eps_sweep, the eps table; one CSV row per game
 * to csv if not NULL (no header). */
void welfarereport_family (FILE *out, FILE *err, const welfare_params *p, const char *name, FILE *csv,
                           const char *example);

/* Runs the strengths 0, 1/10, ..., 1 (no eps sweep, no example) and writes
 * one row per strength to out and, with the header, one row per game and
 * strength to csv if not NULL (family "sweep"). */
void welfarereport_sweep (FILE *out, welfare_params p, FILE *csv);

#endif
