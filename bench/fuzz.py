#!/usr/bin/env python3
"""Fuzz the extractor, the JSONL reader and the query parser for a bounded time (not in CI).

Random inputs are drawn from alphabets rich in what breaks parsers (quote marks of every
style, apostrophes, line ends, capitalised names, speech verbs, control characters, any
Unicode). Every input that raises is written to tests/data/fuzz_regressions.jsonl, which
tests/test_properties.py replays on every run. Usage:
    python bench/fuzz.py [--seconds 300] [--seed 1]
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sqlite3
import tempfile
import time
import traceback
from pathlib import Path

from quotecli import query
from quotecli.db import connect
from quotecli.extract import extract
from quotecli.index import Indexer
from quotecli.readers import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
REGRESSIONS = ROOT / "tests" / "data" / "fuzz_regressions.jsonl"
PIECES = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‚", "‹", "›", "「", "」", "''", "``", "\n", "\n\n", "\r",
          "\r\n", " ", ",", ".", ":", "!", "?", "—", "(", ")", "said", "says", "told", "according to", "he", "she",
          "they", "who", "the", "a", "Mr.", "Mrs.", "Dr.", "Sen.", "Antony", "Blinken", "Herzog", "Isaac", "US",
          "Secretary", "of", "State", "adding", "his wife", "\x00", "\u200b", "\ufeff", "é", "ß", "İ", "ﬁ", "😀",
          "Jr.", "III", "O’Brien", "rock 'n' roll", "’90s", "—", "…", "\t", "AND", "OR", "NEAR", "*", "-", "^"]


def random_text(rng: random.Random) -> str:
    n = rng.choice([1, 3, 10, 40, 200])
    if rng.random() < 0.2:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x2FFF), rng.randrange(0, 0x10FFFF)]))
                       for _ in range(n)).encode("utf-8", "replace").decode("utf-8", "replace")
    return "".join(rng.choice(PIECES) + (" " if rng.random() < 0.4 else "") for _ in range(n))


def check_extract(text: str) -> None:
    got = extract(text, show_all=True)
    for q in got:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text, q
        assert 0.0 <= q.confidence <= 1.0
    assert got == extract(text, show_all=True)


def check_jsonl(text: str) -> None:
    errors: list[str] = []
    for doc in read_jsonl(io.BytesIO(text.encode("utf-8", "surrogatepass")), "<fuzz>", errors.append):
        assert isinstance(doc.text, str)
    assert all("\n" not in e for e in errors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp()
    conn = connect(Path(tmp) / "f.db", create=True)
    article = (ROOT / "examples" / "cnn-blinken-israel.txt").read_text(encoding="utf-8")
    Indexer(conn).add("a", article, extract(article, "a"))
    checks = {
        "extract": check_extract,
        "jsonl": lambda t: check_jsonl(t if rng.random() < 0.5 else json.dumps({"doc_id": t, "text": t})[: rng.randrange(1, 80)] + t),
        "grep words": lambda t: list(query.grep(conn, t, limit=5)),
        "who": lambda t: query.match_speakers(conn, t),
        "regex": lambda t: _regex(conn, t),
    }
    counts = {k: 0 for k in checks}
    crashes = []
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for name, check in checks.items():
            text = random_text(rng)
            counts[name] += 1
            try:
                check(text)
            except query.QueryError:
                pass  # a clear, expected refusal
            except Exception as exc:  # noqa: BLE001 - every other exception is a finding
                crashes.append({"target": name, "input": text, "error": f"{type(exc).__name__}: {exc}",
                                "where": traceback.format_exc().splitlines()[-3].strip()})
    total = sum(counts.values())
    print(f"inputs tried: {total:,} in {args.seconds:.0f}s (" + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + ")")
    print(f"crashes: {len(crashes)}")
    if crashes:
        with open(REGRESSIONS, "a", encoding="utf-8") as fh:
            for c in crashes[:50]:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
                print(f"  {c['target']}: {c['error']} at {c['where']} on {c['input'][:80]!r}")
        print(f"written to {REGRESSIONS}")


def _regex(conn: sqlite3.Connection, t: str) -> None:
    list(query.grep(conn, t, use_regex=True, limit=5))


if __name__ == "__main__":
    main()
