/* From the game side's equilibrium policy to a QBF strategy certificate
 * (DESIGN §6: "the game side's equilibrium policy is a certificate for the
 * QBF side"). */
#ifndef SCNFG_REDUCTIONS_POLICY2CERT_H
#define SCNFG_REDUCTIONS_POLICY2CERT_H

struct qbf;
struct game;
struct game_profile;
struct cert;

/* Given r-free formula f, the game g = qbf2game_reduce (f) and a profile p of
 * g (SPE; pruned profiles allowed: missing entries are don't-cares), returns
 * a new certificate (cert_free): skolem != 0 — the leader's policy as Skolem
 * functions of the ∃ variables; else the follower's as Herbrand functions of
 * the ∀ variables. Each stage's table becomes a circuit by Shannon expansion
 * over the observed earlier moves with shared identical sub-functions (a
 * reduced decision diagram in stage order). Returns NULL if f has r blocks
 * or g's stages do not match f's prefix. */
struct cert *policy2cert_extract (const struct qbf *f, const struct game *g, const struct game_profile *p, int skolem);

#endif
