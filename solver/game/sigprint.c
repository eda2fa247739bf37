/* Signaling reports: text and XML (see sigprint.h). */
#include "solver/game/sigprint.h"

#include <stdlib.h>
#include <string.h>

#include "base/rat.h"
#include "solver/model/game.h"
#include "solver/game/signal.h"

static const char *lab (const signal_game *sg, int v, int x, char *buf) {
  return game_value_label (sg->g, v, x, buf, 32);
}

static void types_set (FILE *f, const signal_game *sg, uint32_t set) {
  char b[32];
  bool first = true;
  fputc ('{', f);
  for (unsigned t = 0; t < sg->K; t++)
    if (set >> t & 1) fprintf (f, "%s%s", first ? "" : ", ", lab (sg, sg->theta, (int) t, b)), first = false;
  fputc ('}', f);
}

static void actions_set (FILE *f, const signal_game *sg, unsigned set) {
  char b[32];
  bool first = true;
  for (unsigned a = 0; a < sg->A; a++)
    if (set >> a & 1) fprintf (f, "%s%s", first ? "" : " ", lab (sg, sg->act, (int) a, b)), first = false;
}

static void belief (FILE *f, const signal_game *sg, mpq_t *const mu) {
  char b[32];
  for (unsigned t = 0; t < sg->K; t++) {
    fprintf (f, "%s%s ", t ? ", " : "", lab (sg, sg->theta, (int) t, b));
    rat_print (f, mu[t]);
  }
}

static void ranges (FILE *f, const signal_game *sg, int var, unsigned n, unsigned mask, mpq_t *const lo,
                    mpq_t *const hi) {
  char b[32];
  bool first = true;
  for (unsigned i = 0; i < n; i++) {
    if (!(mask >> i & 1)) continue;
    fprintf (f, "%s%s in [", first ? "" : ", ", lab (sg, var, (int) i, b));
    rat_print (f, lo[i]);
    fputs (", ", f);
    rat_print (f, hi[i]);
    fputc (']', f);
    first = false;
  }
}

