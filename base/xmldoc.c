/* Hardened XML input shared by the file readers (games, profiles, results,
 * certificates): a size-capped read, a parse with no network, no entity
 * expansion and no DTD (rejected as soon as the parser meets <!DOCTYPE),
 * a nesting cap, and RelaxNG validation against a compiled-in schema. The
 * first error is kept, with its line and element. libxml2 2.9.14 is confined
 * to this file: the readers walk the document through opaque handles, and
 * no xmlChar escapes (every xmlGetProp is copied and freed here). */
#include "base/xmldoc.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"

typedef struct xerr {
  bool set, dtd, deep;
  unsigned line;
  char msg[160];
  char elem[48];
  int depth, max_depth; /* of the open elements while parsing (our cap, below libxml2's 256) */
  startElementNsSAX2Func start;
  endElementNsSAX2Func end;
} xerr;

static void quiet (void *ctx, const char *msg, ...) {
  (void) ctx, (void) msg;
}

static void copy_msg (xerr *x, const char *m) {
  snprintf (x->msg, sizeof x->msg, "%s", m ? m : "error");
  size_t n = strlen (x->msg);
  while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' ')) x->msg[--n] = 0;
}

#define EMPTY_MSG "the document is empty (no root element)"

static void parser_error (void *ctx, xmlErrorPtr e) {
  xmlParserCtxtPtr c = ctx;
  xerr *x = c->_private;
  if (!x || x->set || e->level < XML_ERR_ERROR) return;
  x->set = true;
  x->line = e->line > 0 ? (unsigned) e->line : 0;
  copy_msg (x, e->code == XML_ERR_DOCUMENT_EMPTY ? EMPTY_MSG : e->message);
}

static void schema_error (void *data, xmlErrorPtr e) {
  xerr *x = data;
  if (x->set || e->level < XML_ERR_ERROR) return;
  x->set = true;
  xmlNodePtr n = e->node;
  long l = n ? xmlGetLineNo (n) : e->line;
  x->line = l > 0 ? (unsigned) l : 0;
  if (n && n->type == XML_ELEMENT_NODE) snprintf (x->elem, sizeof x->elem, "%s", (const char *) n->name);
  copy_msg (x, e->message);
}

static void on_doctype (void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys) {
  (void) name, (void) ext, (void) sys;
  xmlParserCtxtPtr c = ctx;
  xerr *x = c->_private;
  if (x && !x->set) {
    x->set = x->dtd = true;
    x->line = c->input ? (unsigned) c->input->line : 0;
    copy_msg (x, "document carries a DTD (<!DOCTYPE>), which is not allowed");
  }
  xmlStopParser (c);
}

static unsigned line_of (xmlNodePtr n) {
  long l = xmlGetLineNo (n);
  return l > 0 ? (unsigned) l : 0;
}

/* The nesting cap is enforced while parsing: libxml2 stops by itself at 256
 * (without XML_PARSE_HUGE) with its own message, so a document nested deeper
 * than max_depth is stopped here at its first element too deep. */
static void on_start (void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                      const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
  xmlParserCtxtPtr c = ctx;
  xerr *x = c->_private;
  x->start (ctx, local, prefix, uri, nns, ns, nattr, ndef, attrs);
  if (++x->depth <= x->max_depth || x->set) return;
  x->set = x->deep = true;
  x->line = c->node ? line_of (c->node) : c->input ? (unsigned) c->input->line : 0;
  snprintf (x->msg, sizeof x->msg, "element <%s>: elements nested deeper than %d", (const char *) local,
            x->max_depth);
  xmlStopParser (c);
}

static void on_end (void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  xmlParserCtxtPtr c = ctx;
  xerr *x = c->_private;
  x->depth--;
  x->end (ctx, local, prefix, uri);
}

