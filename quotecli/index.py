"""Write documents and their quotes into the index, one transaction per document.

A document whose text hash is unchanged is skipped; a changed one is replaced whole inside one
transaction, so an interrupted run leaves every committed document intact and the next run
picks up where it stopped.
"""
from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from typing import Iterable

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


class Indexer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.speakers = SpeakerTable(conn)

    def status(self, doc: str, text: str, digest: str | None = None) -> tuple[str, str]:
        """("new" | "changed" | "unchanged", hash) of a document against the index."""
        h = digest or text_hash(text)
        row = self.conn.execute("SELECT sha256 FROM documents WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            return "new", h
        return ("unchanged" if row[0] == h else "changed"), h

    def add(self, doc: str, text: str, quotes: Iterable[Quote], digest: str | None = None) -> str:
        """Store one document and its quotes atomically; returns new / changed / unchanged.

        `digest` stands for the text's hash when the text is not at hand (quotes loaded from
        records written by another machine)."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            state, h = self.status(doc, text, digest)
            if state == "unchanged":
                c.execute("COMMIT")
                return state
            old_speakers: list[int] = []
            if state == "changed":
                old_speakers = [r[0] for r in c.execute(
                    "SELECT DISTINCT speaker_id FROM quotes JOIN documents d ON d.id = quotes.doc_id "
                    "WHERE d.doc = ? AND speaker_id IS NOT NULL", (doc,))]
                c.execute("DELETE FROM documents WHERE doc = ?", (doc,))
            cur = c.execute("INSERT INTO documents(doc, sha256, chars, text) VALUES (?, ?, ?, ?)",
                            (doc, h, len(text), text))
            did = cur.lastrowid
            for q in quotes:
                sid = None
                if q.speaker:
                    # one quote at a time: assigning a later name may merge or split speaker rows
                    sid = self.speakers.assign(q.speaker)
                    self.speakers.add_alias(sid, q.speaker)
                    if is_name_alias(q.mention, q.speaker):
                        self.speakers.add_alias(sid, q.mention)
                c.execute("INSERT OR REPLACE INTO quotes(qid, doc_id, start, end, text, speaker_id, speaker, mention, "
                          "cue, rule, confidence, mention_start, mention_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          (q.id, did, q.start, q.end, q.text, sid, q.speaker, q.mention, q.cue, q.rule,
                           q.confidence, q.mention_start, q.mention_end))
            if old_speakers:
                c.executemany("DELETE FROM speakers WHERE id = ? AND NOT EXISTS "
                              "(SELECT 1 FROM quotes WHERE speaker_id = ?)", [(i, i) for i in old_speakers])
            c.execute("COMMIT")
            return state
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
