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


class Fail(click.ClickException):
    """A failure explained in one line; exit code 2 like every other error."""

    exit_code = ExitStatus.ERROR

    def show(self, file=None) -> None:
        click.echo(f"quotecli: error: {self.format_message()}", err=True)


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


class Group(click.Group):
    """Turns database errors, and any unexpected failure, raised anywhere in a command into
    one line and exit code 2."""

    def invoke(self, ctx):
        import sqlite3

        from .db import DatabaseError

        try:
            return super().invoke(ctx)
        except DatabaseError as exc:
            raise Fail(str(exc)) from None
        except sqlite3.Error as exc:
            raise Fail(f"database error: {exc} (is the index file damaged or locked?)") from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError):
            raise  # click's own handling: usage errors, exit codes, Ctrl-C, a closed pipe
        except Exception as exc:
            # a bug, not bad input: still one line, never a traceback (QUOTECLI_DEBUG=1 shows it)
            if os.environ.get("QUOTECLI_DEBUG"):
                raise
            raise Fail(f"internal error: {type(exc).__name__}: {exc} (set QUOTECLI_DEBUG=1 for the traceback)") from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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
def _extract_rows(paths, input_format, encoding, show_all, ptb, errors: Errors, jobs: int) -> Iterable[dict]:
    from .parallel import extract_many
    from .readers import read_documents

    docs = read_documents(paths, input_format=input_format, encoding=encoding, on_error=errors)
    for doc, quotes in extract_many(docs, jobs, show_all=show_all, ptb_quotes=ptb):
        if isinstance(quotes, str):  # a bug must not stop the other documents
            errors(f"{doc.doc_id}: extraction failed ({quotes})")
            continue
        for q in quotes:
            yield q.to_dict()


def jobs_option(fn):
    return click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
                        help="Worker processes for extraction (default: the number of cores).")(fn)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: each file is a document; jsonl: one {doc_id, text} object a line.")
@click.option("--encoding", help="Decode text files with this encoding (default: BOM, else UTF-8).")
@click.option("--all", "show_all", is_flag=True, help="Also print spans nobody is credited with (scare quotes, titles).")
@click.option("--ptb-quotes", is_flag=True, help="Read ``…'' and ''…'' as quotation marks.")
@click.option("--explain", is_flag=True, help="Table shows mention, cue, rule and confidence.")
@jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run on a Dask cluster (pip install 'quotecli[dask]') and write --output.")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="With --engine dask: folder for the partitioned JSON Lines (part-00000.jsonl, ...).")
@click.option("--scheduler", help="With --engine dask: a dask.distributed scheduler address (default: local processes).")
@output_options
def extract(paths, input_format, encoding, show_all, ptb_quotes, explain, jobs, engine, output_dir, scheduler, fmt):
    """Print the quotations in PATHS with their speakers.

    PATHS are files, folders (read recursively) or - for standard input.

    \b
    Examples:
      quotecli extract examples/cnn-blinken-israel.txt --explain
      quotecli extract ../shared/gold/seed.gold.jsonl --input-format jsonl --jsonl
      cat article.txt | quotecli extract - --json
    """
    from .output import render

    from .parallel import default_jobs

    if engine == "dask":
        _extract_dask(paths, input_format, show_all, ptb_quotes, output_dir, scheduler)
        return
    errors = Errors()
    rows = _extract_rows(paths, input_format, encoding, show_all, ptb_quotes, errors, jobs or default_jobs())
    n = render(rows, fmt, columns=EXPLAIN_COLUMNS if explain else QUOTE_COLUMNS)
    _finish(n, errors)


def _extract_dask(paths, input_format, show_all, ptb_quotes, output_dir, scheduler) -> None:
    if not output_dir:
        raise Fail("--engine dask writes files: give --output FOLDER")
    if "-" in paths:
        raise Fail("--engine dask reads files, not standard input")
    import importlib.util

    from .distributed import dask_extract

    if importlib.util.find_spec("dask") is None:
        raise Fail("Dask is not installed; pip install 'quotecli[dask]'")
    files = dask_extract(list(paths), output_dir, input_format=input_format, scheduler=scheduler,
                         show_all=show_all, ptb_quotes=ptb_quotes)
    click.echo(f"wrote {len(files)} partitions to {output_dir}", err=True)


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
        raise Fail(str(exc)) from None
    for w in report.warnings:
        click.echo(f"quotecli: warning: {w}", err=True)
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


