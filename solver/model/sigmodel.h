/* Signaling analyses as model types (DESIGN §4): the signaling shape of a
 * game and the exact result of the analysis: pure PBE families, their
 * refinements and the layered equilibria. The signaling finder
 * (solver/game/signal) fills them; the result writers (solver/model/result,
 * resulttext) and the checkers read them. Types only. */
#ifndef SCNFG_SOLVER_MODEL_SIGMODEL_H
#define SCNFG_SOLVER_MODEL_SIGMODEL_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct game;

#define SIGNAL_MAX_TYPES 16
#define SIGNAL_MAX_ACTIONS 12

/* The signaling shape of a finished game: type theta (exogenous, revealed
 * at stage 1, every prior value > 0), stage 1 message m by the sender who
 * observes exactly {theta}, stage 2 action a by the other player who
 * observes exactly {m}; rewards depending on (theta, m, a) only. */
typedef struct signal_game {
  const struct game *g;   /* borrowed; must outlive this */
  int theta, msg, act;    /* variable indices */
  int sender, receiver;   /* player indices */
  unsigned K, M, A;       /* types, messages, actions */
  mpq_t *prior;           /* K */
  mpq_t *us, *ur;         /* K*M*A, index (t*M + m)*A + a */
  unsigned layers;        /* the sender's GAME_L* bits */
  bool observable;        /* g->layers_observable */
} signal_game;

#define SIGNAL_IX(sg, t, m, a) (((size_t) (t) * (sg)->M + (m)) * (sg)->A + (a))

typedef enum signal_class { SIGNAL_SEPARATING, SIGNAL_POOLING, SIGNAL_PARTIAL } signal_class;

/* One supporting response of the receiver at an off-path message m: the
 * mixtures over 'support' (a bit set of actions; one bit: a pure action)
 * that deter every type and are best responses, all of 'support' at once,
 * to some belief. */
typedef struct signal_response {
  unsigned support;      /* bit set over actions */
  mpq_t *belief;         /* K: a witness belief making all of support best responses */
  mpq_t *blo, *bhi;      /* K: range of each type's belief over that belief set */
  mpq_t *mix;            /* A: a witness deterring mixture on the support */
  mpq_t *mlo, *mhi;      /* A: range of each action's weight over the deterring mixtures */
  bool d1_ok;            /* a best response to a belief on the D1-undeleted types */
} signal_response;

typedef struct signal_offpath {
  unsigned m;
  size_t n;
  signal_response *r;    /* pure responses first (by action), then mixtures (by support) */
} signal_offpath;

/* Verdict of one refinement. */
typedef struct signal_verdict {
  bool survives;
  int msg;               /* failing message, -1 if it survives */
  int type;              /* intuitive: the type outside J(m) that gains for sure;
                            D1: the first undeleted type (-1 if none) */
  uint32_t set;          /* intuitive: J(msg); D1: the deleted types at msg */
  int by[SIGNAL_MAX_TYPES]; /* D1: by[t] = a type t' deleting t at msg, or -1 */
} signal_verdict;

/* A family of pure PBE: one sender strategy and one on-path outcome. */
typedef struct signal_pbe {
  int *send;             /* K: message of each type */
  int *resp;             /* M: on-path action; off-path: the first pure supporting action */
  bool *onpath;          /* M */
  mpq_t *post;           /* M*K: on-path posteriors (Bayes); off-path: that action's witness */
  mpq_t *pay;            /* K: each type's equilibrium payoff */
  mpq_t reward_s, reward_r; /* expected rewards */
  signal_class cls;
  size_t noff;
  signal_offpath *off;   /* the off-path messages in index order */
  uint64_t npure;        /* pure PBE in the family (saturating) */
  signal_verdict intuitive, d1;
} signal_pbe;

/* One equilibrium of the layered game (see docs/signaling.md). */
typedef struct signal_layer_eq {
  unsigned layer;        /* lowest layer whose policy set holds the strategy */
  mpq_t *sigma;          /* K*M: the sender's behaviour P(m | theta) */
  int *resp;             /* M: on-path action, -1 off path */
  mpq_t *post;           /* M*K: on-path posteriors */
  mpq_t reward_s, reward_r;
} signal_layer_eq;

typedef struct signal_layers {
  bool skipped;          /* too many strategies or responses: equilibria not enumerated
                            (trivial is still set when the strategy set was built) */
  bool trivial;          /* the strategy set equals the plain pure strategies */
  size_t nstrat[4];      /* distinct strategies whose lowest layer is 1, 2, 3 */
  size_t n;
  signal_layer_eq *eq;   /* one per (strategy, on-path responses) */
  bool changes_posterior, changes_reward; /* vs the plain PBE */
} signal_layers;

typedef struct signal_result {
  unsigned K, M, A;      /* sizes of the game solved (for clearing) */
  size_t n;
  signal_pbe *pbe;
  uint64_t npure;        /* pure PBE in all (saturating) */
  size_t nclass[3];
  size_t nintuitive, nd1; /* surviving families */
  signal_layers layers;
} signal_result;

#endif
