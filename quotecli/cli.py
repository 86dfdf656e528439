"""The command line: thin commands over the library (extract, eval, index, who, grep, ...).

Heavy modules are imported inside the commands, so `quotecli --help` and quick queries start
fast. Every error is one line on stderr and an exit code from status.py, never a traceback.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable

import click

from . import __version__
from .output import output_options
from .status import ExitStatus

QUOTE_COLUMNS = ["doc", "speaker", "text"]
EXPLAIN_COLUMNS = ["doc", "speaker", "mention", "cue", "rule", "confidence", "text"]


class Errors:
    """Counts input errors and prints each as one line on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        click.echo(f"quotecli: error: {message}", err=True)


def _finish(printed: int, errors: Errors | None = None) -> None:
    if errors is not None and errors.count:
        sys.exit(ExitStatus.ERROR)
    sys.exit(ExitStatus.OK if printed else ExitStatus.NO_RESULTS)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotecli")
def main() -> None:
    """Find quotations in text, say who said them, and search them.

    \b
    quotecli extract article.txt            quotes and speakers of one file
    quotecli index ~/news/                  build the per-speaker index
    quotecli who Blinken                    everything Blinken said
    quotecli grep ceasefire --jsonl | jq .  search quote text
    """


def db_option(fn):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="QUOTECLI_DB",
                        help="Index file (default: $QUOTECLI_DB, else quotecli.db in the user data folder).")(fn)


# -- extract ---------------------------------------------------------------------------
def _extract_rows(paths, input_format, encoding, show_all, ptb, errors: Errors) -> Iterable[dict]:
    from .extract import extract
    from .readers import read_documents

    for doc in read_documents(paths, input_format=input_format, encoding=encoding, on_error=errors):
        try:
            quotes = extract(doc.text, doc.doc_id, show_all=show_all, ptb_quotes=ptb)
        except Exception as exc:  # a bug must not stop the other documents
            errors(f"{doc.doc_id}: extraction failed ({type(exc).__name__}: {exc})")
            continue
        for q in quotes:
            yield q.to_dict()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: each file is a document; jsonl: one {doc_id, text} object a line.")
@click.option("--encoding", help="Decode text files with this encoding (default: BOM, else UTF-8).")
@click.option("--all", "show_all", is_flag=True, help="Also print spans nobody is credited with (scare quotes, titles).")
@click.option("--ptb-quotes", is_flag=True, help="Read ``…'' and ''…'' as quotation marks.")
@click.option("--explain", is_flag=True, help="Table shows mention, cue, rule and confidence.")
@output_options
def extract(paths, input_format, encoding, show_all, ptb_quotes, explain, fmt):
    """Print the quotations in PATHS with their speakers.

    PATHS are files, folders (read recursively) or - for standard input.

    \b
    Examples:
      quotecli extract examples/cnn-blinken-israel.txt --explain
      quotecli extract ../shared/gold/seed.gold.jsonl --input-format jsonl --jsonl
      cat article.txt | quotecli extract - --json
    """
    from .output import render

    errors = Errors()
    rows = _extract_rows(paths, input_format, encoding, show_all, ptb_quotes, errors)
    n = render(rows, fmt, columns=EXPLAIN_COLUMNS if explain else QUOTE_COLUMNS)
    _finish(n, errors)


# -- eval --------------------------------------------------------------------------------
@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--pred", type=click.Path(dir_okay=False), help="Score this prediction file instead of extracting.")
@click.option("--errors", "show_errors", is_flag=True, help="List misses and wrong speakers by kind, with context.")
@click.option("--per-kind", default=10, show_default=True, help="Examples shown for each error kind.")
@click.option("--ptb-quotes", is_flag=True, help="Read ``…'' and ''…'' as quotation marks.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: figures, per-rule table, error counts.")
def eval_(gold, pred, show_errors, per_kind, ptb_quotes, as_json):
    """Score quotecli (or --pred) on a gold file: quote P/R/F1, speaker accuracy, end-to-end F1.

    The figures are those of ../shared/tools/score_quotes.py on the same files.

    \b
    Examples:
      quotecli eval ../shared/gold/seed.gold.jsonl
      quotecli eval ../shared/gold/polnear.dev.jsonl --errors --per-kind 5
      quotecli eval gold.jsonl --pred predictions.jsonl --json
    """
    import json

    from .evaluate import GoldError, evaluate, format_errors, format_rules, format_summary

    try:
        report = evaluate(gold, pred, ptb_quotes=ptb_quotes)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        out = dict(report.summary, per_rule=report.per_rule, error_kinds=dict(report.kinds()))
        if show_errors:
            out["errors"] = [e.to_dict() for e in report.errors]
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    click.echo(format_summary(report.summary))
    click.echo("")
    click.echo(format_rules(report.per_rule))
    if show_errors:
        click.echo("")
        click.echo(format_errors(report, per_kind))


def run() -> None:
    """Console entry point: quiet on a closed pipe (`| head`), one line on any failure."""
    try:
        main(standalone_mode=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitStatus.OK)
    except KeyboardInterrupt:
        click.echo("quotecli: interrupted", err=True)
        sys.exit(130)
