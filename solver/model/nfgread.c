/* Gambit .nfg reader (see nfgread.h): the header, then the payoff or the
 * outcome form, on the shared Gambit tokenizer (gambitlex.h); a two-player
 * table becomes a one-shot leader-follower game. */
#include "solver/model/nfgread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "solver/model/gambitlex.h"
#include "solver/model/game.h"

typedef struct nfg {
  gambitlex lx;
  unsigned nplayers;
  char **players;       /* names as written */
  unsigned pline;       /* line of the player list */
  size_t n[2];          /* strategies of player 1 and 2 */
  char **labels[2];     /* strategy labels (outcome form), else NULL */
  size_t nprof;         /* n[0] * n[1] */
  mpq_t *pay[2];        /* per profile r + n[0] * c (player 1 fastest) */
  size_t nouts;
  mpq_t *outs;          /* outcome k's payoffs at 2 * k, 2 * k + 1 */
} nfg;

static void nfg_free (nfg *p) {
  for (unsigned i = 0; i < p->nplayers; i++) free (p->players[i]);
  free (p->players);
  for (int i = 0; i < 2; i++) {
    for (size_t k = 0; p->labels[i] && k < p->n[i]; k++) free (p->labels[i][k]);
    free (p->labels[i]);
    for (size_t k = 0; p->pay[i] && k < p->nprof; k++) mpq_clear (p->pay[i][k]);
    free (p->pay[i]);
  }
  for (size_t k = 0; k < 2 * p->nouts; k++) mpq_clear (p->outs[k]);
  free (p->outs);
  free (p->lx.text);
}

/* Skips commas (optional between payoffs). */
static bool skip_commas (gambitlex *lx) {
  while (lx->tok == GLEX_COMMA)
    if (!gambitlex_next (lx)) return false;
  return true;
}

/* A payoff into out; advances past it and any commas after it. */
static bool payoff (gambitlex *lx, mpq_t out) {
  if (!skip_commas (lx)) return false;
  if (lx->tok != GLEX_NUMBER) return gambitlex_fail (lx, lx->tline, "expected a payoff (a number)");
  return gambitlex_number (lx, out) && gambitlex_next (lx) && skip_commas (lx);
}

static bool expect (gambitlex *lx, int tok, const char *what) {
  if (lx->tok != tok) return gambitlex_fail (lx, lx->tline, "expected %s", what);
  return gambitlex_next (lx);
}

/* NFG 1 R|D "title" { "name" ... }: the title into *title (new string). */
static bool header (nfg *p, char **title) {
  gambitlex *lx = &p->lx;
  if (!gambitlex_next (lx)) return false;
  if (lx->tok != GLEX_SYMBOL || strcmp (lx->text, "NFG"))
    return gambitlex_fail (lx, lx->tline, "expected 'NFG' (not a Gambit strategic game file)");
  if (!gambitlex_next (lx)) return false;
  if (lx->tok != GLEX_NUMBER || strcmp (lx->text, "1")) return gambitlex_fail (lx, lx->tline, "only NFG version 1 is accepted");
  if (!gambitlex_next (lx)) return false;
  if (lx->tok != GLEX_SYMBOL || (strcmp (lx->text, "R") && strcmp (lx->text, "D")))
    return gambitlex_fail (lx, lx->tline, "expected the data type R or D");
  if (!gambitlex_next (lx)) return false;
  if (lx->tok != GLEX_TEXT) return gambitlex_fail (lx, lx->tline, "expected the game's title (a quoted string)");
  *title = mem_strdup (lx->text);
  if (!gambitlex_next (lx)) return false;
  p->pline = lx->tline;
  if (!expect (lx, GLEX_LBRACE, "'{' before the player list")) return false;
  while (lx->tok == GLEX_TEXT) {
    p->players = mem_realloc (p->players, (p->nplayers + 1) * sizeof *p->players);
    p->players[p->nplayers++] = mem_strdup (lx->text);
    if (!gambitlex_next (lx)) return false;
  }
  if (!expect (lx, GLEX_RBRACE, "'}' after the player names")) return false;
  if (p->nplayers != 2)
    return gambitlex_fail (lx, p->pline,
                      "a strategic game of %u players: only two-player tables are read (a one-shot "
                      "leader-follower game needs exactly one leader and one follower)", p->nplayers);
  return true;
}

