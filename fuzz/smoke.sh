#!/usr/bin/env bash
# Fuzz smoke test: builds every cargo-fuzz target and runs each for a few seconds (default
# 10), so that CI notices a target that no longer builds or crashes at once. The long runs
# (10 minutes per target) are done by hand: see the README's Reliability section.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1
# lets it use the nightly-only flags it needs; the build lives in fuzz/target, apart from
# the main build. No sanitizer: parallax is safe Rust, so a panic is what we look for, and
# debug assertions (-a) turn integer overflow into one.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-10}"
export RUSTC_BOOTSTRAP=1
if ! command -v cargo-fuzz >/dev/null; then
    echo "fuzz/smoke.sh: cargo-fuzz is missing: cargo install cargo-fuzz" >&2
    exit 1
fi
cargo fuzz build -s none -a
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for target in $(cargo fuzz list); do
    echo "== fuzz $target for ${seconds}s"
    mkdir -p "corpus/$target"
    if ! cargo fuzz run -s none -a "$target" -- -max_total_time="$seconds" -timeout=10 \
        >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz/smoke.sh: $target failed; the reproducer is under fuzz/artifacts/$target" >&2
        exit 1
    fi
    grep -E '^Done [0-9]+ runs' "$log"
done
