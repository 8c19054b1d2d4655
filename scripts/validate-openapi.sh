#!/usr/bin/env bash
# Validates the served OpenAPI document (Sources/ChronicleServer/Resources/openapi.json) as
# OpenAPI 3.1 with openapi-spec-validator, installing it from PyPI when missing. Exits non-zero on
# any error. Usage: scripts/validate-openapi.sh [file]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

file="${1:-Sources/ChronicleServer/Resources/openapi.json}"

if ! python3 -c 'import openapi_spec_validator' >/dev/null 2>&1; then
    echo "installing openapi-spec-validator from PyPI"
    # --break-system-packages only matters on a Debian-managed python3 (PEP 668).
    python3 -m pip install --quiet --disable-pip-version-check openapi-spec-validator \
        || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages openapi-spec-validator
fi

python3 -m openapi_spec_validator --schema 3.1 --validation-errors all "$file"
