#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and benchmark edgeflow:
# Debian packages (apt-get) and the npm dev tools (TF.js, the test oracle). Idempotent, and
# quick when everything is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build ccache pkg-config     # native toolchain
  clang libclang-rt-14-dev                                 # libFuzzer and sanitizers
  googletest libgtest-dev libgmock-dev libbenchmark-dev    # tests, benchmarks (sources for wasm)
  nlohmann-json3-dev libstb-dev libcli11-dev               # header-only libraries
  libcpp-httplib-dev zlib1g-dev                            # io::http (native builds); .gz idx files
  emscripten                                               # the WebAssembly build
  chromium                                                 # browser tests (playwright-core drives it)
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages pinned by package-lock.json; reinstalled only when the lock file changed.
cd "$root"
stamp=node_modules/.edgeflow-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
