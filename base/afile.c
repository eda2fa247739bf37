/* Atomic output files (see afile.h). */
#include "base/afile.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"
#include "base/limits.h"
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

/* Waits until fd is readable or hung up; false once lim's deadline passed. */
static bool wait_readable (int fd, const scnfg_limits *lim) {
  for (;;) {
    if (lim && limits_expired (lim)) return false;
    int ms = -1;
    if (lim && lim->timeout > 0) {
      double left = lim->timeout - limits_elapsed (lim);
      ms = left > 0.1 ? 100 : (int) (left * 1000) + 1;
    }
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll (&p, 1, ms) > 0) return true;
  }
}

FILE *afile_open_read (const char *path, const scnfg_limits *lim, scnfg_error *err) {
  if (!strcmp (path, "-")) return stdin;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat (fd, &st) != 0) {
    error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
    if (fd >= 0) close (fd);
    return NULL;
  }
  if (S_ISDIR (st.st_mode)) {
    close (fd);
    error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (EISDIR));
    return NULL;
  }
  /* regular files and devices read as before; pipes stay non-blocking (afile_getc waits) */
  if (!S_ISFIFO (st.st_mode) && !S_ISSOCK (st.st_mode)) fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  else if (!wait_readable (fd, lim)) { /* a FIFO reads EOF until a writer comes: wait for one */
    close (fd);
    error_set (err, ERROR_LIMIT, path, 0, 0, "no input before the time limit (%g s)", lim->timeout);
    return NULL;
  }
  FILE *in = fdopen (fd, "rb");
  if (!in) {
    error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
    close (fd);
  }
  return in;
}

void afile_close (FILE *in) {
  if (in && in != stdin) fclose (in);
}

int afile_getc (FILE *in, const scnfg_limits *lim) {
  for (;;) {
    int c = getc (in);
    if (c != EOF || !ferror (in) || (errno != EAGAIN && errno != EWOULDBLOCK)) return c;
    clearerr (in);
    if (!wait_readable (fileno (in), lim)) return AFILE_TIMEOUT;
  }
}
