/* Resource limits (see limits.h). */
#include "base/limits.h"

#include <time.h>

double limits_now (void) {
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

void limits_init (scnfg_limits *l) {
  l->timeout = 0;
  l->max_nodes = 0;
  l->max_mem = 0;
  l->start = limits_now ();
}

void limits_start (scnfg_limits *l) { l->start = limits_now (); }

double limits_elapsed (const scnfg_limits *l) { return limits_now () - l->start; }

bool limits_expired (const scnfg_limits *l) {
  return l->timeout > 0 && limits_elapsed (l) >= l->timeout;
}

int limits_poll (const scnfg_limits *l, uint64_t nodes) {
  if (l->max_nodes && nodes > l->max_nodes) return LIMITS_NODE_LIMIT;
  if ((nodes & 4095) == 0 && limits_expired (l)) return LIMITS_TIMEOUT;
  return 0;
}
