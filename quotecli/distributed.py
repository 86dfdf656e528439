"""Quote extraction on an existing distributed engine: Dask bags, or Spark's mapPartitions.

The work is the pure `extract_partition`: an iterable of {"doc_id", "text"} dicts in, quote
records out. Dask (optional extra `quotecli[dask]`) reads JSON Lines or text files, runs it on
every partition, and writes partitioned JSON Lines (`part-00000.jsonl`, ...) whose
concatenation, in file order, equals `quotecli extract --jsonl` on the same input, record for
record. `quotecli index --input-format records` loads them without extracting again.

PySpark, the same function:
    rdd = spark.sparkContext.textFile("corpus/*.jsonl").map(json.loads)
    rdd.mapPartitions(extract_partition).map(json.dumps).saveAsTextFile("quotes/")
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator


def extract_partition(docs: Iterable[dict], show_all: bool = False, ptb_quotes: bool = False) -> Iterator[dict]:
    """Quote records for {"doc_id" (or "id"), "text"} dicts; bad records are skipped."""
    from .extract import extract

    for d in docs:
        text = d.get("text") if isinstance(d, dict) else None
        if not isinstance(text, str):
            continue
        did = d.get("doc_id", d.get("id"))
        for q in extract(text, str(did) if did is not None else "-", show_all=show_all, ptb_quotes=ptb_quotes):
            yield q.to_dict()


def _read_jsonl_partition(lines: Iterable[str]) -> Iterator[dict]:
    for line in lines:
        line = line.strip()
        if line:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue  # the single-process reader reports these; here they are skipped


def dask_extract(paths: list[str], output: str | Path, *, input_format: str = "jsonl", scheduler: str | None = None,
                 blocksize: str | int = "16MiB", show_all: bool = False, ptb_quotes: bool = False) -> list[str]:
    """Extract with Dask and write partitioned JSON Lines into `output`; returns the files.

    `scheduler`: a dask.distributed address ("tcp://host:8786") or None for the scheduler in
    use (a Client created beforehand, else local processes).
    """
    import dask
    import dask.bag as db

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    if input_format == "jsonl":
        bag = db.read_text(paths, blocksize=blocksize).map_partitions(_read_jsonl_partition)
    else:
        files = _text_files(paths)
        bag = db.from_sequence(files, partition_size=64).map(
            lambda p: {"doc_id": p, "text": Path(p).read_text(encoding="utf-8", errors="replace")})
    records = bag.map_partitions(extract_partition, show_all, ptb_quotes).map(
        lambda r: json.dumps(r, ensure_ascii=False))
    target = str(out / "part-*.jsonl")
    name = lambda i: f"{i:05d}"  # noqa: E731
    if scheduler:
        from dask.distributed import Client

        with Client(scheduler):
            return records.to_textfiles(target, name_function=name)
    with dask.config.set(scheduler=dask.config.get("scheduler", "processes")):
        return records.to_textfiles(target, name_function=name)


def _text_files(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        q = Path(p)
        if q.is_dir():
            out.extend(str(f) for f in sorted(q.rglob("*")) if f.is_file() and not f.name.startswith("."))
        else:
            out.append(p)
    return out
