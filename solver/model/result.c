/* Result documents: writers and readers of every result document against
 * the one schema result.rng (see result.h). */
#include "solver/model/result.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/xmldoc.h"
#include "base/xmlw.h"
#include "solver/model/game.h"

static const char result_rng[] = {
#include "result_rng.inc"
    0};

const char *result_schema (void) { return result_rng; }

static void write_status (FILE *f, const char *status, const char *reason) {
  xmlw_attr_str (f, "status", status);
  if (reason[0]) xmlw_attr_str (f, "reason", reason);
  fputs (">\n", f);
}

static void write_reward (FILE *f, const game *g, unsigned i, const mpq_t q) {
  xmlw_open (f, 2, "reward");
  xmlw_attr_str (f, "player", g->players[i]);
  xmlw_attr_rat (f, "value", q);
  fputs ("/>\n", f);
}

static void write_welfare (FILE *f, const mpq_t q) {
  xmlw_open (f, 2, "welfare");
  xmlw_attr_rat (f, "value", q);
  fputs ("/>\n", f);
}

/* " observes="a b c"": a policy's observation set (ids need no escaping). */
static void write_observes (FILE *f, const game *g, const game_policy *pol) {
  fputs (" observes=\"", f);
  for (unsigned i = 0; i < pol->nobs; i++) fprintf (f, "%s%s", i ? " " : "", g->vars[pol->obs[i]].id);
  fputc ('"', f);
}

/* " obs="0 1 ..."": the observed values of information set idx (x~ into *x). */
static void write_obs (FILE *f, const game_policy *pol, size_t idx, int *ov, int *x) {
  profile_decode (pol, idx, ov, x);
  fputs (" obs=\"", f);
  for (unsigned j = 0; j < pol->nobs; j++) fprintf (f, "%s%d", j ? " " : "", ov[j]);
  fputc ('"', f);
}

/* <policy stage action [player] layer [intuition] observes>: a policy's start tag. */
static void write_policy_head (FILE *f, const game *g, const game_policy *pol, int indent, const char *player) {
  xmlw_open (f, indent, "policy");
  xmlw_attr_uint (f, "stage", pol->stage);
  xmlw_attr_str (f, "action", g->vars[pol->var].id);
  if (player) xmlw_attr_str (f, "player", player);
  xmlw_attr_uint (f, "layer", pol->layer);
  if (pol->intuition) xmlw_attr_bool (f, "intuition", true);
  write_observes (f, g, pol);
  fputs (">\n", f);
}

/* ---- pure results -------------------------------------------------------- */

void result_write_profile (FILE *f, const game *g, const game_profile *p, int indent) {
  xmlw_open (f, indent, "profile");
  xmlw_attr_str (f, "game", g->name);
  fputs (">\n", f);
  int *ov = mem_alloc ((g->nvars + 1) * sizeof *ov);
  for (unsigned t = 0; t < p->nstages; t++) {
    const game_policy *pol = &p->pol[t];
    write_policy_head (f, g, pol, indent + 2, NULL);
    for (size_t i = 0; i < pol->size; i++) {
      if (pol->act[i] == PROFILE_NONE) continue;
      int x;
      xmlw_open (f, indent + 4, "play");
      write_obs (f, pol, i, ov, &x);
      if (x >= 0) fprintf (f, " x=\"%d\"", x);
      fprintf (f, " do=\"%d\"/>\n", pol->act[i]);
    }
    fprintf (f, "%*s  </policy>\n", indent, "");
  }
  free (ov);
  fprintf (f, "%*s</profile>\n", indent, "");
}

void result_values (FILE *f, const game *g, const int *vals) {
  bool first = true;
  char buf[32];
  for (unsigned k = 0; k < g->nfixed; k++) {
    int v = g->order[k];
    if (g->vars[v].kind == GAME_ENDOGENOUS) continue;
    fprintf (f, "%s%s=", first ? "" : " ", g->vars[v].id);
    if (g->vars[v].kind == GAME_ACTION && !game_active (g, v, vals)) fputc ('-', f);
    else xmlw_esc (f, game_value_label (g, v, vals[v], buf, sizeof buf));
    first = false;
  }
}

static void write_outcomes (FILE *f, const game *g, const profile_outcomes *o, bool mixed) {
  fputs ("  <outcomes>\n", f);
  for (size_t i = 0; i < o->n; i++) {
    xmlw_open (f, 4, "outcome");
    xmlw_attr_rat (f, "prob", o->o[i].prob);
    fputs (" values=\"", f);
    if (mixed) result_stage_values (f, g, o->o[i].vals, true);
    else result_values (f, g, o->o[i].vals);
    fputs ("\"/>\n", f);
  }
  fputs ("  </outcomes>\n", f);
}

