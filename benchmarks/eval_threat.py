"""Score the threat extractor's sentence scorer on the threat dev sentences.

    .venv/bin/python benchmarks/eval_threat.py [--gold FILE] [--pred OUT.jsonl] [--show]

Writes one {"id", "score"} line per sentence and runs ../shared/tools/score_threat.py on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = SHARED / "data" / "threat-dev" / "sentences.jsonl"
SCORER = SHARED / "tools" / "score_threat.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, help="where to write predictions (default: a temp file)")
    ap.add_argument("--show", action="store_true", help="print each sentence with gold and score")
    args = ap.parse_args()

    from sitroom.extractors.builtin.threat import ThreatExtractor
    from sitroom.extractors.nlp import load_model

    nlp = load_model()
    extractor = ThreatExtractor()
    rows = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    pred_path = args.pred or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with pred_path.open("w", encoding="utf-8") as out:
        for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
            # a dev item is one sentence, but the parser may split it: take the strongest
            score = max((extractor.score_sentence(s) for s in doc.sents), key=abs, default=0.0)
            out.write(json.dumps({"id": row["id"], "score": score}) + "\n")
            if args.show:
                gold = -float(row["goldstein"])
                flag = "  " if abs(gold - score) < 1.5 else "!!"
                head = f"{flag} {row['id']} gold={gold:+5.1f} pred={score:+5.1f}"
                print(f"{head} {row['cameo']:>5} {row['text']}")
    cmd = [
        sys.executable,
        str(SCORER),
        "sentences",
        "--gold",
        str(args.gold),
        "--pred",
        str(pred_path),
        "--by-phenomenon",
    ]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
