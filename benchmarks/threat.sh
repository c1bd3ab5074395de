#!/usr/bin/env bash
# Threat on the dev sentences, end to end: every sentence becomes its own article, runs
# through `sitroom analyze` with the bundled config, and its article-level threat score is
# scored against the Goldstein gold with ../shared/tools/score_threat.py.
#
#   benchmarks/threat.sh [SENTENCES.jsonl]      (default: ../shared/data/threat-dev/sentences.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/data/threat-dev/sentences.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1

# one .txt per sentence, named by its id, so `doc` in the output is the id
.venv/bin/python - "$gold" "$work/articles" <<'PY'
import json, sys
from pathlib import Path
out = Path(sys.argv[2]); out.mkdir()
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        item = json.loads(line)
        (out / f"{item['id']}.txt").write_text(item["text"] + "\n", encoding="utf-8")
PY
.venv/bin/sitroom analyze "$work/articles" --format jsonl --no-cache > "$work/analysis.jsonl"
.venv/bin/python - "$work/analysis.jsonl" > "$work/pred.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    threat = record["threat"] or {"score": 0}
    print(json.dumps({"id": record["doc"], "score": threat["score"]}))
PY
python3 ../shared/tools/score_threat.py sentences --gold "$gold" --pred "$work/pred.jsonl" --by-phenomenon
