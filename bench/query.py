#!/usr/bin/env python3
"""Query latency on a large synthetic index, and index build throughput on real text.

Builds (once, cached in --db) an index of --quotes synthetic quotes by --speakers speakers
through the real Indexer, then prints p50/p95 latency of `who` and `grep` called in-process
(the first --limit rows, as a terminal shows them), the wall time of a whole
`quotecli who` process (start-up included), and the MB/s of `extract + index` on the gold
texts (or the examples) next to extraction alone on the same texts in the same run, so the
one-core target (index build >= 3 MB/s) can be read off as a share of extraction speed. Usage:
    python bench/query.py [--quotes 1000000] [--speakers 50000] [--db /tmp/quotecli-bench.db]
    python bench/query.py --index-only        # just the index build section (a few seconds)
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotecli import query
from quotecli.db import connect
from quotecli.extract import extract
from quotecli.index import BatchWriter, Indexer
from quotecli.model import Quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SYL = ["an", "bel", "cor", "dan", "el", "fa", "gor", "hal", "is", "jo", "ka", "lin", "mor", "nel", "or", "pa",
       "quin", "ros", "sa", "tor", "ul", "vin", "wes", "ya", "zel"]
FIRST = ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira", "Leo", "Maya",
         "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Victor", "Wanda", "Yusuf", "Zoe", "José", "Chloé"]


def names(n: int, rng: random.Random) -> list[str]:
    out, seen = [], set()
    while len(out) < n:
        last = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))).capitalize()
        full = f"{rng.choice(FIRST)} {last}"
        if full not in seen:
            seen.add(full)
            out.append(full)
    return out


def build(db: Path, n_quotes: int, n_speakers: int, rng: random.Random) -> float:
    vocab = ["".join(rng.choice(SYL) for _ in range(rng.randint(1, 3))) for _ in range(5000)]
    vocab += ["ceasefire", "hostage", "deal", "election", "budget", "climate", "tariff", "vaccine"]
    speakers = names(n_speakers, rng)
    conn = connect(db, create=True)
    ix = Indexer(conn)
    per_doc = 20
    t0 = time.perf_counter()
    for d in range(n_quotes // per_doc):
        parts, quotes, pos = [], [], 0
        doc = f"synthetic/{d:07d}"
        for _ in range(per_doc):
            who = rng.choice(speakers)
            words = " ".join(rng.choice(vocab) for _ in range(rng.randint(6, 20)))
            start = pos + 1
            piece = f"“{words},” said {who}.\n"
            quotes.append(Quote(doc, start, start + len(words) + 1, words + ",", who, who, "said",
                                "quote_verb_speaker", 0.95, start + len(words) + 4, start + len(words) + 4 + len(who)))
            parts.append(piece)
            pos += len(piece)
        ix.add(doc, "".join(parts), quotes)
        if d % 5000 == 0 and d:
            print(f"  built {d * per_doc:,} quotes ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    conn.execute("PRAGMA optimize")
    conn.close()
    return time.perf_counter() - t0


def gold_texts() -> list[tuple[str, str]]:
    """(doc id, text) of the news and novel dev sets, or of the examples without ../shared."""
    out = []
    for name in ("polnear", "pdnc"):
        gold = SHARED / "gold" / f"{name}.dev.jsonl"
        if gold.exists():
            out += [(f"{name}/{i}", json.loads(line)["text"]) for i, line in enumerate(open(gold, encoding="utf-8"))]
    return out or [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]


def index_build(runs: int) -> None:
    """One core: extraction alone, then extraction + index writes as `quotecli index --jobs 1`
    does them (status check, batched transactions); best of `runs` each."""
    texts = gold_texts()
    mb = sum(len(t.encode()) for _, t in texts) / 1e6
    extract("“Warm up,” said Ann Lee.", "warm-up")  # lexicons load on first use
    ext_secs, build_secs = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        for doc, t in texts:
            extract(t, doc)
        ext_secs.append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            c = connect(Path(tmp) / "b.db", create=True)
            ix = Indexer(c)
            writer = BatchWriter(ix)
            t0 = time.perf_counter()
            for doc, t in texts:
                _state, digest = ix.status(doc, t)
                writer.put(doc, t, extract(t, doc), digest)
            writer.flush()
            build_secs.append(time.perf_counter() - t0)
            c.close()
    ext, build = mb / min(ext_secs), mb / min(build_secs)
    print(f"one core, {len(texts)} real documents, {mb:.1f} MB (best of {runs}):")
    print(f"  extraction alone:              {ext:.2f} MB/s")
    print(f"  index build (extract + writes): {build:.2f} MB/s  (target >= 3 MB/s)")
    print(f"  index build / extraction = {build / ext:.2f}  (writes take {1 - build / ext:.0%} of the build)")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--speakers", type=int, default=50_000)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "quotecli-bench.db")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--index-only", action="store_true", help="Only the index build section.")
    ap.add_argument("--build-runs", type=int, default=2, help="Index build timings: best of this many.")
    args = ap.parse_args()
    if args.index_only:
        index_build(args.build_runs)
        return
    rng = random.Random(42)
    conn = connect(args.db, create=True) if args.db.exists() else None
    have = conn.execute("SELECT count(*) FROM quotes").fetchone()[0] if conn else 0
    if have != args.quotes:
        if conn:
            conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        secs = build(args.db, args.quotes, args.speakers, rng)
        print(f"built {args.quotes:,} quotes by {args.speakers:,} speakers in {secs:.0f}s "
              f"({args.quotes / secs:,.0f} quotes/s)")
    conn = connect(args.db, readonly=True)
    speakers = [r[0] for r in conn.execute("SELECT name FROM speakers ORDER BY random() LIMIT ?", (args.runs,))]
    words = ["ceasefire", "hostage deal", "budget", "climate tariff", "election"]

    def typo(name: str) -> str:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1:]

    asks = [rng.choice([s, s.split()[-1], typo(s), s.lower()]) for s in speakers]
    lat_who, lat_grep = [], []
    for a in asks:
        t0 = time.perf_counter()
        ids = [m.speaker_id for m in query.match_speakers(conn, a)][:3]
        list(query.quotes_by_speakers(conn, ids, limit=args.limit)) if ids else None
        lat_who.append((time.perf_counter() - t0) * 1000)
    for i in range(args.runs):
        t0 = time.perf_counter()
        list(query.grep(conn, words[i % len(words)], limit=args.limit))
        lat_grep.append((time.perf_counter() - t0) * 1000)
    print(f"in-process who  (n={len(lat_who)}): p50 {pct(lat_who, 50):6.1f} ms  p95 {pct(lat_who, 95):6.1f} ms  "
          f"(target p95 < 50 ms)")
    print(f"in-process grep (n={len(lat_grep)}): p50 {pct(lat_grep, 50):6.1f} ms  p95 {pct(lat_grep, 95):6.1f} ms  "
          f"(target p95 < 50 ms)")
    walls = []
    for a in asks[:15]:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "quotecli", "who", a, "--db", str(args.db), "--limit", "20"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append((time.perf_counter() - t0) * 1000)
    baseline = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append((time.perf_counter() - t0) * 1000)
    print(f"whole `quotecli who` process: median {statistics.median(walls):.0f} ms  p95 {pct(walls, 95):.0f} ms  "
          f"(bare python start-up {statistics.median(baseline):.0f} ms; target < 300 ms)")
    index_build(args.build_runs)

if __name__ == "__main__":
    main()
