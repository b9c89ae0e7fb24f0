#!/bin/sh
# edgeflow's matMul against OpenBLAS's SGEMM at 1024³ on 2 threads, measured in the same run:
# alternating rounds of the peer program (/work/shared/peers/c/sgemm.c, built against Debian's
# libopenblas-dev into a temp dir and run from the peers directory) and edgeflow's bench_ops.
# Prints each round and the ratio of the medians.
#
# usage: bench/run_matmul_vs_openblas.sh [BUILD_DIR]   (default: build; needs bench_ops built,
#        gcc and libopenblas-dev). Env: N=1024 THREADS=2 ROUNDS=3 PEERS=/work/shared/peers
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
N=${N:-1024}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
PEERS=${PEERS:-/work/shared/peers}
BENCH=$BUILD/bench/bench_ops
[ -x "$BENCH" ] || { echo "no $BENCH: configure with -DEDGEFLOW_BUILD_BENCH=ON and build bench_ops" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
gcc -O2 -o "$TMP/sgemm" "$PEERS/c/sgemm.c" -lopenblas

cd "$PEERS"
[ -x tools/wait_quiet.sh ] && tools/wait_quiet.sh 120
echo "# $(uptime)"

median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
: >"$TMP/blas"
: >"$TMP/ef"
i=1
while [ "$i" -le "$ROUNDS" ]; do
  # OpenBLAS: the median GFLOP/s of 10 calls (sgemm.c's own RESULT line).
  blas=$("$TMP/sgemm" "$N" "$THREADS" 10 | sed -n 's/.*"gflops_median":\([0-9.]*\).*/\1/p')
  # edgeflow: the median of 10 repetitions of BM_MatMul, FLOPS counter in G/s.
  ef=$("$BENCH" --threads="$THREADS" --benchmark_filter="BM_MatMul/n:$N/" --benchmark_repetitions=10 \
        --benchmark_report_aggregates_only=true 2>/dev/null |
       awk '/_median/ { for (f = 1; f <= NF; f++) if ($f ~ /^FLOPS=/) { v = substr($f, 7); u = substr(v, length(v) - 2);
              v = substr(v, 1, length(v) - 3); print (u == "T/s" ? v * 1000 : u == "M/s" ? v / 1000 : v) } }')
  echo "round $i: OpenBLAS $blas GFLOP/s, edgeflow $ef GFLOP/s"
  echo "$blas" >>"$TMP/blas"
  echo "$ef" >>"$TMP/ef"
  i=$((i + 1))
done
b=$(median <"$TMP/blas")
e=$(median <"$TMP/ef")
echo "matMul ${N}³ on $THREADS threads: edgeflow $e GFLOP/s, OpenBLAS $b GFLOP/s (medians of $ROUNDS rounds)"
awk -v e="$e" -v b="$b" 'BEGIN { printf "ratio edgeflow/OpenBLAS = %.2f\n", e / b }'