/* A player's strategy count (payoff form) or label list (outcome form). */
static bool strategies (nfg *p, int i, bool labelled) {
  gambitlex *lx = &p->lx;
  unsigned line = lx->tline;
  if (!labelled) {
    long v;
    if (!gambitlex_integer (lx, 1, (long) NFGREAD_MAX_PROFILES, &v, "a strategy count")) return false;
    p->n[i] = (size_t) v;
  } else {
    if (!expect (lx, GLEX_LBRACE, "'{' before a player's strategy labels")) return false;
    char **l = NULL;
    size_t k = 0;
    while (lx->tok == GLEX_TEXT && k < NFGREAD_MAX_PROFILES) {
      l = mem_realloc (l, (k + 1) * sizeof *l);
      l[k++] = mem_strdup (lx->text);
      if (!gambitlex_next (lx)) break;
    }
    p->labels[i] = l, p->n[i] = k;
    if (lx->failed || !expect (lx, GLEX_RBRACE, "'}' after a player's strategy labels")) return false;
  }
  if (p->n[i] < 2)
    return gambitlex_fail (lx, line, "player %d has %zu strategy: the model needs at least two per player", i + 1, p->n[i]);
  return true;
}

/* The strategy block after the player list, and the optional comment. */
static bool strategy_block (nfg *p, bool *labelled) {
  gambitlex *lx = &p->lx;
  if (!expect (lx, GLEX_LBRACE, "'{' before the strategies")) return false;
  *labelled = lx->tok == GLEX_LBRACE;
  for (int i = 0; i < 2; i++)
    if (!strategies (p, i, *labelled)) return false;
  if (!expect (lx, GLEX_RBRACE, "'}' after the two players' strategies")) return false;
  if (p->n[0] > NFGREAD_MAX_PROFILES / p->n[1])
    return gambitlex_fail (lx, p->pline, "more than %zu strategy profiles", NFGREAD_MAX_PROFILES);
  p->nprof = p->n[0] * p->n[1];
  size_t left = (size_t) (lx->end - lx->s); /* every profile needs a token and a separator */
  if (p->nprof > left / 2 + 1)
    return gambitlex_fail (lx, lx->tline, "%zu strategy profiles, but only %zu bytes left for their payoffs", p->nprof, left);
  for (int i = 0; i < 2; i++) {
    p->pay[i] = mem_alloc (p->nprof * sizeof *p->pay[i]);
    for (size_t k = 0; k < p->nprof; k++) mpq_init (p->pay[i][k]);
  }
  if (lx->tok == GLEX_TEXT && !gambitlex_next (lx)) return false; /* the optional comment */
  return true;
}

static bool payoff_form (nfg *p) {
  for (size_t k = 0; k < p->nprof; k++)
    for (int i = 0; i < 2; i++)
      if (!payoff (&p->lx, p->pay[i][k])) return false;
  return true;
}

/* { { "label" u1 u2 } ... } then one outcome number per profile. */
static bool outcome_form (nfg *p) {
  gambitlex *lx = &p->lx;
  if (!expect (lx, GLEX_LBRACE, "'{' before the outcome list")) return false;
  while (lx->tok == GLEX_LBRACE && p->nouts < NFGREAD_MAX_PROFILES) {
    if (!gambitlex_next (lx)) return false;
    if (lx->tok != GLEX_TEXT) return gambitlex_fail (lx, lx->tline, "expected the outcome's label (a quoted string)");
    p->outs = mem_realloc (p->outs, 2 * (p->nouts + 1) * sizeof *p->outs);
    mpq_init (p->outs[2 * p->nouts]), mpq_init (p->outs[2 * p->nouts + 1]);
    p->nouts++;
    if (!gambitlex_next (lx)) return false;
    for (int i = 0; i < 2; i++)
      if (!payoff (lx, p->outs[2 * (p->nouts - 1) + (size_t) i])) return false;
    if (!expect (lx, GLEX_RBRACE, "'}' after an outcome's two payoffs")) return false;
  }
  if (!expect (lx, GLEX_RBRACE, "'}' after the outcome list")) return false;
  for (size_t k = 0; k < p->nprof; k++) {
    long o;
    if (!skip_commas (lx)) return false;
    if (lx->tok == GLEX_EOF) return gambitlex_fail (lx, lx->tline, "only %zu of the %zu outcome numbers of the profiles", k, p->nprof);
    if (!gambitlex_integer (lx, 0, (long) p->nouts, &o, "an outcome number (0 or a listed outcome)")) return false;
    if (o > 0)
      for (int i = 0; i < 2; i++) mpq_set (p->pay[i][k], p->outs[2 * (size_t) (o - 1) + (size_t) i]);
  }
  return true;
}

/* The leader's index (0 or 1): player 1 unless 'leader' names one by its
 * name as written or its id. */
