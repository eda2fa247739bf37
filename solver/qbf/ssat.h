/* Exact SSAT solver for the QBF side: DPLL-style search over the prefix with
 * unit propagation (after universal reduction), pure literals and a bounded
 * cache of residual formulas; exact mpq_t values. Independent of the game
 * solver: it is the QBF side's answer for formulas with 'r' lines. */
#ifndef SCNFG_SOLVER_QBF_SSAT_H
#define SCNFG_SOLVER_QBF_SSAT_H

#include <gmp.h>
#include <stddef.h>
#include <stdint.h>

struct qbf;
struct scnfg_limits;

typedef struct ssat_stats {
  uint64_t nodes;        /* search nodes (calls after propagation) */
  uint64_t propagations; /* unit and pure assignments */
  uint64_t cache_hits, cache_stores, cache_evictions;
  size_t cache_entries;  /* slots of the cache at the end: it starts at 1024 (fewer if the
                            budget is smaller) and doubles within the budget as stores collide */
} ssat_stats;

/* Default cache budget in bytes (64 MB). */
#define SSAT_DEFAULT_CACHE (64u << 20)

/* Computes the value of f (borrowed; any mix of e, a, r blocks; a plain QBF
 * gets 0 or 1) into 'value'. 'lim' may be NULL (no limits): its deadline and
 * node budget are honoured, its max_mem bounds the cache if smaller than
 * cache_bytes. Returns 1 when the value is known, 0 when a limit ended the
 * search ('value' then unspecified). 'st' may be NULL. Never prints. */
int ssat_solve (mpq_t value, const struct qbf *f, const struct scnfg_limits *lim, size_t cache_bytes,
                ssat_stats *st);

#endif
