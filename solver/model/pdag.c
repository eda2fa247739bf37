/* pdag: hash-consed policy DAG (see pdag.h). Nodes in one array (index =
 * id), an open-addressing unique table of ids keyed by the node's fields. */
#include "solver/model/pdag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/require.h"

struct pdag {
  pdag_node *nodes; /* nodes[0] unused (PDAG_ANY) */
  size_t n, cap, max;
  int *table;       /* ids, 0: empty; size tcap (a power of two) */
  size_t tcap;
  int root;
  bool full;
};

pdag *pdag_new (size_t max_nodes) {
  pdag *d = mem_calloc (1, sizeof *d);
  d->max = max_nodes ? max_nodes : (size_t) 1 << 26;
  if (d->max > (size_t) INT32_MAX / 4) d->max = (size_t) INT32_MAX / 4;
  d->root = -1;
  d->tcap = 1024;
  d->table = mem_calloc (d->tcap, sizeof *d->table);
  mem_reserve ((void **) &d->nodes, &d->cap, 1, sizeof *d->nodes);
  return d;
}

void pdag_free (pdag *d) {
  if (!d) return;
  free (d->nodes), free (d->table);
  free (d);
}

static uint64_t hash_node (const pdag_node *x) {
  uint64_t h = (uint64_t) (uint32_t) x->var * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t) (uint32_t) (x->act + 1) * 0xc2b2ae3d27d4eb4full;
  h ^= (uint64_t) (uint32_t) x->kid[0] * 0x165667b19e3779f9ull;
  h ^= (uint64_t) (uint32_t) x->kid[1] * 0xd6e8feb86659fd93ull;
  return h ^ (h >> 29);
}

static size_t find (const pdag *d, const pdag_node *x) {
  size_t i = (size_t) hash_node (x) & (d->tcap - 1);
  for (;; i = (i + 1) & (d->tcap - 1)) {
    int id = d->table[i];
    if (!id) return i;
    const pdag_node *y = &d->nodes[id];
    if (y->var == x->var && y->act == x->act && y->kid[0] == x->kid[0] && y->kid[1] == x->kid[1]) return i;
  }
}

static void rehash (pdag *d) {
  free (d->table);
  d->tcap *= 2;
  d->table = mem_calloc (d->tcap, sizeof *d->table);
  for (size_t id = 1; id <= d->n; id++) d->table[find (d, &d->nodes[id])] = (int) id;
}

static int make (pdag *d, const pdag_node *x) {
  REQUIRE (x->kid[0] >= 0 && (size_t) x->kid[0] <= d->n && x->kid[1] >= 0 && (size_t) x->kid[1] <= d->n,
           "pdag: a child that does not exist");
  if (d->full) return PDAG_ANY;
  size_t i = find (d, x);
  if (d->table[i]) return d->table[i];
  if (d->n == d->max) {
    d->full = true;
    return PDAG_ANY;
  }
  mem_reserve ((void **) &d->nodes, &d->cap, d->n + 2, sizeof *d->nodes);
  d->nodes[++d->n] = *x;
  d->table[i] = (int) d->n;
  if (2 * d->n > d->tcap) rehash (d);
  return (int) d->n;
}

int pdag_choice (pdag *d, int var, int act, int child) {
  REQUIRE (act == 0 || act == 1, "pdag: binary actions only");
  pdag_node x = {.var = var, .act = act};
  x.kid[act] = child;
  return make (d, &x);
}

int pdag_branch (pdag *d, int var, int lo, int hi) {
  if (lo == hi) return lo; /* the strategy does not depend on this move */
  pdag_node x = {.var = var, .act = -1, .kid = {lo, hi}};
  return make (d, &x);
}

size_t pdag_size (const pdag *d) { return d->n; }

const pdag_node *pdag_node_at (const pdag *d, int id) {
  REQUIRE (id >= 1 && (size_t) id <= d->n, "pdag: no such node");
  return &d->nodes[id];
}

bool pdag_full (const pdag *d) { return d->full; }
void pdag_set_root (pdag *d, int root) { d->root = root; }
int pdag_root (const pdag *d) { return d->root; }