void result_write_solution (FILE *f, const game *g, const game_solution *s) {
  xmlw_decl (f);
  fputs ("<scnfg-result version=\"1\"", f);
  xmlw_attr_str (f, "game", g->name);
  xmlw_attr_str (f, "concept", s->concept);
  xmlw_attr_str (f, "tie", profile_tie_name (s->tie));
  write_status (f, s->status == GAME_SOLVED ? "solved" : "unknown", s->reason);
  if (s->status == GAME_SOLVED) {
    for (unsigned i = 0; i < s->nplayers; i++) write_reward (f, g, i, s->reward[i]);
    write_welfare (f, s->welfare);
  }
  fprintf (f, "  <stats nodes=\"%llu\" leaves=\"%llu\" seconds=\"%.3f\"/>\n", (unsigned long long) s->nodes,
           (unsigned long long) s->leaves, s->seconds);
  if (s->status == GAME_SOLVED && s->profile) {
    result_write_profile (f, g, s->profile, 2);
    write_outcomes (f, g, &s->outcomes, false);
  }
  fputs ("</scnfg-result>\n", f);
}

/* ---- mixed results ------------------------------------------------------- */

const char *result_mixed_method (int method) {
  return method == MIXED_LPS ? "multiple-lps" : "letchford-conitzer-tree";
}

void result_stage_values (FILE *f, const game *g, const int *vals, bool xml) {
  char buf[32];
  bool first = true;
  for (unsigned t = 1; t <= g->nstages; t++) {
    int v = g->stage_var[t - 1];
    if (!game_active (g, v, vals)) continue;
    const char *lab = game_value_label (g, v, vals[v], buf, sizeof buf);
    if (!xml) {
      fprintf (f, " %s=%s", g->vars[v].id, lab);
      continue;
    }
    fprintf (f, "%s%s=", first ? "" : " ", g->vars[v].id);
    xmlw_esc (f, lab);
    first = false;
  }
}

/* <commitment> (leader distributions) and <response> (every other stage's
 * pure actions). */
static void write_behav (FILE *f, const game *g, const behav_profile *b, int indent) {
  int *ov = mem_alloc ((g->nvars + 1) * sizeof *ov);
  for (int part = 0; part < 2; part++) {
    fprintf (f, "%*s<%s>\n", indent, "", part ? "response" : "commitment");
    for (unsigned t = 1; t <= g->nstages; t++) {
      if ((b->prob[t - 1] != NULL) == (part == 1)) continue;
      const game_policy *pol = &b->pure->pol[t - 1];
      const game_var *v = game_stage (g, t);
      write_policy_head (f, g, pol, indent + 2, g->players[v->player]);
      for (size_t i = 0; i < pol->size; i++) {
        if (pol->act[i] == PROFILE_NONE) continue;
        int x;
        xmlw_open (f, indent + 4, "play");
        write_obs (f, pol, i, ov, &x);
        if (part) {
          fprintf (f, " do=\"%d\"/>\n", pol->act[i]);
          continue;
        }
        fputs (" mix=\"", f);
        for (unsigned a = 0; a < v->domain; a++) {
          if (a) fputc (' ', f);
          rat_print (f, b->prob[t - 1][i * v->domain + a]);
        }
        fputs ("\"/>\n", f);
      }
      fprintf (f, "%*s  </policy>\n", indent, "");
    }
    fprintf (f, "%*s</%s>\n", indent, "", part ? "response" : "commitment");
  }
  free (ov);
}

static void write_rats (FILE *f, const char *name, const mpq_t *q, size_t n) {
  fprintf (f, " %s=\"", name);
  for (size_t k = 0; k < n; k++) {
    if (k) fputc (' ', f);
    rat_print (f, q[k]);
  }
  fputc ('"', f);
}

/* <certificate kind="lp|tree"> with the multipliers or the frontiers. */
static void write_cert (FILE *f, const behav_cert *c, int indent) {
  if (c->kind == BEHAV_CERT_LP) {
    fprintf (f, "%*s<certificate kind=\"lp\" leader-stage=\"%u\" follower-stage=\"%u\">\n", indent, "", c->lstage,
             c->fstage);
    for (unsigned j = 0; j < c->nf; j++) {
      xmlw_open (f, indent + 2, "lp");
      xmlw_attr_uint (f, "follower-action", j);
      xmlw_attr_rat (f, "bound", c->z[j]);
      write_rats (f, "multipliers", c->w + (size_t) j * c->nf, c->nf);
      fputs ("/>\n", f);
    }
  } else if (c->kind == BEHAV_CERT_TREE) {
    fprintf (f, "%*s<certificate kind=\"tree\" nodes=\"%zu\">\n", indent, "", c->nnodes);
    for (size_t k = 0; k < c->nnodes; k++) {
      const behav_pwl *p = &c->front[k];
      fprintf (f, "%*s  <frontier node=\"%zu\">", indent, "", k);
      for (size_t i = 0; i < p->n; i++) {
        fputs ("<piece", f);
        xmlw_attr_rat (f, "to", p->b[i]);
        xmlw_attr_rat (f, "from-value", p->vl[i]);
        xmlw_attr_rat (f, "value", p->vr[i]);
        fputs ("/>", f);
      }
      fputs ("</frontier>\n", f);
    }
  } else {
    return;
  }
  fprintf (f, "%*s</certificate>\n", indent, "");
}

