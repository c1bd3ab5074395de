"""Score the actors extractor against the hand-annotated dev set (benchmarks/actors_dev.yaml).

    OMP_NUM_THREADS=1 .venv/bin/python -P benchmarks/eval_actors.py [--baseline] [--show]

Figures, micro-averaged over all articles:
- row precision: predicted actors that are a real (annotated) actor, of all predicted actors
  (rows matching an optional annotation are left out);
- row recall: annotated actors found, of all required annotated actors;
- merge accuracy: found actors that are neither split (one of their annotated aliases went
  to another predicted row) nor over-merged (the row also holds another actor's name);
- kind accuracy: found actors with the annotated kind.
Also the extractor's time per article, excluding the spaCy parse.

`--baseline` scores plain spaCy NER instead (one row per distinct PERSON/ORG/GPE/NORP/
FAC/LOC text), the "before" figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitroom.extractors.builtin.actors import ActorsExtractor
from sitroom.extractors.builtin.actors.normalize import fold
from sitroom.extractors.loaders.files import load_file
from sitroom.extractors.model import Article, Results
from sitroom.extractors.nlp import load_model

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "actors_dev.yaml"
NER_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


@dataclass
class Row:
    name: str
    kind: str
    forms: set[str]  # folded name and aliases


@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    optional_hits: int = 0
    gold: int = 0
    found: int = 0
    merged_right: int = 0
    kind_right: int = 0
    seconds: float = 0.0
    articles: int = 0
    errors: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    text = fold(" ".join(text.split()))
    return text[4:] if text.startswith("the ") else text


def article_for(path: Path) -> Article:
    for item in load_file(path):
        if isinstance(item, Article):
            return item
        raise SystemExit(f"{path}: {item}")
    raise SystemExit(f"{path}: no article")


def predict(nlp_doc: object, article: Article, baseline: bool) -> tuple[list[Row], float]:
    if baseline:
        rows: dict[str, Row] = {}
        for ent in nlp_doc.ents:  # type: ignore[attr-defined]
            if ent.label_ in (*NER_KINDS, "FAC", "LOC"):
                key = _norm(ent.text)
                rows.setdefault(
                    key, Row(ent.text, NER_KINDS.get(ent.label_, "organization"), {key})
                )
        return list(rows.values()), 0.0
    extractor = ActorsExtractor()
    start = time.perf_counter()
    result = extractor.run(nlp_doc, article, Results())  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    rows_out = [
        Row(a.name, a.kind, {_norm(a.name), *(_norm(x) for x in a.aliases)}) for a in result.actors
    ]
    return rows_out, elapsed


def score_doc(gold: list[dict[str, object]], rows: list[Row], tally: Tally, show: bool) -> None:
    gold_rows = [
        (
            Row(
                str(g["name"]),
                str(g["kind"]),
                {_norm(str(g["name"])), *(_norm(str(a)) for a in g.get("aliases", []))},  # type: ignore[attr-defined]
            ),
            bool(g.get("optional", False)),
        )
        for g in gold
    ]
    owner: dict[int, int] = {}  # predicted row -> gold row
    for p, row in enumerate(rows):
        for g, (gold_row, _) in enumerate(gold_rows):
            if _norm(row.name) in gold_row.forms or _norm(gold_row.name) in row.forms:
                owner[p] = g
                break
    tally.gold += sum(1 for _, optional in gold_rows if not optional)
    for p, row in enumerate(rows):
        g = owner.get(p)
        if g is None:
            tally.predicted += 1
            tally.errors.append(f"junk: {row.name} ({row.kind})")
        elif gold_rows[g][1]:
            tally.optional_hits += 1
        else:
            tally.predicted += 1
    for g, (gold_row, optional) in enumerate(gold_rows):
        mine = [p for p, owned in owner.items() if owned == g]
        if optional:
            continue
        if not mine:
            tally.errors.append(f"missed: {gold_row.name}")
            continue
        tally.correct += 1
        tally.found += 1
        # Split: the actor is spread over several predicted rows, or one of its names went
        # to a row that belongs to someone else.
        split = len(mine) > 1 or any(
            p not in mine and rows[p].forms & gold_row.forms for p in range(len(rows))
        )
        others = set().union(*(r.forms for k, (r, _) in enumerate(gold_rows) if k != g))
        over = any((rows[p].forms & others) - gold_row.forms for p in mine)
        if not split and not over:
            tally.merged_right += 1
        else:
            tally.errors.append(f"merge: {gold_row.name} -> {[rows[p].name for p in mine]}")
        if rows[mine[0]].kind == gold_row.kind:
            tally.kind_right += 1
        else:
            tally.errors.append(f"kind: {gold_row.name} {rows[mine[0]].kind} != {gold_row.kind}")
    if show:
        for line in tally.errors:
            print("   ", line)
    tally.errors.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", action="store_true", help="score plain spaCy NER")
    parser.add_argument("--show", action="store_true", help="list each article's errors")
    args = parser.parse_args()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    nlp = load_model()
    tally = Tally()
    for doc in gold["docs"]:
        path = (REPO / doc["path"]).resolve()
        if not path.exists():
            print(f"skipped (not found): {doc['path']}", file=sys.stderr)
            continue
        article = article_for(path)
        parsed = nlp(article.text)
        rows, elapsed = predict(parsed, article, args.baseline)
        tally.seconds += elapsed
        tally.articles += 1
        if args.show:
            print(path.name)
        score_doc(doc["actors"], rows, tally, args.show)
    precision = tally.correct / tally.predicted if tally.predicted else 0.0
    recall = tally.found / tally.gold if tally.gold else 0.0
    print(f"articles          {tally.articles}")
    print(f"row precision     {precision:.3f}  ({tally.correct}/{tally.predicted})")
    print(f"row recall        {recall:.3f}  ({tally.found}/{tally.gold})")
    if tally.found:
        print(f"merge accuracy    {tally.merged_right / tally.found:.3f}")
        print(f"kind accuracy     {tally.kind_right / tally.found:.3f}")
    if not args.baseline and tally.articles:
        print(f"ms per article    {1000 * tally.seconds / tally.articles:.1f} (without the parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
