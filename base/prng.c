/* splitmix64 (see prng.h). */
#include "base/prng.h"

void prng_seed (prng *r, uint64_t seed) { r->state = seed; }

uint64_t prng_next (prng *r) {
  uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t prng_below (prng *r, uint64_t n) {
  uint64_t limit = UINT64_MAX - UINT64_MAX % n; /* reject the biased tail */
  uint64_t x;
  do x = prng_next (r);
  while (x >= limit);
  return x % n;
}

int64_t prng_range (prng *r, int64_t lo, int64_t hi) {
  return lo + (int64_t) prng_below (r, (uint64_t) (hi - lo) + 1);
}

int prng_chance (prng *r, uint64_t num, uint64_t den) { return prng_below (r, den) < num; }
