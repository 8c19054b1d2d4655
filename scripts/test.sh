#!/usr/bin/env bash
# The project's test command, shared by the README and CI (.ci/run): build everything, tests
# included, then run the tests without building again. Extra arguments go to `swift build`
# (e.g. `scripts/test.sh -c release`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

swift build --build-tests "$@"
swift test --skip-build "$@"
