/* Human tables of results (see resulttext.h). */
#include "solver/model/resulttext.h"

#include <stdlib.h>
#include <string.h>

#include "base/rat.h"
#include "solver/model/game.h"
#include "solver/model/result.h"

static void print_rewards (FILE *f, const game *g, const mpq_t *reward, const mpq_t welfare) {
  for (unsigned i = 0; i < g->nplayers; i++) {
    fprintf (f, "reward %s%s ", g->players[i], (int) i == g->leader ? " (leader)" : "");
    rat_print (f, reward[i]);
    fputc ('\n', f);
  }
  fputs ("welfare ", f);
  rat_print (f, welfare);
  fputc ('\n', f);
}

/* ---- pure solutions ------------------------------------------------------ */

static void print_policies (FILE *f, const game *g, const game_profile *p, size_t max_lines) {
  size_t lines = 0;
  char buf[1024], lb[32];
  for (unsigned t = 0; t < p->nstages; t++) {
    const game_policy *pol = &p->pol[t];
    const game_var *v = &g->vars[pol->var];
    fprintf (f, "policy stage %u %s (player %s, layer %u)\n", pol->stage, v->id, g->players[v->player], pol->layer);
    if (pol->layer == 1 && v->layers == GAME_L1) fputs ("  (no choice: plays its instinct)\n", f);
    else if (pol->layer == 1)
      fputs ("  (reported at layer 1: the policy below equals the instinct wherever it is reached)\n", f);
    for (size_t i = 0; i < pol->size; i++) {
      if (pol->act[i] == PROFILE_NONE) continue;
      if (lines++ >= max_lines) continue;
      profile_describe_infoset (g, pol, i, buf, sizeof buf);
      fprintf (f, "  %s -> %s\n", buf, game_value_label (g, pol->var, pol->act[i], lb, sizeof lb));
    }
  }
  if (lines > max_lines) fprintf (f, "  ... %zu more information sets (use --xml)\n", lines - max_lines);
}

void resulttext_solution (FILE *f, const game *g, const game_solution *s, size_t max_lines) {
  fprintf (f, "game %s\nconcept %s\ntie %s\n", g->name[0] ? g->name : "-", s->concept, profile_tie_name (s->tie));
  if (s->status != GAME_SOLVED) {
    fprintf (f, "status unknown (%s)\n", s->reason);
    return;
  }
  fprintf (f, "status solved\n");
  print_rewards (f, g, s->reward, s->welfare);
  if (!s->profile) {
    fprintf (f, "policy not stored (%s)\n", s->reason[0] ? s->reason : "too large");
  } else {
    print_policies (f, g, s->profile, max_lines);
    for (size_t i = 0; i < s->outcomes.n; i++) {
      fputs ("outcome ", f);
      rat_print (f, s->outcomes.o[i].prob);
      fputc (' ', f);
      result_values (f, g, s->outcomes.o[i].vals);
      fputc ('\n', f);
    }
    if (s->outcomes.truncated) fputs ("outcome ... (more outcomes not listed)\n", f);
  }
  fprintf (f, "c nodes %llu leaves %llu seconds %.3f\n", (unsigned long long) s->nodes, (unsigned long long) s->leaves,
           s->seconds);
}

/* ---- mixed commitments --------------------------------------------------- */

/* One information set i of stage t: "  obs -> a:p b:q" (commitment) or "  obs -> a". */
static void print_behav_entry (FILE *f, const game *g, const behav_profile *b, unsigned t, size_t i, bool response) {
  char buf[1024], lb[32];
  const game_policy *pol = &b->pure->pol[t - 1];
  const game_var *v = game_stage (g, t);
  profile_describe_infoset (g, pol, i, buf, sizeof buf);
  fprintf (f, "  %s ->", buf);
  if (response) {
    fprintf (f, " %s\n", game_value_label (g, pol->var, pol->act[i], lb, sizeof lb));
    return;
  }
  for (unsigned a = 0; a < v->domain; a++) {
    const mpq_t *q = &b->prob[t - 1][i * v->domain + a];
    if (!mpq_sgn (*q)) continue;
    fprintf (f, " %s:", game_value_label (g, pol->var, (int) a, lb, sizeof lb));
    rat_print (f, *q);
  }
  fputc ('\n', f);
}

static void print_behav (FILE *f, const game *g, const behav_profile *b, size_t max_lines) {
  size_t lines = 0;
  for (int part = 0; part < 2; part++) {
    for (unsigned t = 1; t <= g->nstages; t++) {
      if ((b->prob[t - 1] != NULL) == (part == 1)) continue;
      const game_policy *pol = &b->pure->pol[t - 1];
      const game_var *v = game_stage (g, t);
      fprintf (f, "%s stage %u %s (player %s, layer %u)\n", part ? "response" : "commitment", t, v->id,
               g->players[v->player], pol->layer);
      if (pol->layer == 1) fputs ("  (no choice: plays its instinct)\n", f);
      for (size_t i = 0; i < pol->size; i++) {
        if (pol->act[i] == PROFILE_NONE) continue;
        if (lines++ >= max_lines) continue;
        print_behav_entry (f, g, b, t, i, part == 1);
      }
    }
  }
  if (lines > max_lines) fprintf (f, "  ... %zu more information sets (use --xml)\n", lines - max_lines);
}

