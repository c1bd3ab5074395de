"""Rebuild the generated parts of the actors gazetteer from ../shared/data/reference/.

Run from the repo root: `.venv/bin/python -P benchmarks/build_gazetteer.py`. It writes three
files under extractors/builtin/actors/data/ and records in each where its facts came from:

- countries.yaml: names, official names and capitals from datasets/country-codes (ODC-PDDL),
  plus common English names and abbreviations chosen by hand (ours, MIT).
- demonyms.yaml: English demonyms from mledoze/countries. ODbL is share-alike for databases,
  so this file stays separate and carries the ODbL licence and attribution.
- media.yaml: news outlets from savkov/freebie's websources.csv (MIT), filtered.

The hand-written files (igos.yaml, metonyms.yaml, people.yaml, roles.yaml, media_core.yaml)
are edited directly and are not touched here. The reference files themselves are never
shipped.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "data" / "reference"
OUT = REPO / "extractors" / "builtin" / "actors" / "data"

COUNTRY_CODES_SOURCE = (
    "datasets/country-codes, data/country-codes.csv, "
    "commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88"
)
MLEDOZE_SOURCE = (
    "mledoze/countries, dist/countries.csv, commit 5e9f370050f83ad2ba4cb885f75d66114badf72c"
)
FREEBIE_SOURCE = (
    "savkov/freebie, freebie/websources.csv, commit ece4dd58b16ee9abbe83da2a416a376505e165ca"
)

# Common English names where the CLDR display name is not what news writes.
COMMON_NAME = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "TUR": "Turkey",
    "CIV": "Ivory Coast",
    "BIH": "Bosnia and Herzegovina",
    "COG": "Republic of the Congo",
    "COD": "Democratic Republic of the Congo",
    "CZE": "Czech Republic",
    "VAT": "Vatican",
    "ATG": "Antigua and Barbuda",
    "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia",
    "VCT": "Saint Vincent and the Grenadines",
    "TTO": "Trinidad and Tobago",
    "STP": "Sao Tome and Principe",
}
# Extra names, abbreviations and adjectives seen in English news (ours).
EXTRA_ALIASES = {
    "USA": ["America", "United States of America"],
    "GBR": ["Britain", "Great Britain"],
    "TUR": ["Türkiye", "Turkiye"],
    "CZE": ["Czechia"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "VAT": ["Holy See", "Vatican City"],
    "VNM": ["Viet Nam"],
    "PSE": ["Palestinian territories"],
    "COD": ["DR Congo"],
    "KAZ": [],
}
ABBREVIATIONS = {
    "USA": ["US", "U.S.", "USA", "U.S.A."],
    "GBR": ["UK", "U.K."],
    "ARE": ["UAE", "U.A.E."],
    "CHN": ["PRC"],
    "PRK": ["DPRK"],
    "KOR": ["ROK"],
    "COD": ["DRC"],
}
EXTRA_DEMONYMS = {
    "PHL": ["Philippine"],
    "ARE": ["Emirati"],
    "KOR": ["South Korean"],
    "PRK": ["North Korean"],
    "SAU": ["Saudi"],
    "USA": ["U.S."],
}
EXTRA_CAPITALS = {"KAZ": ["Astana"], "UKR": ["Kiev"], "NLD": ["The Hague"]}
# Capitals that are also common given names, surnames or other places: matching them would
# turn people and unrelated towns into governments.
CAPITAL_STOPLIST = {
    "Victoria",
    "Kingston",
    "Hamilton",
    "Georgetown",
    "Male",
    "Praia",
    "East Jerusalem",
    "Nur-Sultan",
    "Sucre",
    "Melekeok",
    "Ciudad de la Paz",
    "Tarawa",
    "Yaren",
    "Palikir",
    "Amsterdam",
    "Apia",
    "Moroni",
    "Castries",
    "Roseau",
    "Jamestown",
    "Douglas",
    "Kingstown",
    "Saint-Denis",
    "Plymouth",
    "Stanley",
}
# Country names that are also common words or names: the NER's reading decides.
AMBIGUOUS = {"Georgia", "Jordan", "Chad", "Turkey", "Guinea", "Dominica", "Niger", "Chile"}


def clean(value: str) -> str:
    value = re.sub(r"\s*\((the|les?|la|los|las)\)", "", value)
    return value.replace("*", "").strip()


def countries() -> tuple[list[dict[str, object]], dict[str, str]]:
    path = REFERENCE / "countries" / "country-codes.csv"
    entries: list[dict[str, object]] = []
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso3 = row["ISO3166-1-Alpha-3"].strip()
            status = row["is_independent"].strip()
            if not iso3 or status not in {"Yes", "In contention"}:
                continue
            display = clean(row["CLDR display name"])
            name = COMMON_NAME.get(iso3, display)
            aliases = [display, clean(row["official_name_en"]), clean(row["UNTERM English Short"])]
            aliases += EXTRA_ALIASES.get(iso3, [])
            abbreviations = ABBREVIATIONS.get(iso3, [])
            aliases = sorted(
                {a for a in aliases if a and a != name and "," not in a and a not in abbreviations}
            )
            capital = row["Capital"].strip()
            capitals = [] if not capital or capital in CAPITAL_STOPLIST else [capital]
            capitals += EXTRA_CAPITALS.get(iso3, [])
            capitals = [c for c in capitals if c != name]
            entry: dict[str, object] = {"name": name, "kind": "country", "code": iso3}
            if aliases:
                entry["aliases"] = aliases
            if iso3 in ABBREVIATIONS:
                entry["abbreviations"] = ABBREVIATIONS[iso3]
            if iso3 in EXTRA_DEMONYMS:
                entry["demonyms"] = EXTRA_DEMONYMS[iso3]
            if capitals:
                entry["capitals"] = capitals
            if name in AMBIGUOUS:
                entry["ambiguous"] = True
            entries.append(entry)
            names[iso3] = name
    return entries, names


def demonyms(names: dict[str, str]) -> list[dict[str, object]]:
    path = REFERENCE / "countries" / "mledoze-countries.csv"
    entries: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = names.get(row["cca3"].strip())
            if name is None:
                continue
            forms = {row["demonyms.eng.m"].strip(), row["demonyms.eng.f"].strip()}
            forms = {f for f in forms if f and f != name}
            if forms:
                entries.append({"name": name, "kind": "country", "demonyms": sorted(forms)})
    return entries


# websources.csv lists sources of news, not only news outlets (charities, agencies, even
# "The White House"), so only names built like an outlet's are kept; the big outlets with
# bare names (CNN, Politico, Euronews) are in the hand-written media_core.yaml.
MEDIA_WORDS = {
    "news",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "gazette",
    "daily",
    "press",
    "tv",
    "radio",
    "channel",
    "broadcasting",
    "magazine",
    "observer",
    "guardian",
    "chronicle",
    "mail",
    "express",
    "independent",
    "reporter",
    "today",
    "weekly",
    "monitor",
    "newswire",
    "media",
    "digest",
    "economist",
    "bulletin",
    "globe",
    "mirror",
    "dispatch",
    "inquirer",
    "examiner",
    "courier",
    "sentinel",
    "statesman",
    "television",
    "newspaper",
}


def _core_media_names() -> set[str]:
    """Names and aliases in media_core.yaml, folded: the hand-written entry wins."""
    import yaml

    data = yaml.safe_load((OUT / "media_core.yaml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for entry in data["actors"]:
        for name in [entry["name"], *entry.get("aliases", [])]:
            names.add(re.sub(r"^the ", "", name.lower()))
    return names


def media() -> list[dict[str, object]]:
    path = REFERENCE / "media" / "websources.csv"
    seen: set[str] = _core_media_names()
    entries: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["language"].strip() != "en":
                continue
            raw = row["name"].strip()
            match = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", raw)
            name, short = (match.group(1), match.group(2)) if match else (raw, "")
            words = set(re.findall(r"[a-z]+", name.lower()))
            bare = re.sub(r"^the ", "", name.lower())
            if not words & MEDIA_WORDS or bare in seen:
                continue
            seen.add(bare)
            entry: dict[str, object] = {"name": name, "kind": "media"}
            country = row["cca"].strip().upper()
            if country:
                entry["country"] = country
            if short and short.isupper() and len(short) >= 2:
                entry["abbreviations"] = [short]
            entries.append(entry)
    return entries


def dump(path: Path, header: str, entries: list[dict[str, object]]) -> None:
    """Write one entry per line in flow style: small, diff-friendly and quick to parse."""
    import yaml

    lines = [header.rstrip(), "actors:"]
    for entry in entries:
        flow = yaml.safe_dump(entry, default_flow_style=True, allow_unicode=True, width=10_000)
        lines.append(f"- {flow.strip()}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    country_entries, names = countries()
    dump(
        OUT / "countries.yaml",
        f"""# Generated by benchmarks/build_gazetteer.py: do not edit by hand.
