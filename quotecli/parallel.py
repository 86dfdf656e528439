"""Extraction over many documents on several cores, in input order, with bounded memory.

Workers run the pure `extract`; the caller (one writer) gets results in input order. At most
a few batches are in flight, so a 2 GB JSONL stream never sits in memory.
"""
from __future__ import annotations

import itertools
import os
import time
from collections import deque
from typing import Iterable, Iterator

from .extract import extract
from .model import Quote
from .readers import Document

_BATCH_CHARS = 1_000_000
_BATCH_DOCS = 256


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _run_batch(batch: list[tuple[str, str]], show_all: bool, ptb: bool) -> list[list[Quote] | str]:
    out: list[list[Quote] | str] = []
    for doc_id, text in batch:
        try:
            out.append(extract(text, doc_id, show_all=show_all, ptb_quotes=ptb))
        except Exception as exc:  # reported by the caller, never fatal to the batch
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def _batches(docs: Iterable[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    size = 0
    for d in docs:
        batch.append(d)
        size += len(d.text)
        if size >= _BATCH_CHARS or len(batch) >= _BATCH_DOCS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_many(docs: Iterable[Document], jobs: int = 1, *, show_all: bool = False,
                 ptb_quotes: bool = False) -> Iterator[tuple[Document, list[Quote] | str]]:
    """(document, quotes or an error message) for every document, in input order."""
    it = iter(docs)
    first = list(itertools.islice(it, 2))
    if jobs <= 1 or len(first) < 2:
        for d in itertools.chain(first, it):
            yield d, _run_batch([(d.doc_id, d.text)], show_all, ptb_quotes)[0]
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_worker_context(), initializer=_start_worker,
                             initargs=(os.getpid(),)) as pool:
        window: deque = deque()
        for batch in _batches(itertools.chain(first, it)):
            window.append((batch, pool.submit(_run_batch, [(d.doc_id, d.text) for d in batch], show_all, ptb_quotes)))
            while len(window) > 2 * jobs:
                yield from _drain(window.popleft())
        while window:
            yield from _drain(window.popleft())


def _worker_context():
    """Workers are forked from a server process that has loaded quotecli once (quotecli._warm),
    not from this one: this process runs threads (the pool's own, at least), and a fork of a
    process with threads can deadlock in the child (Python 3.12 warns of it). Where there is
    no fork server (Windows), the platform's default start method."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["quotecli._warm"])
    return ctx


def _start_worker(parent: int) -> None:
    """Ctrl-C is the parent's to handle: workers ignore it instead of printing tracebacks. A
    worker whose parent is gone (kill -9) exits instead of waiting for work for ever."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.name == "posix":  # (on Windows os.kill(pid, 0) would end the parent, not look at it)
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int, every: float = 1.0) -> None:
    """Wait while `parent` lives (signal 0 only asks whether it is there); exit once it is gone."""
    while True:
        time.sleep(every)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # (alive, another user's: not ours, but not gone)
            pass


def _drain(item) -> Iterator[tuple[Document, list[Quote] | str]]:
    batch, fut = item
    yield from zip(batch, fut.result())
