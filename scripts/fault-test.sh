#!/usr/bin/env bash
# The long run of the fault and hostile-input tests (CI runs the same tests shorter):
# 20 rounds of kill -9 at random moments during concurrent ingestion, 2,000 random hostile texts
# and requests, and 1 MiB single-line, single-token and nested-tag inputs. Seeds can be changed to explore: CHRONICLE_FAULT_SEED, CHRONICLE_FUZZ_SEED.
#
# Usage: scripts/fault-test.sh [--rounds 20] [--cases 2000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rounds=20 cases=2000
while (($# > 0)); do
    case "$1" in
        --rounds) rounds="$2"; shift ;;
        --cases) cases="$2"; shift ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

swift build --build-tests
CHRONICLE_FAULT_ROUNDS="$rounds" CHRONICLE_FUZZ_CASES="$cases" CHRONICLE_FUZZ_BYTES=$((1 << 20)) \
    swift test --skip-build --filter 'FaultTests|HostileInputTests|HostileRequestTests'
