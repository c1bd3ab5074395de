#!/usr/bin/env bash
# Quotes on the PolNeAR dev split, end to end: `sitroom analyze` with the bundled config,
# scored by ../shared/tools/score_quotes.py (default, symmetric matching). The texts are
# read from ../shared (internal evaluation only) and never copied into the project.
#
#   benchmarks/quotes.sh [extra score_quotes.py flags, e.g. --json or --lenient]
set -euo pipefail
cd "$(dirname "$0")/.."
split=../shared/data/polnear-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1
.venv/bin/sitroom analyze "$split"/text/*.txt --format jsonl --no-cache --workers 2 > "$work/pred.jsonl"
python3 ../shared/tools/score_quotes.py --gold "$split" --pred "$work/pred.jsonl" "$@"