void result_write_mixed (FILE *f, const game *g, const mixed_solution *ms) {
  bool solved = ms->sol.status == GAME_SOLVED;
  xmlw_decl (f);
  fputs ("<scnfg-result version=\"1\"", f);
  xmlw_attr_str (f, "game", g->name);
  xmlw_attr_str (f, "concept", "mixed");
  xmlw_attr_str (f, "method", result_mixed_method (ms->method));
  xmlw_attr_str (f, "tie", ms->weak ? "weak" : "strong");
  write_status (f, solved ? "solved" : "unknown", ms->sol.reason);
  if (solved && ms->weak) {
    xmlw_open (f, 2, "supremum");
    xmlw_attr_str (f, "player", g->players[g->leader]);
    xmlw_attr_rat (f, "value", ms->sup);
    fputs (" attained=\"unknown\"/>\n", f);
  }
  if (solved) {
    for (unsigned i = 0; i < g->nplayers; i++)
      if (ms->prof || (int) i == g->leader) write_reward (f, g, i, ms->sol.reward[i]);
    if (ms->prof) write_welfare (f, ms->sol.welfare);
  }
  fprintf (f, "  <stats nodes=\"%llu\" leaves=\"%llu\" choice-nodes=\"%llu\" frontier-max=\"%zu\" "
              "frontier-total=\"%llu\" frontier-seconds=\"%.3f\" seconds=\"%.3f\"/>\n",
           (unsigned long long) ms->sol.nodes, (unsigned long long) ms->sol.leaves,
           (unsigned long long) ms->choice_nodes, ms->front_max, (unsigned long long) ms->front_total,
           ms->frontier_seconds, ms->sol.seconds);
  if (solved && ms->prof) {
    write_behav (f, g, ms->prof, 2);
    write_outcomes (f, g, &ms->sol.outcomes, true);
  }
  if (solved) write_cert (f, &ms->cert, 2);
  fputs ("</scnfg-result>\n", f);
}

/* ---- signal results ------------------------------------------------------ */

const char *result_signal_class (signal_class c) {
  return c == SIGNAL_SEPARATING ? "separating" : c == SIGNAL_POOLING ? "pooling" : "partially pooling";
}

static const char *lab (const signal_game *sg, int v, int x, char *buf) { return game_value_label (sg->g, v, x, buf, 32); }

/* ' name="l1 l2 ..."': the labels of the members of bit set 'set' of variable var. */
static void attr_labels (FILE *f, const signal_game *sg, const char *name, int var, unsigned n, uint32_t set) {
  char b[32];
  fprintf (f, " %s=\"", name);
  bool first = true;
  for (unsigned i = 0; i < n; i++)
    if (set >> i & 1) {
      if (!first) fputc (' ', f);
      xmlw_esc (f, lab (sg, var, (int) i, b));
      first = false;
    }
  fputc ('"', f);
}

static void sig_beliefs (FILE *f, const signal_game *sg, mpq_t *const mu, mpq_t *const lo, mpq_t *const hi, int ind) {
  char b[32];
  for (unsigned t = 0; t < sg->K; t++) {
    xmlw_open (f, ind, "belief");
    xmlw_attr_str (f, "type", lab (sg, sg->theta, (int) t, b));
    xmlw_attr_rat (f, "value", mu[t]);
    if (lo) xmlw_attr_rat (f, "min", lo[t]), xmlw_attr_rat (f, "max", hi[t]);
    fputs ("/>\n", f);
  }
}

static void sig_response (FILE *f, const signal_game *sg, const signal_response *q, unsigned refine) {
  char b[32];
  xmlw_open (f, 6, "response");
  attr_labels (f, sg, "support", sg->act, sg->A, q->support);
  if (refine & RESULT_D1) xmlw_attr_bool (f, "d1", q->d1_ok);
  fputs (">\n", f);
  sig_beliefs (f, sg, q->belief, q->blo, q->bhi, 8);
  for (unsigned a = 0; a < sg->A; a++)
    if (q->support >> a & 1) {
      xmlw_open (f, 8, "mix");
      xmlw_attr_str (f, "action", lab (sg, sg->act, (int) a, b));
      xmlw_attr_rat (f, "value", q->mix[a]);
      xmlw_attr_rat (f, "min", q->mlo[a]);
      xmlw_attr_rat (f, "max", q->mhi[a]);
      fputs ("/>\n", f);
    }
  fputs ("      </response>\n", f);
}

static void sig_messages (FILE *f, const signal_game *sg, const signal_pbe *e, unsigned refine) {
  char b[32];
  size_t k = 0;
  for (unsigned m = 0; m < sg->M; m++) {
    xmlw_open (f, 4, "message");
    xmlw_attr_str (f, "id", lab (sg, sg->msg, (int) m, b));
    xmlw_attr_bool (f, "on-path", e->onpath[m]);
    if (e->onpath[m]) {
      xmlw_attr_str (f, "action", lab (sg, sg->act, e->resp[m], b));
      fputs (">\n", f);
      sig_beliefs (f, sg, &e->post[m * sg->K], NULL, NULL, 6);
    } else {
      fputs (">\n", f);
      const signal_offpath *o = &e->off[k++];
      for (size_t j = 0; j < o->n; j++) sig_response (f, sg, &o->r[j], refine);
    }
    fputs ("    </message>\n", f);
  }
}

