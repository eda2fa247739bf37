/* Gambit .efg reader for signaling-shaped games (see efgread.h). On the
 * shared Gambit tokenizer (gambitlex.h), a recursive parser of the prefix node
 * list with the declaration/repeat rules, then a shape check that maps the
 * tree onto (type, message, action). */
#include "solver/model/efgread.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "solver/model/gambitlex.h"
#include "solver/model/game.h"

/* ---- tree ------------------------------------------------------------- */

typedef struct labels {
  size_t n;
  char **s;
} labels;

typedef struct infoset {  /* a player's or chance's information set */
  int player;             /* 0 = chance */
  long id;
  char *label;
  labels acts;
  mpq_t *probs;           /* chance only */
  unsigned line;
} infoset;

typedef struct outcome {
  long id;
  char *label;
  mpq_t *pay;             /* nplayers */
} outcome;

typedef struct node {
  char type;              /* 'c', 'p', 't' */
  int player;
  size_t iset;            /* index into isets */
  long outcome;           /* 0: none */
  size_t *kids;
  size_t nkids;
  unsigned line;
} node;

typedef struct parser {
  gambitlex lx;
  unsigned nplayers;
  char **players;
  infoset *isets;
  size_t nisets;
  outcome *outs;
  size_t nouts;
  node *nodes;
  size_t nnodes;
} parser;

static void labels_free (labels *l) {
  for (size_t i = 0; i < l->n; i++) free (l->s[i]);
  free (l->s);
  l->s = NULL, l->n = 0;
}

static bool labels_equal (const labels *a, const labels *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++)
    if (strcmp (a->s[i], b->s[i])) return false;
  return true;
}

/* Reads an optional outcome: number, then optionally "label" { payoffs }. */
static bool parse_outcome (parser *p, long *id) {
  gambitlex *lx = &p->lx;
  unsigned line = lx->tline;
  if (!gambitlex_integer (lx, 0, 1L << 30, id, "an outcome number")) return false;
  if (lx->tok != GLEX_TEXT) {
    if (*id == 0) return true;
    for (size_t i = 0; i < p->nouts; i++)
      if (p->outs[i].id == *id) return true;
    return gambitlex_fail (lx, line, "outcome %ld is used before it is defined", *id);
  }
  if (*id == 0) return gambitlex_fail (lx, line, "outcome 0 (the null outcome) cannot have a label or payoffs");
  char *label = mem_strdup (lx->text);
  if (!gambitlex_next (lx)) return free (label), false;
  if (lx->tok != GLEX_LBRACE) return free (label), gambitlex_fail (lx, lx->tline, "expected '{' before the payoffs");
  if (!gambitlex_next (lx)) return free (label), false;
  mpq_t *pay = mem_alloc (p->nplayers * sizeof *pay);
  for (unsigned i = 0; i < p->nplayers; i++) mpq_init (pay[i]);
  bool ok = true;
  for (unsigned i = 0; i < p->nplayers && ok; i++) {
    if (lx->tok != GLEX_NUMBER) ok = gambitlex_fail (lx, lx->tline, "expected a payoff for player %u of outcome %ld", i + 1, *id);
    else ok = gambitlex_number (lx, pay[i]) && gambitlex_next (lx) && (lx->tok != GLEX_COMMA || gambitlex_next (lx));
  }
  if (ok && lx->tok != GLEX_RBRACE) ok = gambitlex_fail (lx, lx->tline, "expected '}' after %u payoffs of outcome %ld", p->nplayers, *id);
  if (ok) ok = gambitlex_next (lx);
  outcome *prev = NULL;
  for (size_t i = 0; i < p->nouts && ok; i++)
    if (p->outs[i].id == *id) prev = &p->outs[i];
  if (ok && prev) {
    bool same = !strcmp (prev->label, label);
    for (unsigned i = 0; i < p->nplayers; i++) same &= mpq_equal (prev->pay[i], pay[i]) != 0;
    if (!same) ok = gambitlex_fail (lx, line, "outcome %ld does not match its previous definition", *id);
  }
  if (ok && !prev) {
    p->outs = mem_realloc (p->outs, (p->nouts + 1) * sizeof *p->outs);
    p->outs[p->nouts].id = *id, p->outs[p->nouts].label = label, p->outs[p->nouts].pay = pay;
    p->nouts++;
    return true;
  }
  free (label);
  for (unsigned i = 0; i < p->nplayers; i++) mpq_clear (pay[i]);
  free (pay);
  return ok;
}

static bool parse_node (parser *p, size_t *out, unsigned depth);

