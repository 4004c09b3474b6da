"""The `summarizer` command: a thin client of the library.

    summarizer summarize FILE|- [--format text|json|markdown|html] [--model M --base-url URL]
    summarizer eval DIR [--report FILE]
    summarizer serve [--port N]

Each subcommand parses, builds a `Config`, calls the public API and renders; a `SummarizerError` is printed as
one line `error: <message>` with exit status 1 (2 for usage errors, as argparse does).
"""

from __future__ import annotations

import argparse
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


def _config(args: argparse.Namespace) -> Config:
    return Config.from_env(model=args.model, base_url=args.base_url, dialect=args.dialect, n_ctx=args.n_ctx)


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
    report = report.model_copy(update={"model": summarizer._model_label(), "command": " ".join(sys.argv)})
    print(format_table(report.articles, report.overall))
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(report.to_json())
        print(f"report written to {args.report}", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from summarizer._modelfile import assemble_model
    from summarizer._server import EmbeddedServer

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

    serve = commands.add_parser("serve", help="run the embedded model server for other programs")
    serve.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    _backend_options(serve)
    serve.set_defaults(run=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