static void sig_pbe (FILE *f, const signal_game *sg, const signal_pbe *e, size_t i, unsigned refine) {
  char b[32];
  fprintf (f, "  <pbe index=\"%zu\" class=\"%s\" pure=\"%llu\"", i + 1, result_signal_class (e->cls),
           (unsigned long long) e->npure);
  xmlw_attr_rat (f, "reward-sender", e->reward_s);
  xmlw_attr_rat (f, "reward-receiver", e->reward_r);
  fputs (">\n", f);
  for (unsigned t = 0; t < sg->K; t++) {
    xmlw_open (f, 4, "send");
    xmlw_attr_str (f, "type", lab (sg, sg->theta, (int) t, b));
    xmlw_attr_str (f, "message", lab (sg, sg->msg, e->send[t], b));
    xmlw_attr_rat (f, "payoff", e->pay[t]);
    fputs ("/>\n", f);
  }
  sig_messages (f, sg, e, refine);
  for (int kk = 0; kk < 2; kk++) {
    if (!(refine & (kk ? RESULT_D1 : RESULT_INTUITIVE))) continue;
    const signal_verdict *v = kk ? &e->d1 : &e->intuitive;
    xmlw_open (f, 4, kk ? "d1" : "intuitive");
    xmlw_attr_bool (f, "survives", v->survives);
    if (!v->survives) {
      xmlw_attr_str (f, "message", lab (sg, sg->msg, v->msg, b));
      if (v->type >= 0) xmlw_attr_str (f, "type", lab (sg, sg->theta, v->type, b));
      attr_labels (f, sg, kk ? "deleted" : "J", sg->theta, sg->K, v->set);
    }
    fputs ("/>\n", f);
  }
  fputs ("  </pbe>\n", f);
}

static void sig_layer_eq (FILE *f, const signal_game *sg, const signal_layer_eq *q) {
  char b[32];
  fprintf (f, "    <equilibrium layer=\"%u\"", q->layer);
  xmlw_attr_rat (f, "reward-sender", q->reward_s);
  xmlw_attr_rat (f, "reward-receiver", q->reward_r);
  fputs (">\n", f);
  for (unsigned t = 0; t < sg->K; t++)
    for (unsigned m = 0; m < sg->M; m++)
      if (mpq_sgn (q->sigma[t * sg->M + m])) {
        xmlw_open (f, 6, "send");
        xmlw_attr_str (f, "type", lab (sg, sg->theta, (int) t, b));
        xmlw_attr_str (f, "message", lab (sg, sg->msg, (int) m, b));
        xmlw_attr_rat (f, "probability", q->sigma[t * sg->M + m]);
        fputs ("/>\n", f);
      }
  for (unsigned m = 0; m < sg->M; m++)
    if (q->resp[m] >= 0) {
      xmlw_open (f, 6, "message");
      xmlw_attr_str (f, "id", lab (sg, sg->msg, (int) m, b));
      xmlw_attr_str (f, "action", lab (sg, sg->act, q->resp[m], b));
      fputs (">\n", f);
      sig_beliefs (f, sg, &q->post[m * sg->K], NULL, NULL, 8);
      fputs ("      </message>\n", f);
    }
  fputs ("    </equilibrium>\n", f);
}

static void sig_layers (FILE *f, const signal_game *sg, const signal_layers *L) {
  xmlw_open (f, 2, "layers");
  xmlw_attr_bool (f, "analysed", !L->skipped);
  xmlw_attr_bool (f, "plain", L->trivial);
  if (!L->skipped) {
    fprintf (f, " l1=\"%zu\" l2=\"%zu\" l3=\"%zu\" equilibria=\"%zu\"", L->nstrat[1], L->nstrat[2], L->nstrat[3], L->n);
    xmlw_attr_bool (f, "changes-posterior", L->changes_posterior);
    xmlw_attr_bool (f, "changes-reward", L->changes_reward);
  }
  if (L->skipped || !L->n) {
    fputs ("/>\n", f);
    return;
  }
  fputs (">\n", f);
  for (size_t i = 0; i < L->n; i++) sig_layer_eq (f, sg, &L->eq[i]);
  fputs ("  </layers>\n", f);
}

void result_write_signal (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine) {
  const game *g = sg->g;
  char b[32];
  xmlw_decl (f);
  fputs ("<scnfg-signal version=\"1\"", f);
  xmlw_attr_str (f, "game", g->name);
  if (g->file) xmlw_attr_str (f, "file", g->file);
  xmlw_attr_str (f, "sender", g->players[sg->sender]);
  xmlw_attr_str (f, "receiver", g->players[sg->receiver]);
  fprintf (f, " types=\"%u\" messages=\"%u\" actions=\"%u\" families=\"%zu\" pure=\"%llu\"", sg->K, sg->M, sg->A, r->n,
           (unsigned long long) r->npure);
  if (refine & RESULT_INTUITIVE) xmlw_attr_uint (f, "intuitive-survivors", r->nintuitive);
  if (refine & RESULT_D1) xmlw_attr_uint (f, "d1-survivors", r->nd1);
  fputs (">\n", f);
  for (unsigned t = 0; t < sg->K; t++) {
    xmlw_open (f, 2, "type");
    xmlw_attr_str (f, "id", lab (sg, sg->theta, (int) t, b));
    xmlw_attr_rat (f, "prior", sg->prior[t]);
    fputs ("/>\n", f);
  }
  for (size_t i = 0; i < r->n; i++) sig_pbe (f, sg, &r->pbe[i], i, refine);
  sig_layers (f, sg, &r->layers);
  fputs ("</scnfg-signal>\n", f);
}

