/* The project's one PRNG (splitmix64, Steele, Lea & Flood 2014): the same seed
 * gives the same stream on every machine. Never use rand(). */
#ifndef SCNFG_BASE_PRNG_H
#define SCNFG_BASE_PRNG_H

#include <stdint.h>

typedef struct prng { uint64_t state; } prng;

void prng_seed (prng *r, uint64_t seed);
uint64_t prng_next (prng *r);
/* Uniform in [0, n), n >= 1, without modulo bias. */
uint64_t prng_below (prng *r, uint64_t n);
/* Uniform in [lo, hi], lo <= hi. */
int64_t prng_range (prng *r, int64_t lo, int64_t hi);
/* True with probability num/den (0 <= num <= den, den >= 1), exactly. */
int prng_chance (prng *r, uint64_t num, uint64_t den);

#endif
