/* QDIMACS reader (strict, DESIGN §1, with the 'r P' SSAT extension) and writer. */
#ifndef SCNFG_SOLVER_MODEL_QDIMACS_H
#define SCNFG_SOLVER_MODEL_QDIMACS_H

#include <stdbool.h>
#include <stdio.h>

struct qbf;
struct scnfg_error;
struct scnfg_limits;

/* Caps of the reader (compile-time; raise them here and rebuild). */
#define QDIMACS_MAX_BYTES (2ull << 30) /* input size: 2 GiB */
#define QDIMACS_MAX_TOKEN 4096         /* bytes of one token (a number, a probability, a keyword) */

typedef struct qdimacs_opts {
  bool lenient;     /* clause-count mismatches and an innermost forall block become warnings */
  bool forall_last; /* an innermost forall block is accepted silently (QDIMACS 1.1 allows it) */
  const struct scnfg_limits *lim; /* NULL: none; else its deadline and max_mem cover reading
                                   * (ERROR_LIMIT when hit; the clock counts from limits_start) */
} qdimacs_opts;

/* Reads a QDIMACS file from 'in'; 'name' is used in messages. On success
 * returns true and *out is a new finished formula owned by the caller
 * (qbf_free), its variables renumbered 1..n in increasing order of the file's
 * numbers (f->orig keeps them; see qbf.h). On bad input returns false, *out = NULL, and 'err' holds the
 * first error (ERROR_INPUT, with line and, where known, column). 'opts' and
 * 'warn' may be NULL; 'warn' receives the first warning (lenient mode). */
bool qdimacs_read (struct qbf **out, FILE *in, const char *name, const qdimacs_opts *opts,
                   struct scnfg_error *err, struct scnfg_error *warn);

/* Opens and reads 'path' ("-": stdin; a FIFO is waited for only until the
 * deadline, base/afile). Errors as above, ERROR_IO if it cannot be opened. */
bool qdimacs_read_file (struct qbf **out, const char *path, const qdimacs_opts *opts,
                        struct scnfg_error *err, struct scnfg_error *warn);

/* Writes f as strict QDIMACS: header with f's own variable count (the
 * header's V if larger) and actual clause count, one line per block (an r
 * block as one line per run of equal probabilities), one clause per line.
 * Returns false on a write error. */
bool qdimacs_write (FILE *out, const struct qbf *f);

#endif