source:
  - {{repo: datasets/country-codes, path: data/country-codes.csv,
     commit: caa72d1e0e5af8876c170bb36a9e4d64a01bba88,
     fields: [name, aliases, capitals, code]}}
  - {{repo: sitroom, path: benchmarks/build_gazetteer.py,
     fields: [common English names, abbreviations, extra aliases and demonyms, ambiguous]}}
licence:
  - "ODC-PDDL-1.0 (country names, codes and capitals: {COUNTRY_CODES_SOURCE})"
  - "MIT (hand-chosen names, abbreviations and flags: the sitroom developers)"
""",
        country_entries,
    )
    dump(
        OUT / "demonyms.yaml",
        f"""# Generated by benchmarks/build_gazetteer.py: do not edit by hand.
# Share-alike: this file is a derived database of mledoze/countries and stays under ODbL,
# kept apart from the project's MIT data.
source: {{repo: mledoze/countries, path: dist/countries.csv,
         commit: 5e9f370050f83ad2ba4cb885f75d66114badf72c}}
licence: "ODbL-1.0. World countries data by Mohammed Le Doze ({MLEDOZE_SOURCE}),
  https://github.com/mledoze/countries, licensed under the Open Database License 1.0."
""",
        demonyms(names),
    )
    dump(
        OUT / "media.yaml",
        f"""# Generated by benchmarks/build_gazetteer.py: do not edit by hand.
source: {{repo: savkov/freebie, path: freebie/websources.csv,
         commit: ece4dd58b16ee9abbe83da2a416a376505e165ca}}
licence: "MIT. Copyright (c) 2017 Sasho Savkov ({FREEBIE_SOURCE}). Permission is hereby
  granted, free of charge, to deal in the data without restriction, provided the copyright
  notice and permission notice are included; the data is provided as is, without warranty."
""",
        media(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