# -- the index ---------------------------------------------------------------------------
def _db_path(db_path: str | None):
    from pathlib import Path

    from .db import default_path

    return Path(db_path) if db_path else default_path()


def _open(db_path: str | None, *, create: bool = False):
    from .db import DatabaseError, connect

    path = _db_path(db_path)
    try:
        return connect(path, create=create, readonly=not create)
    except DatabaseError as exc:
        raise Fail(str(exc)) from None


class Progress:
    """Files, MB/s and ETA on stderr, only when stderr is a terminal."""

    def __init__(self, total_bytes: int | None, enabled: bool):
        import time

        self.enabled = enabled and sys.stderr.isatty()
        self.total = total_bytes
        self.t0 = self.last = time.monotonic()
        self.docs = 0
        self.bytes = 0

    def update(self, nbytes: int) -> None:
        import time

        self.docs += 1
        self.bytes += nbytes
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        rate = self.bytes / max(now - self.t0, 1e-6) / 1e6
        eta = ""
        if self.total and rate > 0:
            eta = f", ETA {max(0.0, (self.total - self.bytes) / 1e6 / rate):.0f}s"
        sys.stderr.write(f"\r{self.docs} documents, {self.bytes / 1e6:.1f} MB, {rate:.2f} MB/s{eta}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 70 + "\r")
            sys.stderr.flush()


def _total_bytes(paths) -> int | None:
    total = 0
    for p in paths:
        if p == "-":
            return None
        if os.path.isfile(p):
            total += os.path.getsize(p)
        elif os.path.isdir(p):
            for dirpath, _dirs, files in os.walk(p):
                total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files
                             if os.path.isfile(os.path.join(dirpath, f)))
    return total


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--input-format", type=click.Choice(["text", "jsonl", "records"]), default="text", show_default=True,
              help="text: each file is a document; jsonl: one {doc_id, text} object a line; records: quote "
                   "records already extracted (extract --jsonl, --engine dask), loaded as they are.")