static bool parse_node (parser *p, size_t *out, unsigned depth) {
  gambitlex *lx = &p->lx;
  if (depth > 64) return gambitlex_fail (lx, lx->tline, "the tree is deeper than 64 levels");
  if (lx->tok == GLEX_EOF) return gambitlex_fail (lx, lx->tline, "unexpected end of file: a node is missing");
  if (lx->tok != GLEX_SYMBOL || strlen (lx->text) != 1 || !strchr ("cpt", lx->text[0]))
    return gambitlex_fail (lx, lx->tline, "expected a node type c, p or t, found '%.40s'", lx->text);
  node nd;
  memset (&nd, 0, sizeof nd);
  nd.type = lx->text[0];
  nd.line = lx->tline;
  if (!gambitlex_next (lx)) return false;
  if (lx->tok != GLEX_TEXT) return gambitlex_fail (lx, lx->tline, "expected the node's label (a quoted string)");
  if (!gambitlex_next (lx)) return false;
  if (nd.type != 't') {
    long pl = 0, id;
    if (nd.type == 'p' && !gambitlex_integer (lx, 1, (long) p->nplayers, &pl, "a player number")) return false;
    unsigned iline = lx->tline;
    if (!gambitlex_integer (lx, 1, 1L << 30, &id, "an information set number")) return false;
    nd.player = (int) pl;
    size_t found = p->nisets;
    for (size_t i = 0; i < p->nisets; i++)
      if (p->isets[i].player == nd.player && p->isets[i].id == id) found = i;
    if (lx->tok == GLEX_TEXT) {
      infoset is;
      memset (&is, 0, sizeof is);
      is.player = nd.player, is.id = id, is.line = iline;
      is.label = mem_strdup (lx->text);
      bool ok = gambitlex_next (lx);
      if (ok && lx->tok != GLEX_LBRACE) ok = gambitlex_fail (lx, lx->tline, "expected '{' before the actions");
      if (ok) ok = gambitlex_next (lx);
      size_t capp = 0;
      while (ok && lx->tok != GLEX_RBRACE) {
        if (lx->tok != GLEX_TEXT) {
          ok = gambitlex_fail (lx, lx->tline, "expected an action label (a quoted string)");
          break;
        }
        is.acts.s = mem_realloc (is.acts.s, (is.acts.n + 1) * sizeof *is.acts.s);
        is.acts.s[is.acts.n++] = mem_strdup (lx->text);
        if (nd.type == 'c') { /* every listed action has an initialised probability, even on failure */
          if (is.acts.n > capp) capp = 2 * is.acts.n, is.probs = mem_realloc (is.probs, capp * sizeof *is.probs);
          mpq_init (is.probs[is.acts.n - 1]);
        }
        ok = gambitlex_next (lx);
        if (ok && nd.type == 'c') {
          if (lx->tok != GLEX_NUMBER) ok = gambitlex_fail (lx, lx->tline, "expected the probability of chance action '%s'", is.acts.s[is.acts.n - 1]);
          else ok = gambitlex_number (lx, is.probs[is.acts.n - 1]) && gambitlex_next (lx);
        }
      }
      if (ok && !is.acts.n) ok = gambitlex_fail (lx, iline, "an information set needs at least one action");
      if (ok) ok = gambitlex_next (lx);
      if (ok && found < p->nisets) {
        infoset *prev = &p->isets[found];
        bool same = !strcmp (prev->label, is.label) && labels_equal (&prev->acts, &is.acts);
        for (size_t i = 0; same && nd.type == 'c' && i < is.acts.n; i++) same = mpq_equal (prev->probs[i], is.probs[i]);
        if (!same) ok = gambitlex_fail (lx, iline, "information set %ld does not match its previous definition", id);
      }
      if (ok && found == p->nisets) {
        p->isets = mem_realloc (p->isets, (p->nisets + 1) * sizeof *p->isets);
        p->isets[p->nisets++] = is;
      } else {
        if (nd.type == 'c')
          for (size_t i = 0; i < is.acts.n && is.probs; i++) mpq_clear (is.probs[i]);
        free (is.probs), free (is.label), labels_free (&is.acts);
      }
      if (!ok) return false;
    } else if (found == p->nisets) {
      return gambitlex_fail (lx, iline, "information set %ld is used before it is defined", id);
    }
    for (size_t i = 0; i < p->nisets; i++)
      if (p->isets[i].player == nd.player && p->isets[i].id == id) nd.iset = i;
  }
  if (!parse_outcome (p, &nd.outcome)) return false;
  size_t me = p->nnodes;
  p->nodes = mem_realloc (p->nodes, (p->nnodes + 1) * sizeof *p->nodes);
  p->nodes[p->nnodes++] = nd;
  if (nd.type != 't') {
    size_t nk = p->isets[nd.iset].acts.n;
    size_t *kids = mem_alloc (nk * sizeof *kids);
    for (size_t i = 0; i < nk; i++)
      if (!parse_node (p, &kids[i], depth + 1)) {
        p->nodes[me].kids = kids, p->nodes[me].nkids = i;
        return false;
      }
    p->nodes[me].kids = kids, p->nodes[me].nkids = nk;
  }
  *out = me;
  return true;
}

