/* The one way to fail on API misuse (see require.h). */
#include "base/require.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void require_fail (const char *func, const char *kind, const char *fmt, ...) {
  va_list ap;
  va_start (ap, fmt);
  fprintf (stderr, "scnfg: %s: %s: ", kind, func);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
  va_end (ap);
  abort ();
}