/* Parses buf into a validated document, or NULL with err set. */
static xmlDocPtr parse_valid (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                              int max_depth, const char *const *required, scnfg_error *err) {
  if (len > max_bytes)
    return error_set (err, ERROR_INPUT, name, 0, 0, "input of %zu bytes exceeds the limit of %zu bytes", len,
                      max_bytes),
           NULL;
  xerr x;
  memset (&x, 0, sizeof x);
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt (buf, (int) len);
  if (!ctxt) /* libxml2 makes no context for an empty buffer */
    return error_set (err, ERROR_INPUT, name, 1, 0, "not well-formed XML: " EMPTY_MSG), NULL;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  ctxt->_private = &x;
  ctxt->sax->serror = parser_error;
  x.max_depth = max_depth;
  x.start = ctxt->sax->startElementNs, x.end = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = on_start;
  ctxt->sax->endElementNs = on_end;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->resolveEntity = NULL;
  ctxt->sax->entityDecl = NULL;
  xmlSetGenericErrorFunc (NULL, quiet); /* encoding errors bypass the structured handler */
  xmlParseDocument (ctxt);
  xmlSetGenericErrorFunc (NULL, NULL);
  xmlDocPtr doc = ctxt->myDoc;
  bool ok = ctxt->wellFormed && doc && !x.set;
  ctxt->myDoc = NULL;
  xmlFreeParserCtxt (ctxt);
  if (ok && (doc->intSubset || doc->extSubset)) {
    x.set = x.dtd = true;
    copy_msg (&x, "document carries a DTD (<!DOCTYPE>), which is not allowed");
  }
  if (!ok || x.dtd) {
    if (doc) xmlFreeDoc (doc);
    if (x.dtd || x.deep) return error_set (err, ERROR_INPUT, name, x.line, 0, "%s", x.msg), NULL;
    return error_set (err, ERROR_INPUT, name, x.line, 0, "not well-formed XML: %s", x.set ? x.msg : "parse failed"),
           NULL;
  }
  /* required root attributes before the schema: libxml2's RelaxNG names no
   * attribute ("failed to validate attributes") and often no element or line */
  xmlNodePtr root = xmlDocGetRootElement (doc);
  bool is_root = root && required && required[0] && !strcmp ((const char *) root->name, required[0]);
  for (const char *const *a = is_root ? required + 1 : NULL; a && *a; a++)
    if (!xmlHasProp (root, (const xmlChar *) *a)) {
      error_set (err, ERROR_INPUT, name, line_of (root), 0, "element <%s>: attribute '%s' is missing",
                 (const char *) root->name, *a);
      xmlFreeDoc (doc);
      return NULL;
    }
  /* RelaxNG (the schema is ours: a failure to compile it is a bug) */
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt (schema, (int) strlen (schema));
  if (pc) xmlRelaxNGSetParserStructuredErrors (pc, schema_error, &x);
  xmlRelaxNGPtr rng = pc ? xmlRelaxNGParse (pc) : NULL;
  if (pc) xmlRelaxNGFreeParserCtxt (pc);
  INVARIANT (rng != NULL, "the compiled-in RelaxNG schema does not parse: %s", x.msg);
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt (rng);
  memset (&x, 0, sizeof x);
  xmlRelaxNGSetValidStructuredErrors (vc, schema_error, &x);
  int rc = xmlRelaxNGValidateDoc (vc, doc);
  xmlRelaxNGFreeValidCtxt (vc);
  xmlRelaxNGFree (rng);
  if (rc != 0) {
    if (x.elem[0])
      error_set (err, ERROR_INPUT, name, x.line, 0, "element <%s>: does not match the schema: %s", x.elem, x.msg);
    else
      error_set (err, ERROR_INPUT, name, x.line, 0, "does not match the schema: %s", x.set ? x.msg : "invalid");
    xmlFreeDoc (doc);
    return NULL;
  }
  return doc;
}

xmldoc *xmldoc_parse_valid (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                            int max_depth, const char *const *required, scnfg_error *err) {
  return (xmldoc *) parse_valid (buf, len, name, schema, max_bytes, max_depth, required, err);
}

bool xmldoc_validate (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                      int max_depth, scnfg_error *err) {
  xmlDocPtr doc = parse_valid (buf, len, name, schema, max_bytes, max_depth, NULL, err);
  if (doc) xmlFreeDoc (doc);
  return doc != NULL;
}

void xmldoc_free (xmldoc *d) {
  if (d) xmlFreeDoc ((xmlDocPtr) d);
}

/* ---- the walk ---------------------------------------------------------- */

static xmlNodePtr node (const xmldoc_node *n) { return (xmlNodePtr) n; }

static const xmldoc_node *handle (xmlNodePtr n) { return (const xmldoc_node *) n; }

static const xmldoc_node *element_from (xmlNodePtr n) {
  while (n && n->type != XML_ELEMENT_NODE) n = n->next;
  return handle (n);
}

const xmldoc_node *xmldoc_root (const xmldoc *d) { return handle (xmlDocGetRootElement ((xmlDocPtr) d)); }

const xmldoc_node *xmldoc_first (const xmldoc_node *n) { return n ? element_from (node (n)->children) : NULL; }

const xmldoc_node *xmldoc_next (const xmldoc_node *n) { return n ? element_from (node (n)->next) : NULL; }

