/* Generic payoffs: a structural, exact test that no player of a game is ever
 * indifferent between two actions at an information set, whatever the other
 * stages' (pure) policies. gamegen's 'generic' option builds such games. */
#ifndef SCNFG_INSTANCES_GENERIC_H
#define SCNFG_INSTANCES_GENERIC_H

#include <stdbool.h>
#include <stddef.h>

struct game;

/* True iff g (finished, borrowed) is generic in this sense: with D the
 * product over exogenous variables of the lcm of their prior denominators,
 * every stage with a choice (not only layer 1) has, among its mover's
 * utilities, a table over that stage's action alone whose entries are k/p
 * (p a prime > D, the k distinct modulo p), and p divides the denominator of
 * no other constant of the mover's utilities. Then the mover's unnormalised
 * expected gain of one action over another at any information set (a sum of
 * joint probabilities m/D, 0 < m <= D, times payoff differences) has p-adic
 * valuation -1, so it is not zero. Sufficient, not necessary. Otherwise false
 * and, if why != NULL, a one-line reason naming the first stage that fails. */
bool generic_check (const struct game *g, char *why, size_t size);

#endif
