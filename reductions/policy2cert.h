/* From the game side's equilibrium policy to a QBF strategy certificate
 * (DESIGN §6: "the game side's equilibrium policy is a certificate for the
 * QBF side"). */
#ifndef SCNFG_REDUCTIONS_POLICY2CERT_H
#define SCNFG_REDUCTIONS_POLICY2CERT_H

struct qbf;
struct game;
struct game_profile;
struct cert;
struct pdag;

/* Given r-free formula f, the game g = qbf2game_reduce (f) and a profile p of
 * g (SPE; pruned profiles allowed: missing entries are don't-cares), returns
 * a new certificate (cert_free): skolem != 0 — the leader's policy as Skolem
 * functions of the ∃ variables; else the follower's as Herbrand functions of
 * the ∀ variables. Each stage's table becomes a circuit by Shannon expansion
 * over the observed earlier moves with shared identical sub-functions (a
 * reduced decision diagram in stage order). Returns NULL if f has r blocks
 * or g's stages do not match f's prefix. */
struct cert *policy2cert_extract (const struct qbf *f, const struct game *g, const struct game_profile *p, int skolem);

/* The same from the winner's policy DAG that spe_solve recorded for g
 * (spe_options.policy; solver/model/pdag.h), without any dense profile: node
 * n gets a reach literal r(n) (the root: true; a branch on the opponent's
 * variable y passes r & y to its 1-kid and r & -y to its 0-kid; a choice
 * passes r to its child; a node reached along several paths ORs them), and
 * the function of the winner's variable x is the OR of r(n) over the choice
 * nodes n at x that play 1 (false if there is none). r(n) reads only the
 * opponent's variables set before n, so each function reads only variables
 * quantified before its own. Returns NULL as policy2cert_extract does, and
 * also if the DAG has no root or is full, or a reachable node does not fit
 * (a choice of the opponent, a branch on the winner's variable). */
struct cert *policy2cert_from_dag (const struct qbf *f, const struct game *g, const struct pdag *d, int skolem);

#endif