const xmldoc_node *xmldoc_first_node (const xmldoc_node *n) { return handle (node (n)->children); }

const xmldoc_node *xmldoc_next_node (const xmldoc_node *n) { return handle (node (n)->next); }

xmldoc_kind xmldoc_node_kind (const xmldoc_node *n) {
  xmlNodePtr x = node (n);
  switch (x->type) {
  case XML_ELEMENT_NODE: return XMLDOC_ELEMENT;
  case XML_TEXT_NODE: return xmlIsBlankNode (x) ? XMLDOC_BLANK : XMLDOC_TEXT;
  case XML_COMMENT_NODE: return XMLDOC_COMMENT;
  default: return XMLDOC_OTHER;
  }
}

const char *xmldoc_name (const xmldoc_node *n) { return (const char *) node (n)->name; }

bool xmldoc_is (const xmldoc_node *n, const char *name) { return !strcmp (xmldoc_name (n), name); }

unsigned xmldoc_line (const xmldoc_node *n) { return line_of (node (n)); }

char *xmldoc_attr (const xmldoc_node *n, const char *name) {
  xmlChar *v = xmlGetProp (node (n), BAD_CAST name);
  if (!v) return NULL;
  char *s = mem_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

bool xmldoc_attr_buf (const xmldoc_node *n, const char *name, char *buf, size_t size) {
  xmlChar *v = xmlGetProp (node (n), BAD_CAST name);
  if (!v) return false;
  snprintf (buf, size, "%s", (const char *) v);
  xmlFree (v);
  return true;
}

char *xmldoc_text (const xmldoc_node *n) {
  xmlChar *v = xmlNodeGetContent (node (n));
  char *s = mem_strdup (v ? (const char *) v : "");
  if (v) xmlFree (v);
  return s;
}

bool xmldoc_fail (scnfg_error *err, const char *file, const xmldoc_node *n, const char *fmt, ...) {
  char msg[160], elem[120];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  char *id = xmldoc_attr (n, "id");
  if (id) snprintf (elem, sizeof elem, "<%s id=\"%s\">", xmldoc_name (n), id);
  else snprintf (elem, sizeof elem, "<%s>", xmldoc_name (n));
  free (id);
  return error_set (err, ERROR_INPUT, file, xmldoc_line (n), 0, "element %s: %s", elem, msg);
}

bool xmldoc_attr_count (scnfg_error *err, const char *file, const xmldoc_node *n, const char *attr,
                        unsigned long max, unsigned *out, unsigned dflt) {
  char *s = xmldoc_attr (n, attr);
  if (!s) {
    *out = dflt;
    return true;
  }
  errno = 0;
  char *end;
  unsigned long v = strtoul (s, &end, 10);
  bool ok = !errno && *s && !*end && v <= max;
  if (!ok) xmldoc_fail (err, file, n, "%s=\"%s\" is out of range (at most %lu)", attr, s, max);
  free (s);
  *out = (unsigned) v;
  return ok;
}

static bool is_space (char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t xmldoc_split (char *s, char **tok, size_t cap) {
  size_t n = 0;
  char *p = s;
  for (;;) {
    while (is_space (*p)) p++;
    if (!*p) break;
    if (n < cap) tok[n] = p;
    n++;
    while (*p && !is_space (*p)) p++;
    if (*p) *p++ = 0;
  }
  return n;
}

/* ---- input ------------------------------------------------------------- */

bool xmldoc_slurp (const char *path, size_t max_bytes, char **buf, size_t *len, scnfg_error *err) {
  FILE *f = fopen (path, "rb");
  if (!f) return error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
  struct stat st;
  if (fstat (fileno (f), &st) == 0 && S_ISREG (st.st_mode) && (uint64_t) st.st_size > max_bytes) {
    fclose (f);
    return error_set (err, ERROR_INPUT, path, 0, 0, "input of %lld bytes exceeds the limit of %zu bytes",
                      (long long) st.st_size, max_bytes);
  }
  size_t cap = 1 << 16, n = 0;
  char *b = mem_alloc (cap);
  size_t k;
  while ((k = fread (b + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n > max_bytes) {
      free (b);
      fclose (f);
      return error_set (err, ERROR_INPUT, path, 0, 0, "input exceeds the limit of %zu bytes", max_bytes);
    }
    if (n == cap) b = mem_realloc (b, cap *= 2);
  }
  bool bad = ferror (f);
  fclose (f);
  if (bad) {
    free (b);
    return error_set (err, ERROR_IO, path, 0, 0, "read error");
  }
  *buf = b;
  *len = n;
  return true;
}
