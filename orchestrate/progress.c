/* progress: the progress line (see progress.h). */
#include "orchestrate/progress.h"

#include <stdarg.h>

#include "base/limits.h"

void progress_init (progress *p, FILE *f, bool on, const char *label) {
  p->f = f, p->on = on, p->label = label;
  p->t0 = limits_now ();
}

double progress_elapsed (const progress *p) { return limits_now () - p->t0; }

void progress_line (const progress *p, const char *fmt, ...) {
  if (!p->on) return;
  va_list ap;
  va_start (ap, fmt);
  fprintf (p->f, "\r%s: ", p->label);
  vfprintf (p->f, fmt, ap);
  va_end (ap);
}

void progress_bar (const progress *p, size_t done, size_t total) {
  if (!p->on) return;
  double el = progress_elapsed (p), eta = done ? el / (double) done * (double) (total - done) : 0;
  int w = 30, k = total ? (int) (w * done / total) : w;
  fprintf (p->f, "\r%s [", p->label);
  for (int i = 0; i < w; i++) fputc (i < k ? '#' : '.', p->f);
  fprintf (p->f, "] %zu/%zu  elapsed %d:%02d  ETA %d:%02d ", done, total, (int) el / 60, (int) el % 60,
           (int) eta / 60, (int) eta % 60);
}

void progress_end (const progress *p) {
  if (p->on) fputc ('\n', p->f);
}

const char *progress_break (const progress *p) { return p->on ? "\n" : ""; }
