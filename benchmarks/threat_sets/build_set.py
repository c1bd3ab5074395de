"""Build threat evaluation JSONL from a `code | tags | text | note` source file.

    python3 benchmarks/threat_sets/build_set.py SOURCE PREFIX OUT.jsonl
    python3 benchmarks/threat_sets/build_set.py SOURCE PREFIX HALF_A.jsonl HALF_B.jsonl

Each line gets an id (PREFIX + running number) and the Goldstein score of its code from
GDELT's lookup table (CAMEO lookup tables: The GDELT Project, https://www.gdeltproject.org/).
With two outputs the lines are split in halves by a seeded shuffle, stratified by tricky
vs plain and by CAMEO root code.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

GOLDSTEIN = Path(__file__).resolve().parents[3] / "shared/data/reference/gdelt"
TRICKY = {"negation", "denial", "hypothetical", "conditional", "allegation", "historical"}
TRICKY |= {"embedded"}
TAGS = TRICKY | {"reversal", "metonymy", "passive", "reported_speech", "past", "future"}
SEED = 20261125


def goldstein() -> dict[str, float]:
    table: dict[str, float] = {}
    text = (GOLDSTEIN / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 2 and parts[0][:1].isdigit():
            table[parts[0]] = float(parts[1])
    return table


def read_source(path: Path, prefix: str) -> list[dict[str, object]]:
    weights = goldstein()
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, tags, text, note = (x.strip() for x in line.split("|"))
        assert code in weights, code
        tag_list = [t for t in tags.split(",") if t]
        assert set(tag_list) <= TAGS, tag_list
        row: dict[str, object] = {
            "id": f"{prefix}{len(rows) + 1:03d}",
            "text": text,
            "cameo": code,
            "goldstein": weights[code],
            "phenomena": tag_list,
        }
        if note:
            row["note"] = note
        rows.append(row)
    return rows


def is_tricky(row: dict[str, object]) -> bool:
    return bool(TRICKY & set(row["phenomena"]))  # type: ignore[arg-type]


def write(rows: list[dict[str, object]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(path, len(rows), "tricky", sum(is_tricky(r) for r in rows))


def main() -> None:
    source, prefix, *outputs = sys.argv[1:]
    rows = read_source(Path(source), prefix)
    print(len(rows), "tricky", sum(is_tricky(r) for r in rows))
    if len(outputs) == 1:
        write(rows, outputs[0])
        return
    rng = random.Random(SEED)
    half_a: list[dict[str, object]] = []
    half_b: list[dict[str, object]] = []
    for group in ([r for r in rows if is_tricky(r)], [r for r in rows if not is_tricky(r)]):
        shuffled = group[:]
        rng.shuffle(shuffled)
        shuffled.sort(key=lambda r: str(r["cameo"])[:2])
        for i, row in enumerate(shuffled):
            (half_a if i % 2 == 0 else half_b).append(row)
    for half, path in ((half_a, outputs[0]), (half_b, outputs[1])):
        write(sorted(half, key=lambda r: str(r["id"])), path)


if __name__ == "__main__":
    main()