/* ---- reading profiles ---------------------------------------------------- */

typedef const xmldoc_node *xnode;

typedef struct reader {
  const char *name;
  scnfg_error *err;
  bool mixed; /* messages "<NAME>: MSG" (mixed results) or "element <NAME id=..>: MSG" */
} reader;

/* Records the first error at n's line in the reader's style; false. */
static bool rfail (reader *r, xnode n, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));
static bool rfail (reader *r, xnode n, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  if (!r->mixed) return xmldoc_fail (r->err, r->name, n, "%s", msg);
  return error_set (r->err, ERROR_INPUT, r->name, n ? xmldoc_line (n) : 0, 0, "<%s>: %s", n ? xmldoc_name (n) : "?",
                    msg);
}

#define get_count(r, n, attr, max, out, dflt) xmldoc_attr_count ((r)->err, (r)->name, (n), (attr), (max), (out), (dflt))

/* Splits attribute a of n (free *s) into a new array of its tokens (free); *k tokens. */
static char **tokens (xnode n, const char *a, char **s, size_t *k) {
  *s = xmldoc_attr (n, a);
  char *c = mem_strdup (*s ? *s : "");
  *k = xmldoc_split (c, NULL, 0);
  free (c);
  char **tok = mem_alloc ((*k + 1) * sizeof *tok);
  if (*s) xmldoc_split (*s, tok, *k);
  return tok;
}

/* The observes attribute of n must list pol's observation set in order. */
static bool read_observes (reader *r, const game *g, const game_policy *pol, xnode n) {
  char *os;
  size_t k;
  char **tok = tokens (n, "observes", &os, &k);
  bool ok = k == pol->nobs;
  for (size_t i = 0; i < k && ok; i++) ok = !strcmp (tok[i], g->vars[pol->obs[i]].id);
  if (!ok) {
    char want[512];
    size_t m = 0;
    want[0] = 0;
    for (unsigned i = 0; i < pol->nobs && m < sizeof want; i++)
      m += (size_t) snprintf (want + m, sizeof want - m, "%s%s", i ? " " : "", g->vars[pol->obs[i]].id);
    rfail (r, n, "observes must list the stage's observation set in order: \"%s\"", want);
  }
  free (tok), free (os);
  return ok;
}

/* The obs attribute of play c into vals (at pol's observed variables). */
static bool read_obs (reader *r, const game *g, const game_policy *pol, xnode c, int *vals) {
  char *s;
  size_t m;
  char **vt = tokens (c, "obs", &s, &m);
  bool ok = true;
  if (r->mixed && m > pol->nobs + 1) m = pol->nobs + 1; /* the mixed reader counts no further */
  if (m != pol->nobs) ok = rfail (r, c, "obs has %zu values, the stage observes %u variables", m, pol->nobs);
  for (size_t i = 0; i < m && ok; i++) {
    char *end;
    errno = 0;
    unsigned long x = strtoul (vt[i], &end, 10);
    if (errno || *end || x >= g->vars[pol->obs[i]].domain)
      ok = rfail (r, c, "obs value '%s' is outside the domain of '%s'", vt[i], g->vars[pol->obs[i]].id);
    else vals[pol->obs[i]] = (int) x;
  }
  free (vt), free (s);
  return ok;
}

static bool read_play (reader *r, const game *g, game_policy *pol, xnode c, int *vals) {
  const game_var *v = &g->vars[pol->var];
  bool ok = read_obs (r, g, pol, c, vals);
  unsigned xt = 0, act = 0;
  if (ok && pol->intuition) {
    char *xs = xmldoc_attr (c, "x");
    if (!xs) ok = rfail (r, c, "a policy with intuition needs x on every play");
    free (xs);
    if (ok) ok = get_count (r, c, "x", v->domain - 1, &xt, 0);
  }
  if (ok) ok = get_count (r, c, "do", v->domain - 1, &act, 0);
  if (ok) {
    size_t idx = profile_index (pol, vals, (int) xt);
    if (pol->act[idx] != PROFILE_NONE) ok = rfail (r, c, "a second play for the same information set");
    else pol->act[idx] = (int) act;
  }
  return ok;
}

static bool read_policy (reader *r, const game *g, game_profile *p, xnode n) {
  unsigned t;
  if (!get_count (r, n, "stage", 1u << 24, &t, 0)) return false;
  if (t < 1 || t > g->nstages) return rfail (r, n, "stage %u does not exist (the game has %u)", t, g->nstages);
  game_policy *pol = &p->pol[t - 1];
  const game_var *v = &g->vars[pol->var];
  char *a = xmldoc_attr (n, "action");
  bool ok = !strcmp (a, v->id);
  if (!ok) rfail (r, n, "stage %u is action '%s', not '%s'", t, v->id, a);
  free (a);
  if (!ok) return false;
  char *lay = xmldoc_attr (n, "layer");
  pol->layer = lay ? (unsigned) (lay[0] - '0') : 2;
  free (lay);
  char *in = xmldoc_attr (n, "intuition");
  if (in && !strcmp (in, "true")) profile_set_intuition (g, p, t, true);
  free (in);
  if (!read_observes (r, g, pol, n)) return false;
  int *vals = mem_calloc (g->nvars, sizeof *vals);
  for (xnode c = xmldoc_first (n); c && ok; c = xmldoc_next (c)) ok = read_play (r, g, pol, c, vals);
  free (vals);
  return ok;
}

