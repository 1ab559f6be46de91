#!/usr/bin/env bash
# The scikit-learn baseline on the same splits as `chhavi train` (needs Debian's python3-sklearn).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npx tsx bench/export-heads.ts "$tmp/heads.json"
/usr/bin/python3 bench/sklearn_baseline.py "$tmp/heads.json" bench/out/sklearn_baseline.json
