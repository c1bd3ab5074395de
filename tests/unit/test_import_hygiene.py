"""The engine never imports Textual or Rich, and its package root imports nothing heavy."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def engine_modules() -> list[str]:
    names = ["sitroom.extractors"]
    for info in pkgutil.walk_packages([str(REPO / "extractors")], prefix="sitroom.extractors."):
        names.append(info.name)
    return sorted(names)


def imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", engine_modules())
def test_engine_module_does_not_import_textual(module: str) -> None:
    loaded = imported_after(f"import {module}")
    assert not {m for m in loaded if m.split(".")[0] == "textual"}


def test_no_engine_source_imports_textual_or_rich_itself() -> None:
    # spaCy itself pulls in rich (for its command line), so at run time rich may be
    # present; the engine's own code must still never reach for either
    import ast

    offenders = []
    for path in sorted((REPO / "extractors").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(REPO)}: {n}"
                for n in names
                if n.split(".")[0] in {"textual", "rich"}
            ]
    assert offenders == []


def test_the_engine_package_root_imports_no_spacy_yaml_or_sqlite() -> None:
    loaded = imported_after("import sitroom.extractors")
    heavy = {"spacy", "yaml", "sqlite3", "msgspec", "dateparser", "trafilatura"}
    assert not heavy & {m.split(".")[0] for m in loaded}


def test_builtin_extractor_modules_do_not_import_spacy() -> None:
    # the config is validated (and extractor classes imported) before the first frame
    # of the dashboard, so importing an extractor must not pull in spaCy
    loaded = imported_after(
        "from sitroom.extractors.registry import BUILTINS, load\nfor name in BUILTINS: load(name)"
    )
    assert "spacy" not in loaded


@pytest.mark.parametrize("name", ["actors", "threat", "quotes", "timeline"])
def test_building_a_builtin_extractor_loads_only_its_shell(name: str) -> None:
    # Classes are imported and built whenever a config is checked (before the dashboard's
    # first frame, and for every cached analysis): their data and their implementation
    # modules must wait for `load()` and the first run.
    loaded = imported_after(
        "from sitroom.extractors.registry import load\n"
        f"cls = load({name!r}); cls(cls.Options()) if hasattr(cls, 'Options') else cls()"
    )
    package = f"sitroom.extractors.builtin.{name}"
    inner = {m for m in loaded if m.startswith(package + ".")}
    assert inner <= {f"{package}.extractor"}
