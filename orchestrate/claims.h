/* The claims registry (DESIGN §6): named, documented predicates over seeded
 * generated instances, each with a stated scope and, per instance family, an
 * expected status (held, or expected counterexample). An orchestrator: every
 * claim calls the project's finders and checkers and compares their answers;
 * nothing is re-solved here. A failing instance is shrunk (instances/edit.h)
 * and the smallest counterexample written as a game file or QDIMACS. */
#ifndef SCNFG_ORCHESTRATE_CLAIMS_H
#define SCNFG_ORCHESTRATE_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scnfg_error;

/* Instance families (the generators', seeded). */
typedef enum claims_family {
  CLAIMS_FAM_QBF,          /* random prenex CNF, 3 blocks (qbfgen) */
  CLAIMS_FAM_SSAT,         /* the same with r blocks (qbfgen, SSAT) */
  CLAIMS_FAM_WIN_LOSE,     /* perfect-information win/lose games (gamegen) */
  CLAIMS_FAM_GAME_PI,      /* perfect-information games with chance (gamegen) */
  CLAIMS_FAM_GAME_UNCONF,  /* imperfect-information games, no confounders (gamegen) */
  CLAIMS_FAM_GAME_CONF,    /* imperfect-information games, 2 unobserved confounders (gamegen) */
  CLAIMS_FAM_SIGNAL,       /* random signaling games (siggen) */
  CLAIMS_FAM_SIGNAL_NOISE, /* signaling games with sender noise, layers observable half the time */
  CLAIMS_FAM_ONESHOT,      /* two-stage imperfect-information games (gamegen), one-shot when the owners differ
                              and the second mover does not observe the first */
  CLAIMS_FAM_GAME_LARGE,   /* 6-8 stages, domains 2-3, payoff-relevant confounders (gamegen) */
  CLAIMS_NFAM
} claims_family;

/* Expected status of a claim on a family. */
enum { CLAIMS_NA = 0, CLAIMS_HOLDS = 1, CLAIMS_CEX = 2 };

/* Outcome of one instance. */
enum { CLAIMS_HELD = 0, CLAIMS_FAILED = 1, CLAIMS_SKIP = 2 };

typedef struct claims_claim {
  const char *name;
  const char *statement;       /* what is compared */
  const char *scope;           /* the hypotheses; instances outside are skipped where the claim is expected to hold */
  const char *unavailable;     /* non-NULL: not available (why) */
  unsigned char expect[CLAIMS_NFAM];
} claims_claim;

size_t claims_count (void);
const claims_claim *claims_get (size_t i);
const claims_claim *claims_find (const char *name); /* NULL if unknown */
const char *claims_family_name (claims_family f);
const char *claims_family_describe (claims_family f);
bool claims_family_parse (const char *s, claims_family *out);
/* True iff the family can be generated with generic payoffs (gamegen's
 * random games; not formulas, win/lose or signaling games). */
bool claims_family_generic (claims_family f);

/* Class of a counterexample of a tie-sensitive claim (regression,
 * satisficing-eps0, robust-eps0), over the claim's tie-breaks: */
enum {
  CLAIMS_CLASS_NONE = 0, /* not classified (no tie-sensitive claim) */
  CLAIMS_CLASS_GENERIC,  /* generic payoffs (instances/generic.h) and the leader's reward differs under every
                            tie-break */
  CLAIMS_CLASS_TIE,      /* a tie artefact: the claim holds under some tie-break */
  CLAIMS_CLASS_OTHER,    /* fails under every tie-break, but the payoffs are not generic or the leader's reward
                            does not differ under each */
};
/* "generic", "tie-artefact", "other" ("" for NONE). */
const char *claims_class_name (int cls);
typedef struct claims_options {
  uint64_t seed;               /* instance j of a family uses seed + j */
  unsigned count;              /* instances per (claim, family) that are in scope */
  unsigned max_attempts;       /* seeds tried at most (0: 10 * count) */
  const char *cex_dir;         /* write counterexamples here (NULL: do not write) */
  unsigned shrink_tries;       /* predicate calls per shrink (0: 400) */
  bool generic;                /* generic payoffs (gamegen generic; instances/generic.h checks each
                                  instance, a failing one is redrawn): only families with
                                  claims_family_generic, others are not run (expect NA) */
} claims_options;

void claims_options_init (claims_options *o);

/* One row of the table. */
typedef struct claims_row {
  const claims_claim *claim;
  claims_family family;
  int expect;                  /* CLAIMS_HOLDS or CLAIMS_CEX (or CLAIMS_NA: not run) */
  unsigned instances, held, failed, expected_cex, skipped;
  unsigned redraws;            /* generic: seeds whose instance failed generic_check */
  unsigned cls[4];             /* failures by class (CLAIMS_CLASS_*) */
  double seconds;
  /* the first failure (unexpected, else expected; generic over tie artefacts), shrunk keeping its class */
  bool has_cex;
  int cex_class;               /* CLAIMS_CLASS_* of the shrunk counterexample */
  uint64_t cex_seed;           /* seed of the instance before shrinking */
  size_t cex_size_before, cex_size;
  char cex_file[512];          /* "" if not written: DIR/CLAIM-FAMILY[-CLASS].xml or .qdimacs */
  char cex_note[400];          /* what differs on the shrunk instance */
} claims_row;

/* Runs claim c on family f (c->expect[f] must not be CLAIMS_NA and c must be
 * available). Returns false only if writing a counterexample failed (err set). */
bool claims_run (const claims_claim *c, claims_family f, const claims_options *o, claims_row *row,
                 struct scnfg_error *err);

/* Evaluates claim c on one instance of family f with that seed, without
 * shrinking: CLAIMS_HELD, CLAIMS_FAILED or CLAIMS_SKIP (out of scope where
 * the claim must hold, not applicable, or a limit). why gets a one-line
 * reason for a failure. *in_scope says whether the instance satisfies the
 * claim's hypotheses. */
int claims_eval_seed (const claims_claim *c, claims_family f, uint64_t seed, bool *in_scope, char *why,
                      size_t size);

#endif
