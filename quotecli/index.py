"""Write documents and their quotes into the index, a batch of whole documents per transaction.

A document whose text hash is unchanged is skipped; a changed one is replaced whole. Documents
are written in batches (`BatchWriter`): one transaction per batch, each document inside it
either whole or, when it fails, not at all. An interrupted run therefore leaves every committed
batch intact and nothing of the batch in flight, and the next run picks up where it stopped.

Speed: the quotes of a batch are collected and inserted with one INSERT ... SELECT. The FTS5
triggers on `quotes` make every statement that fires them write its own FTS segment (FTS5
flushes its pending terms at each statement savepoint), so one statement per quote was the
largest cost of the write path.
"""
from __future__ import annotations

import contextlib
import hashlib
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .model import Quote
from .speakers import SpeakerTable, is_name_alias


@dataclass
class IndexSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes_added: int = 0

    def line(self) -> str:
        return (f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.failed} failed; "
                f"{self.quotes_added} quotes added")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_QUOTE_COLUMNS = "qid, doc_id, start, end, text, speaker_id, speaker, mention, cue, rule, confidence, " \
                 "mention_start, mention_end"
# quote rows of the open transaction wait here; no column types, so values reach `quotes` as bound
_PENDING = "temp.quotecli_pending"
_CREATE_PENDING = f"CREATE TABLE IF NOT EXISTS {_PENDING} (seq INTEGER PRIMARY KEY, {_QUOTE_COLUMNS})"
_STAGE = f"INSERT INTO {_PENDING} ({_QUOTE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
_MOVE = f"INSERT OR REPLACE INTO quotes({_QUOTE_COLUMNS}) SELECT {_QUOTE_COLUMNS} FROM {_PENDING} ORDER BY seq"

Item = tuple  # (doc id, text, quotes, digest or None)


