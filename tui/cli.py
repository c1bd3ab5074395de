"""The `sitroom` command: the dashboard by default, and headless subcommands.

Only the dashboard imports Textual; `analyze`, `config` and `cache` stay headless and start
fast. Every user mistake ends as one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sitroom.extractors.config import Config
    from sitroom.extractors.pipeline import Pipeline

SUBCOMMANDS = ("analyze", "corpus", "config", "cache")
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitroom")
    except PackageNotFoundError:
        return "unknown"


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"sitroom: {message}", file=sys.stderr)
    return code


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for: reading the installed metadata costs
    several milliseconds that every start of the dashboard would otherwise pay."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"sitroom {_version()}")
        parser.exit()


def _dashboard_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom",
        description="A situation room in the terminal: actors, quotes, timeline and threat "
        "level of news articles.",
        epilog="headless commands:\n"
        "  sitroom analyze PATH... [--format json|jsonl|markdown] [-o FILE]\n"
        "  sitroom corpus PATH... [--format json|csv] [--table actors|speakers|threat]\n"
        "  sitroom config show|schema|path|check\n"
        "  sitroom cache info|clear|path\n"
        "run `sitroom COMMAND --help` for their options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="articles, directories or globs (default: the bundled samples)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="config file (default: $SITROOM_CONFIG, "
        "then the user config, then the bundled default)",
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    parser.add_argument("--version", action=_VersionAction)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom analyze", description="Analyse articles without the dashboard."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="articles, directories or globs")
    parser.add_argument("--format", choices=("json", "jsonl", "markdown"), default="json")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--config", metavar="FILE")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    _add_engine_arguments(parser)
    return parser


def _add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="spaCy processes (default 1); with --engine dask, local Dask workers "
        "(default: one per core)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine (default); dask: tasks on Dask distributed "
        "(install sitroom[dask])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster, e.g. "
        "tcp://10.0.0.5:8786 (default: a local cluster)",
    )


def _corpus_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom corpus",
        description="Analyse articles (or reuse their cached analyses) and print the "
        "cross-article tables: actors, speakers and threat by date.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="articles, directories or globs")
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument(
        "--table",
        choices=("actors", "speakers", "threat"),
        help="print only this table (a plain CSV, or a JSON list)",
    )
    parser.add_argument(
        "--limit", type=int, metavar="N", help="at most N actors and N speakers (default: all)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--config", metavar="FILE")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the cache (the tables come from a throwaway store)",
    )
    _add_engine_arguments(parser)
    return parser


def _config_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitroom config", description="Inspect the config.")
    parser.add_argument("action", choices=("show", "schema", "path", "check"))
    parser.add_argument("--config", metavar="FILE")
    return parser


def _cache_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitroom cache", description="Manage the analysis cache.")
    parser.add_argument("action", choices=("info", "clear", "path"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from sitroom.extractors.errors import SitroomError

    if "--no-cache" in args:
        from sitroom.extractors import yamlcache

        yamlcache.disable()  # leave the cache directory alone altogether
    try:
        if args and args[0] == "analyze":
            return run_analyze(_analyze_parser().parse_args(args[1:]))
        if args and args[0] == "corpus":
            return run_corpus(_corpus_parser().parse_args(args[1:]))
        if args and args[0] == "config":
            return run_config(_config_parser().parse_args(args[1:]))
        if args and args[0] == "cache":
            return run_cache(_cache_parser().parse_args(args[1:]))
        return run_dashboard(_dashboard_parser().parse_args(args))
    except SitroomError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (e.g. `head`) went away; that is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run_dashboard(args: argparse.Namespace) -> int:
    import gc

    # No garbage collection until the first frame is drawn (the app turns it back on):
    # importing Textual and building the screen allocate so many objects that the
    # collections they trigger took a sixth of the time to first paint (35 of 212 ms in
    # benchmarks/bench_startup.py). Nothing before that frame makes cycles worth collecting.
    gc.disable()
    from sitroom.extractors.config import load_config

    config = load_config(args.config)  # a bad config refuses to start, with its message
    from sitroom.tui.app import make_app

    app = make_app(config=config, paths=args.paths, use_cache=not args.no_cache)
    app.run()
    if app.startup_error:  # e.g. an extractor entry that cannot be built, found after start
        return _fail(app.startup_error)
    return int(app.return_code or 0)


def run_cache(args: argparse.Namespace) -> int:
    from sitroom.extractors.cache import AnalysisCache, default_path

    if args.action == "path":
        print(default_path())
        return 0
    cache = AnalysisCache.open()
    if args.action == "clear":
        cache.clear()
    info = cache.info()
    print(
        f"{info.path}: {info.articles} articles, {info.analyses} analyses, "
        f"{info.bytes / 1_048_576:.1f} MB"
    )
    if info.warning:
        print(f"sitroom: warning: {info.warning}", file=sys.stderr)
    return 0


def run_config(args: argparse.Namespace) -> int:
    from sitroom.extractors import config as config_module

    if args.action == "path":
        print(config_module.find_config(args.config))
        return 0
    if args.action == "schema":
        import json

        from sitroom.extractors.schema import config_schema

        print(json.dumps(config_schema(), indent=2))
        return 0
    config = config_module.load_config(args.config)
    if args.action == "check":
        from sitroom.extractors.assemble import assemble

        stages = assemble(config)
        print(f"{config.file}: ok ({', '.join(s.name for s in stages) or 'no extractors'})")
        return 0
    from sitroom.extractors.schema import effective_config_yaml

    print(effective_config_yaml(config), end="")
    return 0


def run_analyze(args: argparse.Namespace) -> int:
    from sitroom.extractors.atomic import open_output
    from sitroom.extractors.batch import BatchStats, analyse_paths
    from sitroom.extractors.config import load_config
    from sitroom.extractors.errors import ArticleError
    from sitroom.extractors.export import to_markdown, to_record

    problem = _engine_problem(args)
    if problem:
        return _fail(problem)
    config = load_config(args.config)

    def report(error: ArticleError) -> None:
        print(f"sitroom: {error}", file=sys.stderr)

    stats = BatchStats()
    cache = None
    if config.cache and not args.no_cache:
        from sitroom.extractors.cache import AnalysisCache

        cache = AnalysisCache.open()
        if cache.warning:
            print(f"sitroom: warning: {cache.warning}", file=sys.stderr)
    with open_output(args.output, force=args.force) as out, _engine(args, config) as pipeline:
        results = analyse_paths(
            args.paths,
            pipeline,
            on_error=report,
            cache=cache,
            stats=stats,
            n_process=args.workers or 1,
        )
        _write(out, args.format, ((to_record(a, r), a, r) for a, r in results), to_markdown)
    if stats.loaded == 0 and stats.failed == 0:
        return _fail("no articles found in the given paths", EXIT_INPUT_FAILED)
    return EXIT_INPUT_FAILED if stats.failed else 0


def run_corpus(args: argparse.Namespace) -> int:
    import contextlib
    import tempfile
    from pathlib import Path

    from sitroom.extractors.atomic import open_output
    from sitroom.extractors.batch import BatchStats
    from sitroom.extractors.cache import AnalysisCache
    from sitroom.extractors.config import load_config
    from sitroom.extractors.corpus import Corpus
    from sitroom.extractors.corpus.build import store_paths
    from sitroom.extractors.corpus.tables import TABLES, build_tables, write_csv, write_json
    from sitroom.extractors.errors import ArticleError

    problem = _engine_problem(args)
    if problem:
        return _fail(problem)
    if args.limit is not None and args.limit < 1:
        return _fail("--limit must be at least 1")
    config = load_config(args.config)

    def report(error: ArticleError) -> None:
        print(f"sitroom: {error}", file=sys.stderr)

    stats = BatchStats()
    with contextlib.ExitStack() as stack:
        cache = None
        if config.cache and not args.no_cache:
            cache = AnalysisCache.open()
            if cache.warning:
                print(f"sitroom: warning: {cache.warning}", file=sys.stderr)
        if cache is None or not cache.enabled:
            # the tables are SQL over a store: without the cache, a throwaway one
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="sitroom-corpus-"))
            cache = AnalysisCache.open(Path(folder) / "corpus.sqlite3")
        stack.callback(cache.close)
        out = stack.enter_context(open_output(args.output, force=args.force))
        pipeline = stack.enter_context(_engine(args, config))
        ids = store_paths(
            args.paths,
            pipeline,
            cache,
            on_error=report,
            stats=stats,
            n_process=args.workers or 1,
        )
        corpus = Corpus(cache, pipeline.cache_key)
        stored = corpus.article_count(ids)
        if stored < len(ids):
            print(
                f"sitroom: warning: {len(ids) - stored} of {len(ids)} articles could not be "
                f"stored ({cache.warning or 'the store is unusable'}); the tables leave them out",
                file=sys.stderr,
            )
        tables = build_tables(corpus, ids, [args.table] if args.table else TABLES, args.limit)
        if args.format == "csv":
            write_csv(out, tables)
        else:
            write_json(out, stored, tables)
    if stats.loaded == 0 and stats.failed == 0:
        return _fail("no articles found in the given paths", EXIT_INPUT_FAILED)
    return EXIT_INPUT_FAILED if stats.failed else 0


def _engine_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the --workers/--engine/--scheduler combination, if anything."""
    if args.workers is not None and args.workers < 1:
        return "--workers must be at least 1"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if args.scheduler and args.workers is not None:
        return "--workers sizes a local cluster; the one at --scheduler has its own workers"
    return None


@contextlib.contextmanager
def _engine(args: argparse.Namespace, config: Config) -> Iterator[Pipeline]:
    """The pipeline that runs the analyses: here, or as tasks on Dask."""
    from sitroom.extractors.errors import SitroomError
    from sitroom.extractors.pipeline import Pipeline

    if args.engine != "dask":
        pipeline = Pipeline(config)
        try:
            yield pipeline
        finally:
            pipeline.close()
        return
    try:
        from sitroom.extractors.distributed import dask_pipeline
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
            raise
        raise SitroomError(
            "--engine dask needs Dask, which is not installed: pip install 'sitroom[dask]'"
        ) from None
    with dask_pipeline(config, scheduler=args.scheduler, workers=args.workers) as pipeline:
        yield pipeline


def _write(out: TextIO, fmt: str, items, to_markdown) -> None:  # type: ignore[no-untyped-def]
    import json

    first = True
    if fmt == "json":
        out.write("[")
    for record, article, analysis in items:
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        elif fmt == "json":
            out.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
        else:
            out.write(("" if first else "\n---\n\n") + to_markdown(article, analysis))
        first = False
    if fmt == "json":
        out.write("\n]\n" if not first else "]\n")
