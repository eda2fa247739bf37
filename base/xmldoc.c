/* Hardened XML input shared by the file readers (games, profiles, results,
 * certificates): a size-capped read, a parse with no network, no entity
 * expansion and no DTD (rejected as soon as the parser meets <!DOCTYPE),
 * a nesting cap, and RelaxNG validation against a compiled-in schema. The
 * first error is kept, with its line and element. libxml2 2.9.14 types appear
 * here only as the opaque document handed to the reader modules. */
#include "base/xmldoc.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"

typedef struct xerr {
  bool set, dtd;
  unsigned line;
  char msg[160];
  char elem[48];
} xerr;

static void quiet (void *ctx, const char *msg, ...) {
  (void) ctx, (void) msg;
}

static void copy_msg (xerr *x, const char *m) {
  snprintf (x->msg, sizeof x->msg, "%s", m ? m : "error");
  size_t n = strlen (x->msg);
  while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' ')) x->msg[--n] = 0;
}

static void parser_error (void *ctx, xmlErrorPtr e) {
  xmlParserCtxtPtr c = ctx;
  xerr *x = c->_private;
  if (!x || x->set || e->level < XML_ERR_ERROR) return;
  x->set = true;
  x->line = e->line > 0 ? (unsigned) e->line : 0;
  copy_msg (x, e->message);
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

/* Depth of the element tree (bounded walk). */
static xmlNodePtr too_deep (xmlNodePtr n, int depth, int max_depth) {
  if (depth > max_depth) return n;
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      xmlNodePtr d = too_deep (c, depth + 1, max_depth);
      if (d) return d;
    }
  return NULL;
}

/* Parses buf into a validated document, or NULL with err set. */
xmlDocPtr xmldoc_parse_valid (const char *buf, size_t len, const char *name, const char *schema, size_t max_bytes,
                              int max_depth, scnfg_error *err) {
  if (len > max_bytes)
    return error_set (err, ERROR_INPUT, name, 0, 0, "input of %zu bytes exceeds the limit of %zu bytes", len,
                      max_bytes),
           NULL;
  xerr x;
  memset (&x, 0, sizeof x);
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt (buf, (int) len);
  if (!ctxt) return error_set (err, ERROR_INPUT, name, 0, 0, "not well-formed XML: empty document"), NULL;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  ctxt->_private = &x;
  ctxt->sax->serror = parser_error;
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
    if (x.dtd) return error_set (err, ERROR_INPUT, name, x.line, 0, "%s", x.msg), NULL;
    return error_set (err, ERROR_INPUT, name, x.line, 0, "not well-formed XML: %s", x.set ? x.msg : "parse failed"),
           NULL;
  }
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr deep = root ? too_deep (root, 1, max_depth) : NULL;
  if (deep) {
    error_set (err, ERROR_INPUT, name, line_of (deep), 0, "element <%s>: elements nested deeper than %d",
               (const char *) deep->name, max_depth);
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
