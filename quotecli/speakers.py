"""Speakers across documents: one row per person, surnames joined only when unambiguous.

A document names its speaker as fully as it can ("Antony Blinken", or just "Blinken" when the
article never gives the first name). Across documents a bare surname joins the one full name
that ends with it; when two people share it (Isaac and Michael Herzog) it stays its own
speaker, and quotes that were joined before the second person appeared are split back out.
"""
from __future__ import annotations

import functools
import sqlite3
import unicodedata
from typing import Callable, Iterable

import regex

_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_PRONOUNS = frozenset("he she they it i we you who him her them".split())


@functools.lru_cache(maxsize=1 << 15)  # the same names come again and again while indexing
def norm(name: str) -> str:
    """Lower case, accents off, punctuation to spaces: "José Martí" -> "jose marti"."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "").replace("'", "").replace(".", "")
    return " ".join(_NON_WORD.sub(" ", s).split())


def is_name_alias(mention: str | None, speaker: str | None = None) -> bool:
    """A mention worth keeping as an alias: another form of the name ("Blinken" for Antony
    Blinken), not "he", "the top diplomat" or "Trump attorney Alan Garten"."""
    if not mention or not mention[:1].isupper():
        return False
    first = mention.split()[0].lower()
    if first in _PRONOUNS or first in ("the", "a", "an", "his", "her", "their", "its"):
        return False
    if speaker is None:
        return True
    return set(norm(mention).split()) <= set(norm(speaker).split())


class SpeakerTable:
    """Finds or creates the speaker row for a document-level name, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        # called with speaker ids before their quotes are read or moved: the Indexer writes the
        # quote rows it holds back for them
        self.before_quotes_change: Callable[[Iterable[int]], None] = lambda ids: None
        # (speaker id, alias) pairs known to be in `aliases`, valid within one transaction:
        # the owner calls forget() when a transaction starts or rolls back
        self._known_aliases: set[tuple[int, str]] = set()

    def forget(self) -> None:
        """Drop what is remembered about the table (another writer may have changed it)."""
        self._known_aliases.clear()

    def _create(self, name: str) -> int:
        n = norm(name)
        cur = self.conn.execute("INSERT INTO speakers(name, norm, last) VALUES (?, ?, ?)",
                                (name, n, n.split()[-1] if n else ""))
        return int(cur.lastrowid)

    def _full_names(self, last: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT id, name FROM speakers WHERE last = ? AND instr(norm, ' ') > 0", (last,)).fetchall()

    def assign(self, name: str) -> int:
        """The speaker id for a quote whose document names its speaker `name`."""
        row = self.conn.execute("SELECT id FROM speakers WHERE name = ?", (name,)).fetchone()
        n = norm(name)
        if not n:
            return row[0] if row else self._create(name)
        if " " not in n:
            fulls = self._full_names(n)
            if len(fulls) == 1:
                return int(fulls[0]["id"])
            return int(row[0]) if row else self._create(name)
        if row:
            return int(row[0])
        sid = self._create(name)
        self._rebalance(n.split()[-1])
        return sid

    def _rebalance(self, last: str) -> None:
        """After a new full name: join the bare surname to it, or split it back out."""
        fulls = self._full_names(last)
        # a one-word norm is its own `last`: the index on `last` finds it
        bare = self.conn.execute("SELECT id, name FROM speakers WHERE last = ? AND norm = ? ORDER BY id",
                                 (last, last)).fetchone()
        if len(fulls) == 1 and bare is not None:
            self.before_quotes_change([bare["id"]])
            self.conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (fulls[0]["id"], bare["id"]))
            self.conn.execute("INSERT OR IGNORE INTO aliases(speaker_id, alias, norm) SELECT ?, alias, norm FROM aliases "
                              "WHERE speaker_id = ?", (fulls[0]["id"], bare["id"]))
            self.conn.execute("INSERT OR IGNORE INTO name_tokens(token, speaker_id) SELECT token, ? FROM name_tokens "
                              "WHERE speaker_id = ?", (fulls[0]["id"], bare["id"]))
            self.conn.execute("DELETE FROM speakers WHERE id = ?", (bare["id"],))
            self.forget()  # the bare surname's aliases went with it
        elif len(fulls) > 1:
            # quotes credited to the bare surname must not stay with either person
            ids = [f["id"] for f in fulls]
            self.before_quotes_change(ids)
            marks = ",".join("?" * len(ids))
            moved = self.conn.execute(
                f"SELECT id, speaker FROM quotes WHERE speaker_id IN ({marks})", ids).fetchall()
            stray = [r["id"] for r in moved if norm(r["speaker"] or "") == last]
            if stray:
                name = next(r["speaker"] for r in moved if r["id"] == stray[0])
                bid = bare["id"] if bare else self._create(name)
                self.conn.executemany("UPDATE quotes SET speaker_id = ? WHERE id = ?", [(bid, q) for q in stray])
                self.conn.execute(f"DELETE FROM aliases WHERE norm = ? AND speaker_id IN ({marks})", [last, *ids])
                self.forget()
                self.add_alias(bid, name)

    def add_alias(self, speaker_id: int, alias: str) -> None:
        key = (speaker_id, alias)
        if key in self._known_aliases:
            return
        n = norm(alias)
        cur = self.conn.execute("INSERT OR IGNORE INTO aliases(speaker_id, alias, norm) VALUES (?, ?, ?)",
                                (speaker_id, alias, n))
        self._known_aliases.add(key)
        if cur.rowcount:
            self.conn.executemany("INSERT OR IGNORE INTO name_tokens(token, speaker_id) VALUES (?, ?)",
                                  [(t, speaker_id) for t in set(n.split())])