static bool find_leader (nfg *p, char *ids[2], const char *leader, int *L) {
  *L = 0;
  if (!leader) return true;
  for (int i = 0; i < 2; i++)
    if (!strcmp (leader, ids[i]) || !strcmp (leader, p->players[i])) return *L = i, true;
  return gambitlex_fail (&p->lx, p->pline, "--leader '%.60s' is not a player of the game (players %s, %s)", leader, ids[0], ids[1]);
}

static void add_action (nfg *p, game *g, int v, int owner, unsigned stage) {
  int i = g->vars[v].id[1] - '1';
  game_set_owner (g, v, owner);
  game_set_stage (g, v, stage);
  game_set_layers (g, v, GAME_L2);
  game_set_line (g, v, p->pline);
  char **names = p->labels[i];
  if (!names) { /* payoff form: strategies 1, 2, ... */
    names = mem_alloc (p->n[i] * sizeof *names);
    for (size_t k = 0; k < p->n[i]; k++) names[k] = mem_alloc (24), snprintf (names[k], 24, "%zu", k + 1);
  }
  char **l = gambitlex_labels (names, p->n[i], 's');
  game_set_labels (g, v, l);
  for (size_t k = 0; k < p->n[i]; k++) {
    free (l[k]);
    if (names != p->labels[i]) free (names[k]);
  }
  free (l);
  if (names != p->labels[i]) free (names);
}

static bool build (nfg *p, const char *title, const char *leader, game **out) {
  char *ids[2];
  gambitlex_two_ids (p->players, ids);
  int L;
  bool ok = find_leader (p, ids, leader, &L);
  game *g = NULL;
  if (ok) {
    g = game_new (title);
    g->file = mem_strdup (p->lx.name);
    int pid[2], s[2];
    for (int i = 0; i < 2; i++) pid[i] = game_add_player (g, ids[i]);
    game_set_leader (g, pid[L]);
    s[0] = game_add_var (g, GAME_ACTION, "s1", (unsigned) p->n[0]);
    s[1] = game_add_var (g, GAME_ACTION, "s2", (unsigned) p->n[1]);
    for (int i = 0; i < 2; i++) add_action (p, g, s[i], pid[i], i == L ? 1 : 2);
    mpq_t *tab = mem_alloc (p->nprof * sizeof *tab);
    for (int i = 0; i < 2; i++) {
      for (size_t r = 0; r < p->n[0]; r++) /* table over (s1, s2), s2 fastest */
        for (size_t c = 0; c < p->n[1]; c++) tab[r * p->n[1] + c][0] = p->pay[i][r + p->n[0] * c][0];
      int u = game_add_var (g, GAME_UTILITY, i ? "u2" : "u1", 0);
      game_set_owner (g, u, pid[i]);
      game_set_line (g, u, p->pline);
      game_set_expr (g, u, game_expr_table (2, s, p->nprof, NULL, (const mpq_t *) tab));
    }
    free (tab);
    ok = game_finish (g, p->lx.err);
    if (!ok) p->lx.failed = true, game_free (g), g = NULL;
  }
  free (ids[0]), free (ids[1]);
  *out = g;
  return ok;
}

bool nfgread_memory (game **out, const char *buf, size_t len, const char *name, const char *leader, scnfg_error *err) {
  *out = NULL;
  if (len > NFGREAD_MAX_BYTES) return error_set (err, ERROR_INPUT, name, 0, 0, "file larger than %zu bytes", NFGREAD_MAX_BYTES);
  nfg p;
  memset (&p, 0, sizeof p);
  gambitlex_init (&p.lx, buf, len, name, err);
  char *title = NULL;
  bool labelled = false;
  bool ok = header (&p, &title) && strategy_block (&p, &labelled);
  if (ok) ok = labelled ? outcome_form (&p) : payoff_form (&p);
  if (ok && p.lx.tok != GLEX_EOF) ok = gambitlex_fail (&p.lx, p.lx.tline, "unexpected '%.40s' after the last %s", p.lx.text, labelled ? "outcome number" : "payoff");
  if (ok) ok = build (&p, title, leader, out);
  free (title);
  nfg_free (&p);
  if (!ok && !error_is_set (err)) error_set (err, ERROR_INPUT, name, 0, 0, "bad .nfg file");
  return ok;
}

bool nfgread_file (game **out, const char *path, const char *leader, scnfg_error *err) {
  *out = NULL;
  char *buf;
  size_t n;
  if (!gambitlex_slurp (path, NFGREAD_MAX_BYTES, &buf, &n, err)) return false;
  bool ok = nfgread_memory (out, buf, n, path, leader, err);
  free (buf);
  return ok;
}