/* "(u,v] (u,v)-(u,v] ..." breakpoints of a frontier. */
static void print_pwl (FILE *f, const behav_pwl *p) {
  for (size_t i = 0; i < p->n; i++) {
    if (i) {
      fputs (" (", f);
      rat_print (f, p->b[i - 1]);
      fputc (',', f);
      rat_print (f, p->vl[i]);
      fputs (")-", f);
    }
    fputc ('(', f);
    rat_print (f, p->b[i]);
    fputc (',', f);
    rat_print (f, p->vr[i]);
    fputc (']', f);
  }
}

static void print_mixed_cert (FILE *f, const game *g, const mixed_solution *ms) {
  const behav_cert *c = &ms->cert;
  if (c->kind == BEHAV_CERT_LP) {
    for (unsigned j = 0; j < c->nf; j++) {
      char lb[32];
      fprintf (f, "certificate follower %s: bound ",
               game_value_label (g, g->stage_var[c->fstage - 1], (int) j, lb, sizeof lb));
      rat_print (f, c->z[j]);
      fputs (" multipliers", f);
      for (unsigned k = 0; k < c->nf; k++) fputc (' ', f), rat_print (f, c->w[(size_t) j * c->nf + k]);
      fputc ('\n', f);
    }
  } else if (c->kind == BEHAV_CERT_TREE && c->nnodes) {
    fprintf (f, "certificate frontiers at %zu choice nodes (root: ", c->nnodes);
    print_pwl (f, &c->front[0]);
    fputs (")\n", f);
  } else if (ms->method == MIXED_TREE) {
    fputs ("certificate not kept (more choice nodes than --max-cert)\n", f);
  }
  if (ms->method == MIXED_TREE)
    fprintf (f, "frontiers %llu choice nodes, largest %zu pieces, mean %.2f; bottom-up pass %.3f s, total %.3f s\n",
             (unsigned long long) ms->choice_nodes, ms->front_max,
             ms->choice_nodes ? (double) ms->front_total / (double) ms->choice_nodes : 0.0, ms->frontier_seconds,
             ms->sol.seconds);
}

void resulttext_mixed (FILE *f, const game *g, const mixed_solution *ms, size_t max_lines) {
  fprintf (f, "game %s\nconcept mixed (%s)\ntie %s\n", g->name[0] ? g->name : "-", result_mixed_method (ms->method),
           ms->weak ? "weak" : "strong");
  if (ms->sol.status != GAME_SOLVED) {
    fprintf (f, "status unknown (%s)\n", ms->sol.reason);
    return;
  }
  fputs ("status solved\n", f);
  if (ms->weak) {
    fprintf (f, "supremum %s (leader) ", g->players[g->leader]);
    rat_print (f, ms->sup);
    fputs (" (weak tie-break: may not be attained; the rewards below are those at the reported\n"
           "  commitment, where the follower breaks ties against the leader)\n",
           f);
  }
  if (!ms->prof) {
    fputs ("reward ", f);
    fprintf (f, "%s (leader) ", g->players[g->leader]);
    rat_print (f, ms->sol.reward[g->leader]);
    fprintf (f, "\ncommitment not built (%s)\n", ms->sol.reason);
  } else {
    print_rewards (f, g, ms->sol.reward, ms->sol.welfare);
    print_behav (f, g, ms->prof, max_lines);
    for (size_t i = 0; i < ms->sol.outcomes.n; i++) {
      fputs ("outcome ", f);
      rat_print (f, ms->sol.outcomes.o[i].prob);
      result_stage_values (f, g, ms->sol.outcomes.o[i].vals, false);
      fputc ('\n', f);
    }
  }
  print_mixed_cert (f, g, ms);
}

/* ---- signaling analyses -------------------------------------------------- */

static const char *lab (const signal_game *sg, int v, int x, char *buf) { return game_value_label (sg->g, v, x, buf, 32); }

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

static void sig_header (FILE *f, const signal_game *sg) {
  const game *g = sg->g;
  char b[32];
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
}

