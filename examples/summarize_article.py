"""Summarize one article file and print it readably, or as JSON / Markdown.

    python examples/summarize_article.py examples/us_strikes_iraq_syria.txt [--json | --markdown]

With no other settings this uses the embedded model (no key, no network); set OPENAI_API_KEY and
SUMMARIZER_MODEL=gpt-4o-mini for OpenAI, or OPENAI_BASE_URL for any OpenAI-compatible server.
"""

import sys
from pathlib import Path

from summarizer import Summarizer, SummarizerError


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    path = Path(sys.argv[1])
    try:
        with Summarizer() as summarizer:
            result = summarizer.summarize(path.read_text(encoding="utf-8"), title=path.stem)
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if "--json" in sys.argv:
        print(result.model_dump_json(indent=2))
    else:
        print(result.to_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
