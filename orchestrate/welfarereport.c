/* welfarereport: the tables of the welfare experiment (see welfarereport.h). */
#include "orchestrate/welfarereport.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/edit.h"
#include "solver/model/gamexml.h"

static void pq (FILE *f, const mpq_t q) {
  char *s = rat_to_str (q);
  fprintf (f, "%s (%.4f)", s, mpq_get_d (q));
  free (s);
}

/* "LABEL" then the rational. */
static void lq (FILE *f, const char *label, const mpq_t q) {
  fputs (label, f);
  pq (f, q);
}

void welfarereport_csv_header (FILE *csv) {
  fprintf (csv, "family,confounding,seed,generic,sse_leader,sse_follower,sse_welfare,scne_leader,scne_follower,"
                "scne_welfare,diff,diff_decimal,differ\n");
}

/* One CSV row per game of r (exact rationals; the difference also as a decimal for plotting). */
static void csv_rows (FILE *csv, const char *name, const welfare_params *p, const welfare_result *r) {
  mpq_t d;
  mpq_init (d);
  for (unsigned i = 0; i < r->games; i++) {
    const welfare_game_row *w = &r->rows[i];
    fprintf (csv, "%s,%llu/%llu,%llu,%d", name, (unsigned long long) p->conf_num, (unsigned long long) p->conf_den,
             (unsigned long long) w->seed, p->generic);
    for (unsigned k = 0; k < 6; k++) {
      char *s = rat_to_str (k < 3 ? w->sse[k] : w->scne[k - 3]);
      fprintf (csv, ",%s", s);
      free (s);
    }
    mpq_sub (d, w->scne[2], w->sse[2]);
    char *s = rat_to_str (d);
    fprintf (csv, ",%s,%.6f,%d\n", s, mpq_get_d (d), mpq_sgn (d) != 0);
    free (s);
  }
  mpq_clear (d);
}

/* "k of n differ, 95 % Wilson interval [lo, hi]" */
static void interval (FILE *f, unsigned k, unsigned n) {
  double lo = 0, hi = 1;
  if (n) welfare_wilson (k, n, &lo, &hi);
  fprintf (f, "95%% Wilson interval for the share of games that differ: [%.4f, %.4f] (%u of %u)", lo, hi, k, n);
}

