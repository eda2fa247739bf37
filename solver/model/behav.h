/* Behavioural commitments of two-player S-CNFGs, their optimality
 * certificates and the mixed-commitment solution: the model types that the mixed-commitment finder
 * (solver/game/mixed) reports and its checker (proofs/chk_mixed) reads.
 * The leader's stages carry a probability distribution per information set;
 * every other stage carries a pure action per information set (a
 * game_profile). Independent of every finder. */
#ifndef SCNFG_SOLVER_MODEL_BEHAV_H
#define SCNFG_SOLVER_MODEL_BEHAV_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/model/profile.h"

struct game;

typedef struct behav_profile {
  game_profile *pure; /* indexing of every stage; pure actions of non-leader stages
                         (the follower's response); at a leader information set
                         the entry is PROFILE_NONE or the lowest most probable action */
  mpq_t **prob;       /* prob[t-1]: NULL unless stage t is a leader stage with a
                         choice (layers other than {1}); else size * domain
                         probabilities, row per information set, all 0 where unset */
  size_t *nprob;      /* nprob[t-1]: entries of prob[t-1] (0 if NULL) */
} behav_profile;

/* A new profile for finished g with nothing set: entries PROFILE_NONE, all
 * probabilities 0. Layer-1-only stages get layer 1 (they play their
 * instinct), the others layer 2. NULL if profile_size(g) > max_entries
 * (0: no cap). Free with behav_free (accepts NULL). */
behav_profile *behav_new (const struct game *g, size_t max_entries);
void behav_free (behav_profile *b);

/* Sets the leader's distribution (domain values, copied) at information set
 * idx of leader stage t. Requires b->prob[t-1] != NULL. */
void behav_set_dist (const struct game *g, behav_profile *b, unsigned t, size_t idx, const mpq_t *dist);
/* Sets the leader's information set idx of stage t to action a with probability 1. */
void behav_set_pure (const struct game *g, behav_profile *b, unsigned t, size_t idx, int a);

/* Plays b on g exactly, as profile_evaluate does for pure profiles: leader
 * stages draw from their distributions, exogenous variables from their
 * priors. reward (nplayers, initialised by the caller) gets the expected
 * rewards; outs (may be NULL) the positive-probability outcomes (at most
 * max_outcomes). Returns false if an active stage has no action or
 * distribution at a positive-probability history (*missing_stage, if
 * non-NULL, gets the stage). */
bool behav_evaluate (const struct game *g, const behav_profile *b, mpq_t *reward, profile_outcomes *outs,
                     size_t max_outcomes, unsigned *missing_stage);

/* ---- certificates ------------------------------------------------------ */

/* A non-increasing piecewise-linear function on (-inf, b[n-1]], continuous
 * from the left: piece k covers (b[k-1], b[k]] (b[-1] = -inf) and runs
 * linearly from the limit vl[k] (just right of b[k-1]) to the value vr[k]
 * at b[k]; piece 0 is constant (vl[0] = vr[0]). It is the upper boundary
 * of a set of (follower, leader) reward pairs closed under decreasing
 * either coordinate (a Letchford-Conitzer frontier): f(u) is the most the
 * leader can get while the follower gets at least u. */
typedef struct behav_pwl {
  size_t n, cap;
  mpq_t *b, *vl, *vr;
} behav_pwl;

void behav_pwl_init (behav_pwl *f);
void behav_pwl_clear (behav_pwl *f);
void behav_pwl_reset (behav_pwl *f);
void behav_pwl_copy (behav_pwl *dst, const behav_pwl *src);
void behav_pwl_push (behav_pwl *f, const mpq_t b, const mpq_t vl, const mpq_t vr);

enum { BEHAV_CERT_NONE = 0, BEHAV_CERT_LP = 1, BEHAV_CERT_TREE = 2 };

/* The certificate of optimality of a mixed commitment.
 * LP (one-shot games, multiple LPs): leader stage lstage with nl actions,
 * follower stage fstage with nf actions; for every follower action j a bound
 * z[j] and multipliers w[j*nf + j'] >= 0 (the dual of LP j) such that for
 * every leader action i
 *     uL(i,j) + sum_j' w[j*nf+j'] (uF(i,j) - uF(i,j')) <= z[j],
 * hence every commitment to which j is a best response gives the leader at
 * most z[j]; optimal iff every z[j] <= the leader's reward.
 * TREE (perfect-information trees): front[k] is the claimed frontier of
 * the k-th choice node in depth-first preorder (actions in index order);
 * a checker verifies that they bound the achievable sets from above
 * node by node and that the root's maximum equals the leader's reward. */
typedef struct behav_cert {
  int kind;
  unsigned lstage, fstage, nl, nf;
  mpq_t *z, *w;
  size_t nnodes;
  behav_pwl *front;
} behav_cert;

void behav_cert_init (behav_cert *c);
void behav_cert_clear (behav_cert *c);

/* ---- the mixed-commitment solution -------------------------------------- */

enum { MIXED_LPS = 1, MIXED_TREE = 2 };

/* What the mixed-commitment finder (solver/game/mixed) reports and the
 * result documents (solver/model/result) carry. */
typedef struct mixed_solution {
  game_solution sol;      /* concept "mixed", tie strong; rewards, welfare, outcomes, status,
                             nodes, leaves, seconds (sol.profile stays NULL) */
  int method;             /* MIXED_LPS or MIXED_TREE */
  behav_profile *prof;    /* NULL if not built (too large; sol.reason says so) */
  behav_cert cert;        /* kind BEHAV_CERT_NONE if not kept */
  uint64_t choice_nodes;  /* tree: choice nodes; LPs: LPs solved */
  size_t front_max;       /* tree: most pieces in one frontier */
  uint64_t front_total;   /* tree: pieces summed over the choice nodes */
  double frontier_seconds; /* tree: the bottom-up pass alone */
  bool weak;              /* weak tie-break: sup holds the leader's supremum, which may not be
                             attained; rewards are those at the reported commitment with the
                             weak response; no certificate */
  mpq_t sup;
} mixed_solution;

#endif