void sigprint_text (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine) {
  const game *g = sg->g;
  char b[32], c[32];
  fprintf (f, "signaling game \"%s\"", g->name);
  if (g->file) fprintf (f, " (%s)", g->file);
  fprintf (f, "\n  sender %s observes %s:", g->players[sg->sender], g->vars[sg->theta].id);
  for (unsigned t = 0; t < sg->K; t++) {
    fprintf (f, " %s ", lab (sg, sg->theta, (int) t, b));
    rat_print (f, sg->prior[t]);
  }
  fprintf (f, "\n  messages %s:", g->vars[sg->msg].id);
  for (unsigned m = 0; m < sg->M; m++) fprintf (f, " %s", lab (sg, sg->msg, (int) m, b));
  fprintf (f, "; receiver %s actions %s:", g->players[sg->receiver], g->vars[sg->act].id);
  for (unsigned a = 0; a < sg->A; a++) fprintf (f, " %s", lab (sg, sg->act, (int) a, b));
  fprintf (f, "\n  sender layers%s%s%s, layers observable: %s\n", sg->layers & GAME_L1 ? " 1" : "",
           sg->layers & GAME_L2 ? " 2" : "", sg->layers & GAME_L3 ? " 3" : "", sg->observable ? "yes" : "no");
  for (size_t i = 0; i < r->n; i++) {
    const signal_pbe *e = &r->pbe[i];
    fprintf (f, "\nPBE family %zu: %s (%llu pure PBE)\n  sender:   ", i + 1, signal_class_name (e->cls),
             (unsigned long long) e->npure);
    for (unsigned t = 0; t < sg->K; t++)
      fprintf (f, "%s%s -> %s", t ? ", " : "", lab (sg, sg->theta, (int) t, b), lab (sg, sg->msg, e->send[t], c));
    fputs ("\n  receiver:", f);
    bool first = true;
    for (unsigned m = 0; m < sg->M; m++)
      if (e->onpath[m])
        fprintf (f, "%s %s -> %s", first ? "" : ",", lab (sg, sg->msg, (int) m, b), lab (sg, sg->act, e->resp[m], c)),
            first = false;
    fputc ('\n', f);
    for (unsigned m = 0; m < sg->M; m++)
      if (e->onpath[m]) {
        fprintf (f, "  belief at %s (Bayes): ", lab (sg, sg->msg, (int) m, b));
        belief (f, sg, &e->post[m * sg->K]);
        fputc ('\n', f);
      }
    fputs ("  payoffs:  ", f);
    for (unsigned t = 0; t < sg->K; t++) {
      fprintf (f, "%s%s ", t ? ", " : "", lab (sg, sg->theta, (int) t, b));
      rat_print (f, e->pay[t]);
    }
    fprintf (f, "; expected %s ", g->players[sg->sender]);
    rat_print (f, e->reward_s);
    fprintf (f, ", %s ", g->players[sg->receiver]);
    rat_print (f, e->reward_r);
    fputc ('\n', f);
    for (size_t k = 0; k < e->noff; k++) {
      const signal_offpath *o = &e->off[k];
      fprintf (f, "  off path %s:\n", lab (sg, sg->msg, (int) o->m, b));
      for (size_t j = 0; j < o->n; j++) {
        const signal_response *q = &o->r[j];
        bool pure = !(q->support & (q->support - 1));
        fputs (pure ? "    " : "    mixtures of ", f);
        actions_set (f, sg, q->support);
        fputs (": beliefs ", f);
        ranges (f, sg, sg->theta, sg->K, (1u << sg->K) - 1, q->blo, q->bhi);
        if (!pure) {
          fputs ("; weights ", f);
          ranges (f, sg, sg->act, sg->A, q->support, q->mlo, q->mhi);
        }
        fputs ("; witness belief ", f);
        belief (f, sg, q->belief);
        if (!pure) {
          fputs ("; witness mixture", f);
          for (unsigned a = 0; a < sg->A; a++)
            if (q->support >> a & 1) {
              fprintf (f, " %s ", lab (sg, sg->act, (int) a, c));
              rat_print (f, q->mix[a]);
            }
        }
        if (refine & SIGPRINT_D1 && !q->d1_ok) fputs (" [not D1]", f);
        fputc ('\n', f);
      }
    }
    if (refine & SIGPRINT_INTUITIVE) {
      const signal_verdict *v = &e->intuitive;
      if (v->survives) fputs ("  intuitive criterion: survives\n", f);
      else {
        fprintf (f, "  intuitive criterion: fails at %s: J = ", lab (sg, sg->msg, v->msg, b));
        types_set (f, sg, v->set);
        fprintf (f, "; type %s gains under every best response to beliefs on ", lab (sg, sg->theta, v->type, c));
        types_set (f, sg, ((1u << sg->K) - 1) & ~v->set);
        fputc ('\n', f);
      }
    }
    if (refine & SIGPRINT_D1) {
      const signal_verdict *v = &e->d1;
      if (v->survives) fputs ("  D1: survives\n", f);
      else {
        fprintf (f, "  D1: fails at %s: deleted ", lab (sg, sg->msg, v->msg, b));
        types_set (f, sg, v->set);
        bool first2 = true;
        for (unsigned t = 0; t < sg->K; t++)
          if (v->set >> t & 1) {
            fprintf (f, "%s%s by %s", first2 ? " (" : ", ", lab (sg, sg->theta, (int) t, b),
                     lab (sg, sg->theta, v->by[t], c));
            first2 = false;
          }
        if (!first2) fputc (')', f);
        fprintf (f, "; no supporting response is a best response to beliefs on ");
        types_set (f, sg, ((1u << sg->K) - 1) & ~v->set);
        if (v->type >= 0) fprintf (f, "; type %s breaks it", lab (sg, sg->theta, v->type, b));
        fputc ('\n', f);
      }
    }
  }
  fprintf (f, "\nsummary: %zu PBE families (%zu separating, %zu pooling, %zu partially pooling), %llu pure PBE\n", r->n,
           r->nclass[SIGNAL_SEPARATING], r->nclass[SIGNAL_POOLING], r->nclass[SIGNAL_PARTIAL],
           (unsigned long long) r->npure);
  for (int k = 0; k < 2; k++) {
    if (!(refine & (k ? SIGPRINT_D1 : SIGPRINT_INTUITIVE))) continue;
    fprintf (f, "%s survivors: %zu", k ? "D1" : "intuitive criterion", k ? r->nd1 : r->nintuitive);
    bool first = true;
    for (size_t i = 0; i < r->n; i++)
      if (k ? r->pbe[i].d1.survives : r->pbe[i].intuitive.survives)
        fprintf (f, "%s%zu", first ? " (family " : ", ", i + 1), first = false;
    fputs (first ? "\n" : ")\n", f);
  }
  const signal_layers *L = &r->layers;
  if (L->skipped) {
    if (L->trivial) fputs ("layers: the sender's strategy set is the plain one: the layer choice changes nothing\n", f);
    else fputs ("layers: not analysed (too many strategies or receiver responses)\n", f);
    return;
  }
  fprintf (f, "layers: sender strategies %s L1 %zu, L2 %zu, L3 %zu; %zu layered equilibria%s\n",
           sg->observable ? "per chosen layer (observed)" : "by lowest layer", L->nstrat[1], L->nstrat[2], L->nstrat[3],
           L->n, L->trivial ? " (the plain game)" : "");
  if (!L->trivial)
    for (size_t i = 0; i < L->n; i++) {
      const signal_layer_eq *q = &L->eq[i];
      fprintf (f, "  L%u:", q->layer);
      for (unsigned t = 0; t < sg->K; t++) {
        fprintf (f, "%s %s ->", t ? ";" : "", lab (sg, sg->theta, (int) t, b));
        for (unsigned m = 0; m < sg->M; m++)
          if (mpq_sgn (q->sigma[t * sg->M + m])) {
            fprintf (f, " %s ", lab (sg, sg->msg, (int) m, c));
            rat_print (f, q->sigma[t * sg->M + m]);
          }
      }
      fputs (" |", f);
      for (unsigned m = 0; m < sg->M; m++)
        if (q->resp[m] >= 0) {
          fprintf (f, " %s -> %s (", lab (sg, sg->msg, (int) m, b), lab (sg, sg->act, q->resp[m], c));
          belief (f, sg, &q->post[m * sg->K]);
          fputc (')', f);
        }
      fputs (" | rewards ", f);
      rat_print (f, q->reward_s);
      fputs (", ", f);
      rat_print (f, q->reward_r);
      fputc ('\n', f);
    }
  fprintf (f, "the layer choice changes posteriors: %s; changes equilibrium rewards: %s\n",
           L->changes_posterior ? "yes" : "no", L->changes_reward ? "yes" : "no");
}

