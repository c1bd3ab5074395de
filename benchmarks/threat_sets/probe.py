"""Check the class probes: print each sentence whose main event is off by more than 1 point.

    .venv/bin/python benchmarks/threat_sets/probe.py [PROBES.txt]

Lines are `CAMEO | sentence` (see class_probes.txt); the last line counts the probes within
one Goldstein point of their code.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    from sitroom.extractors.builtin.threat.lexicon import load_lexicon
    from sitroom.extractors.builtin.threat.modality import analyse_sentence
    from sitroom.extractors.nlp import load_model

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "class_probes.txt"
    nlp, lex = load_model(), load_lexicon()
    total = bad = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, text = (part.strip() for part in line.split("|", 1))
        best, found = 0.0, None
        for sent in nlp(text).sents:
            main = analyse_sentence(sent, lex, 2026).main
            if main is not None and main.counted and abs(lex.threat(main.code)) >= abs(best):
                best, found = lex.threat(main.code), main.code
        total += 1
        want = lex.threat(code)
        if abs(want - best) > 1.0:
            bad += 1
            print(f"!! want {code} ({want:+.1f}) got {found} ({best:+.1f})  {text}")
    print(f"{total - bad}/{total} probes within one point")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
