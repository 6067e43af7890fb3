#!/usr/bin/env bash
# Renders a `parallax compare --html` report in headless Chromium and saves a screenshot,
# to check that the standalone page draws (two columns, highlights, labels) in a real
# browser. Needs Debian's `chromium` package (apt-get install -y chromium).
#
# usage: scripts/render-check.sh [PARALLAX_BIN] [A B] [OUT.png]
# Default: target/release/parallax, the first two articles of the seeds that share a
# passage (000 and 002), out.png in the current directory.
set -euo pipefail

bin=${1:-target/release/parallax}
a=${2:-000_4bf21840051c9ce6}
b=${3:-002_e9092905f2d66a6d}
png=${4:-out.png}

command -v chromium >/dev/null || { echo "render-check: chromium is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" compare "$a" "$b" --html > "$work/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$work/profile" --screenshot="$work/shot.png" \
    --window-size=1400,900 "file://$work/report.html" >/dev/null 2>&1
test -s "$work/shot.png" || { echo "render-check: no screenshot was written" >&2; exit 1; }
cp "$work/shot.png" "$png"
echo "render-check: $png ($(wc -c < "$png") bytes) from $(wc -c < "$work/report.html")-byte report"
