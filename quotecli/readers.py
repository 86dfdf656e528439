"""Documents from files, folders, stdin and JSON Lines, with one-line errors and no stops.

Bad input (a missing path, a binary or undecodable file, an empty file, a malformed JSONL
line) is reported through `on_error` as one line naming the file (and line) and skipped; the
rest is still read. JSONL is streamed line by line.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

ErrorSink = Callable[[str], None]
_SNIFF = 8192
_CP1252_PUNCT = re.compile(rb"[\x82-\x8c\x91-\x9c\x9f]")
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".xml", ".json", ".jsonl",
                            ".csv", ".tsv", ".srt", ".vtt", ""})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    text: str


def decode(data: bytes, name: str, encoding: str | None = None, on_note: ErrorSink | None = None) -> str:
    """Bytes to text: a BOM decides, else UTF-8, else the encoding given; ValueError if none fits."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"{name}: cannot decode as {encoding} ({exc})") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Windows-1252's own punctuation (curly quotes, dashes: bytes 0x80-0x9F) says which
        # encoding it is; other 8-bit text is ambiguous and needs --encoding.
        if _CP1252_PUNCT.search(data):
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                if on_note is not None:
                    on_note(f"{name}: not UTF-8; read as Windows-1252 (give --encoding to choose)")
                return text
        raise ValueError(f"{name}: not valid UTF-8 at byte {exc.start} (give --encoding, e.g. cp1252)") from None


def _warn(message: str) -> None:
    """A note about the input that is not a failure (the exit code stays 0)."""
    print(f"quotecli: warning: {message}", file=sys.stderr)


def _binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def _walk(root: Path, on_error: ErrorSink, suffixes: frozenset[str] = _TEXT_SUFFIXES) -> Iterator[Path]:
    """Files below a folder, sorted, hidden ones skipped; unreadable folders reported.

    Only names ending in one of `suffixes` are read, so a folder of JSON Lines is not also
    read through its README."""
    def onerror(exc: OSError) -> None:
        on_error(f"{exc.filename}: cannot read folder ({exc.strerror})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if f.startswith("."):
                continue
            p = Path(dirpath) / f
            if p.suffix.lower() in suffixes:
                yield p


def read_text_file(path: Path, name: str, encoding: str | None, on_error: ErrorSink) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        on_error(f"{name}: no such file")
        return None
    except IsADirectoryError:
        on_error(f"{name}: is a folder")
        return None
    except OSError as exc:
        on_error(f"{name}: cannot read ({exc.strerror})")
        return None
    if not data.strip():
        on_error(f"{name}: empty file, skipped")
        return None
    if _binary(data[:_SNIFF]):
        on_error(f"{name}: binary file, skipped")
        return None
    try:
        return decode(data, name, encoding, _warn)
    except ValueError as exc:
        on_error(str(exc))
        return None


def read_jsonl(lines: Iterable[bytes | str], name: str, on_error: ErrorSink) -> Iterator[Document]:
    """Documents from JSON Lines: `text` plus `doc_id` (or `id`), one object a line."""
    for lineno, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                on_error(f"{name}:{lineno}: not valid UTF-8 (give --encoding), line skipped")
                continue
        line = raw.strip().lstrip("\ufeff") if lineno == 1 else raw.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(f"{name}:{lineno}: malformed JSON ({exc.msg} at column {exc.colno}), line skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            on_error(f"{name}:{lineno}: no string field 'text', line skipped")
            continue
        did = obj.get("doc_id", obj.get("id"))
        yield Document(str(did) if did is not None else f"{name}:{lineno}", obj["text"])


def _jsonl_lines(fh: IO[bytes], name: str, encoding: str | None, on_error: ErrorSink) -> Iterator[bytes | str]:
    """Lines of a JSON Lines file, streamed: bytes for UTF-8 (decoded per line, so one bad
    line costs only that line), text for UTF-16 with a BOM or an --encoding given."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    if not encoding and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if not encoding:
        yield from fh
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        on_error(f"{name}: unknown encoding {encoding!r}")
        return
    text = io.TextIOWrapper(fh, encoding=encoding, newline="")
    lineno = 0
    try:
        for lineno, line in enumerate(text, 1):  # noqa: B007 (lineno is read after a failure)
            yield line
    except UnicodeDecodeError as exc:
        on_error(f"{name}:{lineno + 1}: cannot decode as {encoding} ({exc.reason}), rest of file skipped")
    finally:
        text.detach()


def read_documents(paths: Iterable[str], *, input_format: str = "text", encoding: str | None = None,
                   on_error: ErrorSink, stdin=None) -> Iterator[Document]:
    """Every document named by `paths` (files, folders, "-" for stdin), in order."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if input_format == "jsonl":
                if encoding and not isinstance(stream, io.TextIOBase):
                    stream = _jsonl_lines(stream, "<stdin>", encoding, on_error)
                yield from read_jsonl(stream, "<stdin>", on_error)
            else:
                data = stream.read()
                if isinstance(data, str):
                    data = data.encode("utf-8", "surrogateescape")
                if not data.strip():
                    on_error("<stdin>: empty input")
                    continue
                try:
                    yield Document("-", decode(data, "<stdin>", encoding))
                except ValueError as exc:
                    on_error(str(exc))
            continue
        p = Path(given)
        if not p.exists():
            on_error(f"{given}: no such file or folder")
            continue
        suffixes = _JSONL_SUFFIXES if input_format == "jsonl" else _TEXT_SUFFIXES
        files = _walk(p, on_error, suffixes) if p.is_dir() else [p]
        for f in files:
            name = given if f == p else str(f)
            if input_format == "jsonl":
                try:
                    with open(f, "rb") as fh:
                        yield from read_jsonl(_jsonl_lines(fh, name, encoding, on_error), name, on_error)
                except OSError as exc:
                    on_error(f"{name}: cannot read ({exc.strerror})")
            else:
                text = read_text_file(f, name, encoding, on_error)
                if text is not None:
                    yield Document(name, text)


def read_records(paths: Iterable[str], on_error: ErrorSink) -> Iterator[tuple[str, list[dict], str]]:
    """Quote records (one JSON object a line, as `extract --jsonl` and the Dask engine write),
    grouped by consecutive `doc`: (doc id, records, a hash of them). Folders are read in name order."""
    import hashlib

    def files() -> Iterator[Path]:
        for given in paths:
            p = Path(given)
            if p.is_dir():
                yield from (f for f in sorted(p.rglob("*.jsonl")) if f.is_file())
            elif p.exists():
                yield p
            else:
                on_error(f"{given}: no such file or folder")

    doc, group = None, []

    def flush():
        h = hashlib.sha256(json.dumps(group, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
        return doc, group, "records:" + h

    for f in files():
        with open(f, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                line = raw.strip()
                if not line:
                    continue
                try:
                    r = json.loads(line)
                    ok = isinstance(r, dict) and all(k in r for k in ("doc", "start", "end", "text", "rule"))
                except (json.JSONDecodeError, UnicodeDecodeError):
                    ok = False
                if not ok:
                    on_error(f"{f}:{lineno}: not a quote record, line skipped")
                    continue
                if r["doc"] != doc and group:
                    yield flush()
                    group = []
                doc = r["doc"]
                group.append(r)
    if group:
        yield flush()