static void parser_free (parser *p) {
  for (unsigned i = 0; i < p->nplayers; i++) free (p->players[i]);
  free (p->players);
  for (size_t i = 0; i < p->nisets; i++) {
    infoset *is = &p->isets[i];
    if (is->probs)
      for (size_t k = 0; k < is->acts.n; k++) mpq_clear (is->probs[k]);
    free (is->probs), free (is->label);
    labels_free (&is->acts);
  }
  free (p->isets);
  for (size_t i = 0; i < p->nouts; i++) {
    for (unsigned k = 0; k < p->nplayers; k++) mpq_clear (p->outs[i].pay[k]);
    free (p->outs[i].pay), free (p->outs[i].label);
  }
  free (p->outs);
  for (size_t i = 0; i < p->nnodes; i++) free (p->nodes[i].kids);
  free (p->nodes);
  free (p->lx.text);
}

/* ---- building the game ----------------------------------------------------- */

/* XML-safe player id: [A-Za-z_][A-Za-z0-9_.-]{0,59}, so that the ids made
 * from it ("u_" ID for its utility, ID "_2" for a repeated name) stay within
 * the schema's 64 characters. */
static void add_outcome (parser *p, mpq_t *acc, long id) {
  if (!id) return;
  for (size_t i = 0; i < p->nouts; i++)
    if (p->outs[i].id == id)
      for (unsigned k = 0; k < p->nplayers; k++) mpq_add (acc[k], acc[k], p->outs[i].pay[k]);
}

/* The signaling shape found below the root: sender S and receiver R (1-based
 * players), K types, M messages, A actions; the sender's information set of
 * each type and the receiver's of each message. */
typedef struct shape {
  int S, R;
  size_t K, M, A;
  size_t *siset, *riset;
} shape;

/* The receiver's node q after message m of type t. */
static bool check_receiver (parser *p, shape *sh, size_t t, size_t m, const node *q) {
  gambitlex *lx = &p->lx;
  if (q->type != 'p' || q->player == sh->S)
    return gambitlex_fail (lx, q->line, "not a signaling game: after each message the other player must move");
  if (sh->R < 0) sh->R = q->player, sh->A = q->nkids;
  if (q->nkids != sh->A)
    return gambitlex_fail (lx, q->line, "not a signaling game: the receiver must have the same actions after every message");
  if (t == 0) {
    sh->riset[m] = q->iset;
    for (size_t m2 = 0; m2 < m; m2++)
      if (sh->riset[m2] == q->iset)
        return gambitlex_fail (lx, q->line, "not a signaling game: the receiver does not observe the message (messages share an information set)");
  } else if (sh->riset[m] != q->iset)
    return gambitlex_fail (lx, q->line, "not a signaling game: the receiver observes more than the message (its information set depends on the type)");
  for (size_t a = 0; a < sh->A; a++)
    if (p->nodes[q->kids[a]].type != 't')
      return gambitlex_fail (lx, p->nodes[q->kids[a]].line, "not a signaling game: the receiver's actions must end the game");
  return true;
}

/* Checks that the tree below root r is a signaling game; fills sh (its
 * arrays are owned by the caller even on failure). */