@click.option("--encoding", help="Decode text files with this encoding (default: BOM, else UTF-8).")
@click.option("--ptb-quotes", is_flag=True, help="Read ``…'' and ''…'' as quotation marks.")
@click.option("--silent", is_flag=True, help="No progress bar and no summary.")
@jobs_option
def index(paths, db_path, input_format, encoding, ptb_quotes, silent, jobs):
    """Extract quotes from PATHS and store them in the index (incrementally).

    Unchanged documents are skipped, changed ones replaced. Documents are committed in batches
    of about a second's work, each document whole or not at all, so an interrupted run keeps
    everything committed so far and the next run resumes from there.

    \b
    Examples:
      quotecli index examples/
      quotecli index ~/news/ --db news.db
      quotecli index corpus.jsonl --input-format jsonl
    """
    import sqlite3
    from collections import Counter

    from .index import BatchWriter, Indexer, IndexSummary
    from .parallel import default_jobs, extract_many
    from .readers import read_documents

    conn = _open(db_path, create=True)
    errors = Errors()
    ix = Indexer(conn)
    summary = IndexSummary()
    show = not silent and sys.stderr.isatty()
    progress = Progress(_total_bytes(paths) if show else None, show)  # the tree is walked twice only for an ETA
    digests: dict[int, str] = {}  # by document object: one id may come twice in one run
    in_flight: Counter = Counter()  # ids passed on to extraction and not yet committed

    def todo():
        """Documents to extract; unchanged ones are counted and skipped before any work (unless
        an earlier copy of the same id is still on its way: the writer decides in order)."""
        for doc in read_documents(paths, input_format=input_format, encoding=encoding, on_error=errors):
            state, digests[id(doc)] = ix.status(doc.doc_id, doc.text)
            if state == "unchanged" and not in_flight[doc.doc_id]:
                summary.unchanged += 1
                progress.update(len(doc.text))
                continue
            in_flight[doc.doc_id] += 1
            yield doc

    def landed(doc_id):
        if in_flight[doc_id] > 1:
            in_flight[doc_id] -= 1
        else:
            in_flight.pop(doc_id, None)

    def done(item, result):
        """A document of a committed batch: only now is it counted."""
        doc_id, text, quotes, _digest = item
        landed(doc_id)
        if isinstance(result, Exception):
            summary.failed += 1
            errors(f"{doc_id}: not indexed ({type(result).__name__}: {result})")
        else:
            if result != "unchanged":
                summary.quotes_added += len(quotes)
            setattr(summary, result, getattr(summary, result) + 1)
        progress.update(len(text))

    writer = BatchWriter(ix, done)

    def stopped(exc):
        progress.close()
        where = f" at {ix.current_doc}" if ix.current_doc is not None else ""
        return Fail(f"{_db_path(db_path)}: {exc}; stopped{where} with "
                    f"{summary.new + summary.changed} documents committed")

    if input_format == "records":
        pairs = _from_records(paths, errors)
    else:
        pairs = ((d, q, digests.pop(id(d), None))
                 for d, q in extract_many(todo(), jobs or default_jobs(), ptb_quotes=ptb_quotes))
    try:
        try:
            for doc, quotes, digest in pairs:
                if isinstance(quotes, str):  # extraction failed: nothing to write
                    landed(doc.doc_id)
                    summary.failed += 1
                    errors(f"{doc.doc_id}: not indexed (RuntimeError: {quotes})")
                    progress.update(len(doc.text))
                    continue
                writer.put(doc.doc_id, doc.text, quotes, digest)
            writer.flush()
        except KeyboardInterrupt:
            # the documents extracted but not yet written are whole: keep them
            # (an interrupt waits for the batch being written to commit)
            writer.flush()
            raise
    except sqlite3.Error as exc:
        # the database itself is the problem (locked, full, damaged): stop, keep what is committed
        raise stopped(exc) from None
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"quotecli: interrupted; {summary.new + summary.changed} documents committed, "
                   "run the same command again to resume", err=True)
        sys.exit(130)
    finally:
        progress.close()
        conn.close()
    summary.failed = max(summary.failed, errors.count)  # unreadable inputs count as failed too
    if not silent:
        click.echo(f"indexed: {summary.line()} ({_db_path(db_path)})", err=True)
    sys.exit(ExitStatus.ERROR if errors.count else ExitStatus.OK)


@main.group()
def db():
    """The index file itself."""


@db.command(name="path")
@db_option
def db_path_cmd(db_path):
    """Print where the index is (QUOTECLI_DB, --db or the user data folder).

    \b
    Example:
      quotecli db path
    """
    click.echo(str(_db_path(db_path)))


def _from_records(paths, errors):
    """(document, quotes, digest) from quote records; the text itself is not in the records."""
    from .model import Quote
    from .readers import Document, read_records

    for doc_id, recs, digest in read_records(paths, errors):
        quotes = [Quote(doc_id, int(r["start"]), int(r["end"]), r["text"], r.get("speaker"), r.get("mention"),
                        r.get("cue"), r["rule"], float(r.get("confidence", 0.0)), r.get("mention_start"),
                        r.get("mention_end"), r.get("resolution")) for r in recs]
        yield Document(doc_id, ""), quotes, digest