/* Sender, receiver, on-path beliefs and payoffs of family e (number i). */
static void sig_family (FILE *f, const signal_game *sg, const signal_pbe *e, size_t i) {
  const game *g = sg->g;
  char b[32], c[32];
  fprintf (f, "\nPBE family %zu: %s (%llu pure PBE)\n  sender:   ", i + 1, result_signal_class (e->cls),
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
}

static void sig_response (FILE *f, const signal_game *sg, const signal_response *q, unsigned refine) {
  char c[32];
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
  if (refine & RESULT_D1 && !q->d1_ok) fputs (" [not D1]", f);
  fputc ('\n', f);
}

static void sig_intuitive (FILE *f, const signal_game *sg, const signal_verdict *v) {
  char b[32], c[32];
  if (v->survives) {
    fputs ("  intuitive criterion: survives\n", f);
    return;
  }
  fprintf (f, "  intuitive criterion: fails at %s: J = ", lab (sg, sg->msg, v->msg, b));
  types_set (f, sg, v->set);
  fprintf (f, "; type %s gains under every best response to beliefs on ", lab (sg, sg->theta, v->type, c));
  types_set (f, sg, ((1u << sg->K) - 1) & ~v->set);
  fputc ('\n', f);
}

static void sig_d1 (FILE *f, const signal_game *sg, const signal_verdict *v) {
  char b[32], c[32];
  if (v->survives) {
    fputs ("  D1: survives\n", f);
    return;
  }
  fprintf (f, "  D1: fails at %s: deleted ", lab (sg, sg->msg, v->msg, b));
  types_set (f, sg, v->set);
  bool first = true;
  for (unsigned t = 0; t < sg->K; t++)
    if (v->set >> t & 1) {
      fprintf (f, "%s%s by %s", first ? " (" : ", ", lab (sg, sg->theta, (int) t, b), lab (sg, sg->theta, v->by[t], c));
      first = false;
    }
  if (!first) fputc (')', f);
  fprintf (f, "; no supporting response is a best response to beliefs on ");
  types_set (f, sg, ((1u << sg->K) - 1) & ~v->set);
  if (v->type >= 0) fprintf (f, "; type %s breaks it", lab (sg, sg->theta, v->type, b));
  fputc ('\n', f);
}

static void sig_summary (FILE *f, const signal_result *r, unsigned refine) {
  fprintf (f, "\nsummary: %zu PBE families (%zu separating, %zu pooling, %zu partially pooling), %llu pure PBE\n", r->n,
           r->nclass[SIGNAL_SEPARATING], r->nclass[SIGNAL_POOLING], r->nclass[SIGNAL_PARTIAL],
           (unsigned long long) r->npure);
  for (int k = 0; k < 2; k++) {
    if (!(refine & (k ? RESULT_D1 : RESULT_INTUITIVE))) continue;
    fprintf (f, "%s survivors: %zu", k ? "D1" : "intuitive criterion", k ? r->nd1 : r->nintuitive);
    bool first = true;
    for (size_t i = 0; i < r->n; i++)
      if (k ? r->pbe[i].d1.survives : r->pbe[i].intuitive.survives)
        fprintf (f, "%s%zu", first ? " (family " : ", ", i + 1), first = false;
    fputs (first ? "\n" : ")\n", f);
  }
}

static void sig_layer_eq (FILE *f, const signal_game *sg, const signal_layer_eq *q) {
  char b[32], c[32];
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

static void sig_layers (FILE *f, const signal_game *sg, const signal_layers *L) {
  if (L->skipped) {
    if (L->trivial) fputs ("layers: the sender's strategy set is the plain one: the layer choice changes nothing\n", f);
    else fputs ("layers: not analysed (too many strategies or receiver responses)\n", f);
    return;
  }
  fprintf (f, "layers: sender strategies %s L1 %zu, L2 %zu, L3 %zu; %zu layered equilibria%s\n",
           sg->observable ? "per chosen layer (observed)" : "by lowest layer", L->nstrat[1], L->nstrat[2], L->nstrat[3],
           L->n, L->trivial ? " (the plain game)" : "");
  if (!L->trivial)
    for (size_t i = 0; i < L->n; i++) sig_layer_eq (f, sg, &L->eq[i]);
  fprintf (f, "the layer choice changes posteriors: %s; changes equilibrium rewards: %s\n",
           L->changes_posterior ? "yes" : "no", L->changes_reward ? "yes" : "no");
}

void resulttext_signal (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine) {
  char b[32];
  sig_header (f, sg);
  for (size_t i = 0; i < r->n; i++) {
    const signal_pbe *e = &r->pbe[i];
    sig_family (f, sg, e, i);
    for (size_t k = 0; k < e->noff; k++) {
      const signal_offpath *o = &e->off[k];
      fprintf (f, "  off path %s:\n", lab (sg, sg->msg, (int) o->m, b));
      for (size_t j = 0; j < o->n; j++) sig_response (f, sg, &o->r[j], refine);
    }
    if (refine & RESULT_INTUITIVE) sig_intuitive (f, sg, &e->intuitive);
    if (refine & RESULT_D1) sig_d1 (f, sg, &e->d1);
  }
  sig_summary (f, r, refine);
  sig_layers (f, sg, &r->layers);
}
