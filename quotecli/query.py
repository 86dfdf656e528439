"""Read the index: who said what, full-text and regex search, speakers, one quote, stats.

Every function returns plain rows (dicts) for output.py to render; user input reaches SQLite
only as bound parameters, and FTS queries are built from quoted words so that punctuation in a
search never becomes FTS syntax.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Iterator

import regex

from .speakers import norm

RECORD_SQL = """
SELECT q.id AS rowid, q.qid AS id, d.doc AS doc, q.start, q.end, q.text,
       COALESCE(s.name, q.speaker) AS speaker, q.mention, q.cue, q.rule, q.confidence,
       q.mention_start, q.mention_end, q.speaker_id, q.speaker AS doc_speaker
FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN speakers s ON s.id = q.speaker_id
"""
FIELDS = ("id", "doc", "start", "end", "text", "speaker", "mention", "cue", "rule", "confidence",
          "mention_start", "mention_end", "speaker_id", "doc_speaker")


_DESCRIPTIVE = frozenset("a an the one another his her their its some several two three many".split())


class QueryError(Exception):
    """A query the user must change (bad regex, regex too slow, unknown id)."""


def record(row: sqlite3.Row) -> dict:
    """A quote row as the JSON record of the quote-record contract (plus speaker_id, doc_speaker)."""
    d = {k: row[k] for k in FIELDS}
    d["confidence"] = round(d["confidence"], 3)
    return d


@dataclass(frozen=True)
class SpeakerMatch:
    speaker_id: int
    name: str
    score: float
    quotes: int


def _query_tokens(name: str) -> list[str]:
    from .lexicon import lexicon

    lex = lexicon()
    toks = norm(name).split()
    kept = [t for t in toks if t not in lex.titles and t not in lex.modifiers]
    return kept or toks


def match_speakers(conn: sqlite3.Connection, name: str, min_score: float = 80.0) -> list[SpeakerMatch]:
    """Speakers whose names or aliases match `name`, best first.

    Each query word is matched against the words of every name (typos, accents, case, word
    order and surname- or first-name-only all work); a speaker's score is the mean over the
    query words of its best word score.
    """
    from rapidfuzz import fuzz, process

    qtoks = _query_tokens(name)
    if not qtoks:
        return []
    vocab = _vocabulary(conn)
    hits = [{tok: score for tok, score, _ in process.extract(qt, vocab, scorer=fuzz.ratio,
                                                            score_cutoff=min(min_score, 70.0), limit=25)}
            for qt in qtoks]
    tokens = sorted({t for h in hits for t in h})
    best: dict[int, list[float]] = {}
    for tok, sid in _in_query(conn, "SELECT token, speaker_id FROM name_tokens WHERE token IN ({})", tokens):
        scores = best.setdefault(sid, [0.0] * len(qtoks))
        for i, h in enumerate(hits):
            scores[i] = max(scores[i], h.get(tok, 0.0))
    means = {sid: sum(sc) / len(sc) for sid, sc in best.items() if sum(sc) / len(sc) >= min_score}
    out = []
    for sid, name, n in _in_query(conn, "SELECT s.id, s.name, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) "
                                  "FROM speakers s WHERE s.id IN ({})", sorted(means)):
        s = means[sid] * (0.85 if name.split()[0].lower() in _DESCRIPTIVE else 1.0)  # "A spokeswoman for Trump"
        if s >= min_score:
            out.append(SpeakerMatch(sid, name, round(s, 1), n))
    out.sort(key=lambda m: (-m.score, -m.quotes, m.name))
    return out


def _vocabulary(conn: sqlite3.Connection) -> list[str]:
    """Every name word in the index, read again only after the index changed (ours or another
    process's write), so repeated `who` calls on one connection do not reload it."""
    stamp = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    cached = getattr(conn, "name_vocabulary", None)
    if cached is None or cached[0] != stamp:
        cached = (stamp, [r[0] for r in conn.execute("SELECT DISTINCT token FROM name_tokens")])
        try:
            conn.name_vocabulary = cached  # type: ignore[attr-defined]  (db.IndexConnection)
        except AttributeError:
            pass  # a plain sqlite3 connection: no cache
    return cached[1]


def _in_query(conn: sqlite3.Connection, sql: str, values: list) -> Iterator[tuple]:
    """Rows of `sql` with its IN (...) filled by `values` as bound parameters, in chunks."""
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk)


def quotes_by_speakers(conn: sqlite3.Connection, ids: list[int], *, doc: str | None = None,
                       pattern: str | None = None, limit: int | None = None) -> Iterator[dict]:
    marks = ",".join("?" * len(ids))
    sql = RECORD_SQL + f" WHERE q.speaker_id IN ({marks})"
    params: list = list(ids)
    if doc:
        sql += " AND d.doc = ?"
        params.append(doc)
    sql += " ORDER BY d.doc, q.start"
    rx = compile_regex(pattern, ignore_case=True) if pattern else None
    n = 0
    for row in conn.execute(sql, params):
        if rx is not None and not _search(rx, row["text"]):
            continue
        yield record(row)
        n += 1
        if limit and n >= limit:
            return


def fts_query(words: str) -> str:
    """User words as an FTS5 query of quoted terms: punctuation can never be FTS syntax."""
    toks = regex.findall(r"[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)?", words)
    return " ".join('"' + t.replace('"', '""') + '"' for t in toks)


_REGEX_BUDGET_S = 2.0


