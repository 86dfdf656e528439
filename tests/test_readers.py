"""readers.read_documents on real files: every bad input is one reported line, never a stop."""
from __future__ import annotations

import codecs
import io
import json
import os
import sys

import pytest

from quotecli.readers import Document, read_documents

QUOTE = "“We will win,” Blinken said."


def read(paths, **kw):
    errors: list[str] = []
    docs = list(read_documents([str(p) for p in paths], on_error=errors.append, **kw))
    return docs, errors


def test_file_keeps_path_as_given_and_exact_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(QUOTE, encoding="utf-8")
    assert read([f]) == ([Document(str(f), QUOTE)], [])


def test_folder_is_recursive_sorted_and_skips_hidden_and_binary(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text("g", encoding="utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG\x00\x00")
    docs, errors = read([tmp_path])
    assert [d.text for d in docs] == ["a", "z"] and errors == []
    assert docs[1].doc_id == str(tmp_path / "b" / "z.txt")


@pytest.mark.parametrize("content,expect", [
    (b"abc\x00def", "binary file"),
    (b"", "empty file"),
    (b"caf\xe9", "not valid UTF-8"),
])
def test_bad_file_is_one_line_and_the_next_is_read(tmp_path, content, expect):
    bad, ok = tmp_path / "bad.txt", tmp_path / "ok.txt"
    bad.write_bytes(content)
    ok.write_text(QUOTE, encoding="utf-8")
    docs, errors = read([bad, ok])
    assert [d.doc_id for d in docs] == [str(ok)]
    assert len(errors) == 1 and str(bad) in errors[0] and expect in errors[0] and "\n" not in errors[0]


def test_missing_path(tmp_path):
    docs, errors = read([tmp_path / "nope.txt"])
    assert docs == [] and errors == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        docs, errors = read([tmp_path])
    finally:
        locked.chmod(0o755)
    assert docs == [] and len(errors) == 1 and "locked" in errors[0]


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + QUOTE.encode("utf-8"),
    QUOTE.encode("utf-16"),  # with its BOM
    codecs.BOM_UTF16_BE + QUOTE.encode("utf-16-be"),
])
def test_bom_decides_the_encoding(tmp_path, encoded):
    f = tmp_path / "bom.txt"
    f.write_bytes(encoded)
    assert read([f]) == ([Document(str(f), QUOTE)], [])


def test_encoding_parameter(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Ça va, dit Zoë.".encode("latin-1"))
    assert read([f], encoding="latin-1")[0] == [Document(str(f), "Ça va, dit Zoë.")]
    docs, errors = read([f], encoding="no-such-codec")
    assert docs == [] and len(errors) == 1 and "no-such-codec" in errors[0]


def test_stdin_text_and_jsonl():
    docs, errors = read(["-"], stdin=io.BytesIO(QUOTE.encode("utf-8")))
    assert docs == [Document("-", QUOTE)] and errors == []
    line = json.dumps({"id": "s1", "text": QUOTE}) + "\n"
    docs, errors = read(["-"], input_format="jsonl", stdin=io.BytesIO(line.encode("utf-8")))
    assert docs == [Document("s1", QUOTE)] and errors == []


def test_jsonl_bad_lines_name_file_and_line(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text("\n".join([
        json.dumps({"doc_id": "d1", "text": QUOTE, "other": 1}),
        "{not json",
        json.dumps({"doc_id": "d2", "text": 5}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "d3", "text": "“No,” she said."}),
    ]) + "\n", encoding="utf-8")
    docs, errors = read([f], input_format="jsonl")
    assert [d.doc_id for d in docs] == ["d1", "d3"] and docs[0].text == QUOTE
    assert [e.split(": ")[0] for e in errors] == [f"{f}:2", f"{f}:3", f"{f}:4"]


def test_jsonl_utf16_and_encoding(tmp_path):
    rec = json.dumps({"id": "u", "text": QUOTE}, ensure_ascii=False) + "\n"
    u16 = tmp_path / "u16.jsonl"
    u16.write_bytes(rec.encode("utf-16"))
    assert read([u16], input_format="jsonl") == ([Document("u", QUOTE)], [])
    cp = tmp_path / "cp.jsonl"
    cp.write_bytes(rec.encode("cp1252"))
    assert read([cp], input_format="jsonl", encoding="cp1252") == ([Document("u", QUOTE)], [])
    docs, errors = read([cp], input_format="jsonl")
    assert docs == [] and errors[0].startswith(f"{cp}:1: not valid UTF-8")


def test_jsonl_folder_reads_only_jsonl_files(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": QUOTE}) + "\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not JSON\n", encoding="utf-8")
    assert read([tmp_path], input_format="jsonl") == ([Document("a", QUOTE)], [])


def test_jsonl_is_streamed(tmp_path):
    """The first document arrives before the rest of the file is parsed."""
    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "first", "text": QUOTE}) + "\n")
        fh.write("{broken\n" * 1000)
    errors: list[str] = []
    it = read_documents([str(f)], input_format="jsonl", on_error=errors.append)
    assert next(it).doc_id == "first" and errors == []
    assert list(it) == [] and len(errors) == 1000
