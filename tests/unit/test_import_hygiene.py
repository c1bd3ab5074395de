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
def test_engine_module_imports_neither_textual_nor_rich(module: str) -> None:
    loaded = imported_after(f"import {module}")
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich"}}


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
