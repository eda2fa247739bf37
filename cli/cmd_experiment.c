/* scnfg experiment welfare: the paper's welfare experiment, exactly
 * (orchestrate/welfare.h): S-CNE against Stackelberg welfare on random
 * leader-follower games, by confounding strength, and the eps sweep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "instances/edit.h"
#include "orchestrate/welfare.h"
#include "solver/model/gamexml.h"

const char cmd_experiment_summary[] = "the welfare experiment: S-CNE vs Stackelberg on random games (welfare)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg experiment welfare --games N --seed S [--confounding C] [--stages T]\n"
           "                                [--domain D] [--sweep] [--csv OUT] [--example OUT.xml]\n"
           "\n"
           "  --games N        games per family (default 50)\n"
           "  --seed S         first seed (default 1); game i uses the next seed that both concepts solve\n"
           "  --confounding C  strength in [0, 1], a rational (1/2) or decimal (0.5): each stage's instinct\n"
           "                   reads an unobserved confounder with probability C (default: two families,\n"
           "                   C = 0 and C = 1)\n"
           "  --stages T       stages of the generated games (default 3); --domain D action domains (default 2)\n"
           "  --sweep          C in 0, 1/10, ..., 1: one row per strength (no eps sweep)\n"
           "  --csv OUT        write the sweep (or the families) as CSV\n"
           "  --example OUT    write the smallest game with a welfare difference (shrunk) there\n"
           "\n"
           "Games: scnfg gengame random-game --stages T --domain D --confounders 2 --seed S, then every\n"
           "instinct reading an unobserved variable is replaced by 0 and each stage, with probability C,\n"
           "gets a random non-constant instinct over a revealed confounder its mover does not see.\n"
           "Both concepts use the strong tie-break. Exact rationals (decimals in parentheses).\n");
}

static void pq (FILE *f, const mpq_t q) {
  char *s = rat_to_str (q);
  fprintf (f, "%s (%.4f)", s, mpq_get_d (q));
  free (s);
}

static void family (const welfare_params *p, const char *name, FILE *csv, const char *example) {
  welfare_result r;
  welfare_result_init (&r);
  welfare_run (p, &r);
  printf ("family %s: confounding %llu/%llu, %u games (%u seeds skipped), %u with a confounded instinct\n", name,
          (unsigned long long) p->conf_num, (unsigned long long) p->conf_den, r.games, r.skipped, r.confounded);
  printf ("  mean welfare SSE       ");
  pq (stdout, r.mean_sse);
  printf ("\n  mean welfare S-CNE     ");
  pq (stdout, r.mean_scne);
  printf ("\n  welfare difference (S-CNE - SSE): mean ");
  pq (stdout, r.mean_diff);
  printf (", mean |.| ");
  pq (stdout, r.mean_abs);
  printf (", max ");
  pq (stdout, r.max_diff);
  printf (", min ");
  pq (stdout, r.min_diff);
  printf ("\n  games with a difference: %u of %u (%.1f%%); leader's reward differs in %u, mean leader gain ", r.differ,
          r.games, r.games ? 100.0 * r.differ / r.games : 0.0, r.leader_differ);
  pq (stdout, r.mean_leader_diff);
  printf ("\n  layers chosen by S-CNE (active stages): leader L1 %lu L2 %lu L3 %lu; follower L1 %lu L2 %lu L3 %lu\n",
          r.layers[0][1], r.layers[0][2], r.layers[0][3], r.layers[1][1], r.layers[1][2], r.layers[1][3]);
  if (r.example) {
    printf ("  smallest example: seed %llu, size %zu shrunk to %zu: welfare SSE ", (unsigned long long) r.example_seed,
            r.example_size_before, edit_game_size (r.example));
    pq (stdout, r.example_sse);
    printf (", S-CNE ");
    pq (stdout, r.example_scne);
    if (example) {
      scnfg_error err;
      error_init (&err);
      if (gamexml_write_file (r.example, example, &err)) printf (", written to %s", example);
      else cli_report (&err);
    }
    printf ("\n");
  } else {
    printf ("  no game with a welfare difference\n");
  }
  if (p->eps_sweep) {
    printf ("  eps sweep (satisficing follower, tie strong; diff = welfare - SSE-strong welfare; SSE-strong: leader ");
    pq (stdout, r.sse_leader);
    printf (", follower ");
    pq (stdout, r.sse_follower);
    printf ("):\n");
    printf ("    %-6s | %-21s %-21s %-21s %-21s %6s | %-21s %-21s %6s\n", "eps", "plain: leader", "follower",
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
      printf ("    %-6s | %-21s %-21s %-21s %-21s %6u | %-21s %-21s %6u\n", welfare_eps (i), buf[0], buf[1], buf[2],
              buf[3], a->differ, buf[4], buf[5], b->differ);
      if (csv)
        fprintf (csv, "%s,%llu/%llu,%s,%u,%.6f,%.6f,%.6f,%.6f,%u,%.6f,%.6f,%u\n", name,
                 (unsigned long long) p->conf_num, (unsigned long long) p->conf_den, welfare_eps (i), r.games,
                 mpq_get_d (a->leader), mpq_get_d (a->follower), mpq_get_d (a->welfare), mpq_get_d (a->diff),
                 a->differ, mpq_get_d (b->leader), mpq_get_d (b->diff), b->differ);
    }
  }
  welfare_result_clear (&r);
}

int cmd_experiment (int argc, char **argv) {
  welfare_params p;
  welfare_params_init (&p);
  const char *what = NULL, *csv = NULL, *example = NULL, *conf = NULL;
  bool sweep = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--sweep")) {
      sweep = true;
    } else if (!strcmp (a, "--games") || !strcmp (a, "--seed") || !strcmp (a, "--confounding") ||
               !strcmp (a, "--csv") || !strcmp (a, "--example") || !strcmp (a, "--stages") || !strcmp (a, "--domain")) {
      if (i + 1 >= argc) return cli_usage_error (argv[0], "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u = 0;
      if (!strcmp (a, "--csv")) csv = v;
      else if (!strcmp (a, "--example")) example = v;
      else if (!strcmp (a, "--confounding")) conf = v;
      else if (!cli_parse_u64 (v, &u)) return cli_usage_error (argv[0], "bad %s '%s'", a, v);
      else if (!strcmp (a, "--seed")) p.seed = u;
      else if (!strcmp (a, "--games")) {
        if (u < 1 || u > 100000) return cli_usage_error (argv[0], "--games %s is out of range (1..100000)", v);
        p.games = (unsigned) u;
      } else if (!strcmp (a, "--stages")) {
        if (u < 1 || u > 8) return cli_usage_error (argv[0], "--stages %s is out of range (1..8)", v);
        p.stages = (unsigned) u;
      } else {
        if (u < 2 || u > 4) return cli_usage_error (argv[0], "--domain %s is out of range (2..4)", v);
        p.domain = (unsigned) u;
      }
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error (argv[0], "unknown option '%s'", a);
    } else if (what) {
      return cli_usage_error (argv[0], "unexpected argument '%s'", a);
    } else {
      what = a;
    }
  }
  if (!what || strcmp (what, "welfare")) return cli_usage_error (argv[0], "the only experiment is 'welfare' (see --help)");
  if (conf && sweep) return cli_usage_error (argv[0], "--confounding and --sweep exclude each other");
  if (conf) {
    mpq_t q;
    mpq_init (q);
    const char *why = NULL;
    bool ok = rat_parse_str (q, conf, &why) && mpq_sgn (q) >= 0 && mpq_cmp_ui (q, 1, 1) <= 0 &&
              mpz_fits_ulong_p (mpq_numref (q)) && mpz_fits_ulong_p (mpq_denref (q));
    if (ok) p.conf_num = mpz_get_ui (mpq_numref (q)), p.conf_den = mpz_get_ui (mpq_denref (q));
    mpq_clear (q);
    if (!ok) return cli_usage_error (argv[0], "--confounding '%s' is not a rational in [0, 1]", conf);
  }
  afile out;
  scnfg_error err;
  error_init (&err);
  if (csv && !afile_open (&out, csv, &err)) return cli_report (&err);
  printf ("experiment welfare: %u games per family, first seed %llu, games: gengame random-game --stages %u "
          "--domain %u --confounders 2 + confounding edit\n",
          p.games, (unsigned long long) p.seed, p.stages, p.domain);
  if (sweep) {
    p.eps_sweep = p.shrink_example = false;
    if (csv) fprintf (out.f, "confounding,games,differ,share,mean_diff,mean_abs_diff,max_diff,min_diff,mean_leader_diff\n");
    printf ("%-11s %6s %7s %7s %-22s %-22s %-22s %-22s\n", "confounding", "games", "differ", "share", "mean diff",
            "mean |diff|", "max diff", "min diff");
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
      double share = r.games ? (double) r.differ / r.games : 0;
      printf ("%-11s %6u %7u %7.3f %-22s %-22s %-22s %-22s\n", c, r.games, r.differ, share, b[0], b[1], b[2], b[3]);
      if (csv)
        fprintf (out.f, "%.1f,%u,%u,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", k / 10.0, r.games, r.differ, share,
                 mpq_get_d (r.mean_diff), mpq_get_d (r.mean_abs), mpq_get_d (r.max_diff), mpq_get_d (r.min_diff),
                 mpq_get_d (r.mean_leader_diff));
      welfare_result_clear (&r);
    }
  } else {
    if (csv)
      fprintf (out.f, "family,confounding,eps,games,leader,follower,welfare,diff,differ,robust_leader,robust_diff,"
                      "robust_differ\n");
    if (conf) {
      family (&p, "confounding", csv ? out.f : NULL, example);
    } else {
      p.conf_num = 0, p.conf_den = 1;
      family (&p, "unconfounded", csv ? out.f : NULL, NULL);
      p.conf_num = 1, p.conf_den = 1;
      family (&p, "confounded", csv ? out.f : NULL, example);
    }
  }
  if (csv && !afile_commit (&out, &err)) return cli_report (&err);
  return CLI_EXIT_OK;
}