def compile_regex(pattern: str, ignore_case: bool = False) -> "regex.Pattern":
    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error as exc:
        raise QueryError(f"bad regular expression {pattern!r}: {exc}") from None


def _search(rx, text: str, deadline: float | None = None):
    try:
        return rx.search(text, timeout=max(0.01, (deadline or time.monotonic() + _REGEX_BUDGET_S) - time.monotonic()))
    except TimeoutError:
        raise QueryError("the regular expression took too long; simplify it (or search words without -e)") from None


def grep(conn: sqlite3.Connection, pattern: str, *, use_regex: bool = False, ignore_case: bool = False,
         speaker_ids: list[int] | None = None, limit: int | None = None) -> Iterator[dict]:
    """Quotes whose text matches: FTS5 words (ranked) or a regular expression (text order)."""
    params: list = []
    where = []
    if speaker_ids is not None:
        where.append(f"q.speaker_id IN ({','.join('?' * len(speaker_ids))})")
        params.extend(speaker_ids)
    if use_regex:
        rx = compile_regex(pattern, ignore_case)
        sql = RECORD_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.doc, q.start"
        deadline = time.monotonic() + _REGEX_BUDGET_S * 5
        n = 0
        for row in conn.execute(sql, params):
            if time.monotonic() > deadline:
                raise QueryError("the regular expression search took too long; narrow it with --speaker or words")
            if _search(rx, row["text"], deadline):
                yield record(row)
                n += 1
                if limit and n >= limit:
                    return
        return
    q = fts_query(pattern)
    if not q:
        return
    sql = RECORD_SQL.replace("FROM quotes q", "FROM quotes_fts f JOIN quotes q ON q.id = f.rowid") + \
        " WHERE quotes_fts MATCH ?" + ("".join(" AND " + w for w in where)) + " ORDER BY f.rank"
    if limit:
        sql += f" LIMIT {int(limit)}"
    yield from (record(r) for r in conn.execute(sql, [q, *params]))


def speakers(conn: sqlite3.Connection, *, min_quotes: int = 1, match: str | None = None,
             limit: int | None = None) -> list[dict]:
    ids = None
    if match:
        ids = {m.speaker_id: m.score for m in match_speakers(conn, match)}
        if not ids:
            return []
    sql = ("SELECT s.id, s.name, count(q.id) AS quotes FROM speakers s JOIN quotes q ON q.speaker_id = s.id "
           + (f"WHERE s.id IN ({','.join('?' * len(ids))}) " if ids else "")
           + "GROUP BY s.id HAVING count(q.id) >= ? ORDER BY quotes DESC, s.name")
    params = [*(ids or []), min_quotes]
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in conn.execute(sql, params):
        aliases = [a[0] for a in conn.execute("SELECT alias FROM aliases WHERE speaker_id = ? AND alias != ? ORDER BY alias",
                                              (r["id"], r["name"]))]
        out.append({"speaker_id": r["id"], "speaker": r["name"], "quotes": r["quotes"], "aliases": aliases})
    return out


def show(conn: sqlite3.Connection, ident: str) -> dict:
    """One quote with its sentence and paragraph, by record id (or the start of one) or row id."""
    from .marks import paragraph_bounds
    from .tokens import sentence_end, sentence_start

    row = None
    if ident.isdigit():
        row = conn.execute(RECORD_SQL + " WHERE q.id = ?", (int(ident),)).fetchone()
    if row is None:
        rows = conn.execute(RECORD_SQL + " WHERE q.qid LIKE ? ESCAPE '\\' LIMIT 2",
                            (ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",)).fetchall()
        if len(rows) > 1:
            raise QueryError(f"quote id {ident!r} is ambiguous; give more of it")
        row = rows[0] if rows else None
    if row is None:
        raise QueryError(f"no quote with id {ident!r}")
    rec = record(row)
    text = conn.execute("SELECT text FROM documents WHERE doc = ?", (rec["doc"],)).fetchone()[0]
    p0, p1 = next(((a, b) for a, b in paragraph_bounds(text) if a <= rec["start"] <= b), (0, len(text)))
    s0 = sentence_start(text, p0, max(p0, rec["start"] - 1))
    s1 = sentence_end(text, rec["end"], p1)
    rec["sentence"] = text[s0:s1].strip()
    rec["paragraph"] = text[p0:p1].strip()
    return rec


def stats(conn: sqlite3.Connection, top: int = 10) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    n_quotes = one("SELECT count(*) FROM quotes")
    attributed = one("SELECT count(*) FROM quotes WHERE speaker IS NOT NULL")
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "characters": one("SELECT coalesce(sum(chars), 0) FROM documents"),
        "quotes": n_quotes,
        "speakers": one("SELECT count(*) FROM speakers"),
        "attributed_share": round(attributed / n_quotes, 3) if n_quotes else 0.0,
        "top_speakers": [{"speaker": r[0], "quotes": r[1]} for r in conn.execute(
            "SELECT s.name, count(*) c FROM quotes q JOIN speakers s ON s.id = q.speaker_id GROUP BY s.id "
            "ORDER BY c DESC, s.name LIMIT ?", (top,))],
        "rules": [{"rule": r[0], "quotes": r[1]} for r in conn.execute(
            "SELECT rule, count(*) c FROM quotes GROUP BY rule ORDER BY c DESC")],
    }


def export(conn: sqlite3.Connection) -> Iterator[dict]:
    for row in conn.execute(RECORD_SQL + " ORDER BY d.doc, q.start"):
        yield record(row)
