"""Analyses to bytes and back, keeping the result types (for the cache and worker processes).

Each result is stored with the import path of its type. Types from sitroom's model are
rebuilt exactly; a third-party dataclass is rebuilt when its module is importable, and
anything else comes back as plain JSON values.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from typing import Any

import msgspec

from sitroom.extractors.model import Analysis

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder()


def _type_path(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}:{cls.__qualname__}"


def _resolve(path: str) -> type[Any] | None:
    module_name, _, qualname = path.partition(":")
    if module_name.startswith("builtins"):
        return None
    module = sys.modules.get(module_name)
    if module is None:
        try:
            module = importlib.import_module(module_name)
        except Exception:  # the plugin was uninstalled: keep the plain values
            return None
    target: Any = module
    for part in qualname.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target if isinstance(target, type) else None


def encode_analysis(analysis: Analysis) -> bytes:
    payload = {
        "article_id": analysis.article_id,
        "config_hash": analysis.config_hash,
        "results": {
            name: {"type": _type_path(value), "value": msgspec.to_builtins(value, str_keys=True)}
            for name, value in analysis.results.items()
        },
        "errors": dict(analysis.errors),
        "timings": dict(analysis.timings),
        "produces": dict(analysis.produces),
        "warnings": dict(analysis.warnings),
    }
    return _encoder.encode(payload)


def decode_analysis(blob: bytes) -> Analysis:
    """The inverse of `encode_analysis`; raises ValueError on a damaged payload."""
    try:
        payload = _decoder.decode(blob)
        results: dict[str, Any] = {}
        for name, item in payload["results"].items():
            cls = _resolve(item["type"])
            value = item["value"]
            if cls is not None and dataclasses.is_dataclass(cls):
                value = msgspec.convert(value, cls)
            results[name] = value
        return Analysis(
            article_id=payload["article_id"],
            config_hash=payload["config_hash"],
            results=results,
            errors=payload.get("errors", {}),
            timings=payload.get("timings", {}),
            produces=payload.get("produces", {}),
            warnings=payload.get("warnings", {}),
        )
    except (
        msgspec.DecodeError,
        msgspec.ValidationError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ValueError(f"damaged analysis: {exc}") from exc