static bool read_profile (reader *r, const game *g, xnode pn, game_profile *p) {
  bool ok = true;
  bool *seen = mem_calloc (g->nstages + 1, sizeof *seen);
  for (xnode c = xmldoc_first (pn); c && ok; c = xmldoc_next (c)) {
    unsigned t = 0;
    ok = get_count (r, c, "stage", 1u << 24, &t, 0);
    if (ok && t <= g->nstages && t >= 1 && seen[t]) ok = rfail (r, c, "a second policy for stage %u", t);
    if (ok) ok = read_policy (r, g, p, c);
    if (ok) seen[t] = true;
  }
  for (unsigned t = 1; t <= g->nstages && ok; t++)
    if (!seen[t]) ok = rfail (r, pn, "no policy for stage %u", t);
  free (seen);
  return ok;
}

bool result_read_profile_memory (game_profile **out, const game *g, const char *buf, size_t len, const char *name,
                                 scnfg_error *err) {
  *out = NULL;
  xmldoc *doc = xmldoc_parse_valid (buf, len, name, result_rng, RESULT_MAX_BYTES, RESULT_MAX_DEPTH, NULL, err);
  if (!doc) return false;
  reader r = {name, err, false};
  xnode root = xmldoc_root (doc);
  xnode pn = root;
  if (xmldoc_is (root, "scnfg-result")) {
    pn = NULL;
    for (xnode c = xmldoc_first (root); c; c = xmldoc_next (c))
      if (xmldoc_is (c, "profile")) pn = c;
  }
  bool ok = true;
  if (!pn || xmldoc_is (root, "scnfg-signal")) ok = rfail (&r, root, "the result holds no <profile>");
  game_profile *p = NULL;
  if (ok) {
    p = profile_new (g, 0);
    ok = read_profile (&r, g, pn, p);
  }
  xmldoc_free (doc);
  if (ok) *out = p;
  else profile_free (p);
  return ok;
}

bool result_read_profile_file (game_profile **out, const game *g, const char *path, scnfg_error *err) {
  char *buf;
  size_t len;
  *out = NULL;
  if (!xmldoc_slurp (path, RESULT_MAX_BYTES, &buf, &len, err)) return false;
  bool ok = result_read_profile_memory (out, g, buf, len, path, err);
  free (buf);
  return ok;
}

/* ---- reading mixed results ----------------------------------------------- */

static bool get_uint (reader *r, xnode n, const char *a, unsigned long max, unsigned long *out) {
  char *s = xmldoc_attr (n, a), *end;
  errno = 0;
  unsigned long x = s ? strtoul (s, &end, 10) : 0;
  bool ok = s && !errno && !*end && x <= max;
  if (!ok) rfail (r, n, "attribute %s '%s' is out of range (at most %lu)", a, s ? s : "", max);
  free (s);
  *out = x;
  return ok;
}

/* Splits s (modified) into at most max tokens; returns the count, max + 1 if there are more. */
static size_t msplit (char *s, char **tok, size_t max) {
  size_t k = xmldoc_split (s, tok, max);
  return k > max ? max + 1 : k;
}

static bool get_rat (reader *r, xnode n, const char *a, const char *s, mpq_t out) {
  const char *why;
  if (!rat_parse_str (out, s, &why)) return rfail (r, n, "%s: bad rational '%s' (%s)", a, s, why);
  return true;
}

/* A mixed policy's play c at information set idx: a mixture (commitment) or an action. */
static bool read_mixed_play (reader *r, const game *g, behav_profile *b, unsigned t, size_t idx, xnode c,
                             bool commitment, char **mt, mpq_t *dist) {
  const game_var *v = game_stage (g, t);
  bool ok = true;
  if (commitment) {
    char *ms = xmldoc_attr (c, "mix");
    if (!ms) ok = rfail (r, c, "a commitment's play needs mix");
    size_t q = ok ? msplit (ms, mt, v->domain) : 0;
    if (ok && q != v->domain) ok = rfail (r, c, "mix has %zu values, '%s' has %u actions", q, v->id, v->domain);
    for (size_t i = 0; i < q && ok; i++) ok = get_rat (r, c, "mix", mt[i], dist[i]);
    free (ms);
    if (ok) behav_set_dist (g, b, t, idx, dist);
    return ok;
  }
  unsigned long x;
  char *ds = xmldoc_attr (c, "do");
  free (ds);
  if (!ds) return rfail (r, c, "a response's play needs do");
  if (!get_uint (r, c, "do", v->domain - 1, &x)) return false;
  b->pure->pol[t - 1].act[idx] = (int) x;
  return true;
}

