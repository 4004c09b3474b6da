"""The `summarizer` command: a thin client of the library.

    summarizer summarize FILE|- [--format text|json|markdown|html] [--model M --base-url URL]
    summarizer batch [IN ...] [-o OUT] [--concurrency N] [--processes N] [--resume] [--no-cache]
    summarizer eval DIR [--report FILE]
    summarizer serve [--port N]

Each subcommand parses, builds a `Config`, calls the public API and renders; a `SummarizerError` is printed as
one line `error: <message>` with exit status 1 (2 for usage errors, as argparse does).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer._config import Config
from summarizer.errors import SummarizerError


def _backend_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="model name (default: the embedded model; e.g. gpt-4o-mini for OpenAI)")
    parser.add_argument("--base-url", help="any OpenAI-compatible server, e.g. http://localhost:11434/v1")
    parser.add_argument("--dialect", choices=["json_schema", "llama_cpp"],
                        help="how the server takes a JSON schema (llama_cpp for a llama.cpp server)")
    parser.add_argument("--n-ctx", type=int, help="context size of the embedded model (default 4096)")
    parser.add_argument("--strategy", choices=["passes", "single"],
                        help="one request per question (passes) or one for all (single); default per backend")


def _config(args: argparse.Namespace) -> Config:
    return Config.from_env(model=args.model, base_url=args.base_url, dialect=args.dialect, n_ctx=args.n_ctx,
                           strategy=args.strategy)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        from summarizer.errors import InputError

        raise InputError(f"cannot read {path}: {exc.strerror}; check the path") from exc


def _summarize(args: argparse.Namespace) -> int:
    from summarizer._client import Summarizer
    from summarizer._render import render_markdown, render_terminal

    raw = _read(args.file)
    with Summarizer(config=_config(args)) as summarizer:
        result = summarizer.summarize(raw, title=args.title)
    if args.format == "json":
        print(result.model_dump_json(indent=2))
    elif args.format == "markdown":
        print(render_markdown(result))
    elif args.format == "html":
        print(result.to_html(raw.decode("utf-8"), title=args.title or Path(args.file).stem))
    else:
        render_terminal(result)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from summarizer._client import Summarizer
    from summarizer._eval import evaluate, format_table

    with Summarizer(config=_config(args)) as summarizer:
        report = evaluate(Path(args.directory), lambda text, name: summarizer.summarize(text))
    report = report.model_copy(update={"model": summarizer._model_label(), "command": " ".join(sys.argv),
                                       "strategy": summarizer.config.chosen_strategy})
    print(format_table(report.articles, report.overall))
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(report.to_json())
        print(f"report written to {args.report}", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from summarizer._batch import summarize_many
    from summarizer._batch_io import BatchOutput, count_items, progress_bar, read_items
    from summarizer._cache import ResultCache
    from summarizer._cost import BatchTally

    config = _config(args)
    config = replace(config, prices=",".join(args.price) if args.price else config.prices,
                     cache_path=Path(args.cache) if args.cache else config.cache_path)
    sources = args.inputs or ["-"]
    items = read_items(sources, id_field=args.id_field, text_field=args.text_field, title_field=args.title_field)
    tally, tty = BatchTally(), sys.stderr.isatty()
    cache: ResultCache | None = None
    try:
        with BatchOutput(args.output, resume=args.resume) as output:
            cache = None if args.no_cache else ResultCache(config.cache_path)
            total = count_items(sources) if tty else None
            with progress_bar(None if total is None else total - len(output.done), enabled=tty) as advance:
                for result in summarize_many(output.pending(items, tally), summarizer=config, cache=cache,
                                             concurrency=args.concurrency, ordered=not args.as_completed,
                                             processes=args.processes):
                    output.write(result)
                    tally.add(result)
                    advance(tally)
    except KeyboardInterrupt:
        print(f"interrupted ({tally.summary()}); run again with --resume to continue", file=sys.stderr)
        return 130
    finally:
        if cache is not None:
            cache.close()
    print(tally.summary(), file=sys.stderr)
    if tally.cost_usd is None:
        print(f"note: no price known for model {config.model_name!r}; pass --price {config.model_name}=IN/OUT "
              "(dollars per million tokens)", file=sys.stderr)
    return 1 if tally.failed else 0


def _serve(args: argparse.Namespace) -> int:
    import signal

    from summarizer._modelfile import assemble_model
    from summarizer._server import EmbeddedServer

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # leave the with-block, which stops the server

    signal.signal(signal.SIGTERM, stop)
    config = _config(args)
    with EmbeddedServer(config.model_path or assemble_model(), n_ctx=config.n_ctx, n_threads=config.n_threads,
                        port=args.port) as server:
        print(f"serving the embedded model at {server.base_url} (OpenAI-compatible; "
              "use --dialect llama_cpp); Ctrl-C stops it", flush=True)
        try:
            server.wait()
        except KeyboardInterrupt:
            pass
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log each model call (tokens, latency)")
    commands = parser.add_subparsers(dest="command", required=True)

    summarize = commands.add_parser("summarize", help="summarize one article (a file, or - for stdin)")
    summarize.add_argument("file")
    summarize.add_argument("--title")
    summarize.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    _backend_options(summarize)
    summarize.set_defaults(run=_summarize)

    evaluation = commands.add_parser("eval", help="score against NAME.txt + NAME.gold.json files in DIR")
    evaluation.add_argument("directory")
    evaluation.add_argument("--report", help="write the full report as JSON to this file")
    _backend_options(evaluation)
    evaluation.set_defaults(run=_eval)

    batch = commands.add_parser("batch", help="summarize many articles: JSON Lines, .txt files or directories "
                                "in, one JSON line per article out; exit 1 if any failed")
    batch.add_argument("inputs", nargs="*", metavar="IN",
                       help="JSON Lines file (records with an id and a text), .txt file or directory; - is stdin")
    batch.add_argument("-o", "--output", metavar="OUT", help="JSON Lines file for the results (default: stdout)")
    batch.add_argument("--concurrency", type=int, default=8, help="model requests in flight at once (default 8)")
    batch.add_argument("--processes", type=int, default=1,
                       help="client processes sharing the concurrency, when the client's CPU is the bound (default 1)")
    batch.add_argument("--resume", action="store_true", help="skip ids with a result in OUT; run the rest, failed ones included")
    batch.add_argument("--as-completed", action="store_true", help="write results as they finish, not in input order")
    batch.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    batch.add_argument("--cache", metavar="PATH", help="result cache file (default: in the user cache directory)")
    batch.add_argument("--price", action="append", metavar="MODEL=IN/OUT",
                       help="dollars per million input/output tokens, e.g. gpt-4o-mini=0.15/0.60 (repeatable)")
    batch.add_argument("--id-field", default="id", help="name of the id field in the input records (default id)")
    batch.add_argument("--text-field", default="text", help="name of the article field (default text)")
    batch.add_argument("--title-field", default="title", help="name of the optional title field (default title)")
    _backend_options(batch)
    batch.set_defaults(run=_batch)

    serve = commands.add_parser("serve", help="run the embedded model server for other programs")
    serve.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    _backend_options(serve)
    serve.set_defaults(run=_serve)
    return parser


_QUIET = logging.NullHandler()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    else:  # a pass whose re-asks fail is reported in the result's `rejected`, not in instructor's error log
        logging.getLogger("instructor").addHandler(_QUIET)  # once: a logger keeps a handler it has only once
    try:
        return int(args.run(args))
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`summarizer batch | head`): stop quietly, as Unix tools do
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # nothing more may be flushed to the closed pipe
        return 141
