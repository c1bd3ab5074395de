"""The cross-article tables as `sitroom corpus` prints them: JSON, or CSV for scripts.

Three tables, with fixed columns (a contract for scripts, documented in the README):

- actors:   id, name, kind, articles, mentions
- speakers: id, name, quotes, articles   (id empty when the speaker is not a known actor)
- threat:   date, articles, mean_level, mean_score, max_level, max_score   (date empty:
  the undated articles)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Sequence
from typing import Any, TextIO

from sitroom.extractors.corpus.queries import Corpus

TABLES = ("actors", "speakers", "threat")

COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("id", "name", "kind", "articles", "mentions"),
    "speakers": ("id", "name", "quotes", "articles"),
    "threat": ("date", "articles", "mean_level", "mean_score", "max_level", "max_score"),
}


def build_tables(
    corpus: Corpus,
    article_ids: Collection[str] | None,
    tables: Sequence[str] = TABLES,
    limit: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Each requested table as a list of rows (dicts with the table's COLUMNS)."""
    built: dict[str, list[dict[str, Any]]] = {}
    if "actors" in tables:
        built["actors"] = [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "articles": a.articles,
                "mentions": a.mentions,
            }
            for a in corpus.top_actors(article_ids, limit=limit)
        ]
    if "speakers" in tables:
        built["speakers"] = [
            {"id": s.actor_id, "name": s.name, "quotes": s.quotes, "articles": s.articles}
            for s in corpus.top_speakers(article_ids, limit=limit)
        ]
    if "threat" in tables:
        built["threat"] = [
            {
                "date": d.date.isoformat() if d.date else None,
                "articles": d.articles,
                "mean_level": round(d.mean_level, 2),
                "mean_score": round(d.mean_score, 1),
                "max_level": d.max_level,
                "max_score": round(d.max_score, 1),
            }
            for d in corpus.threat_by_date(article_ids)
        ]
    return built


def write_json(out: TextIO, articles: int, tables: dict[str, list[dict[str, Any]]]) -> None:
    """All tables: one object with the article count; one table: just its list of rows."""
    import json

    value: Any = (
        next(iter(tables.values())) if len(tables) == 1 else {"articles": articles, **tables}
    )
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def write_csv(out: TextIO, tables: dict[str, list[dict[str, Any]]]) -> None:
    """One table: a plain CSV with a header row. Several: each as a section headed by a
    `# name` line, sections separated by an empty line."""
    sections = len(tables) > 1
    for index, (name, rows) in enumerate(tables.items()):
        if sections:
            out.write(("\n" if index else "") + f"# {name}\n")
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS[name], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
        out.write(buffer.getvalue())