/* ---- XML --------------------------------------------------------------- */

static void esc (FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&': fputs ("&amp;", f); break;
    case '<': fputs ("&lt;", f); break;
    case '>': fputs ("&gt;", f); break;
    case '"': fputs ("&quot;", f); break;
    default: fputc (*s, f);
    }
  }
}

static void attr (FILE *f, const char *name, const char *v) {
  fprintf (f, " %s=\"", name);
  esc (f, v);
  fputc ('"', f);
}

static void attrq (FILE *f, const char *name, const mpq_t q) {
  fprintf (f, " %s=\"", name);
  rat_print (f, q);
  fputc ('"', f);
}

static void attr_types (FILE *f, const signal_game *sg, const char *name, uint32_t set) {
  char b[32];
  fprintf (f, " %s=\"", name);
  bool first = true;
  for (unsigned t = 0; t < sg->K; t++)
    if (set >> t & 1) {
      if (!first) fputc (' ', f);
      esc (f, lab (sg, sg->theta, (int) t, b));
      first = false;
    }
  fputc ('"', f);
}

static void xml_belief (FILE *f, const signal_game *sg, mpq_t *const mu, mpq_t *const lo, mpq_t *const hi, int ind) {
  char b[32];
  for (unsigned t = 0; t < sg->K; t++) {
    fprintf (f, "%*s<belief", ind, "");
    attr (f, "type", lab (sg, sg->theta, (int) t, b));
    attrq (f, "value", mu[t]);
    if (lo) attrq (f, "min", lo[t]), attrq (f, "max", hi[t]);
    fputs ("/>\n", f);
  }
}