def _pick_speakers(conn, name: str, min_score: float, pick: int | None, speaker_id: int | None) -> list[int]:
    """Speaker ids for NAME; says on stderr which were included and which else matched."""
    from .query import match_speakers

    if speaker_id is not None:
        row = conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
        if row is None:
            raise Fail(f"no speaker with id {speaker_id}; see 'quotecli speakers'")
        return [speaker_id]
    matches = match_speakers(conn, name, min_score)
    if not matches:
        return []
    if pick is not None:
        if not 1 <= pick <= len(matches):
            raise Fail(f"--pick {pick}: only {len(matches)} speakers match {name!r}")
        chosen = [matches[pick - 1]]
    else:
        best = matches[0].score
        # the close matches, most quoted first, at most five; the rest are offered
        chosen = sorted((m for m in matches if m.score >= best - 5), key=lambda m: -m.quotes)[:5]
    others = [m for m in matches if m not in chosen]
    if len(chosen) > 1 or others:
        click.echo("included: " + "; ".join(f"{m.name} (id {m.speaker_id}, {m.quotes} quotes, score {m.score:g})"
                                            for m in chosen), err=True)
        if others:
            listed = "; ".join(f"{i}. {m.name} (id {m.speaker_id}, {m.quotes} quotes, score {m.score:g})"
                               for i, m in enumerate(matches, 1) if m in others[:8])
            click.echo(f"also matching: {listed}; choose with --pick N or --speaker-id ID", err=True)
    return [m.speaker_id for m in chosen]


def _query_errors(fn):
    """Run a query generator, turning QueryError into a one-line failure."""
    from .query import QueryError

    try:
        yield from fn
    except QueryError as exc:
        raise Fail(str(exc)) from None


@main.command()
@click.argument("name")
@db_option
@click.option("--min-score", default=80.0, show_default=True, help="Lowest fuzzy score (0-100) a name may match with.")
@click.option("--limit", type=int, help="At most this many quotes.")
@click.option("--doc", help="Only quotes from this document id.")
@click.option("--grep", "pattern", help="Only quotes whose text matches this regular expression (case-insensitive).")
@click.option("--pick", type=int, help="Of several matching speakers, take the Nth listed.")
@click.option("--speaker-id", type=int, help="Exactly this speaker (ids are in 'quotecli speakers').")
@click.option("--explain", is_flag=True, help="Table shows mention, cue, rule and confidence.")
@output_options
def who(name, db_path, min_score, limit, doc, pattern, pick, speaker_id, explain, fmt):
    """Quotes by the speaker(s) NAME matches: typos, surname or first name only, any case,
    accents and word order all work.

    \b
    Examples:
      quotecli who Blinken
      quotecli who "antony blinkin" --grep ceasefire
      quotecli who netanyahu --jsonl | jq -r .text
    """
    from .output import render
    from .query import quotes_by_speakers

    conn = _open(db_path)
    ids = _pick_speakers(conn, name, min_score, pick, speaker_id)
    if not ids:
        click.echo(f"quotecli: no speaker matches {name!r}", err=True)
        sys.exit(ExitStatus.NO_RESULTS)
    rows = _query_errors(quotes_by_speakers(conn, ids, doc=doc, pattern=pattern, limit=limit))
    n = render(rows, fmt, columns=EXPLAIN_COLUMNS if explain else QUOTE_COLUMNS)
    _finish(n)


def _highlight(rows, pattern: str, use_regex: bool, ignore_case: bool):
    import regex

    from .query import fts_query

    if use_regex:
        rx = regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    else:
        words = [w.strip('"').replace('""', '"') for w in fts_query(pattern).split()]
        if not words:
            yield from rows
            return
        rx = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b", regex.IGNORECASE)
    for r in rows:
        r = dict(r)
        r["text"] = rx.sub(lambda m: click.style(m.group(), fg="red", bold=True), r["text"], timeout=1.0)
        yield r


