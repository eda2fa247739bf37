/* verifyread: verify reports back into rows (see verifyread.h). */
#include "orchestrate/verifyread.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/xmldoc.h"

static int state_of (const xmldoc_node *e) {
  char s[16] = "";
  xmldoc_attr_buf (e, "state", s, sizeof s);
  return !strcmp (s, "ok") ? VERIFY_OK : !strcmp (s, "failed") ? VERIFY_FAIL : !strcmp (s, "limit") ? VERIFY_LIMIT : VERIFY_NA;
}

static double seconds_of (const xmldoc_node *e, const char *attr) {
  char s[64] = "0";
  xmldoc_attr_buf (e, attr, s, sizeof s);
  return strtod (s, NULL);
}

static unsigned long count_of (const xmldoc_node *e, const char *attr) {
  char s[32] = "0";
  xmldoc_attr_buf (e, attr, s, sizeof s);
  return strtoul (s, NULL, 10);
}

/* One child element of an <instance> into r. */
static void read_child (const xmldoc_node *e, verify_row *r) {
  if (xmldoc_is (e, "sizes")) {
    r->fvars = count_of (e, "formula-vars"), r->fclauses = count_of (e, "formula-clauses");
    r->flits = count_of (e, "formula-literals"), r->gvars = count_of (e, "game-vars");
    r->gentries = count_of (e, "game-entries");
  } else if (xmldoc_is (e, "qbf-side")) {
    r->qbf_state = state_of (e), r->qbf_seconds = seconds_of (e, "seconds");
    xmldoc_attr_buf (e, "value", r->qbf_value, sizeof r->qbf_value);
    xmldoc_attr_buf (e, "why", r->qbf_why, sizeof r->qbf_why);
  } else if (xmldoc_is (e, "game-side")) {
    r->game_state = state_of (e), r->game_seconds = seconds_of (e, "seconds"), r->game_leaves = count_of (e, "leaves");
    xmldoc_attr_buf (e, "value", r->game_value, sizeof r->game_value);
    xmldoc_attr_buf (e, "why", r->game_why, sizeof r->game_why);
  } else if (xmldoc_is (e, "commitment")) {
    char c[8] = "";
    xmldoc_attr_buf (e, "concept", c, sizeof c);
    bool sse = !strcmp (c, "sse");
    *(sse ? &r->sse_state : &r->scne_state) = state_of (e);
    *(sse ? &r->sse_seconds : &r->scne_seconds) = seconds_of (e, "seconds");
    xmldoc_attr_buf (e, "value", sse ? r->sse_value : r->scne_value, sizeof r->sse_value);
    xmldoc_attr_buf (e, "why", sse ? r->sse_why : r->scne_why, sizeof r->sse_why);
  } else if (xmldoc_is (e, "certificate")) {
    r->cert_state = state_of (e), r->cert_seconds = seconds_of (e, "seconds"), r->cert_gates = count_of (e, "gates");
    xmldoc_attr_buf (e, "kind", r->cert_kind, sizeof r->cert_kind);
    xmldoc_attr_buf (e, "why", r->cert_why, sizeof r->cert_why);
  } else if (xmldoc_is (e, "round-trip")) {
    r->rt_state = state_of (e), r->rt_seconds = seconds_of (e, "seconds");
    xmldoc_attr_buf (e, "why", r->rt_why, sizeof r->rt_why);
  } else if (xmldoc_is (e, "depqbf-proof")) {
    r->proof_on = true;
    r->proof_state = state_of (e), r->proof_seconds = seconds_of (e, "seconds");
    r->proof_trace_seconds = seconds_of (e, "trace-seconds"), r->proof_steps = count_of (e, "steps");
    r->proof_value = (int) count_of (e, "value");
  } else if (xmldoc_is (e, "note")) {
    char *t = xmldoc_text (e);
    snprintf (r->note, sizeof r->note, "%s", t ? t : "");
    free (t);
  }
}

bool verifyread_report (const char *path, verify_row **rows, size_t *n, size_t *cap, double *timeout,
                        scnfg_error *err) {
  char *buf;
  size_t len;
  if (!xmldoc_slurp (path, (size_t) 1 << 30, &buf, &len, err)) return false;
  xmldoc *d = xmldoc_parse_valid (buf, len, path, verify_report_schema (), (size_t) 1 << 30, 20, NULL, err);
  free (buf);
  if (!d) return false;
  const xmldoc_node *root = xmldoc_root (d);
  *timeout = seconds_of (root, "timeout");
  for (const xmldoc_node *e = xmldoc_first (root); e; e = xmldoc_next (e)) {
    mem_reserve ((void **) rows, cap, *n + 1, sizeof **rows);
    verify_row *r = &(*rows)[(*n)++];
    memset (r, 0, sizeof *r);
    xmldoc_attr_buf (e, "file", r->file, sizeof r->file);
    if (xmldoc_attr_buf (e, "error", r->note, sizeof r->note)) {
      r->error = 1;
      continue;
    }
    char k[8] = "", a[16] = "";
    xmldoc_attr_buf (e, "kind", k, sizeof k);
    xmldoc_attr_buf (e, "agree", a, sizeof a);
    r->ssat = !strcmp (k, "ssat");
    r->agree = !strcmp (a, "ok") ? VERIFY_OK : !strcmp (a, "failed") ? VERIFY_FAIL : VERIFY_LIMIT;
    for (const xmldoc_node *c = xmldoc_first (e); c; c = xmldoc_next (c)) read_child (c, r);
  }
  xmldoc_free (d);
  return true;
}
