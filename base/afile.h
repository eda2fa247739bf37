/* Atomic output files: write to a temporary file beside the target, then
 * rename, so that a failed run never leaves a partial output file. */
#ifndef SCNFG_BASE_AFILE_H
#define SCNFG_BASE_AFILE_H

#include <stdbool.h>
#include <stdio.h>

struct scnfg_error;

typedef struct afile {
  FILE *f;        /* write here between afile_open and commit/abort */
  char *path;     /* the target */
  char *tmp;      /* the temporary file */
} afile;

/* Opens a temporary file for 'path' ("-" means stdout: no temporary). Returns
 * false with an ERROR_IO record on failure. */
bool afile_open (afile *a, const char *path, struct scnfg_error *err);

/* Flushes, closes and renames onto the target. Returns false (ERROR_IO) if
 * anything failed, in which case the temporary file is removed. */
bool afile_commit (afile *a, struct scnfg_error *err);

/* Closes and removes the temporary file; the target is untouched. */
void afile_abort (afile *a);

#endif
