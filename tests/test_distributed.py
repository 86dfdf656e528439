"""Dask on a local cluster gives exactly the single-process records; index loads them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecli.cli import main
from quotecli.distributed import extract_partition

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]


def _corpus(path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(60):
            t = texts[i % len(texts)]
            fh.write(json.dumps({"doc_id": f"doc{i}", "text": t[: len(t) - 7 * i]}, ensure_ascii=False) + "\n")


def test_pure_partition_function():
    recs = list(extract_partition([{"doc_id": "a", "text": "“Yes,” said Ann Cole."}, {"nope": 1}]))
    assert [(r["doc"], r["speaker"]) for r in recs] == [("a", "Ann Cole")]


def test_local_cluster_equals_single_process(tmp_path):
    src = tmp_path / "in.jsonl"
    _corpus(src)
    single = CliRunner().invoke(main, ["extract", str(src), "--input-format", "jsonl", "--jsonl", "--jobs", "1"])
    expected = [json.loads(line) for line in single.stdout.splitlines()]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        from quotecli.distributed import dask_extract

        files = dask_extract([str(src)], tmp_path / "out", scheduler=cluster.scheduler_address, blocksize=20_000)
    assert len(files) > 1  # really partitioned
    got = [json.loads(line) for f in sorted(files) for line in Path(f).read_text(encoding="utf-8").splitlines() if line]
    assert got == expected
    r = CliRunner().invoke(main, ["index", str(tmp_path / "out"), "--input-format", "records", "--db",
                                  str(tmp_path / "q.db")])
    assert r.exit_code == 0 and "60 new" in r.stderr
    r = CliRunner().invoke(main, ["who", "Blinken", "--db", str(tmp_path / "q.db"), "--jsonl"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) > 15