static bool check_shape (parser *p, const node *r, shape *sh) {
  gambitlex *lx = &p->lx;
  if (p->nplayers != 2) return gambitlex_fail (lx, 1, "not a signaling game: it needs exactly two players (it has %u)", p->nplayers);
  if (r->type != 'c') return gambitlex_fail (lx, r->line, "not a signaling game: the root must be a chance node over the types");
  const infoset *ti = &p->isets[r->iset];
  sh->K = r->nkids;
  if (sh->K < 2) return gambitlex_fail (lx, r->line, "not a signaling game: the chance root needs at least two types");
  mpq_t sum;
  mpq_init (sum);
  for (size_t t = 0; t < sh->K; t++) mpq_add (sum, sum, ti->probs[t]);
  bool one = mpq_cmp_ui (sum, 1, 1) == 0;
  mpq_clear (sum);
  if (!one) return gambitlex_fail (lx, r->line, "the chance probabilities at the root do not sum to 1");
  sh->siset = mem_alloc (sh->K * sizeof *sh->siset);
  for (size_t t = 0; t < sh->K; t++) {
    const node *s = &p->nodes[r->kids[t]];
    if (s->type != 'p') return gambitlex_fail (lx, s->line, "not a signaling game: below the chance root every node must be the sender's");
    if (sh->S < 0) sh->S = s->player, sh->M = s->nkids, sh->riset = mem_alloc (sh->M * sizeof *sh->riset);
    if (s->player != sh->S || s->nkids != sh->M)
      return gambitlex_fail (lx, s->line, "not a signaling game: every type's node must be the same player's, with the same number of messages");
    sh->siset[t] = s->iset;
    for (size_t u = 0; u < t; u++)
      if (sh->siset[u] == s->iset)
        return gambitlex_fail (lx, s->line, "not a signaling game: the sender does not observe its type (types share an information set)");
    for (size_t m = 0; m < sh->M; m++)
      if (!check_receiver (p, sh, t, m, &p->nodes[s->kids[m]])) return false;
  }
  return true;
}

/* Adds the two players (safe, distinct ids); pid[i] gets player i+1's index. */
static void add_players (parser *p, game *g, int pid[2]) {
  char *ids[2];
  gambitlex_two_ids (p->players, ids);
  for (unsigned i = 0; i < 2; i++) pid[i] = game_add_player (g, ids[i]), free (ids[i]);
}

/* Sets v's labels from the information set's action names (prefix c for unnamed). */
static void set_labels (game *g, int v, const infoset *is, char c, size_t n) {
  char **l = gambitlex_labels (is->acts.s, is->acts.n, c);
  game_set_labels (g, v, l);
  for (size_t i = 0; i < n; i++) free (l[i]);
  free (l);
}

/* The two utility tables over (type, message, action): the outcomes' payoffs
 * summed along each path. */
static void add_utilities (parser *p, game *g, const node *r, const shape *sh, const int pid[2], const int parents[3]) {
  size_t K = sh->K, M = sh->M, A = sh->A, n = K * M * A;
  mpq_t *tab[2], acc[2];
  for (int i = 0; i < 2; i++) {
    tab[i] = mem_alloc (n * sizeof *tab[i]);
    for (size_t k = 0; k < n; k++) mpq_init (tab[i][k]);
    mpq_init (acc[i]);
  }
  for (size_t t = 0; t < K; t++) {
    const node *s = &p->nodes[r->kids[t]];
    for (size_t mm = 0; mm < M; mm++) {
      const node *q = &p->nodes[s->kids[mm]];
      for (size_t aa = 0; aa < A; aa++) {
        const node *z = &p->nodes[q->kids[aa]];
        mpq_set_ui (acc[0], 0, 1), mpq_set_ui (acc[1], 0, 1);
        add_outcome (p, acc, r->outcome), add_outcome (p, acc, s->outcome);
        add_outcome (p, acc, q->outcome), add_outcome (p, acc, z->outcome);
        for (int i = 0; i < 2; i++) mpq_set (tab[i][(t * M + mm) * A + aa], acc[i]);
      }
    }
  }
  for (int i = 0; i < 2; i++) {
    char uid[80];
    snprintf (uid, sizeof uid, "u_%s", g->players[i]);
    int u = game_add_var (g, GAME_UTILITY, uid, 0);
    game_set_owner (g, u, pid[i]);
    game_set_expr (g, u, game_expr_table (3, parents, n, NULL, (const mpq_t *) tab[i]));
    for (size_t k = 0; k < n; k++) mpq_clear (tab[i][k]);
    free (tab[i]);
    mpq_clear (acc[i]);
  }
}

/* The game of a signaling-shaped tree: type (chance), message (the sender,
 * observing the type), action (the receiver, observing the message). */
