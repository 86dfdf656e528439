#!/usr/bin/env python3
"""Peak memory of `quotecli extract` (and `index`) on a JSON Lines stream of --gb gigabytes.

A generator writes news-like documents to the command's standard input; this script samples
the resident memory of the whole process tree (main process and workers, from /proc) and
prints the peak. Target: under 300 MB whatever the input size. Linux only. Usage:
    python bench/memory.py [--gb 2] [--jobs 2] [--command extract|index]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "cnn-blinken-israel.txt").read_text(encoding="utf-8")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--command", choices=["extract", "index"], default="extract")
    args = ap.parse_args()
    target = int(args.gb * 1e9)
    tmp = tempfile.mkdtemp()
    cmd = [sys.executable, "-m", "quotecli", args.command, "-", "--input-format", "jsonl", "--jobs", str(args.jobs)]
    cmd += ["--jsonl"] if args.command == "extract" else ["--db", str(Path(tmp) / "m.db"), "--silent"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak, done = 0.0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.2)

    threading.Thread(target=sample, daemon=True).start()
    t0, sent, i = time.perf_counter(), 0, 0
    try:
        while sent < target:
            line = json.dumps({"doc_id": f"d{i}", "text": f"Story {i}.\n" + ARTICLE}, ensure_ascii=False) + "\n"
            data = line.encode("utf-8")
            proc.stdin.write(data)
            sent += len(data)
            i += 1
        proc.stdin.close()
        rc = proc.wait()
    finally:
        done.set()
    secs = time.perf_counter() - t0
    print(f"{args.command} --jobs {args.jobs}: {sent / 1e9:.2f} GB, {i:,} documents in {secs:.0f}s "
          f"({sent / 1e6 / secs:.1f} MB/s), exit {rc}; peak RSS of the process tree {peak:.0f} MB (target < 300 MB)")


if __name__ == "__main__":
    main()
