"""One renderer for every command's rows: table for people, JSON / JSON Lines / CSV for tools.

Records stream: --jsonl and --csv write as rows arrive, --json writes one array without
holding the rows. Tables wrap or cut long text to the terminal width.
"""
from __future__ import annotations

import csv
import functools
import json
import shutil
import sys
import textwrap
from typing import IO, Iterable

import click

FORMATS = ("table", "json", "jsonl", "csv")


def output_options(fn):
    """--json / --jsonl / --csv / --table, shared by every command that prints rows.

    The command receives `fmt`; giving two different formats is a usage error (exit 2)
    rather than a silent "last one wins"."""
    flags = [("--table", "table", "Readable table (default)."),
             ("--json", "json", "One JSON array."),
             ("--jsonl", "jsonl", "JSON Lines: one object a line, streamed."),
             ("--csv", "csv", "CSV with a header row.")]

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        chosen = [fmt for _flag, fmt, _help in flags if kwargs.pop(f"fmt_{fmt}", False)]
        if len(chosen) > 1:
            raise click.UsageError(" and ".join(f"--{c}" for c in chosen) + " cannot be combined; choose one")
        return fn(*args, fmt=chosen[0] if chosen else "table", **kwargs)

    for flag, fmt, help_ in reversed(flags):
        wrapper = click.option(flag, f"fmt_{fmt}", is_flag=True, help=help_)(wrapper)
    return wrapper


def _cell(value, width: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    s = " ".join(str(value).split())
    if width and len(s) > width:
        return "\n".join(textwrap.wrap(s, width, max_lines=4, placeholder=" …"))
    return s


def render(rows: Iterable[dict], fmt: str, *, columns: list[str], stream: IO[str] | None = None,
           wide: str | None = "text", width: int | None = None) -> int:
    """Write rows in `fmt`; returns how many were written. `wide` is the column to wrap."""
    out = stream or sys.stdout
    n = 0
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            out.flush()
            n += 1
        return n
    if fmt == "json":
        out.write("[")
        for r in rows:
            out.write(("," if n else "") + "\n  " + json.dumps(r, ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
        return n
    if fmt == "csv":
        w = None
        for r in rows:
            if w is None:
                w = csv.DictWriter(out, fieldnames=list(r.keys()), extrasaction="ignore")
                w.writeheader()
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()})
            n += 1
        return n
    from tabulate import tabulate

    materialised = list(rows)
    if not materialised:
        return 0
    total = width or shutil.get_terminal_size((120, 24)).columns
    others = sum(min(32, max((len(_cell(r.get(c), None)) for r in materialised), default=0)) + 3
                 for c in columns if c != wide)
    wide_w = max(30, total - others - 4) if wide in columns else None
    table = [[_cell(r.get(c), wide_w if c == wide else 32) for c in columns] for r in materialised]
    out.write(tabulate(table, headers=columns, tablefmt="simple") + "\n")
    return len(materialised)


