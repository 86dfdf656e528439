#!/usr/bin/env python3
"""Instructions per extraction pass, counted by valgrind (callgrind): a measure of a speed
change that the machine's load does not move, unlike MB/s on a shared machine.

One pass reads a fixed sample: the first texts of each gold dev set and the corpus (or, with
--tiny, 5,000 one-line documents). A pass's count is count(3 passes) - count(2 passes), so
start-up and warm-up fall out. Given several source trees (e.g. a `git worktree` of the last
release and this one), each is counted the same way and compared with the first. Usage:
    python bench/instructions.py [--tiny] [TREE ...]        # default TREE: this checkout
Needs valgrind (about two minutes a tree, one core).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# run inside valgrind with the tree on PYTHONPATH: argv = passes, sample kind, shared dir
PASSES = r"""
import glob, json, sys
from pathlib import Path
from quotecli.extract import extract
n, kind, shared, root = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
if kind == "tiny":
    texts = [f"“Item {i} is ready,” said Jo Hart {i}." for i in range(5000)]
elif (shared / "gold").exists():
    texts = []
    for p in sorted((shared / "gold").glob("*.jsonl")):
        lines = [json.loads(l)["text"] for l in open(p, encoding="utf-8") if l.strip()]
        # a few long novels cut to 150,000 characters, the news, a few stories
        texts += [t[:150_000] for t in lines[:3]] if "pdnc" in p.name else lines[:120] if "polnear" in p.name \
            else lines[:10]
    texts += [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus" / "*.txt")))]
else:
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
for t in texts[:50]:
    extract(t)
for _ in range(n):
    for t in texts:
        extract(t)
"""


def count(tree: Path, passes: int, kind: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--cache-sim=no",
                        sys.executable, "-c", PASSES, str(passes), kind, str(SHARED), str(ROOT)],
                       env=env, check=True, capture_output=True, cwd=tmp)  # (-c puts the cwd first on sys.path)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("no total in the callgrind output")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="*", type=Path, default=[ROOT])
    ap.add_argument("--tiny", action="store_true", help="5,000 one-line documents instead of the gold sample")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py: valgrind is not installed (apt-get install valgrind); nothing counted")
    kind = "tiny" if args.tiny else "gold"
    unit = "per one-line document" if args.tiny else "per pass over the sample"
    first = None
    for tree in args.trees:
        per = count(tree, 3, kind) - count(tree, 2, kind)
        if args.tiny:
            per //= 5000
        first = first or per
        print(f"{str(tree):<40} {per:>15,} instructions {unit}  ({per / first:.3f} of the first)")


if __name__ == "__main__":
    main()
