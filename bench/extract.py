#!/usr/bin/env python3
"""Extraction throughput in MB/s over the gold texts (and the corpus), on one core.

Prints MB/s per set and overall, best of --repeat runs. Usage:
    python bench/extract.py [--repeat 3] [FILES...]
Defaults: ../shared/gold/*.jsonl and ../shared/corpus/*.txt when present, else the copies
in tests/data/ and examples/.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quotecli.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load(paths: list[Path]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for p in paths:
        if p.suffix == ".jsonl":
            with open(p, encoding="utf-8") as fh:
                sets[p.name] = [json.loads(line)["text"] for line in fh if line.strip()]
        else:
            sets.setdefault("corpus", []).append(p.read_text(encoding="utf-8"))
    return sets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = args.files or (sorted((SHARED / "gold").glob("*.jsonl")) + sorted((SHARED / "corpus").glob("*.txt"))
                           if SHARED.exists() else sorted((ROOT / "tests" / "data").glob("*.jsonl")) + sorted((ROOT / "examples").glob("*.txt")))
    sets = load(files)
    extract("warm up the word lists “once,” he said.")
    total_mb = total_s = 0.0
    print(f"{'set':<24}{'docs':>7}{'MB':>9}{'quotes':>9}{'MB/s':>9}")
    for name, texts in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        best, n = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            n = sum(len(extract(t)) for t in texts)
            best = min(best, time.perf_counter() - t0)
        total_mb += mb
        total_s += best
        print(f"{name:<24}{len(texts):>7}{mb:>9.2f}{n:>9}{mb / best:>9.2f}")
    print(f"{'all':<24}{'':>7}{total_mb:>9.2f}{'':>9}{total_mb / total_s:>9.2f}  (target >= 3 MB/s on one core)")


if __name__ == "__main__":
    main()
