/* Resource limits shared by every solver: wall-clock deadline, node budget,
 * memory budget. Solvers poll limits_expired() and answer UNKNOWN honestly. */
#ifndef SCNFG_BASE_LIMITS_H
#define SCNFG_BASE_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct scnfg_limits {
  double timeout;     /* seconds of wall clock, <= 0: none */
  uint64_t max_nodes; /* 0: none */
  size_t max_mem;     /* bytes the solver may account for, 0: none */
  double start;       /* set by limits_start */
} scnfg_limits;

/* No limits. */
void limits_init (scnfg_limits *l);
/* Records the start time (the deadline counts from here). */
void limits_start (scnfg_limits *l);
/* Seconds since limits_start (monotonic clock). */
double limits_elapsed (const scnfg_limits *l);
/* True once the deadline has passed. */
bool limits_expired (const scnfg_limits *l);
/* The search-node poll of the depth-first finders, after counting node
 * number 'nodes': LIMITS_NODE_LIMIT once nodes exceeds max_nodes,
 * LIMITS_TIMEOUT when the deadline has passed (the clock is read every
 * 4096 nodes), else 0. */
enum { LIMITS_TIMEOUT = 1, LIMITS_NODE_LIMIT = 2 };
int limits_poll (const scnfg_limits *l, uint64_t nodes);
/* Monotonic clock in seconds. */
double limits_now (void);

#endif
