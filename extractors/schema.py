"""A JSON Schema of the config file for editors, and the effective config as YAML."""

from __future__ import annotations

import dataclasses
from typing import Any

from sitroom.extractors import registry
from sitroom.extractors.config import CONFIG_VERSION, Config

SCHEMA_ID = "https://sitroom.invalid/config.schema.json"


def _options_schema(use: str) -> dict[str, Any] | None:
    import msgspec

    try:
        cls = registry.load(use)
    except Exception:  # a broken plugin should not break the schema of the others
        return None
    options = getattr(cls, "Options", None)
    if not isinstance(options, type) or not dataclasses.is_dataclass(options):
        return {"type": "object", "additionalProperties": False, "maxProperties": 0}
    schema = msgspec.json.schema(options, schema_hook=_schema_hook)
    defs = schema.pop("$defs", {})
    body: dict[str, Any] = dict(defs.get(options.__name__, schema))
    body["additionalProperties"] = False
    if len(defs) > 1:
        body["$defs"] = {k: v for k, v in defs.items() if k != options.__name__}
    return body


def _schema_hook(kind: type[Any]) -> dict[str, Any]:
    from pathlib import Path

    if kind is Path or (isinstance(kind, type) and issubclass(kind, Path)):
        return {"type": "string", "description": "a file path, relative to the config file"}
    raise NotImplementedError


def config_schema() -> dict[str, Any]:
    names = registry.names()
    per_extractor = []
    for name in names:
        options = _options_schema(name)
        if options is not None:
            per_extractor.append(
                {
                    "if": {"properties": {"use": {"const": name}}},
                    "then": {"properties": {"options": options}},
                }
            )
    item = {
        "type": "object",
        "required": ["use"],
        "additionalProperties": False,
        "properties": {
            "use": {
                "type": "string",
                "description": "a registered extractor name, or module:Class",
                "anyOf": [{"enum": names}, {"pattern": "^[A-Za-z_][\\w.]*:[A-Za-z_][\\w.]*$"}],
            },
            "options": {"type": "object"},
            "enabled": {"type": "boolean", "default": True},
            "timeout": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "seconds before the extractor is abandoned",
            },
        },
        "allOf": per_extractor,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "sitroom config",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {"const": CONFIG_VERSION},
            "model": {"type": "string", "description": "an installed spaCy pipeline"},
            "extractors": {
                "type": "array",
                "description": "run in this order",
                "items": {"anyOf": [{"type": "string", "enum": names}, item]},
            },
            "theme": {"type": "string"},
            "keymap": {"type": "object", "additionalProperties": {"type": "string"}},
            "cache": {"type": "boolean"},
        },
    }


def effective_config_yaml(config: Config) -> str:
    import yaml

    data = {
        "version": config.version,
        "model": config.model,
        "extractors": [
            {
                "use": spec.use,
                **({"options": dict(spec.options)} if spec.options else {}),
                **({"enabled": False} if not spec.enabled else {}),
                **({"timeout": spec.timeout} if spec.timeout else {}),
            }
            for spec in config.extractors
        ],
        "theme": config.theme,
        "keymap": dict(config.keymap),
        "cache": config.cache,
    }
    header = f"# effective config, from {config.file}\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
