"""Batched index writes on real text: several documents per transaction must give exactly the
index that one transaction per document gives, commit only whole documents, and count only
what is committed."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecli.cli import main
from quotecli.db import connect
from quotecli.extract import extract
from quotecli.index import BatchWriter, Indexer

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
POLNEAR = ROOT.parent / "shared" / "gold" / "polnear.dev.jsonl"
ARTICLE = (EXAMPLES / "cnn-blinken-israel.txt").read_text(encoding="utf-8")

# one Herzog, a bare "Herzog" joined to him, a second Herzog splitting it back out, a changed
# document, and one document id twice: speaker rows are merged and split inside one batch
HERZOG = [
    ("h/a", "Isaac Herzog spoke. “Welcome,” said Isaac Herzog."),
    ("h/b", "“Shalom,” Herzog said."),
    ("h/c", "“Later,” said Michael Herzog. “Fine,” Herzog said."),
    ("h/b", "“Shalom again,” Herzog said. “No,” said Isaac Herzog."),
    ("h/d", "“We will win,” Blinken said."),
    ("h/e", "US Secretary of State Antony Blinken spoke. “Yes,” Blinken said."),
]


def _corpus() -> list[tuple[str, str]]:
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    if POLNEAR.exists():
        with open(POLNEAR, encoding="utf-8") as fh:
            docs += [(f"polnear/{i}", json.loads(line)["text"]) for i, line in zip(range(60), fh)]
    first = docs + HERZOG
    # a second run: some documents cut short (changed), the Herzog ones again, the rest unchanged
    second = [(d, t[: len(t) // 2]) for d, t in docs[1::3]] + HERZOG[::-1] + docs[::4]
    return first + second


CORPUS = _corpus()
QUOTES = {}


def _quotes(doc: str, text: str):
    if (doc, text) not in QUOTES:
        QUOTES[doc, text] = extract(text, doc)
    return QUOTES[doc, text]


def _dump(c: sqlite3.Connection) -> list[tuple]:
    """Everything an index holds (but the time stamps), and the FTS index checked against it."""
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    rows = []
    for table, cols in [("documents", "id, doc, sha256, chars, text"), ("speakers", "*"), ("aliases", "*"),
                        ("name_tokens", "*"), ("quotes", "*")]:
        rows += [(table, *r) for r in c.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2")]
    rows += [("fts", w, tuple(r[0] for r in c.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid", (w,))))
        for w in ("said", "herzog", "ceasefire", "shalom", "the")]
    return rows


def _one_per_transaction(path: Path, docs) -> list[tuple]:
    c = connect(path, create=True)
    ix = Indexer(c)
    for d, t in docs:
        ix.add(d, t, _quotes(d, t))
    return _dump(c)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> list[tuple]:
    return _one_per_transaction(tmp_path_factory.mktemp("ref") / "ref.db", CORPUS)


@pytest.mark.parametrize("max_docs", [1, 2, 5, 1000])
def test_batches_give_the_same_index_as_one_document_per_transaction(tmp_path, reference, max_docs):
    c = connect(tmp_path / "b.db", create=True)
    done = []
    w = BatchWriter(Indexer(c), lambda item, result: done.append((item[0], result)), max_docs=max_docs)
    for d, t in CORPUS:
        w.put(d, t, _quotes(d, t))
    w.flush()
    assert _dump(c) == reference
    assert [d for d, _ in done] == [d for d, _ in CORPUS]
    assert {r for _, r in done} == {"new", "changed", "unchanged"}


def test_herzog_join_and_split_inside_one_batch(tmp_path):
    c = connect(tmp_path / "h.db", create=True)
    ix = Indexer(c)
    states = ix.add_batch([(d, t, _quotes(d, t), None) for d, t in HERZOG])
    assert states == ["new", "new", "new", "changed", "new", "new"]
    from quotecli import query

    # the bare "Herzog" of h/b joined Isaac, was split out when Michael came, and went with the
    # first h/b; inside a document naming a Herzog in full, "Herzog" is that Herzog
    rows = {r["speaker"]: r["quotes"] for r in query.speakers(c)}
    assert rows == {"Isaac Herzog": 3, "Michael Herzog": 2, "Antony Blinken": 2}
    assert _dump(c) == _one_per_transaction(tmp_path / "one.db", HERZOG)


class Boom(Exception):
    pass


def _failing(quotes):
    """The quotes of a document, then a failure half-way through writing it."""
    yield from quotes
    raise Boom("extraction bug")


def test_a_failing_document_is_rolled_back_alone(tmp_path):
    """Two documents fail half-way: Michael Herzog's after his name forced a split (quote rows
    written early), Nadia Rahim's after her speaker row and aliases were made. The batch keeps
    the others, and nothing the failures touched is remembered: the same ids come back for the
    next new speakers, and their aliases must be written."""
    docs = HERZOG[:3] + [("n/x", "“Hello,” said Nadia Rahim."),
                         ("n/y", "“Goodbye,” said Nadia Rahim. “Yes,” Rahim said."),
                         ("h/x", "“Again,” said Michael Herzog. “Shalom,” Herzog said.")] + HERZOG[3:]
    c = connect(tmp_path / "f.db", create=True)
    ix = Indexer(c)
    items = [(d, t, _failing(_quotes(d, t)) if d in ("h/c", "n/x") else _quotes(d, t), None) for d, t in docs]
    results = ix.add_batch(items)
    assert [type(r).__name__ if isinstance(r, Exception) else r for r in results] == [
        "new", "new", "Boom", "Boom", "new", "new", "changed", "new", "new"]
    without = [x for x in docs if x[0] not in ("h/c", "n/x")]
    assert _dump(c) == _one_per_transaction(tmp_path / "w.db", without)


def test_another_writer_between_our_transactions(tmp_path):
    """What an Indexer remembers about speakers lasts one transaction: another process may
    delete a speaker (and its aliases) in between, and the next new speaker gets its id."""
    db = tmp_path / "two.db"
    ours, theirs = Indexer(connect(db, create=True)), Indexer(connect(db, create=True))
    ours.add("a", "“Hello,” said Nadia Rahim.", _quotes("a", "“Hello,” said Nadia Rahim."))
    assert theirs.add("a", "No quotes here.", []) == "changed"  # Nadia Rahim is gone
    ours.add("b", "“Goodbye,” said Nadia Rahim.", _quotes("b", "“Goodbye,” said Nadia Rahim."))
    c = sqlite3.connect(db)
    assert c.execute("SELECT s.name, a.alias FROM speakers s JOIN aliases a ON a.speaker_id = s.id").fetchall() == [
        ("Nadia Rahim", "Nadia Rahim")]
    assert c.execute("SELECT count(*) FROM name_tokens").fetchone()[0] == 2


def test_on_done_only_after_commit(tmp_path):
    db = tmp_path / "c.db"
    c = connect(db, create=True)
    done = []
    w = BatchWriter(Indexer(c), lambda item, result: done.append(item[0]), max_docs=3)
    other = sqlite3.connect(db)
    count = lambda: other.execute("SELECT count(*) FROM documents").fetchone()[0]  # noqa: E731
    for i in range(2):
        w.put(f"a{i}", f"Story {i}.\n" + ARTICLE, _quotes(f"a{i}", f"Story {i}.\n" + ARTICLE))
    assert done == [] and count() == 0
    w.put("a2", "Story 2.\n" + ARTICLE, _quotes("a2", "Story 2.\n" + ARTICLE))
    assert done == ["a0", "a1", "a2"] and count() == 3
    w.put("a3", "Story 3.\n" + ARTICLE, _quotes("a3", "Story 3.\n" + ARTICLE))
    assert count() == 3
    w.flush()
    assert done == ["a0", "a1", "a2", "a3"] and count() == 4


def news_folder(tmp_path, n: int):
    """n small news stories, one file each, that differ in their first line."""
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(n):
        (folder / f"s{i:04d}.txt").write_text(f"Story {i}.\n" + ARTICLE, encoding="utf-8")
    return folder


def test_kill_9_inside_a_batch_keeps_exactly_the_committed_batches(tmp_path):
    folder = news_folder(tmp_path, 30)
    db = tmp_path / "k.db"
    # batches of 5; the process dies while writing the 3rd document of the 3rd batch
    script = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        from quotecli.db import connect
        from quotecli.extract import extract
        from quotecli.index import BatchWriter, Indexer
        ix = Indexer(connect(Path({str(db)!r}), create=True))
        put = ix._put
        def dying(doc, *args):
            if doc.endswith("s0012.txt"):
                os.kill(os.getpid(), signal.SIGKILL)
            return put(doc, *args)
        ix._put = dying
        w = BatchWriter(ix, max_docs=5)
        for p in sorted(Path({str(folder)!r}).iterdir()):
            t = p.read_text(encoding="utf-8")
            w.put(str(p), t, extract(t, str(p)))
        w.flush()
    """)
    p = subprocess.run([sys.executable, "-c", script], cwd=ROOT)
    assert p.returncode == -signal.SIGKILL
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_doc = dict(c.execute("SELECT d.doc, count(q.id) FROM documents d LEFT JOIN quotes q ON q.doc_id = d.id "
                             "GROUP BY d.id"))
    assert sorted(Path(d).name for d in per_doc) == [f"s{i:04d}.txt" for i in range(10)]
    assert set(per_doc.values()) == {len(extract("Story 0.\n" + ARTICLE))}
    c.close()
    r = CliRunner().invoke(main, ["index", str(folder), "--db", str(db), "--jobs", "1"])
    assert r.exit_code == 0, r.output
    assert "20 new, 0 changed, 10 unchanged, 0 failed" in r.stderr


