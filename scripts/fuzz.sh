#!/usr/bin/env bash
# A longer fuzz run than `cargo test` does: every target in tests/fuzz.rs
# (the URL view state, embed requests, user topics, dictionaries, the
# cleaner, the manifest, the topic file, term queries, token and word
# streams, dates) with CASES generated inputs each (default 20000), printing the
# cases each target passed. A case that runs longer than FUZZ_TIMEOUT_MS
# (default 2000) stops the run and prints its input; a failing case is
# shrunk and printed.
#
# It uses the test profile: the engine keeps its overflow checks (they found
# the dictionary frequency overflow) and the dependencies are optimised
# (Cargo.toml). FUZZ_RELEASE=1 runs it in release instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CASES="${CASES:-20000}"
echo "== fuzz: $CASES cases a target, at most ${FUZZ_TIMEOUT_MS:-2000} ms a case"
PROPTEST_CASES="$CASES" FUZZ_TIMEOUT_MS="${FUZZ_TIMEOUT_MS:-2000}" RUST_BACKTRACE=0 \
    cargo test ${FUZZ_RELEASE:+--release} --test fuzz -- --nocapture
