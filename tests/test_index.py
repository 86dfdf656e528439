"""The index library on real text: incremental writes, speakers across documents, queries."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotecli import query
from quotecli.db import SCHEMA_VERSION, DatabaseError, connect
from quotecli.extract import extract
from quotecli.index import Indexer

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "q.db", create=True)
    ix = Indexer(c)
    for p in sorted(EXAMPLES.glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        ix.add(str(p), t, extract(t, str(p)))
    return c


def _add(c, doc, text):
    return Indexer(c).add(doc, text, extract(text, doc))


@pytest.mark.parametrize("name", ["Blinken", "blinkin", "antony blinken", "Secretary Blinken", "BLINKEN"])
def test_who_finds_blinken_fuzzily(conn, name):
    ms = query.match_speakers(conn, name)
    assert [m.name for m in ms] == ["Antony Blinken"]
    quotes = list(query.quotes_by_speakers(conn, [ms[0].speaker_id]))
    assert len(quotes) == 15 and {q["speaker"] for q in quotes} == {"Antony Blinken"}


def test_who_word_order_and_no_herzog(conn):
    assert [m.name for m in query.match_speakers(conn, "Netanyahu Benjamin")] == ["Benjamin Netanyahu"]
    assert query.match_speakers(conn, "Herzog") == []


def test_accents_fold(conn):
    _add(conn, "es", "“Vamos a ganar,” dijo José Martí. “Claro,” said José Martí.")
    assert [m.name for m in query.match_speakers(conn, "Jose Marti")] == ["José Martí"]


def test_grep_words_and_punctuation_never_raise(conn):
    hits = list(query.grep(conn, "ceasefire"))
    assert [(h["speaker"], "ceasefire" in h["text"]) for h in hits] == [("Antony Blinken", True)]
    for nasty in ['"', "AND OR NOT", "(", "cease*", "NEAR(", "'", "-", "a:b"]:
        list(query.grep(conn, nasty))


def test_grep_regex_and_bad_regex(conn):
    assert len(list(query.grep(conn, r"\bdeal\b", use_regex=True))) == 2
    with pytest.raises(query.QueryError):
        list(query.grep(conn, "(", use_regex=True))


def test_reindex_unchanged_adds_nothing_changed_replaces(conn):
    before = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    p = sorted(EXAMPLES.glob("*.txt"))[0]
    t = p.read_text(encoding="utf-8")
    assert _add(conn, str(p), t) == "unchanged"
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == before
    assert _add(conn, str(p), t + "\n“One more thing,” said Jane Roe.") == "changed"
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == before + 1
    # the FTS index follows the content table
    assert [h["speaker"] for h in query.grep(conn, "one more thing")] == ["Jane Roe"]


def test_surname_joins_full_name_across_documents(tmp_path):
    c = connect(tmp_path / "s.db", create=True)
    _add(c, "a", "“We will win,” Blinken said.")
    _add(c, "b", "US Secretary of State Antony Blinken spoke. “Yes,” Blinken said.")
    assert [(m.name, m.quotes) for m in query.match_speakers(c, "Blinken")] == [("Antony Blinken", 2)]


def test_shared_surname_is_not_merged(tmp_path):
    c = connect(tmp_path / "h.db", create=True)
    _add(c, "a", "Isaac Herzog spoke. “Welcome,” said Isaac Herzog.")
    _add(c, "b", "“Shalom,” Herzog said.")  # one Herzog known: joined to him
    _add(c, "c", "“Later,” said Michael Herzog.")  # a second Herzog: the bare one splits out
    rows = {r["speaker"]: r["quotes"] for r in query.speakers(c)}
    assert rows == {"Isaac Herzog": 1, "Michael Herzog": 1, "Herzog": 1}


def test_show_gives_sentence_and_paragraph(conn):
    rec = next(query.grep(conn, "ceasefire"))
    shown = query.show(conn, rec["id"][:8])
    assert shown["text"] in shown["sentence"] and shown["sentence"] in shown["paragraph"]
    assert "Blinken said during a meeting" in shown["sentence"]


def test_stats(conn):
    s = query.stats(conn)
    assert s["documents"] == len(list(EXAMPLES.glob("*.txt")))
    assert {"speaker": "Antony Blinken", "quotes": 15} in s["top_speakers"]
    assert 0 < s["attributed_share"] <= 1


def test_refuses_foreign_and_newer_files(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    with pytest.raises(DatabaseError, match="not a quotecli database"):
        connect(junk)
    assert junk.read_bytes() == b"not a database at all"
    other = tmp_path / "other.db"
    o = sqlite3.connect(other)
    o.execute("CREATE TABLE t(x)")
    o.commit()
    o.close()
    with pytest.raises(DatabaseError, match="not a quotecli database"):
        connect(other, create=True)
    newer = tmp_path / "newer.db"
    connect(newer, create=True).close()
    n = sqlite3.connect(newer)
    n.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    n.commit()
    n.close()
    with pytest.raises(DatabaseError, match="newer quotecli"):
        connect(newer)
    with pytest.raises(DatabaseError, match="no index here yet"):
        connect(tmp_path / "missing.db")


def test_who_sees_speakers_added_after_an_earlier_query(conn):
    assert query.match_speakers(conn, "Nadia Rahim") == []
    _add(conn, "new", "“The talks are over,” said Nadia Rahim.")
    assert [m.name for m in query.match_speakers(conn, "Nadia Rahim")] == ["Nadia Rahim"]
