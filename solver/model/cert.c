/* Strategy certificates: model, XML writer and reader (see cert.h); the
 * reader walks a hardened document of base/xmldoc. */
#include "solver/model/cert.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/xmldoc.h"
#include "base/xmlw.h"
#include "solver/model/qbf.h"

#define CERT_MAX_BYTES (256u << 20) /* input size cap */

cert *cert_new (cert_kind kind, int nvars) {
  cert *c = mem_calloc (1, sizeof *c);
  c->kind = kind;
  c->nvars = nvars;
  return c;
}

void cert_free (cert *c) {
  if (!c) return;
  free (c->gates);
  free (c->funcs);
  free (c);
}

int cert_and (cert *c, int a, int b) {
  if (a == CERT_FALSE || b == CERT_FALSE || a == -b) return CERT_FALSE;
  if (a == CERT_TRUE) return b;
  if (b == CERT_TRUE || a == b) return a;
  if (c->ngates == c->cap_gates) {
    c->cap_gates = c->cap_gates ? 2 * c->cap_gates : 64;
    c->gates = mem_realloc (c->gates, c->cap_gates * sizeof *c->gates);
  }
  c->gates[c->ngates].a = a;
  c->gates[c->ngates].b = b;
  return c->nvars + 1 + (int) c->ngates++;
}

int cert_or (cert *c, int a, int b) { return -cert_and (c, -a, -b); }

int cert_ite (cert *c, int s, int t, int e) {
  if (s == CERT_TRUE || t == e) return t;
  if (s == CERT_FALSE) return e;
  return cert_or (c, cert_and (c, s, t), cert_and (c, -s, e));
}

void cert_set_function (cert *c, int var, int lit) {
  for (unsigned i = 0; i < c->nfuncs; i++)
    if (c->funcs[i].var == var) {
      c->funcs[i].lit = lit;
      return;
    }
  if (c->nfuncs == c->cap_funcs) {
    c->cap_funcs = c->cap_funcs ? 2 * c->cap_funcs : 64;
    c->funcs = mem_realloc (c->funcs, c->cap_funcs * sizeof *c->funcs);
  }
  c->funcs[c->nfuncs].var = var;
  c->funcs[c->nfuncs++].lit = lit;
}

int cert_function_of (const cert *c, int var) {
  for (unsigned i = 0; i < c->nfuncs; i++)
    if (c->funcs[i].var == var) return c->funcs[i].lit;
  return 0;
}

static void print_lit (FILE *out, int lit) {
  if (lit == CERT_TRUE) fputs ("true", out);
  else if (lit == CERT_FALSE) fputs ("false", out);
  else fprintf (out, "%d", lit);
}

bool cert_write (FILE *out, const cert *c) {
  xmlw_decl (out);
  fprintf (out, "<qbf-certificate version=\"1\" kind=\"%s\" vars=\"%d\">\n",
           c->kind == CERT_SKOLEM ? "skolem" : "herbrand", c->nvars);
  for (unsigned g = 0; g < c->ngates; g++) {
    fprintf (out, "  <gate id=\"%d\" a=\"", c->nvars + 1 + (int) g);
    print_lit (out, c->gates[g].a);
    fputs ("\" b=\"", out);
    print_lit (out, c->gates[g].b);
    fputs ("\"/>\n", out);
  }
  for (unsigned i = 0; i < c->nfuncs; i++) {
    fprintf (out, "  <function var=\"%d\" lit=\"", c->funcs[i].var);
    print_lit (out, c->funcs[i].lit);
    fputs ("\"/>\n", out);
  }
  fputs ("</qbf-certificate>\n", out);
  return !ferror (out);
}

/* ---- reader ------------------------------------------------------------ */

static const char cert_rng[] = {
#include "cert_rng.inc"
    0};

static bool parse_int (const char *s, long lo, long hi, long *out) {
  if (!*s || (*s != '-' && (*s < '0' || *s > '9'))) return false;
  errno = 0;
  char *end;
  long v = strtol (s, &end, 10);
  if (errno || *end || v < lo || v > hi) return false;
  *out = v;
  return true;
}

/* A literal: "true", "false" or a nonzero integer naming a variable or an
 * already defined gate (ids below 'limit'). */
static bool parse_lit (const char *s, int limit, int *out) {
  if (!strcmp (s, "true")) return *out = CERT_TRUE, true;
  if (!strcmp (s, "false")) return *out = CERT_FALSE, true;
  long v;
  if (!parse_int (s, -(long) limit + 1, (long) limit - 1, &v) || v == 0) return false;
  *out = (int) v;
  return true;
}

#define FAIL(node, ...) \
  (error_set (err, ERROR_INPUT, path, xmldoc_line (node), 0, __VA_ARGS__), ok = false)

bool cert_read_file (cert **out, const char *path, scnfg_error *err) {
  *out = NULL;
  char *buf;
  size_t n;
  if (!xmldoc_slurp (path, CERT_MAX_BYTES, &buf, &n, err)) return false;
  bool ok = cert_read_memory (out, buf, n, path, err);
  free (buf);
  return ok;
}