static game *make_game (parser *p, const node *r, const shape *sh, const char *title) {
  gambitlex *lx = &p->lx;
  const infoset *ti = &p->isets[r->iset];
  game *g = game_new (title);
  g->file = mem_strdup (lx->name);
  int pid[2];
  add_players (p, g, pid);
  game_set_leader (g, pid[sh->S - 1]);
  int th = game_add_var (g, GAME_EXOGENOUS, "type", (unsigned) sh->K);
  game_set_line (g, th, r->line);
  game_set_prior (g, th, (const mpq_t *) ti->probs);
  set_labels (g, th, ti, 't', sh->K);
  int m = game_add_var (g, GAME_ACTION, "message", (unsigned) sh->M);
  game_set_owner (g, m, pid[sh->S - 1]);
  game_set_stage (g, m, 1);
  game_add_observation (g, m, th);
  game_set_line (g, m, p->nodes[r->kids[0]].line);
  set_labels (g, m, &p->isets[sh->siset[0]], 'm', sh->M);
  int a = game_add_var (g, GAME_ACTION, "action", (unsigned) sh->A);
  game_set_owner (g, a, pid[sh->R - 1]);
  game_set_stage (g, a, 2);
  game_add_observation (g, a, m);
  set_labels (g, a, &p->isets[sh->riset[0]], 'a', sh->A);
  int parents[3] = {th, m, a};
  add_utilities (p, g, r, sh, pid, parents);
  return g;
}

static bool build (parser *p, size_t root, const char *title, game **out) {
  const node *r = &p->nodes[root];
  shape sh = {.S = -1, .R = -1};
  bool ok = check_shape (p, r, &sh);
  game *g = ok ? make_game (p, r, &sh, title) : NULL;
  free (sh.siset), free (sh.riset);
  if (!ok) return false;
  if (!game_finish (g, p->lx.err)) {
    p->lx.failed = true;
    game_free (g);
    return false;
  }
  *out = g;
  return true;
}

bool efgread_memory (game **out, const char *buf, size_t len, const char *name, scnfg_error *err) {
  *out = NULL;
  if (len > EFGREAD_MAX_BYTES) return error_set (err, ERROR_INPUT, name, 0, 0, "file larger than %zu bytes", EFGREAD_MAX_BYTES);
  parser p;
  memset (&p, 0, sizeof p);
  gambitlex *lx = &p.lx;
  lx->s = buf, lx->end = buf + len, lx->name = name, lx->line = 1, lx->err = err;
  char *title = NULL;
  bool ok = gambitlex_next (lx);
  if (ok && (lx->tok != GLEX_SYMBOL || strcmp (lx->text, "EFG"))) ok = gambitlex_fail (lx, lx->tline, "expected 'EFG' (not a Gambit extensive game file)");
  if (ok) ok = gambitlex_next (lx);
  if (ok && (lx->tok != GLEX_NUMBER || strcmp (lx->text, "2"))) ok = gambitlex_fail (lx, lx->tline, "only EFG version 2 is accepted");
  if (ok) ok = gambitlex_next (lx);
  if (ok && (lx->tok != GLEX_SYMBOL || (strcmp (lx->text, "R") && strcmp (lx->text, "D"))))
    ok = gambitlex_fail (lx, lx->tline, "expected the data type R or D");
  if (ok) ok = gambitlex_next (lx);
  if (ok && lx->tok != GLEX_TEXT) ok = gambitlex_fail (lx, lx->tline, "expected the game's title (a quoted string)");
  if (ok) title = mem_strdup (lx->text), ok = gambitlex_next (lx);
  if (ok && lx->tok != GLEX_LBRACE) ok = gambitlex_fail (lx, lx->tline, "expected '{' before the player list");
  if (ok) ok = gambitlex_next (lx);
  while (ok && lx->tok == GLEX_TEXT) {
    p.players = mem_realloc (p.players, (p.nplayers + 1) * sizeof *p.players);
    p.players[p.nplayers++] = mem_strdup (lx->text);
    ok = gambitlex_next (lx);
  }
  if (ok && lx->tok != GLEX_RBRACE) ok = gambitlex_fail (lx, lx->tline, "expected '}' after the player names");
  if (ok) ok = gambitlex_next (lx);
  if (ok && lx->tok == GLEX_TEXT) ok = gambitlex_next (lx); /* the optional comment */
  size_t root = 0;
  if (ok) ok = parse_node (&p, &root, 0);
  if (ok && lx->tok != GLEX_EOF) ok = gambitlex_fail (lx, lx->tline, "unexpected '%.40s' after the last node", lx->text);
  if (ok) ok = build (&p, root, title, out);
  free (title);
  parser_free (&p);
  if (!ok && !error_is_set (err)) error_set (err, ERROR_INPUT, name, 0, 0, "bad .efg file");
  return ok;
}

bool efgread_file (game **out, const char *path, scnfg_error *err) {
  *out = NULL;
  char *buf;
  size_t n;
  if (!gambitlex_slurp (path, EFGREAD_MAX_BYTES, &buf, &n, err)) return false;
  bool ok = efgread_memory (out, buf, n, path, err);
  free (buf);
  return ok;
}