void welfarereport_family (FILE *out, FILE *err, const welfare_params *p, const char *name, FILE *csv,
                           const char *example) {
  welfare_result r;
  welfare_result_init (&r);
  welfare_params q = *p;
  q.keep_games = csv != NULL;
  welfare_run (&q, &r);
  fprintf (out, "family %s: confounding %llu/%llu, %u games (%u seeds skipped", name, (unsigned long long) p->conf_num,
           (unsigned long long) p->conf_den, r.games, r.skipped);
  if (p->generic) fprintf (out, ", %u redrawn for generic payoffs", r.redraws);
  fprintf (out, "), %u with a confounded instinct\n", r.confounded);
  if (!p->conf_num)
    fprintf (out, "  (C = 0: no instinct reads an unobserved variable, so S-CNE = SSE in every game is the regression\n"
                  "   theorem (DESIGN 3.4, the same policy sets), checked here, not an observation)\n");
  lq (out, "  mean welfare SSE       ", r.mean_sse);
  lq (out, "\n  mean welfare S-CNE     ", r.mean_scne);
  lq (out, "\n  welfare difference (S-CNE - SSE): mean ", r.mean_diff);
  lq (out, ", mean |.| ", r.mean_abs);
  lq (out, ", max ", r.max_diff);
  lq (out, ", min ", r.min_diff);
  fprintf (out, "\n  games with a difference: %u of %u (%.1f%%); leader's reward differs in %u, mean leader gain ", r.differ,
          r.games, r.games ? 100.0 * r.differ / r.games : 0.0, r.leader_differ);
  pq (out, r.mean_leader_diff);
  fputs ("\n  ", out);
  interval (out, r.differ, r.games);
  fprintf (out, "\n  layers chosen by S-CNE (active stages): leader L1 %lu L2 %lu L3 %lu; follower L1 %lu L2 %lu L3 %lu\n",
          r.layers[0][1], r.layers[0][2], r.layers[0][3], r.layers[1][1], r.layers[1][2], r.layers[1][3]);
  if (r.example) {
    fprintf (out, "  smallest example: seed %llu, size %zu shrunk to %zu: welfare SSE ", (unsigned long long) r.example_seed,
            r.example_size_before, edit_game_size (r.example));
    pq (out, r.example_sse);
    fprintf (out, ", S-CNE ");
    pq (out, r.example_scne);
    if (example) {
      scnfg_error e;
      error_init (&e);
      if (gamexml_write_file (r.example, example, &e)) fprintf (out, ", written to %s", example);
      else {
        char buf[600];
        error_format (&e, buf, sizeof buf);
        fprintf (err, "%s\n", buf);
      }
    }
    fputc ('\n', out);
  } else {
    fprintf (out, "  no game with a welfare difference\n");
  }
  if (p->eps_sweep) {
    fprintf (out, "  eps sweep (satisficing follower, tie strong; diff = welfare - SSE-strong welfare; SSE-strong: leader ");
    pq (out, r.sse_leader);
    fprintf (out, ", follower ");
    pq (out, r.sse_follower);
    fprintf (out, "):\n");
    fprintf (out, "    %-6s | %-21s %-21s %-21s %-21s %6s | %-21s %-21s %6s\n", "eps", "plain: leader", "follower",
            "welfare", "diff", "differ", "robust: leader", "diff", "differ");
    for (unsigned i = 0; i < WELFARE_NEPS; i++) {
      const welfare_eps_row *a = &r.eps[0][i], *b = &r.eps[1][i];
      char buf[8][64];
      const mpq_t *v[6] = {&a->leader, &a->follower, &a->welfare, &a->diff, &b->leader, &b->diff};
      for (unsigned k = 0; k < 6; k++) {
        char *s = rat_to_str (*v[k]);
        snprintf (buf[k], sizeof buf[k], "%s (%.3f)", strlen (s) < 40 ? s : "~", mpq_get_d (*v[k]));
        free (s);
      }
      fprintf (out, "    %-6s | %-21s %-21s %-21s %-21s %6u | %-21s %-21s %6u\n", welfare_eps (i), buf[0], buf[1], buf[2],
              buf[3], a->differ, buf[4], buf[5], b->differ);
    }
  }
  if (csv) csv_rows (csv, name, p, &r);
  welfare_result_clear (&r);
}

void welfarereport_sweep (FILE *out, welfare_params p, FILE *csv) {
  p.eps_sweep = p.shrink_example = false;
  p.keep_games = csv != NULL;
  if (csv) welfarereport_csv_header (csv);
  fprintf (out, "%-11s %6s %7s %7s %-17s %-22s %-22s %-22s %-22s\n", "confounding", "games", "differ", "share",
           "95% interval", "mean diff", "mean |diff|", "max diff", "min diff");
  for (unsigned k = 0; k <= 10; k++) {
    p.conf_num = k, p.conf_den = 10;
    welfare_result r;
    welfare_result_init (&r);
    welfare_run (&p, &r);
    char c[16];
    snprintf (c, sizeof c, "%u/10", k);
    char b[4][64];
    const mpq_t *v[4] = {&r.mean_diff, &r.mean_abs, &r.max_diff, &r.min_diff};
    for (unsigned i = 0; i < 4; i++) {
      char *s = rat_to_str (*v[i]);
      snprintf (b[i], sizeof b[i], "%s (%.4f)", strlen (s) < 40 ? s : "~", mpq_get_d (*v[i]));
      free (s);
    }
    double share = r.games ? (double) r.differ / r.games : 0, lo = 0, hi = 1;
    if (r.games) welfare_wilson (r.differ, r.games, &lo, &hi);
    char iv[40];
    snprintf (iv, sizeof iv, "[%.3f, %.3f]", lo, hi);
    fprintf (out, "%-11s %6u %7u %7.3f %-17s %-22s %-22s %-22s %-22s\n", c, r.games, r.differ, share, iv, b[0], b[1], b[2],
             b[3]);
    if (csv) csv_rows (csv, "sweep", &p, &r);
    welfare_result_clear (&r);
  }
  fprintf (out, "(0/10: the regression theorem, S-CNE = SSE by construction, not an observation; interval: the 95%%\n"
                " Wilson interval for the share of games that differ, decimals for display only)\n");
}
