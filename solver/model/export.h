/* Exports of S-CNFGs: Gambit .efg of the expanded game tree (for
 * cross-checking with Gambit) and Graphviz DOT of the causal graph. */
#ifndef SCNFG_SOLVER_MODEL_EXPORT_H
#define SCNFG_SOLVER_MODEL_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct game;
struct scnfg_error;

/* Writes finished g (borrowed) as a Gambit extensive game (EFG 2 R): chance
 * nodes at the exogenous variables (in the fixing order, every value, with
 * its exact prior), one player node per active stage with a choice,
 * information sets from the observation sets (one per stage and observed
 * values), exact rational payoffs at the leaves (one outcome per leaf). The
 * plain game: layer choices are not represented (said in the file's
 * comment); a stage allowing only layer 1 plays its instinct and has no
 * node; an inactive stage has no node. Fails with ERROR_LIMIT, writing
 * nothing, if the tree has more than max_nodes nodes. */
bool export_efg (FILE *f, const struct game *g, size_t max_nodes, struct scnfg_error *err);

/* Writes the causal graph of g as a DOT digraph: exogenous variables are
 * ellipses, endogenous boxes, actions diamonds, utilities octagons; actions
 * and utilities coloured by owner; solid edges for the variables a
 * definition reads (equation, instinct, active-if, table parents), dashed
 * edges for observations. */
void export_dot (FILE *f, const struct game *g);

#endif