bool cert_read_memory (cert **out, const char *buf, size_t len, const char *path, scnfg_error *err) {
  *out = NULL;
  xmldoc *doc = xmldoc_parse_valid (buf, len, path, cert_rng, CERT_MAX_BYTES, 8, NULL, err);
  if (!doc) return false;
  bool ok = true;
  cert *c = NULL;
  const xmldoc_node *root = xmldoc_root (doc);
  char a[64], b[64], v[64];
  long nv = 0;
  /* the schema has checked the structure; what remains is semantic */
  xmldoc_attr_buf (root, "kind", a, sizeof a);
  (void) v;
  if (!xmldoc_attr_buf (root, "vars", b, sizeof b) || !parse_int (b, 0, INT_MAX / 2, &nv))
    FAIL (root, "<qbf-certificate>: expected vars=\"V\" (a non-negative integer)");
  if (ok) c = cert_new (!strcmp (a, "skolem") ? CERT_SKOLEM : CERT_HERBRAND, (int) nv);
  for (const xmldoc_node *e = ok ? xmldoc_first_node (root) : NULL; e && ok; e = xmldoc_next_node (e)) {
    xmldoc_kind kind = xmldoc_node_kind (e);
    if (kind == XMLDOC_TEXT) FAIL (e, "unexpected text in <qbf-certificate>");
    if (kind == XMLDOC_TEXT || kind == XMLDOC_BLANK || kind == XMLDOC_COMMENT) continue;
    if (kind != XMLDOC_ELEMENT) { FAIL (e, "unexpected content in <qbf-certificate>"); break; }
    int limit = c->nvars + 1 + (int) c->ngates; /* literals below this id are defined */
    if (xmldoc_is (e, "gate")) {
      long id;
      int la, lb;
      if (!xmldoc_attr_buf (e, "id", v, sizeof v) || !parse_int (v, 1, INT_MAX - 1, &id))
        FAIL (e, "<gate>: expected id=\"G\"");
      else if (id != limit)
        FAIL (e, "<gate>: expected id=\"%d\" (gate ids follow the variables, in order)", limit);
      else if (!xmldoc_attr_buf (e, "a", a, sizeof a) || !parse_lit (a, limit, &la))
        FAIL (e, "<gate id=\"%ld\">: input a must be true, false or a nonzero literal of a variable or an earlier gate", id);
      else if (!xmldoc_attr_buf (e, "b", b, sizeof b) || !parse_lit (b, limit, &lb))
        FAIL (e, "<gate id=\"%ld\">: input b must be true, false or a nonzero literal of a variable or an earlier gate", id);
      else {
        /* keep the ids as written: no simplification on reading */
        if (c->ngates == c->cap_gates) {
          c->cap_gates = c->cap_gates ? 2 * c->cap_gates : 64;
          c->gates = mem_realloc (c->gates, c->cap_gates * sizeof *c->gates);
        }
        c->gates[c->ngates].a = la, c->gates[c->ngates++].b = lb;
      }
    } else if (xmldoc_is (e, "function")) {
      long var;
      int l;
      if (!xmldoc_attr_buf (e, "var", v, sizeof v) || !parse_int (v, 1, c->nvars, &var))
        FAIL (e, "<function>: expected var=\"X\" with 1 <= X <= %d", c->nvars);
      else if (cert_function_of (c, (int) var))
        FAIL (e, "<function>: variable %ld has a function already", var);
      else if (!xmldoc_attr_buf (e, "lit", a, sizeof a) || !parse_lit (a, limit, &l))
        FAIL (e, "<function var=\"%ld\">: lit must be true, false or a nonzero literal of a variable or a gate", var);
      else
        cert_set_function (c, (int) var, l);
    } else
      FAIL (e, "unknown element <%s> (expected <gate> or <function>)", xmldoc_name (e));
  }
  xmldoc_free (doc);
  if (!ok) {
    cert_free (c);
    return false;
  }
  *out = c;
  return true;
}

/* A copy of c for nvars variables with v -> map[v]-style renaming by 'to'
 * (0: absent, then NULL with *bad = v); gate ids follow the new nvars. */
static cert *renumber (const cert *c, int nvars, int (*to) (const qbf *, long), const qbf *f, int *bad) {
  if ((long long) nvars + c->ngates >= INT_MAX) return *bad = 0, NULL;
  cert *d = cert_new (c->kind, nvars);
#define MAP(l, out) \
  do { \
    int l_ = (l), a_ = abs (l_); \
    if (l_ == CERT_TRUE || l_ == CERT_FALSE) out = l_; \
    else if (a_ > c->nvars) out = (l_ < 0 ? -1 : 1) * (nvars + (a_ - c->nvars)); \
    else if (!(out = to (f, l_))) { \
      *bad = a_; \
      cert_free (d); \
      return NULL; \
    } \
  } while (0)
  d->gates = mem_alloc ((c->ngates + 1) * sizeof *d->gates);
  d->cap_gates = c->ngates + 1;
  for (unsigned i = 0; i < c->ngates; i++) {
    MAP (c->gates[i].a, d->gates[i].a);
    MAP (c->gates[i].b, d->gates[i].b);
    d->ngates++;
  }
  for (unsigned i = 0; i < c->nfuncs; i++) {
    int v, l;
    MAP (c->funcs[i].var, v);
    MAP (c->funcs[i].lit, l);
    cert_set_function (d, v, l);
  }
#undef MAP
  return d;
}

static int orig_lit (const qbf *f, long l) { return qbf_orig_lit (f, (int) l); }

cert *cert_to_orig (const cert *c, const qbf *f) {
  int bad;
  return renumber (c, qbf_orig_max (f), orig_lit, f, &bad);
}

cert *cert_from_orig (const cert *c, const qbf *f, char *why, size_t whysize) {
  if (c->nvars != qbf_orig_max (f)) {
    snprintf (why, whysize, "the certificate is for %d variables, the formula has %d", c->nvars, qbf_orig_max (f));
    return NULL;
  }
  int bad = 0;
  cert *d = renumber (c, f->nvars, qbf_dense_lit, f, &bad);
  if (!d) snprintf (why, whysize, "the certificate names variable %d, which the formula does not use", bad);
  return d;
}