void sigprint_xml (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine) {
  const game *g = sg->g;
  char b[32];
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scnfg-signal version=\"1\"", f);
  attr (f, "game", g->name);
  if (g->file) attr (f, "file", g->file);
  attr (f, "sender", g->players[sg->sender]);
  attr (f, "receiver", g->players[sg->receiver]);
  fprintf (f, " types=\"%u\" messages=\"%u\" actions=\"%u\" families=\"%zu\" pure=\"%llu\"", sg->K, sg->M, sg->A, r->n,
           (unsigned long long) r->npure);
  if (refine & SIGPRINT_INTUITIVE) fprintf (f, " intuitive-survivors=\"%zu\"", r->nintuitive);
  if (refine & SIGPRINT_D1) fprintf (f, " d1-survivors=\"%zu\"", r->nd1);
  fputs (">\n", f);
  for (unsigned t = 0; t < sg->K; t++) {
    fputs ("  <type", f);
    attr (f, "id", lab (sg, sg->theta, (int) t, b));
    attrq (f, "prior", sg->prior[t]);
    fputs ("/>\n", f);
  }
  for (size_t i = 0; i < r->n; i++) {
    const signal_pbe *e = &r->pbe[i];
    fprintf (f, "  <pbe index=\"%zu\" class=\"%s\" pure=\"%llu\"", i + 1, signal_class_name (e->cls),
             (unsigned long long) e->npure);
    attrq (f, "reward-sender", e->reward_s);
    attrq (f, "reward-receiver", e->reward_r);
    fputs (">\n", f);
    for (unsigned t = 0; t < sg->K; t++) {
      fputs ("    <send", f);
      attr (f, "type", lab (sg, sg->theta, (int) t, b));
      attr (f, "message", lab (sg, sg->msg, e->send[t], b));
      attrq (f, "payoff", e->pay[t]);
      fputs ("/>\n", f);
    }
    size_t k = 0;
    for (unsigned m = 0; m < sg->M; m++) {
      fputs ("    <message", f);
      attr (f, "id", lab (sg, sg->msg, (int) m, b));
      fprintf (f, " on-path=\"%s\"", e->onpath[m] ? "true" : "false");
      if (e->onpath[m]) {
        attr (f, "action", lab (sg, sg->act, e->resp[m], b));
        fputs (">\n", f);
        xml_belief (f, sg, &e->post[m * sg->K], NULL, NULL, 6);
      } else {
        fputs (">\n", f);
        const signal_offpath *o = &e->off[k++];
        for (size_t j = 0; j < o->n; j++) {
          const signal_response *q = &o->r[j];
          fputs ("      <response support=\"", f);
          bool first = true;
          for (unsigned a = 0; a < sg->A; a++)
            if (q->support >> a & 1) {
              if (!first) fputc (' ', f);
              esc (f, lab (sg, sg->act, (int) a, b));
              first = false;
            }
          fputc ('"', f);
          if (refine & SIGPRINT_D1) fprintf (f, " d1=\"%s\"", q->d1_ok ? "true" : "false");
          fputs (">\n", f);
          xml_belief (f, sg, q->belief, q->blo, q->bhi, 8);
          for (unsigned a = 0; a < sg->A; a++)
            if (q->support >> a & 1) {
              fputs ("        <mix", f);
              attr (f, "action", lab (sg, sg->act, (int) a, b));
              attrq (f, "value", q->mix[a]);
              attrq (f, "min", q->mlo[a]);
              attrq (f, "max", q->mhi[a]);
              fputs ("/>\n", f);
            }
          fputs ("      </response>\n", f);
        }
      }
      fputs ("    </message>\n", f);
    }
    for (int kk = 0; kk < 2; kk++) {
      if (!(refine & (kk ? SIGPRINT_D1 : SIGPRINT_INTUITIVE))) continue;
      const signal_verdict *v = kk ? &e->d1 : &e->intuitive;
      fprintf (f, "    <%s survives=\"%s\"", kk ? "d1" : "intuitive", v->survives ? "true" : "false");
      if (!v->survives) {
        attr (f, "message", lab (sg, sg->msg, v->msg, b));
        if (v->type >= 0) attr (f, "type", lab (sg, sg->theta, v->type, b));
        attr_types (f, sg, kk ? "deleted" : "J", v->set);
      }
      fputs ("/>\n", f);
    }
    fputs ("  </pbe>\n", f);
  }
  const signal_layers *L = &r->layers;
  fprintf (f, "  <layers analysed=\"%s\" plain=\"%s\"", L->skipped ? "false" : "true", L->trivial ? "true" : "false");
  if (!L->skipped)
    fprintf (f, " l1=\"%zu\" l2=\"%zu\" l3=\"%zu\" equilibria=\"%zu\" changes-posterior=\"%s\" changes-reward=\"%s\"",
             L->nstrat[1], L->nstrat[2], L->nstrat[3], L->n,
             L->changes_posterior ? "true" : "false", L->changes_reward ? "true" : "false");
  fputs (L->skipped || !L->n ? "/>\n" : ">\n", f);
  if (L->skipped || !L->n) goto end;
  for (size_t i = 0; i < L->n; i++) {
    const signal_layer_eq *q = &L->eq[i];
    fprintf (f, "    <equilibrium layer=\"%u\"", q->layer);
    attrq (f, "reward-sender", q->reward_s);
    attrq (f, "reward-receiver", q->reward_r);
    fputs (">\n", f);
    for (unsigned t = 0; t < sg->K; t++)
      for (unsigned m = 0; m < sg->M; m++)
        if (mpq_sgn (q->sigma[t * sg->M + m])) {
          fputs ("      <send", f);
          attr (f, "type", lab (sg, sg->theta, (int) t, b));
          attr (f, "message", lab (sg, sg->msg, (int) m, b));
          attrq (f, "probability", q->sigma[t * sg->M + m]);
          fputs ("/>\n", f);
        }
    for (unsigned m = 0; m < sg->M; m++)
      if (q->resp[m] >= 0) {
        fputs ("      <message", f);
        attr (f, "id", lab (sg, sg->msg, (int) m, b));
        attr (f, "action", lab (sg, sg->act, q->resp[m], b));
        fputs (">\n", f);
        xml_belief (f, sg, &q->post[m * sg->K], NULL, NULL, 8);
        fputs ("      </message>\n", f);
      }
    fputs ("    </equilibrium>\n", f);
  }
  fputs ("  </layers>\n", f);
end:
  fputs ("</scnfg-signal>\n", f);
}
