/* Reader of mixed-commitment results (see behavxml.h). */
#include "solver/model/behavxml.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/xmldoc.h"
#include "solver/model/game.h"

static const char mixed_rng[] = {
#include "mixed_rng.inc"
    0};

typedef struct rd {
  const char *name;
  scnfg_error *err;
} rd;

static bool fail_at (rd *r, xmlNodePtr n, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  return error_set (r->err, ERROR_INPUT, r->name, n ? (unsigned) xmlGetLineNo (n) : 0, 0, "<%s>: %s",
                    n ? (const char *) n->name : "?", msg);
}

static xmlNodePtr elem (xmlNodePtr n) {
  while (n && n->type != XML_ELEMENT_NODE) n = n->next;
  return n;
}
static xmlNodePtr first (xmlNodePtr n) { return elem (n->children); }
static xmlNodePtr next (xmlNodePtr n) { return elem (n->next); }
static bool is (xmlNodePtr n, const char *s) { return !strcmp ((const char *) n->name, s); }

/* A copy of attribute a (free), NULL if absent. */
static char *prop (xmlNodePtr n, const char *a) {
  xmlChar *v = xmlGetProp (n, (const xmlChar *) a);
  if (!v) return NULL;
  char *s = mem_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static bool get_uint (rd *r, xmlNodePtr n, const char *a, unsigned long max, unsigned long *out) {
  char *s = prop (n, a), *end;
  errno = 0;
  unsigned long x = s ? strtoul (s, &end, 10) : 0;
  bool ok = s && !errno && !*end && x <= max;
  if (!ok) fail_at (r, n, "attribute %s '%s' is out of range (at most %lu)", a, s ? s : "", max);
  free (s);
  *out = x;
  return ok;
}

/* Splits s (modified) into at most max tokens; returns the count. */
static size_t split (char *s, char **tok, size_t max) {
  size_t k = 0;
  for (char *p = strtok (s, " \t\r\n"); p; p = strtok (NULL, " \t\r\n"))
    if (k < max) tok[k++] = p;
    else return max + 1;
  return k;
}

static bool get_rat (rd *r, xmlNodePtr n, const char *a, const char *s, mpq_t out) {
  const char *why;
  if (!rat_parse_str (out, s, &why)) return fail_at (r, n, "%s: bad rational '%s' (%s)", a, s, why);
  return true;
}

static bool read_policy (rd *r, const game *g, behav_profile *b, xmlNodePtr n, bool commitment, bool *seen) {
  unsigned long t;
  if (!get_uint (r, n, "stage", g->nstages, &t) || t == 0) return t ? false : fail_at (r, n, "stage 0");
  if (seen[t]) return fail_at (r, n, "a second policy for stage %lu", t);
  seen[t] = true;
  const game_var *v = game_stage (g, (unsigned) t);
  game_policy *pol = &b->pure->pol[t - 1];
  char *a = prop (n, "action");
  bool ok = !strcmp (a, v->id);
  free (a);
  if (!ok) return fail_at (r, n, "stage %lu is action '%s'", t, v->id);
  if ((b->prob[t - 1] != NULL) != commitment)
    return fail_at (r, n, "stage %lu belongs in <%s>", t, commitment ? "response" : "commitment");
  char *os = prop (n, "observes");
  char **tok = mem_alloc ((pol->nobs + 2) * sizeof *tok);
  size_t k = split (os, tok, pol->nobs + 1);
  ok = k == pol->nobs;
  for (size_t i = 0; i < k && ok; i++) ok = !strcmp (tok[i], g->vars[pol->obs[i]].id);
  free (os);
  if (!ok) {
    free (tok);
    return fail_at (r, n, "observes must list the stage's observation set in order");
  }
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  size_t cap = (size_t) v->domain + 2;
  char **mt = mem_alloc (cap * sizeof *mt);
  mpq_t *dist = mem_alloc (v->domain * sizeof *dist);
  for (unsigned i = 0; i < v->domain; i++) mpq_init (dist[i]);
  for (xmlNodePtr c = first (n); c && ok; c = next (c)) {
    char *s = prop (c, "obs");
    size_t m = split (s, tok, pol->nobs + 1);
    if (m != pol->nobs) ok = fail_at (r, c, "obs has %zu values, the stage observes %u variables", m, pol->nobs);
    for (size_t i = 0; i < m && ok; i++) {
      char *end;
      errno = 0;
      unsigned long x = strtoul (tok[i], &end, 10);
      if (errno || *end || x >= g->vars[pol->obs[i]].domain)
        ok = fail_at (r, c, "obs value '%s' is outside the domain of '%s'", tok[i], g->vars[pol->obs[i]].id);
      else vals[pol->obs[i]] = (int) x;
    }
    free (s);
    if (!ok) break;
    size_t idx = profile_index (pol, vals, 0);
    if (pol->act[idx] != PROFILE_NONE) {
      ok = fail_at (r, c, "a second play for the same information set");
      break;
    }
    if (commitment) {
      char *ms = prop (c, "mix");
      if (!ms) ok = fail_at (r, c, "a commitment's play needs mix");
      size_t q = ok ? split (ms, mt, v->domain + 1) : 0;
      if (ok && q != v->domain) ok = fail_at (r, c, "mix has %zu values, '%s' has %u actions", q, v->id, v->domain);
      for (size_t i = 0; i < q && ok; i++) ok = get_rat (r, c, "mix", mt[i], dist[i]);
      free (ms);
      if (ok) behav_set_dist (g, b, (unsigned) t, idx, dist);
    } else {
      unsigned long x;
      char *ds = prop (c, "do");
      free (ds);
      if (!ds) ok = fail_at (r, c, "a response's play needs do");
      else if (get_uint (r, c, "do", v->domain - 1, &x)) pol->act[idx] = (int) x;
      else ok = false;
    }
  }
  for (unsigned i = 0; i < v->domain; i++) mpq_clear (dist[i]);
  free (dist), free (mt), free (tok), free (vals);
  return ok;
}

static bool read_cert (rd *r, const game *g, behav_cert *c, xmlNodePtr n) {
  char *kind = prop (n, "kind");
  bool lp = !strcmp (kind, "lp"), ok = true;
  free (kind);
  if (lp) {
    unsigned long lt, ft;
    if (!get_uint (r, n, "leader-stage", g->nstages, &lt) || !get_uint (r, n, "follower-stage", g->nstages, &ft))
      return false;
    if (lt == 0 || ft == 0 || lt == ft) return fail_at (r, n, "bad stages");
    c->kind = BEHAV_CERT_LP;
    c->lstage = (unsigned) lt, c->fstage = (unsigned) ft;
    c->nl = game_stage (g, c->lstage)->domain, c->nf = game_stage (g, c->fstage)->domain;
    c->z = mem_alloc (c->nf * sizeof *c->z);
    c->w = mem_alloc ((size_t) c->nf * c->nf * sizeof *c->w);
    for (unsigned j = 0; j < c->nf; j++) mpq_init (c->z[j]);
    for (size_t j = 0; j < (size_t) c->nf * c->nf; j++) mpq_init (c->w[j]);
    bool *seen = mem_calloc (c->nf, sizeof *seen);
    char **tok = mem_alloc ((c->nf + 2) * sizeof *tok);
    for (xmlNodePtr e = first (n); e && ok; e = next (e)) {
      unsigned long j;
      if (!get_uint (r, e, "follower-action", c->nf - 1, &j)) ok = false;
      else if (seen[j]) ok = fail_at (r, e, "a second LP for follower action %lu", j);
      else {
        seen[j] = true;
        char *bs = prop (e, "bound"), *ms = prop (e, "multipliers");
        ok = get_rat (r, e, "bound", bs, c->z[j]);
        size_t k = split (ms, tok, c->nf + 1);
        if (ok && k != c->nf) ok = fail_at (r, e, "%zu multipliers, the follower has %u actions", k, c->nf);
        for (size_t i = 0; i < k && ok; i++) ok = get_rat (r, e, "multipliers", tok[i], c->w[j * c->nf + i]);
        free (bs), free (ms);
      }
    }
    for (unsigned j = 0; j < c->nf && ok; j++)
      if (!seen[j]) ok = fail_at (r, n, "no LP for follower action %u", j);
    free (seen), free (tok);
    return ok;
  }
  unsigned long nn;
  if (!get_uint (r, n, "nodes", 1ul << 26, &nn)) return false;
  c->kind = BEHAV_CERT_TREE;
  c->front = mem_alloc ((nn ? nn : 1) * sizeof *c->front);
  for (size_t k = 0; k < nn; k++) behav_pwl_init (&c->front[k]);
  c->nnodes = nn;
  size_t expect = 0;
  mpq_t b, vl, vr;
  mpq_init (b), mpq_init (vl), mpq_init (vr);
  for (xmlNodePtr e = first (n); e && ok; e = next (e)) {
    unsigned long k;
    if (!get_uint (r, e, "node", nn ? nn - 1 : 0, &k) || k != expect) {
      ok = error_set (r->err, ERROR_INPUT, r->name, (unsigned) xmlGetLineNo (e), 0,
                      "<frontier>: frontiers must be numbered 0, 1, ... below nodes (expected %zu)", expect);
      break;
    }
    expect++;
    for (xmlNodePtr p = first (e); p && ok; p = next (p)) {
      char *s1 = prop (p, "to"), *s2 = prop (p, "from-value"), *s3 = prop (p, "value");
      ok = get_rat (r, p, "to", s1, b) && get_rat (r, p, "from-value", s2, vl) && get_rat (r, p, "value", s3, vr);
      free (s1), free (s2), free (s3);
      if (ok) behav_pwl_push (&c->front[k], b, vl, vr);
    }
  }
  if (ok && expect != nn) ok = fail_at (r, n, "%zu frontiers, nodes says %lu", expect, nn);
  mpq_clear (b), mpq_clear (vl), mpq_clear (vr);
  return ok;
}

bool behavxml_read_memory (behav_profile **out, behav_cert *cert, const game *g, const char *buf, size_t len,
                           const char *name, scnfg_error *err) {
  *out = NULL;
  behav_cert_init (cert);
  xmlDocPtr doc = xmldoc_parse_valid (buf, len, name, mixed_rng, BEHAVXML_MAX_BYTES, 16, err);
  if (!doc) return false;
  rd r = {name, err};
  xmlNodePtr root = xmlDocGetRootElement (doc);
  behav_profile *b = behav_new (g, 0);
  bool ok = true, got = false;
  bool *seen = mem_calloc (g->nstages + 1, sizeof *seen);
  for (xmlNodePtr c = first (root); c && ok; c = next (c)) {
    if (is (c, "commitment") || is (c, "response")) {
      got = true;
      for (xmlNodePtr p = first (c); p && ok; p = next (p)) ok = read_policy (&r, g, b, p, is (c, "commitment"), seen);
    } else if (is (c, "certificate")) {
      ok = read_cert (&r, g, cert, c);
    }
  }
  if (ok && !got) ok = fail_at (&r, root, "the result holds no commitment");
  for (unsigned t = 1; t <= g->nstages && ok; t++)
    if (!seen[t]) ok = fail_at (&r, root, "no policy for stage %u", t);
  free (seen);
  xmlFreeDoc (doc);
  if (ok) *out = b;
  else behav_free (b), behav_cert_clear (cert);
  return ok;
}

bool behavxml_read_file (behav_profile **out, behav_cert *cert, const game *g, const char *path, scnfg_error *err) {
  char *buf;
  size_t len;
  *out = NULL;
  behav_cert_init (cert);
  if (!xmldoc_slurp (path, BEHAVXML_MAX_BYTES, &buf, &len, err)) return false;
  bool ok = behavxml_read_memory (out, cert, g, buf, len, path, err);
  free (buf);
  return ok;
}
