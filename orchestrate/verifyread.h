/* verifyread: reads verify reports (orchestrate/verify.rng, what
 * verify_write_report writes) back into rows, so that the reports of split
 * runs (verify --emit-jobs) can be joined (scnfg merge --verify). Never
 * prints. */
#ifndef SCNFG_ORCHESTRATE_VERIFYREAD_H
#define SCNFG_ORCHESTRATE_VERIFYREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "orchestrate/verify.h"

struct scnfg_error;

/* Appends the rows of the report at path to *rows (a mem_reserve array of
 * capacity *cap holding *n rows) and its timeout attribute into *timeout.
 * False with err naming the file (and line) if it cannot be read or is not
 * valid against the schema. */
bool verifyread_report (const char *path, verify_row **rows, size_t *n, size_t *cap, double *timeout,
                        struct scnfg_error *err);

#endif
