"""Packaging: every source folder is shipped, and the wheel installs under `sitroom.*`."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROOTS = {"extractors": "sitroom.extractors", "tui": "sitroom.tui", "themes": "sitroom.themes"}


def test_every_package_folder_is_listed_in_pyproject() -> None:
    # setuptools cannot find these by itself (the sitroom. prefix is added by package-dir)
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = set()
    for folder, prefix in ROOTS.items():
        for init in (REPO / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO / folder)
            found.add(".".join([prefix, *relative.parts]))
    assert found == listed


def test_the_seed_article_ships_as_package_data() -> None:
    from importlib.resources import files

    seed = files("sitroom.extractors.samples").joinpath("000_ed336b92c00c1c33.txt")
    shared_seed = REPO.parent / "shared" / "seed" / "000_ed336b92c00c1c33.txt"
    if shared_seed.exists():
        assert seed.read_text(encoding="utf-8") == shared_seed.read_text(encoding="utf-8")
    else:
        assert seed.read_text(encoding="utf-8").startswith("Blinken Tells Russia")


def test_the_wheel_puts_everything_under_sitroom_with_data_and_entry_points(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("sitroom-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"sitroom", next(n for n in top if n.endswith(".dist-info"))}
    assert "sitroom/extractors/samples/000_ed336b92c00c1c33.txt" in names
    assert "sitroom/extractors/default_config.yaml" in names
    assert "sitroom/extractors/py.typed" in names
    entry_points = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in names if n.endswith("entry_points.txt")))
        .decode()
    )
    assert "sitroom = sitroom.tui.cli:main" in entry_points
    assert "[sitroom.extractors]" in entry_points
