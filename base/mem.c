/* Allocation wrappers (see mem.h). */
#include "base/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check (void *p) {
  if (!p) {
    fputs ("scnfg: out of memory\n", stderr);
    abort ();
  }
  return p;
}

void *mem_alloc (size_t bytes) { return check (malloc (bytes ? bytes : 1)); }
void *mem_calloc (size_t n, size_t size) { return check (calloc (n ? n : 1, size ? size : 1)); }
void *mem_realloc (void *p, size_t bytes) { return check (realloc (p, bytes ? bytes : 1)); }
char *mem_strdup (const char *s) { return strcpy (mem_alloc (strlen (s) + 1), s); }

void mem_reserve (void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return;
  size_t n = *cap ? *cap : 8;
  while (n < need) n *= 2;
  *p = mem_realloc (*p, n * size);
  *cap = n;
}
