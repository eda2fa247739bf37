/* Hardened XML input shared by the file readers (see xmldoc.c), and a small
 * read-only walk over the parsed document. The only header of the project
 * that stands for libxml2: documents and nodes are opaque handles, strings
 * handed out are plain char (new ones are the caller's to free). */
#ifndef SCNFG_BASE_XMLDOC_H
#define SCNFG_BASE_XMLDOC_H

#include <stdbool.h>
#include <stddef.h>

struct scnfg_error;

typedef struct xmldoc xmldoc;           /* a parsed, validated document */
typedef struct xmldoc_node xmldoc_node; /* a node of one (lives as long as it) */

/* Reads a whole file (at most max_bytes) into a new buffer (free). */
bool xmldoc_slurp (const char *path, size_t max_bytes, char **buf, size_t *len, struct scnfg_error *err);

/* Parses buf[0..len) ('name' for messages) and validates it against the
 * RelaxNG schema text 'schema' (ours: a schema that fails to compile aborts).
 * Rejects inputs over max_bytes, any DTD, nesting deeper than max_depth.
 * If 'required' != NULL ({ROOT, ATTR..., NULL}), first (before the schema,
 * whose messages name no attribute and often no line) a root element named
 * ROOT must carry each ATTR, else "element <ROOT>: attribute 'ATTR' is
 * missing" at the root's line. Returns a document owned by the caller
 * (xmldoc_free) or NULL with 'err' naming the line and, where known, the
 * element. */
xmldoc *xmldoc_parse_valid (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                            int max_depth, const char *const *required, struct scnfg_error *err);
/* The same check without keeping the document: true iff valid. */
bool xmldoc_validate (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                      int max_depth, struct scnfg_error *err);
void xmldoc_free (xmldoc *d); /* accepts NULL */

/* The walk. Elements only, in document order: the root, the first child
 * element of n and the next sibling element of n (NULL when there is none;
 * xmldoc_first and xmldoc_next accept NULL). */
const xmldoc_node *xmldoc_root (const xmldoc *d);
const xmldoc_node *xmldoc_first (const xmldoc_node *n);
const xmldoc_node *xmldoc_next (const xmldoc_node *n);

/* Every child of n (elements, text, comments, ...), for readers that reject
 * stray content, with its kind. */
typedef enum xmldoc_kind { XMLDOC_ELEMENT, XMLDOC_TEXT, XMLDOC_BLANK, XMLDOC_COMMENT, XMLDOC_OTHER } xmldoc_kind;
const xmldoc_node *xmldoc_first_node (const xmldoc_node *n);
const xmldoc_node *xmldoc_next_node (const xmldoc_node *n);
xmldoc_kind xmldoc_node_kind (const xmldoc_node *n); /* XMLDOC_BLANK: text of whitespace only */

/* The element's name (borrowed), and whether it is 'name'. */
const char *xmldoc_name (const xmldoc_node *n);
bool xmldoc_is (const xmldoc_node *n, const char *name);
/* Its source line (0 if unknown). */
unsigned xmldoc_line (const xmldoc_node *n);
/* Attribute 'name' as a new string (free), NULL if absent. */
char *xmldoc_attr (const xmldoc_node *n, const char *name);
/* The same into buf (truncated to size); false if absent. */
bool xmldoc_attr_buf (const xmldoc_node *n, const char *name, char *buf, size_t size);
/* The text content of n and its descendants as a new string (free). */
char *xmldoc_text (const xmldoc_node *n);

/* Records an ERROR_INPUT at n's line in err (file 'file'):
 * "element <NAME id="ID">: MSG" (the id when n has one). Returns false. */
bool xmldoc_fail (struct scnfg_error *err, const char *file, const xmldoc_node *n, const char *fmt, ...)
    __attribute__ ((format (printf, 4, 5)));
/* Unsigned decimal attribute 'attr' of n (dflt if absent) into *out; false
 * (and xmldoc_fail: 'attr="S" is out of range (at most MAX)') if it is not
 * at most max. */
bool xmldoc_attr_count (struct scnfg_error *err, const char *file, const xmldoc_node *n, const char *attr,
                        unsigned long max, unsigned *out, unsigned dflt);

/* Splits s in place at XML whitespace; stores at most cap token pointers in
 * tok (may be NULL when cap is 0) and returns the number of tokens. For
 * list-valued attributes and element text. */
size_t xmldoc_split (char *s, char **tok, size_t cap);

#endif
