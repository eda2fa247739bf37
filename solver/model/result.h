/* Result documents: the one module that writes and reads every result
 * document the project produces, against one schema (solver/model/result.rng,
 * compiled in): <scnfg-result> of the pure concepts (spe, sse, scne,
 * satisficing: a game_solution) and of the mixed commitment (a
 * mixed_solution), the bare <profile>, and the <scnfg-signal> report of a
 * signaling analysis. Writers go through base/xmlw, readers through
 * base/xmldoc (hardened, validated). The human tables of the same results
 * are solver/model/resulttext. Never prints on its own. */
#ifndef SCNFG_SOLVER_MODEL_RESULT_H
#define SCNFG_SOLVER_MODEL_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "solver/model/behav.h"
#include "solver/model/profile.h"
#include "solver/model/sigmodel.h"

struct game;
struct scnfg_error;

#define RESULT_MAX_BYTES ((size_t) 64 << 20)        /* profiles and pure results: larger are rejected */
#define RESULT_MAX_DEPTH 100                        /* deeper element nesting is rejected */
#define RESULT_MIXED_MAX_BYTES ((size_t) 256 << 20) /* mixed results (certificates can be large) */
#define RESULT_MIXED_MAX_DEPTH 16

/* The RelaxNG schema text every document written here validates against. */
const char *result_schema (void);

/* ---- writers ------------------------------------------------------------ */

/* The <profile> element of p alone, indented by 'indent' spaces. */
void result_write_profile (FILE *f, const struct game *g, const game_profile *p, int indent);
/* The <scnfg-result> document of a pure concept's solution s. */
void result_write_solution (FILE *f, const struct game *g, const game_solution *s);
/* The <scnfg-result concept="mixed"> document with the full certificate. */
void result_write_mixed (FILE *f, const struct game *g, const mixed_solution *ms);

/* Which refinements a signal report carries: bit 1 intuitive criterion, bit 2 D1. */
enum { RESULT_INTUITIVE = 1, RESULT_D1 = 2 };
/* The <scnfg-signal> document of r (solved from sg). */
void result_write_signal (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine);

/* Pieces shared with the text reports (resulttext): "id=label ..." of the
 * outcome vals of a pure result (every non-endogenous variable in fixing
 * order, '-' for an inactive action; labels escaped), and of a mixed result
 * (the active stages; xml: escaped and space-separated, else each as
 * " id=label"); the mixed method's name; a signal family's class name. */
void result_values (FILE *f, const struct game *g, const int *vals);
void result_stage_values (FILE *f, const struct game *g, const int *vals, bool xml);
const char *result_mixed_method (int method);
const char *result_signal_class (signal_class c);

/* ---- readers ------------------------------------------------------------ */

/* Reads a profile for finished g from a <profile> document or the <profile>
 * inside a <scnfg-result> document. Checks stages, action ids, observation
 * sets and value ranges against g. *out is owned by the caller
 * (profile_free); on failure false with an ERROR_INPUT (or ERROR_IO) record
 * naming the file, line and element, *out NULL. */
bool result_read_profile_memory (game_profile **out, const struct game *g, const char *buf, size_t len,
                                 const char *name, struct scnfg_error *err);
bool result_read_profile_file (game_profile **out, const struct game *g, const char *path, struct scnfg_error *err);

/* Reads a mixed-commitment result (concept mixed, tie strong) against
 * finished g: on success *out is a new profile (behav_free) and cert
 * (caller storage, initialised here; behav_cert_clear) the certificate,
 * kind BEHAV_CERT_NONE if the document has none. On failure false with an
 * ERROR_INPUT record naming the line and element (nothing to free). */
bool result_read_mixed_memory (behav_profile **out, behav_cert *cert, const struct game *g, const char *buf,
                               size_t len, const char *name, struct scnfg_error *err);
bool result_read_mixed_file (behav_profile **out, behav_cert *cert, const struct game *g, const char *path,
                             struct scnfg_error *err);

#endif
