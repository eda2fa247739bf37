/* From a QRP proof to a QBF certificate (Balabanov & Jiang, "Unified QBF
 * certification and its applications", FMSD 2012): Herbrand functions from
 * a Q-resolution refutation, Skolem functions from a cube-resolution proof,
 * built from the trace alone (no solver call). */
#ifndef SCNFG_REDUCTIONS_QRP2CERT_H
#define SCNFG_REDUCTIONS_QRP2CERT_H

#include <stddef.h>

struct qbf;
struct cert;
struct scnfg_error;

typedef struct qrp2cert_stats {
  unsigned long steps;       /* steps in the trace */
  unsigned long cone;        /* steps the last step depends on (the proof used) */
  size_t proof_lits;         /* literals of those steps */
  unsigned long reductions;  /* reduced literals, one (condition, value) pair each */
} qrp2cert_stats;

/* Reads the trace in path (which chk_qrp should have found valid for f,
 * borrowed) and returns a new certificate (cert_free): Herbrand if its last
 * step is the empty clause, Skolem if the empty cube. NULL with err set on
 * bad input. The whole trace is held in memory. 'st' may be NULL.
 *
 * Method: the proof (the cone of the last step) is replayed in order with
 * every step's literals recomputed from its antecedents and fully reduced
 * (a valid proof stays valid: reduction drops only literals of the reduced
 * kind, resolution pivots are of the other kind). Each literal l of
 * variable x a step C reduces gives x the pair (condition, value): for a
 * clause, "every literal of C is false" and the value that falsifies l; for
 * a cube, "every literal of C is true" and the value that satisfies l. The
 * function of x is its pairs as an if-then-else chain in proof order, the
 * last pair's value the default; a variable with no pair gets false. */
struct cert *qrp2cert_extract (const struct qbf *f, const char *path, qrp2cert_stats *st, struct scnfg_error *err);

#endif
