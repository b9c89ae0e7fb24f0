#!/usr/bin/env bash
# What the peer benchmarks need beyond scripts/setup.sh: Debian's PyTorch, NumPy and ONNX for the
# peers' Python scripts (../shared/peers/py), and OpenBLAS for the GEMM comparison. Idempotent.
set -euo pipefail
packages=(python3-torch python3-numpy python3-onnx libopenblas-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup-bench: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
