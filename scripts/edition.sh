#!/usr/bin/env bash
# Set up and run the main job on the bundled seeds: convert -> validate -> HTML + PDF into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/tei-tool build seeds --out build "$@"