def test_one_id_twice_in_a_run_the_last_copy_wins(tmp_path):
    """The unchanged check before extraction must not skip a copy whose earlier twin is still
    on its way to the index."""
    db = tmp_path / "d.db"
    first, second = "“First,” said Ann Vole.", "“Second,” said Bob Vole. “Third,” Vole said."
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"doc_id": "dup", "text": second}) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["index", str(src), "--input-format", "jsonl", "--db", str(db)]).exit_code == 0
    both = tmp_path / "both.jsonl"
    both.write_text("".join(json.dumps({"doc_id": "dup", "text": t}) + "\n" for t in (first, second)),
                    encoding="utf-8")
    for jobs in ("1", "2"):
        r = CliRunner().invoke(main, ["index", str(both), "--input-format", "jsonl", "--db", str(db), "--jobs", jobs])
        assert r.exit_code == 0, r.output
        assert "0 new, 2 changed, 0 unchanged" in r.stderr
        c = sqlite3.connect(db)
        assert c.execute("SELECT text FROM documents WHERE doc = 'dup'").fetchone()[0] == second
        assert [r[0] for r in c.execute("SELECT speaker FROM quotes ORDER BY start")] == ["Bob Vole", "Bob Vole"]
        c.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery")
def test_ctrl_c_counts_only_committed_documents(tmp_path):
    folder = news_folder(tmp_path, 1000)
    db = tmp_path / "i.db"
    p = subprocess.Popen([sys.executable, "-m", "quotecli", "index", str(folder), "--db", str(db), "--jobs", "1"],
                         cwd=ROOT, stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    import time

    time.sleep(1.2)
    p.send_signal(signal.SIGINT)
    err = p.communicate(timeout=60)[1].decode()
    c = sqlite3.connect(db)
    n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if p.returncode == 130:
        assert f"interrupted; {n} documents committed" in err
    else:  # a very fast machine finished first
        assert p.returncode == 0 and n == 1000
