/* Hardened XML input shared by the file readers (see xmldoc.c). */
#ifndef SCNFG_BASE_XMLDOC_H
#define SCNFG_BASE_XMLDOC_H

#include <stdbool.h>
#include <stddef.h>

struct _xmlDoc;
struct scnfg_error;

/* Reads a whole file (at most max_bytes) into a new buffer (free). */
bool xmldoc_slurp (const char *path, size_t max_bytes, char **buf, size_t *len, struct scnfg_error *err);

/* Parses buf[0..len) ('name' for messages) and validates it against the
 * RelaxNG schema text 'schema' (ours: a schema that fails to compile aborts).
 * Rejects inputs over max_bytes, any DTD, nesting deeper than max_depth.
 * Returns a document owned by the caller (xmlFreeDoc) or NULL with 'err'
 * naming the line and, where known, the element. */
struct _xmlDoc *xmldoc_parse_valid (const char *buf, size_t len, const char *name, const char *schema,
                                    size_t max_bytes, int max_depth, struct scnfg_error *err);

#endif