static bool read_mixed_plays (reader *r, const game *g, behav_profile *b, unsigned t, xnode n, bool commitment) {
  const game_var *v = game_stage (g, t);
  game_policy *pol = &b->pure->pol[t - 1];
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  char **mt = mem_alloc (((size_t) v->domain + 2) * sizeof *mt);
  mpq_t *dist = mem_alloc (v->domain * sizeof *dist);
  for (unsigned i = 0; i < v->domain; i++) mpq_init (dist[i]);
  bool ok = true;
  for (xnode c = xmldoc_first (n); c && ok; c = xmldoc_next (c)) {
    if (!(ok = read_obs (r, g, pol, c, vals))) break;
    size_t idx = profile_index (pol, vals, 0);
    if (pol->act[idx] != PROFILE_NONE) ok = rfail (r, c, "a second play for the same information set");
    else ok = read_mixed_play (r, g, b, t, idx, c, commitment, mt, dist);
  }
  for (unsigned i = 0; i < v->domain; i++) mpq_clear (dist[i]);
  free (dist), free (mt), free (vals);
  return ok;
}

static bool read_mixed_policy (reader *r, const game *g, behav_profile *b, xnode n, bool commitment, bool *seen) {
  unsigned long t;
  if (!get_uint (r, n, "stage", g->nstages, &t) || t == 0) return t ? false : rfail (r, n, "stage 0");
  if (seen[t]) return rfail (r, n, "a second policy for stage %lu", t);
  seen[t] = true;
  const game_var *v = game_stage (g, (unsigned) t);
  game_policy *pol = &b->pure->pol[t - 1];
  char *a = xmldoc_attr (n, "action");
  bool ok = !strcmp (a, v->id);
  free (a);
  if (!ok) return rfail (r, n, "stage %lu is action '%s'", t, v->id);
  if ((b->prob[t - 1] != NULL) != commitment)
    return rfail (r, n, "stage %lu belongs in <%s>", t, commitment ? "response" : "commitment");
  char *os = xmldoc_attr (n, "observes");
  char **tok = mem_alloc ((pol->nobs + 2) * sizeof *tok);
  size_t k = msplit (os, tok, pol->nobs + 1);
  ok = k == pol->nobs;
  for (size_t i = 0; i < k && ok; i++) ok = !strcmp (tok[i], g->vars[pol->obs[i]].id);
  free (os);
  if (!ok) {
    free (tok);
    return rfail (r, n, "observes must list the stage's observation set in order");
  }
  free (tok);
  ok = read_mixed_plays (r, g, b, (unsigned) t, n, commitment);
  return ok;
}

static bool read_lp_cert (reader *r, const game *g, behav_cert *c, xnode n) {
  unsigned long lt, ft;
  if (!get_uint (r, n, "leader-stage", g->nstages, &lt) || !get_uint (r, n, "follower-stage", g->nstages, &ft))
    return false;
  if (lt == 0 || ft == 0 || lt == ft) return rfail (r, n, "bad stages");
  c->kind = BEHAV_CERT_LP;
  c->lstage = (unsigned) lt, c->fstage = (unsigned) ft;
  c->nl = game_stage (g, c->lstage)->domain, c->nf = game_stage (g, c->fstage)->domain;
  c->z = mem_alloc (c->nf * sizeof *c->z);
  c->w = mem_alloc ((size_t) c->nf * c->nf * sizeof *c->w);
  for (unsigned j = 0; j < c->nf; j++) mpq_init (c->z[j]);
  for (size_t j = 0; j < (size_t) c->nf * c->nf; j++) mpq_init (c->w[j]);
  bool *seen = mem_calloc (c->nf, sizeof *seen), ok = true;
  char **tok = mem_alloc ((c->nf + 2) * sizeof *tok);
  for (xnode e = xmldoc_first (n); e && ok; e = xmldoc_next (e)) {
    unsigned long j;
    if (!get_uint (r, e, "follower-action", c->nf - 1, &j)) ok = false;
    else if (seen[j]) ok = rfail (r, e, "a second LP for follower action %lu", j);
    else {
      seen[j] = true;
      char *bs = xmldoc_attr (e, "bound"), *ms = xmldoc_attr (e, "multipliers");
      ok = get_rat (r, e, "bound", bs, c->z[j]);
      size_t k = msplit (ms, tok, c->nf + 1);
      if (ok && k != c->nf) ok = rfail (r, e, "%zu multipliers, the follower has %u actions", k, c->nf);
      for (size_t i = 0; i < k && ok; i++) ok = get_rat (r, e, "multipliers", tok[i], c->w[j * c->nf + i]);
      free (bs), free (ms);
    }
  }
  for (unsigned j = 0; j < c->nf && ok; j++)
    if (!seen[j]) ok = rfail (r, n, "no LP for follower action %u", j);
  free (seen), free (tok);
  return ok;
}

/* The most choice nodes the game tree of g can have (capped at cap + 1): a
 * branching variable (an exogenous one, an action allowing layer 2 or 3) at
 * position k of the fixing order is reached on at most the product of the
 * domains of the branching variables before it. */
