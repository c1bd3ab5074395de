"""Turning the config's `extractors:` list into ready extractor instances.

Each class is imported only when the config names it and it is enabled, its options are
checked against its `Options` dataclass (unknown keys and wrong types are config errors at
the option's line:col), and the declared `requires` are checked against the run order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.extractors import registry
from sitroom.extractors.config import Config, ExtractorSpec
from sitroom.extractors.errors import ConfigError, SitroomError
from sitroom.extractors.yamlfile import KEY

DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Stage:
    """One enabled extractor, built and ready to run."""

    name: str
    use: str
    instance: Any
    version: str
    requires: tuple[str, ...]
    produces: str | None
    timeout: float
    options: Any  # JSON-able form of the options, for the config hash


def assemble(config: Config) -> list[Stage]:
    stages: list[Stage] = []
    seen: dict[str, ExtractorSpec] = {}
    for spec in config.extractors:
        if not spec.enabled:
            continue
        stage = build_stage(config, spec)
        if stage.name in seen:
            raise config.error(
                f"extractor {stage.name!r} is already in the list "
                f"(item {seen[stage.name].index + 1})",
                "extractors",
                spec.index,
            )
        seen[stage.name] = spec
        stages.append(stage)
    _check_order(config, stages, seen)
    return stages


def build_stage(config: Config, spec: ExtractorSpec) -> Stage:
    where = ("extractors", spec.index)
    try:
        cls = registry.load(spec.use)
    except SitroomError as exc:
        raise config.error(exc.message, *where, "use") from None
    options_cls = getattr(cls, "Options", None)
    options: Any = None
    try:
        if options_cls is None:
            if spec.options:
                first = next(iter(spec.options))
                raise config.error(
                    f"extractor {spec.use!r} takes no options", *where, "options", first, KEY
                )
            instance = cls()
        else:
            options = _build_options(config, spec, options_cls)
            instance = cls(options)
    except ConfigError as exc:
        if exc.line or not exc.file:
            raise  # a mistake inside the named file: its own position says most
        raise _missing_file(config, spec, exc) from None
    except SitroomError as exc:
        raise config.error(f"extractor {spec.use!r}: {exc.message}", *where) from None
    except Exception as exc:  # a plugin's constructor is third-party code
        raise config.error(
            f"extractor {spec.use!r} failed to start: {type(exc).__name__}: {exc}", *where
        ) from exc
    produces = getattr(cls, "produces", None)
    timeout = spec.timeout or float(getattr(cls, "timeout", DEFAULT_TIMEOUT) or DEFAULT_TIMEOUT)
    return Stage(
        name=str(getattr(instance, "name", cls.name)),
        use=spec.use,
        instance=instance,
        version=str(getattr(cls, "version", "0")),
        requires=tuple(getattr(cls, "requires", ()) or ()),
        produces=produces.__name__ if isinstance(produces, type) else produces,
        timeout=timeout,
        options=_jsonable(options),
    )


def _missing_file(config: Config, spec: ExtractorSpec, exc: ConfigError) -> ConfigError:
    """A file named in the options that cannot be read: point at where the config names it."""
    where: tuple[Any, ...] = ("extractors", spec.index, "options")
    shown = exc.file
    for key, value in spec.options.items():
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, str) and item and exc.file.endswith(item):
                where = (*where, key, i) if isinstance(value, list) else (*where, key)
                shown = item
    return config.error(f"extractor {spec.use!r}: {shown}: {exc.reason}", *where)


_MSGSPEC_PATH = re.compile(r" - at `\$(?P<path>[^`]*)`$")


def _build_options(config: Config, spec: ExtractorSpec, options_cls: type[Any]) -> Any:
    import msgspec

    where = ("extractors", spec.index, "options")
    if not dataclasses.is_dataclass(options_cls):
        raise SitroomError(f"{options_cls.__qualname__} must be a dataclass")
    fields = {f.name for f in dataclasses.fields(options_cls)}
    for key in spec.options:
        if key not in fields:
            import difflib

            close = difflib.get_close_matches(str(key), sorted(fields), n=1, cutoff=0.6)
            hint = (
                f" (did you mean {close[0]!r}?)"
                if close
                else (f" (options: {', '.join(sorted(fields))})" if fields else "")
            )
            raise config.error(
                f"extractor {spec.use!r} has no option {key!r}{hint}", *where, key, KEY
            )
    raw = _resolve_paths(config, options_cls, dict(spec.options))
    try:
        return msgspec.convert(raw, options_cls, strict=True, dec_hook=_decode_extra)
    except msgspec.ValidationError as exc:
        message = str(exc)
        match = _MSGSPEC_PATH.search(message)
        path: list[Any] = []
        if match:
            message = message[: match.start()]
            for part in re.findall(r"\.([^.\[]+)|\[(\d+)\]", match.group("path")):
                path.append(part[0] if part[0] else int(part[1]))
        label = f"option {path[0]!r}" if path else "options"
        raise config.error(
            f"extractor {spec.use!r} {label}: {message[0].lower()}{message[1:]}", *where, *path
        ) from None


def _decode_extra(kind: type[Any], value: Any) -> Any:
    """Types msgspec does not build itself; failures become its ValidationErrors."""
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise TypeError(f"expected `{getattr(kind, '__name__', kind)}`, got `{type(value).__name__}`")


def _resolve_paths(config: Config, options_cls: type[Any], raw: dict[str, Any]) -> dict[str, Any]:
    """Relative file paths in options are relative to the config file, not the cwd."""
    if config.is_bundled:
        return raw
    base = Path(config.file).resolve().parent
    try:
        hints = typing.get_type_hints(options_cls)
    except Exception:
        return raw

    def fix(value: Any) -> Any:
        if isinstance(value, str) and value and not Path(value).is_absolute():
            return str(base / value)
        return value

    for name, hint in hints.items():
        if name in raw and "Path" in repr(hint):
            value = raw[name]
            raw[name] = [fix(v) for v in value] if isinstance(value, list) else fix(value)
    return raw


def _check_order(config: Config, stages: list[Stage], specs: dict[str, ExtractorSpec]) -> None:
    position = {stage.name: i for i, stage in enumerate(stages)}
    for i, stage in enumerate(stages):
        for needed in stage.requires:
            if needed in position and position[needed] > i:
                raise config.error(
                    f"extractor {stage.name!r} reads the results of {needed!r}, "
                    f"so {needed!r} must come before it",
                    "extractors",
                    specs[stage.name].index,
                )


def _jsonable(options: Any) -> Any:
    if options is None:
        return None
    import msgspec

    return msgspec.to_builtins(options, str_keys=True, enc_hook=str)


def config_hash(model: str, stages: list[Stage]) -> str:
    """Identifies what an analysis depends on besides the text and the model's version."""
    payload = {
        "model": model,
        "stages": [[s.name, s.use, s.version, s.options] for s in stages],
    }
    blob = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
