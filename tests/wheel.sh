#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv and run the README's first commands from it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m build --wheel --outdir "$work/dist" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$work"/dist/plandiff-*.whl 2>"$work/pip.log" \
  || { cat "$work/pip.log"; exit 1; }
cd "$work"  # away from the checkout, so only the installed package can answer
export PLANDIFF_HOME="$work/home" PLANDIFF_CACHE="$work/cache"
status=0
"$work/venv/bin/plandiff" qingdao-2018 wuhan-2014 --no-pager >"$work/compare.txt" || status=$?
[ "$status" = 1 ] || { echo "wheel: plandiff qingdao-2018 wuhan-2014 exited $status"; cat "$work/compare.txt"; exit 1; }
"$work/venv/bin/plandiff" track --seeds --repo "$work/store" >"$work/track.txt"
[ "$(grep -c '^tracked ' "$work/track.txt")" = 5 ] || { echo "wheel: track --seeds recorded:"; cat "$work/track.txt"; exit 1; }
echo "wheel: installed, compared the seeds and tracked all 5 of them"
