/* pdag: a hash-consed DAG of one player's pure policy in a perfect-information
 * game with binary choices, as the SPE search builds it (solver/game/spe.c):
 * each node is the winner's strategy in one subgame.
 *
 * Node ids: PDAG_ANY (0) is the empty strategy (a leaf, or a subgame whose
 * outcome no longer depends on the moves: no decision left); every other id
 * is a node created by pdag_choice or pdag_branch, children always older
 * (smaller ids), so ids are a topological order. A choice node says "at
 * game variable var the owner plays act, then follows child"; a branch node
 * says "the other side sets var: follow kid[value]". Equal nodes are shared
 * (a unique table), and a branch whose two kids are equal is that kid.
 *
 * Takes nothing; owns its nodes. A DAG has a node budget: beyond it every
 * constructor returns PDAG_ANY and pdag_full says so (the caller must then
 * not use the DAG). */
#ifndef SCNFG_SOLVER_MODEL_PDAG_H
#define SCNFG_SOLVER_MODEL_PDAG_H

#include <stdbool.h>
#include <stddef.h>

#define PDAG_ANY 0

typedef struct pdag_node {
  int var;    /* game variable index */
  int act;    /* choice: the action (0 or 1); branch: -1 */
  int kid[2]; /* choice: kid[act] is the child, the other PDAG_ANY */
} pdag_node;

typedef struct pdag pdag;

/* A new empty DAG with room for at most max_nodes nodes (0: 2^26). */
pdag *pdag_new (size_t max_nodes);
void pdag_free (pdag *d); /* accepts NULL */

int pdag_choice (pdag *d, int var, int act, int child);
int pdag_branch (pdag *d, int var, int lo, int hi);

/* Nodes 1..pdag_size (d); pdag_node_at (d, id) for 1 <= id <= pdag_size. */
size_t pdag_size (const pdag *d);
const pdag_node *pdag_node_at (const pdag *d, int id);
bool pdag_full (const pdag *d);

/* The root, as the search that built the DAG set it (-1 until set). */
void pdag_set_root (pdag *d, int root);
int pdag_root (const pdag *d);

#endif