static unsigned long choice_bound (const game *g, unsigned long cap) {
  unsigned long paths = 1, total = 0;
  for (unsigned k = 0; k < g->nfixed && total <= cap; k++) {
    const game_var *x = &g->vars[g->order[k]];
    bool chooses = x->kind == GAME_EXOGENOUS || (x->kind == GAME_ACTION && x->layers != GAME_L1);
    if (!chooses) continue;
    total += paths;
    paths = paths > cap / x->domain ? cap + 1 : paths * x->domain;
  }
  return total > cap ? cap + 1 : total;
}

static bool read_tree_cert (reader *r, const game *g, behav_cert *c, xnode n) {
  unsigned long nn, most = choice_bound (g, 1ul << 26), have = 0;
  if (!get_uint (r, n, "nodes", 1ul << 26, &nn)) return false;
  /* allocate only what the game and the document hold */
  if (nn > most) return rfail (r, n, "nodes=\"%lu\": the game has at most %lu choice nodes", nn, most);
  for (xnode e = xmldoc_first (n); e; e = xmldoc_next (e)) have++;
  if (have != nn) return rfail (r, n, "%lu frontiers, nodes says %lu", have, nn);
  c->kind = BEHAV_CERT_TREE;
  c->front = mem_alloc ((nn ? nn : 1) * sizeof *c->front);
  for (size_t k = 0; k < nn; k++) behav_pwl_init (&c->front[k]);
  c->nnodes = nn;
  size_t expect = 0;
  bool ok = true;
  mpq_t b, vl, vr;
  mpq_init (b), mpq_init (vl), mpq_init (vr);
  for (xnode e = xmldoc_first (n); e && ok; e = xmldoc_next (e)) {
    unsigned long k;
    if (!get_uint (r, e, "node", nn ? nn - 1 : 0, &k) || k != expect) {
      ok = error_set (r->err, ERROR_INPUT, r->name, xmldoc_line (e), 0,
                      "<frontier>: frontiers must be numbered 0, 1, ... below nodes (expected %zu)", expect);
      break;
    }
    expect++;
    for (xnode p = xmldoc_first (e); p && ok; p = xmldoc_next (p)) {
      char *s1 = xmldoc_attr (p, "to"), *s2 = xmldoc_attr (p, "from-value"), *s3 = xmldoc_attr (p, "value");
      ok = get_rat (r, p, "to", s1, b) && get_rat (r, p, "from-value", s2, vl) && get_rat (r, p, "value", s3, vr);
      free (s1), free (s2), free (s3);
      if (ok) behav_pwl_push (&c->front[k], b, vl, vr);
    }
  }
  mpq_clear (b), mpq_clear (vl), mpq_clear (vr);
  return ok;
}

static bool read_mixed (reader *r, const game *g, xnode root, behav_profile *b, behav_cert *cert) {
  bool ok = true, got = false;
  char *tie = xmldoc_attr (root, "tie");
  if (tie && strcmp (tie, "strong")) ok = rfail (r, root, "tie '%s': only strong-tie mixed results can be checked", tie);
  free (tie);
  bool *seen = mem_calloc (g->nstages + 1, sizeof *seen);
  for (xnode c = xmldoc_first (root); c && ok; c = xmldoc_next (c)) {
    if (xmldoc_is (c, "commitment") || xmldoc_is (c, "response")) {
      got = true;
      bool commitment = xmldoc_is (c, "commitment");
      for (xnode p = xmldoc_first (c); p && ok; p = xmldoc_next (p))
        ok = read_mixed_policy (r, g, b, p, commitment, seen);
    } else if (xmldoc_is (c, "certificate")) {
      char *kind = xmldoc_attr (c, "kind");
      bool lp = !strcmp (kind, "lp");
      free (kind);
      ok = lp ? read_lp_cert (r, g, cert, c) : read_tree_cert (r, g, cert, c);
    }
  }
  if (ok && !got) ok = rfail (r, root, "the result holds no commitment");
  for (unsigned t = 1; t <= g->nstages && ok; t++)
    if (!seen[t]) ok = rfail (r, root, "no policy for stage %u", t);
  free (seen);
  return ok;
}

bool result_read_mixed_memory (behav_profile **out, behav_cert *cert, const game *g, const char *buf, size_t len,
                               const char *name, scnfg_error *err) {
  *out = NULL;
  behav_cert_init (cert);
  xmldoc *doc = xmldoc_parse_valid (buf, len, name, result_rng, RESULT_MIXED_MAX_BYTES, RESULT_MIXED_MAX_DEPTH, NULL, err);
  if (!doc) return false;
  reader r = {name, err, true};
  behav_profile *b = behav_new (g, 0);
  bool ok = read_mixed (&r, g, xmldoc_root (doc), b, cert);
  xmldoc_free (doc);
  if (ok) *out = b;
  else behav_free (b), behav_cert_clear (cert);
  return ok;
}

bool result_read_mixed_file (behav_profile **out, behav_cert *cert, const game *g, const char *path,
                             scnfg_error *err) {
  char *buf;
  size_t len;
  *out = NULL;
  behav_cert_init (cert);
  if (!xmldoc_slurp (path, RESULT_MIXED_MAX_BYTES, &buf, &len, err)) return false;
  bool ok = result_read_mixed_memory (out, cert, g, buf, len, path, err);
  free (buf);
  return ok;
}
