#!/bin/sh
# make demo: the main job on the bundled instances: verify every
# instances/qbf/*.qdimacs (true, false, forall-first and SSAT cases) and write
# the XML proof report to build/demo-report.xml.
bin=${1:-bin/scnfg}
mkdir -p build
"$bin" verify instances/qbf --timeout 30 -j 2 --report build/demo-report.xml
rc=$?
echo "report: build/demo-report.xml (exit status $rc)"
exit $rc
