/* verifyrun: verify over many instances (the work of 'scnfg verify' on a
 * directory): the instance files of a path, and verify_instance on each, in
 * up to 'jobs' processes of the pool (orchestrate/pool.h). Never prints to
 * stdout; the progress lines go to the caller's stream. */
#ifndef SCNFG_ORCHESTRATE_VERIFYRUN_H
#define SCNFG_ORCHESTRATE_VERIFYRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "orchestrate/verify.h"

/* The instance files: 'path' itself if it is no directory, else its
 * *.qdimacs sorted by name (*n may be 0: then an empty array). A new array of new strings (free
 * each, then the array); NULL if the directory cannot be read (errno set). */
char **verifyrun_collect (const char *path, size_t *n);

/* Fills rows[0..n-1] (verify_instance of files[i] with o); jobs > 1 runs
 * them in child processes (a child that dies gets an error row saying so).
 * progress: a line "verify: K/N NAME: agree|FAILED|undecided|error (S s)"
 * on 'line' as each instance finishes (NULL: none). */
void verifyrun_all (char **files, size_t n, const verify_opts *o, verify_row *rows, int jobs, FILE *line);

/* verify --emit-jobs: one shell command per file on 'jobs', running
 * 'self verify FILE' with the options of o (limits, flags, --cert-dir) and
 * --quiet --report PARTS/NAME.xml (NAME the file name without .qdimacs);
 * arguments single-quoted. False on a write error. */
bool verifyrun_emit_jobs (char **files, size_t n, const verify_opts *o, const char *self, const char *parts, FILE *jobs);

#endif
