"""Hostile input and faults: odd line ends, NUL bytes, symlink loops, a full disk."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecli.cli import main
from quotecli.db import connect
from quotecli.extract import extract
from quotecli.index import Indexer

ROOT = Path(__file__).resolve().parents[1]


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_ends(eol):
    text = f"“We will,” said Ann Cole.{eol}“No,” said Bo Park.{eol}"
    got = extract(text)
    assert [(q.text, q.speaker) for q in got] == [("We will,", "Ann Cole"), ("No,", "Bo Park")]
    assert all(text[q.start:q.end] == q.text for q in got)


def test_nul_bytes_in_text_and_files(tmp_path):
    text = "“Nul\x00 here,” said Ann Cole.\x00\x00"
    assert [q.speaker for q in extract(text)] == ["Ann Cole"]
    f = tmp_path / "nul.txt"
    f.write_bytes(b"\x00" * 10 + "“Hidden,” said Bo Park.".encode())
    r = run("extract", f)
    assert r.exit_code == 2 and "binary file" in r.stderr


def test_symlink_loop_and_dangling_link(tmp_path):
    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text("“Fine,” said Ann Cole.", encoding="utf-8")
    os.symlink(d, d / "loop")  # a folder that contains itself
    os.symlink(tmp_path / "gone.txt", d / "dangling.txt")
    r = run("extract", d, "--jsonl")
    assert [json.loads(line)["speaker"] for line in r.stdout.splitlines()] == ["Ann Cole"]
    assert "dangling.txt" in r.stderr and "Traceback" not in r.output


def test_stdin_jsonl_cut_mid_line():
    data = json.dumps({"doc_id": "a", "text": "“Yes,” said Ann Cole."}) + "\n" + '{"doc_id": "b", "te'
    r = run("extract", "-", "--input-format", "jsonl", "--jsonl", input=data.encode())
    assert r.exit_code == 2 and "<stdin>:2:" in r.stderr
    assert json.loads(r.stdout)["doc"] == "a"


def test_disk_full_stops_cleanly_and_keeps_committed(tmp_path):
    db = tmp_path / "full.db"
    c = connect(db, create=True)
    ix = Indexer(c)
    article = (ROOT / "examples" / "cnn-blinken-israel.txt").read_text(encoding="utf-8")
    ix.add("first", article, extract(article, "first"))
    pages = c.execute("PRAGMA page_count").fetchone()[0]
    c.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is now almost full
    with pytest.raises(sqlite3.Error):
        for i in range(50):
            ix.add(f"more{i}", article + f" {i}", extract(article, f"more{i}"))
    c.close()
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = [r[0] for r in c.execute("SELECT doc FROM documents ORDER BY id")]
    assert docs[0] == "first"
    for d in docs:  # every stored document is whole
        assert c.execute("SELECT count(*) FROM quotes q JOIN documents x ON x.id = q.doc_id WHERE x.doc = ?",
                         (d,)).fetchone()[0] == 18


def test_regex_from_user_cannot_hang(tmp_path):
    db = tmp_path / "r.db"
    assert run("index", ROOT / "examples", "--db", db, "--silent").exit_code == 0
    r = run("grep", "-e", r"(a+)+$", "--db", db)  # classic catastrophic pattern
    assert r.exit_code in (1, 2) and "Traceback" not in r.output


def test_readers_see_committed_data_during_a_write(tmp_path):
    db = tmp_path / "c.db"
    assert run("index", ROOT / "examples", "--db", db, "--silent").exit_code == 0
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM quotes")  # uncommitted: readers must not see it
    try:
        r = run("who", "Blinken", "--db", db, "--jsonl")
        assert r.exit_code == 0 and len(r.stdout.splitlines()) == 15
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_file_vanishing_mid_run(tmp_path, monkeypatch):
    d = tmp_path / "news"
    d.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (d / name).write_text("“Fine,” said Ann Cole.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.txt":
            self.unlink()  # gone between listing the folder and reading it
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    r = run("extract", d, "--jsonl")
    assert r.exit_code == 2 and "b.txt: no such file" in r.stderr
    assert len(r.stdout.splitlines()) == 2


def test_windows_1252_detected_by_its_punctuation(tmp_path):
    f = tmp_path / "win.txt"
    f.write_bytes("“We will win,” said José Martí.".encode("cp1252"))
    r = run("extract", f, "--jsonl")
    assert r.exit_code == 0 and "Windows-1252" in r.stderr
    assert json.loads(r.stdout)["speaker"] == "José Martí"
