#!/bin/sh
# Checks the Debian packages scnfg needs; as root installs the missing ones,
# otherwise prints the exact command and fails.
pkgs="picosat libgmp-dev libxml2-dev check pkg-config depqbf procps parallel clang libclang-rt-14-dev ${EXTRA_PKGS:-}"
# procps: pgrep, used by the signal tests (check_verifyrun).
# parallel: GNU parallel, run by the verify --emit-jobs test (check_verifyread).
# clang, libclang-rt-14-dev: libFuzzer and the sanitizer runtimes for the fuzz harnesses
# (make fuzz; make check runs each harness for a few seconds).
# Optional (installed by the targets that need them, via EXTRA_PKGS): gnuplot-nox (make plots),
# parallel is in the list above (GNU parallel for suite/sweep/verify --emit-jobs; make plots).
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "deps: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q $missing >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing >/dev/null; } ||
    { echo "deps: apt-get install -y$missing failed" >&2; exit 1; }
else
  echo "deps: missing Debian packages:$missing" >&2
  echo "deps: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
