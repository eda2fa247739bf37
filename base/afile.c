/* Atomic output files (see afile.h). */
#include "base/afile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"
#include "base/mem.h"

bool afile_open (afile *a, const char *path, scnfg_error *err) {
  memset (a, 0, sizeof *a);
  if (!strcmp (path, "-")) {
    a->f = stdout;
    return true;
  }
  a->path = mem_strdup (path);
  size_t n = strlen (path) + 16;
  a->tmp = mem_alloc (n);
  snprintf (a->tmp, n, "%s.tmpXXXXXX", path);
  int fd = mkstemp (a->tmp);
  if (fd >= 0) { /* mkstemp creates 0600: give the file the mode open(2) would (0666 less the umask) */
    mode_t mask = umask (0);
    umask (mask);
    if (fchmod (fd, 0666 & ~mask) != 0) close (fd), unlink (a->tmp), fd = -1;
  }
  if (fd < 0 || !(a->f = fdopen (fd, "w"))) {
    error_set (err, ERROR_IO, path, 0, 0, "cannot create output file: %s", strerror (errno));
    if (fd >= 0) close (fd), unlink (a->tmp);
    free (a->path), free (a->tmp);
    memset (a, 0, sizeof *a);
    return false;
  }
  return true;
}

bool afile_commit (afile *a, scnfg_error *err) {
  if (!a->path) { /* stdout */
    bool ok = fflush (a->f) == 0 && !ferror (a->f);
    if (!ok) error_set (err, ERROR_IO, "<stdout>", 0, 0, "write error");
    return ok;
  }
  bool ok = fflush (a->f) == 0 && !ferror (a->f);
  ok = (fclose (a->f) == 0) && ok;
  if (ok && rename (a->tmp, a->path) != 0) ok = false;
  if (!ok) {
    error_set (err, ERROR_IO, a->path, 0, 0, "cannot write output file: %s", strerror (errno));
    unlink (a->tmp);
  }
  free (a->path), free (a->tmp);
  memset (a, 0, sizeof *a);
  return ok;
}

void afile_abort (afile *a) {
  if (a->path) {
    fclose (a->f);
    unlink (a->tmp);
    free (a->path), free (a->tmp);
  }
  memset (a, 0, sizeof *a);
}
