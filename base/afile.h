/* Atomic output files: write to a temporary file beside the target, then
 * rename, so that a failed run never leaves a partial output file. And the
 * reading side: input that cannot block past a deadline. */
#ifndef SCNFG_BASE_AFILE_H
#define SCNFG_BASE_AFILE_H

#include <stdbool.h>
#include <stdio.h>

struct scnfg_error;
struct scnfg_limits;

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

/* Reading side. Opens 'path' ("-": stdin, as it is) for reading without
 * blocking past lim's deadline (lim may be NULL): a FIFO is opened
 * non-blocking and waited for (poll) until a writer sends data or closes.
 * A FIFO or socket stays non-blocking; read it with afile_getc. Returns NULL
 * with ERROR_IO if the file cannot be opened, ERROR_LIMIT if no input came
 * before the deadline. Close with afile_close. */
FILE *afile_open_read (const char *path, const struct scnfg_limits *lim, struct scnfg_error *err);
/* Closes a stream of afile_open_read (stdin is left open); accepts NULL. */
void afile_close (FILE *in);

/* getc for such a stream: when no byte is there yet, waits for one until
 * lim's deadline (lim NULL or without a timeout: for ever). Returns the
 * byte, EOF at the end or on a read error (ferror), AFILE_TIMEOUT once the
 * deadline has passed. */
#define AFILE_TIMEOUT (-2)
int afile_getc (FILE *in, const struct scnfg_limits *lim);

#endif
