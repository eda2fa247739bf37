/* Checker of the commitment concepts (DESIGN §3.6): pure-commitment
 * Stackelberg (SSE), S-CNE and the epsilon-satisficing follower. Verifies a
 * given two-player profile exactly and names the first failing deviation.
 * Independent of the finders (includes model and profile headers only). */
#ifndef SCNFG_PROOFS_CHK_COMMIT_H
#define SCNFG_PROOFS_CHK_COMMIT_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/model/profile.h"

struct game;
struct scnfg_limits;
struct scnfg_error;

enum { CHK_COMMIT_OK = 0, CHK_COMMIT_FAILED = 1, CHK_COMMIT_UNKNOWN = 3 };
enum { CHK_COMMIT_SSE = 0, CHK_COMMIT_SCNE = 1, CHK_COMMIT_SATISFICING = 2 };

typedef struct chk_commit_options {
  int concept;                     /* CHK_COMMIT_SSE, _SCNE, _SATISFICING */
  game_tie tie;
  mpq_t eps;                       /* satisficing */
  bool robust;                     /* satisficing */
  uint64_t max_brute;              /* leader policies brute-forced at most (default 4096) */
  size_t max_histories;            /* histories expanded at most (default 200000) */
  const struct scnfg_limits *lim;  /* timeout (may be NULL) */
} chk_commit_options;

void chk_commit_options_init (chk_commit_options *o);
void chk_commit_options_clear (chk_commit_options *o);
/* "sse", "scne", "satisficing" -> CHK_COMMIT_*; false if unknown. */
bool chk_commit_concept_parse (const char *s, int *out);

typedef struct chk_commit_report {
  int verdict;            /* CHK_COMMIT_OK, _FAILED, _UNKNOWN (a limit hit) */
  bool leader_checked;    /* leader optimality brute-forced */
  /* the first failure: stages in order, then information sets in the
     policy order, then actions by index; stage 0: the leader's whole policy */
  unsigned stage;
  size_t infoset;
  int played, deviation;
  char msg[512];
  uint64_t policies;      /* leader policies brute-forced */
} chk_commit_report;

/* Checks p (borrowed) on finished g (borrowed):
 *  - every active stage names an allowed action at every information set
 *    (reached or not); reported layers are allowed, and for S-CNE (and
 *    satisficing followers) the lowest sufficient ones (DESIGN §3.4);
 *  - follower stages: at every information set, the choice the concept
 *    prescribes, recomputed exactly from the prior and the leader's policy
 *    in p (Bayes; at probability 0 uniform leader mixing, then uniform over
 *    histories), continuations under p's later play (satisficing: under
 *    best responses later, recomputed here), with the tie-break;
 *  - the leader: no pure policy gives it more, or as much and the follower
 *    more, and none as good for both comes earlier in the policy order —
 *    by brute force over every leader policy when there are at most
 *    max_brute of them; otherwise leader_checked is false and msg says
 *    "leader optimality not checked".
 * Returns false with an ERROR_INPUT record if g has not exactly two players. */
bool chk_commit_check (const struct game *g, const game_profile *p, const chk_commit_options *o,
                       chk_commit_report *rep, struct scnfg_error *err);

#endif