class Indexer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.speakers = SpeakerTable(conn)
        self.speakers.before_quotes_change = self._flush_for
        self.current_doc: str | None = None  # the document being written, for error messages
        # quote rows of the open transaction, in insertion order; the first `_written` are in `quotes`
        self._rows: list[tuple] = []
        self._written = 0
        self._pending_sids: set[int] = set()  # speaker ids among the rows not yet written
        conn.execute("PRAGMA temp_store = MEMORY")

    def status(self, doc: str, text: str, digest: str | None = None) -> tuple[str, str]:
        """("new" | "changed" | "unchanged", hash) of a document against the index."""
        h = digest or text_hash(text)
        row = self.conn.execute("SELECT sha256 FROM documents WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            return "new", h
        return ("unchanged" if row[0] == h else "changed"), h

    def add(self, doc: str, text: str, quotes: Iterable[Quote], digest: str | None = None) -> str:
        """Store one document and its quotes in a transaction of its own; returns new / changed /
        unchanged.

        `digest` stands for the text's hash when the text is not at hand (quotes loaded from
        records written by another machine)."""
        result = self.add_batch([(doc, text, quotes, digest)])[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def add_batch(self, items: Sequence[Item]) -> list[str | Exception]:
        """Store several documents in one transaction, in order; for each, its state or the error
        that kept it out (that document alone is rolled back, the others are committed).

        A database error or an interrupt rolls the whole batch back and propagates."""
        c = self.conn
        results: list[str | Exception] = []
        self.current_doc = items[0][0] if items else None
        c.execute("BEGIN IMMEDIATE")
        self.speakers.forget()  # another writer may have been here since our last transaction
        try:
            for doc, text, quotes, digest in items:
                self.current_doc = doc
                rows_mark, written_mark = len(self._rows), self._written
                c.execute("SAVEPOINT quotecli_doc")
                try:
                    results.append(self._put(doc, text, quotes, digest))
                except sqlite3.Error:
                    raise
                except Exception as exc:
                    # undo this document only: rows written since the savepoint are gone again
                    c.execute("ROLLBACK TO quotecli_doc")
                    self.speakers.forget()
                    del self._rows[rows_mark:]
                    self._written = written_mark
                    self._pending_sids = {r[5] for r in self._rows[self._written:]}
                    results.append(exc)
                c.execute("RELEASE quotecli_doc")
            self._flush()
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        finally:
            self._rows, self._written, self._pending_sids = [], 0, set()
        return results

    def _put(self, doc: str, text: str, quotes: Iterable[Quote], digest: str | None) -> str:
        c = self.conn
        state, h = self.status(doc, text, digest)
        if state == "unchanged":
            return state
        old_speakers: list[int] = []
        if state == "changed":
            self._flush()  # the document may have come earlier in this batch
            old_speakers = [r[0] for r in c.execute(
                "SELECT DISTINCT speaker_id FROM quotes JOIN documents d ON d.id = quotes.doc_id "
                "WHERE d.doc = ? AND speaker_id IS NOT NULL", (doc,))]
            c.execute("DELETE FROM documents WHERE doc = ?", (doc,))
        cur = c.execute("INSERT INTO documents(doc, sha256, chars, text) VALUES (?, ?, ?, ?)",
                        (doc, h, len(text), text))
        did = cur.lastrowid
        speakers = self.speakers
        for q in quotes:
            sid = None
            if q.speaker:
                # one quote at a time: assigning a later name may merge or split speaker rows
                sid = speakers.assign(q.speaker)
                speakers.add_alias(sid, q.speaker)
                if is_name_alias(q.mention, q.speaker):
                    speakers.add_alias(sid, q.mention)
                self._pending_sids.add(sid)
            self._rows.append((q.id, did, q.start, q.end, q.text, sid, q.speaker, q.mention, q.cue, q.rule,
                               q.confidence, q.mention_start, q.mention_end))
        if old_speakers:
            self._flush()
            c.executemany("DELETE FROM speakers WHERE id = ? AND NOT EXISTS "
                          "(SELECT 1 FROM quotes WHERE speaker_id = ?)", [(i, i) for i in old_speakers])
            self.speakers.forget()  # their aliases went with them
        return state

    def _flush_for(self, speaker_ids: Iterable[int]) -> None:
        """Write the waiting quote rows if any of them is credited to one of `speaker_ids`:
        the speaker table is about to read or move those speakers' quotes."""
        if self._written < len(self._rows) and not self._pending_sids.isdisjoint(speaker_ids):
            self._flush()

    def _flush(self) -> None:
        """Move the waiting quote rows into `quotes` with one statement (one FTS segment)."""
        if self._written == len(self._rows):
            return
        c = self.conn
        c.execute(_CREATE_PENDING)
        c.executemany(_STAGE, self._rows[self._written:])
        c.execute(_MOVE)
        c.execute(f"DELETE FROM {_PENDING}")
        self._written = len(self._rows)
        self._pending_sids = set()


class BatchWriter:
    """Collects extracted documents and writes them to the index a batch per transaction.

    A batch is written when it holds `max_chars` of text or `max_docs` documents, or when its
    first document has waited `max_seconds`. Extraction happens outside the transaction, so a
    second writer gets its turn between batches. `on_done(item, state_or_error)` is called for
    each document only after its batch is committed, so what it counts is what the index holds.
    """

    def __init__(self, ix: Indexer, on_done: Callable[[Item, str | Exception], None] | None = None, *,
                 max_chars: int = 4_000_000, max_docs: int = 1000, max_seconds: float = 1.0):
        self.ix = ix
        self.on_done = on_done
        self.max_chars, self.max_docs, self.max_seconds = max_chars, max_docs, max_seconds
        self.items: list[Item] = []
        self.chars = 0
        self.since = 0.0

    def put(self, doc: str, text: str, quotes: Iterable[Quote], digest: str | None = None) -> None:
        if not self.items:
            self.since = time.monotonic()
        self.items.append((doc, text, quotes, digest))
        self.chars += len(text)
        if (self.chars >= self.max_chars or len(self.items) >= self.max_docs
                or time.monotonic() - self.since >= self.max_seconds):
            self.flush()

    def flush(self) -> None:
        """Write and commit the collected documents (nothing to do when there are none)."""
        if not self.items:
            return
        items = self.items
        self.items, self.chars = [], 0  # written now, or (on an error) rolled back and dropped
        with _no_interrupt():
            results = self.ix.add_batch(items)
            if self.on_done:
                for item, result in zip(items, results):
                    self.on_done(item, result)


@contextlib.contextmanager
def _no_interrupt():
    """Ctrl-C waits until the batch is committed and counted (a batch is about a second of
    writes): otherwise it could land between COMMIT and the count, and the summary would say
    fewer documents than the index holds."""
    block = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if block else None
    try:
        yield
    finally:
        if block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
