/* Checker of subgame-perfect equilibria (DESIGN §3.6): verifies a pure
 * profile of a perfect-information S-CNFG exactly and names the first
 * failing deviation. Independent of the finder (includes model headers only). */
#ifndef SCNFG_PROOFS_CHK_SPE_H
#define SCNFG_PROOFS_CHK_SPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/model/profile.h"

struct game;
struct scnfg_limits;
struct scnfg_error;

enum { CHK_SPE_OK = 0, CHK_SPE_FAILED = 1, CHK_SPE_UNKNOWN = 3 };

typedef struct chk_spe_report {
  int verdict;          /* CHK_SPE_OK, CHK_SPE_FAILED, CHK_SPE_UNKNOWN (a limit hit) */
  /* the first failure (stages in order, then information sets in
     lexicographic order of their observed values, then actions by index) */
  unsigned stage;
  size_t infoset;
  int played, deviation;  /* the profile's action and the failing alternative (-1: none) */
  char msg[512];
  uint64_t nodes;
} chk_spe_report;

/* Checks p (borrowed) against finished perfect-information g (borrowed):
 * at every history where a stage is active — reached or not — the profile
 * must name an action, allowed by the stage's layers (a layer-1-only stage
 * plays its instinct); no alternative may give the mover strictly more
 * (recomputed exactly, by backward evaluation of p); among the mover's best
 * actions the profile must pick the one the tie-break 'tie' selects
 * (followers), or the one best for the other players then lowest (leader).
 * Limits: max_nodes and timeout of lim (may be NULL). Returns false with an
 * ERROR_INPUT record only if g is not a perfect-information game. */
bool chk_spe_check (const struct game *g, const game_profile *p, game_tie tie, const struct scnfg_limits *lim,
                    chk_spe_report *rep, struct scnfg_error *err);

#endif