@main.command()
@click.argument("pattern")
@db_option
@click.option("-e", "--regex", "use_regex", is_flag=True, help="PATTERN is a regular expression (else: words, ranked).")
@click.option("-i", "--ignore-case", is_flag=True, help="Case-insensitive regular expression (words always are).")
@click.option("--speaker", help="Only quotes by the speaker(s) this name matches (fuzzy, as in 'who').")
@click.option("--limit", type=int, help="At most this many quotes.")
@click.option("--explain", is_flag=True, help="Table shows mention, cue, rule and confidence.")
@output_options
def grep(pattern, db_path, use_regex, ignore_case, speaker, limit, explain, fmt):
    """Quotes whose text matches PATTERN: words through full-text search (best first), or a
    regular expression with -e.

    \b
    Examples:
      quotecli grep ceasefire
      quotecli grep "hostage deal" --speaker Blinken --json
      quotecli grep -e -i "\\bcease-?fire\\b"
    """
    from .output import render
    from .query import grep as grep_quotes

    conn = _open(db_path)
    ids = None
    if speaker:
        ids = _pick_speakers(conn, speaker, 80.0, None, None)
        if not ids:
            click.echo(f"quotecli: no speaker matches {speaker!r}", err=True)
            sys.exit(ExitStatus.NO_RESULTS)
    rows = _query_errors(grep_quotes(conn, pattern, use_regex=use_regex, ignore_case=ignore_case,
                                     speaker_ids=ids, limit=limit))
    if fmt == "table" and sys.stdout.isatty():
        rows = _highlight(rows, pattern, use_regex, ignore_case)
    n = render(rows, fmt, columns=EXPLAIN_COLUMNS if explain else QUOTE_COLUMNS)
    _finish(n)


@main.command()
@db_option
@click.option("--min", "min_quotes", default=1, show_default=True, help="Only speakers with at least N quotes.")
@click.option("--match", help="Only speakers this name matches (fuzzy).")
@click.option("--limit", type=int, help="At most this many speakers.")
@output_options
def speakers(db_path, min_quotes, match, limit, fmt):
    """Speakers with their quote counts and aliases, most quoted first.

    \b
    Examples:
      quotecli speakers --min 5
      quotecli speakers --match herzog --json
    """
    from .output import render
    from .query import speakers as list_speakers

    conn = _open(db_path)
    rows = list_speakers(conn, min_quotes=min_quotes, match=match, limit=limit)
    n = render(rows, fmt, columns=["speaker_id", "speaker", "quotes", "aliases"], wide="aliases")
    _finish(n)


@main.command()
@click.argument("quote_id")
@db_option
@output_options
def show(quote_id, db_path, fmt):
    """One quote with its sentence and paragraph, document and offsets.

    QUOTE_ID is a record id (or its first characters) as printed by --json.

    \b
    Example:
      quotecli show 3f9a2c
    """
    from .output import render
    from .query import QueryError
    from .query import show as show_quote

    conn = _open(db_path)
    try:
        rec = show_quote(conn, quote_id)
    except QueryError as exc:
        raise Fail(str(exc)) from None
    if fmt == "table":
        for key in ("id", "doc", "start", "end", "speaker", "mention", "cue", "rule", "confidence", "text",
                    "sentence", "paragraph"):
            click.echo(f"{key + ':':<12}{rec[key] if rec[key] is not None else ''}")
        return
    render([rec], fmt, columns=list(rec))


@main.command()
@db_option
@click.option("--top", default=10, show_default=True, help="How many top speakers to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(db_path, top, as_json):
    """Documents, quotes, speakers, share of quotes attributed, top speakers, rules used.

    \b
    Example:
      quotecli stats --top 5
    """
    import json

    from tabulate import tabulate

    from .query import stats as index_stats

    conn = _open(db_path)
    s = index_stats(conn, top)
    if as_json:
        click.echo(json.dumps(s, indent=2, ensure_ascii=False))
        return
    click.echo(tabulate([[k, s[k]] for k in ("documents", "characters", "quotes", "speakers", "attributed_share")],
                        tablefmt="plain"))
    click.echo("\n" + tabulate([[r["speaker"], r["quotes"]] for r in s["top_speakers"]], headers=["top speaker", "quotes"]))
    click.echo("\n" + tabulate([[r["rule"], r["quotes"]] for r in s["rules"]], headers=["rule", "quotes"]))


@main.command()
@db_option
@click.option("--csv", "as_csv", is_flag=True, help="CSV instead of JSON Lines.")
def export(db_path, as_csv):
    """Every quote in the index as JSON Lines (default) or CSV, for pandas, jq or spreadsheets.

    \b
    Examples:
      quotecli export > quotes.jsonl
      quotecli export --csv > quotes.csv
    """
    from .output import render
    from .query import export as export_quotes

    conn = _open(db_path)
    n = render(export_quotes(conn), "csv" if as_csv else "jsonl", columns=[])
    _finish(n)


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
