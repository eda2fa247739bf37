/* Reader of mixed-commitment results (solver/model/mixed.rng): the
 * behavioural commitment, the follower's response and the certificate, for
 * scnfg check --concept mixed. Hardened like every XML input (base/xmldoc). */
#ifndef SCNFG_SOLVER_MODEL_BEHAVXML_H
#define SCNFG_SOLVER_MODEL_BEHAVXML_H

#include <stdbool.h>
#include <stddef.h>

#include "solver/model/behav.h"

struct game;
struct scnfg_error;

#define BEHAVXML_MAX_BYTES ((size_t) 256 << 20) /* larger inputs are rejected */

/* Reads the result document in buf[0..len) ('name' for messages) against
 * finished g: on success *out is a new profile (behav_free) and cert (caller
 * storage, initialised here; behav_cert_clear) the certificate, kind
 * BEHAV_CERT_NONE if the document has none. On failure returns false with
 * an ERROR_INPUT record naming the line and element (nothing to free). */
bool behavxml_read_memory (behav_profile **out, behav_cert *cert, const struct game *g, const char *buf, size_t len,
                           const char *name, struct scnfg_error *err);
bool behavxml_read_file (behav_profile **out, behav_cert *cert, const struct game *g, const char *path,
                         struct scnfg_error *err);

#endif
