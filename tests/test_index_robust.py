"""Faults around the index: kill -9 mid-run, two writers at once, locked, read-only or damaged files."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecli.cli import main
from quotecli.extract import extract

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "cnn-blinken-israel.txt").read_text(encoding="utf-8")


def _corpus(folder: Path, n: int, tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{tag}{i:04d}.txt").write_text(f"Story {tag} {i}.\n" + ARTICLE, encoding="utf-8")


def _cli(*args, env=None):
    return subprocess.Popen([sys.executable, "-m", "quotecli", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _check_consistent(db: Path) -> int:
    """Integrity holds and every stored document has exactly its own quotes: none half-written."""
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_doc = dict(c.execute("SELECT d.doc, count(q.id) FROM documents d LEFT JOIN quotes q ON q.doc_id = d.id GROUP BY d.id"))
    expected = len(extract("Story x 0.\n" + ARTICLE))
    assert all(n == expected for n in per_doc.values()), per_doc
    fts = c.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ceasefire'").fetchone()[0]
    assert fts == len(per_doc)
    c.close()
    return len(per_doc)


def test_kill_9_during_index_loses_nothing_committed(tmp_path):
    """Each run brings 1,200 new documents, more than one batch (a batch is about a second of
    work), so the kill lands while they are written and after some batches are committed."""
    db = tmp_path / "k.db"
    rng = random.Random(7)
    seen = lost = mid_run = 0
    runs = int(os.environ.get("QUOTECLI_KILL_RUNS", "4"))  # more runs: QUOTECLI_KILL_RUNS=50
    for r in range(runs):
        _corpus(tmp_path / "news" / f"r{r:03d}", 1200, f"r{r}-")
        p = _cli("index", tmp_path / "news", "--db", db, "--silent", "--jobs", "1")
        time.sleep(rng.uniform(0.8, 2.0))
        killed = p.poll() is None
        p.send_signal(signal.SIGKILL)
        p.wait()
        if db.exists():
            now = _check_consistent(db)
            lost += max(0, seen - now)
            mid_run += killed and now < 1200 * (r + 1)
            seen = max(seen, now)
    assert mid_run > 0 and seen > 0, "no kill landed after a commit: the test tested nothing"
    assert lost == 0  # nothing committed earlier is ever lost
    p = _cli("index", tmp_path / "news", "--db", db, "--silent")
    assert p.wait(timeout=300) == 0
    assert _check_consistent(db) == 1200 * runs
    # shown with -s: the figures the reliability issue asks for
    print(f"\nkill -9: {runs} runs, {mid_run} killed mid-index, {seen} documents committed between kills, "
          f"{lost} lost")


def _descendants(pid: int) -> set[int]:
    """The processes started by pid, and theirs, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), ()):
            out.add(c)
            todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_kill_9_of_the_parent_leaves_no_worker_behind(tmp_path):
    """Workers (and the fork server they start from) exit once the parent is gone, instead of
    waiting for work for ever."""
    _corpus(tmp_path / "news", 400, "n")
    p = _cli("index", tmp_path / "news", "--db", tmp_path / "k.db", "--silent", "--jobs", "2")
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 3 and time.monotonic() < deadline and p.poll() is None:  # fork server, 2 workers
        time.sleep(0.1)
        workers = _descendants(p.pid)
    assert p.poll() is None and len(workers) >= 3, "the run ended before its workers were seen"
    p.send_signal(signal.SIGKILL)
    p.wait()
    deadline = time.monotonic() + 20
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


def test_two_writers_at_once(tmp_path):
    _corpus(tmp_path / "one", 40, "o")
    _corpus(tmp_path / "two", 40, "t")
    db = tmp_path / "w.db"
    a = _cli("index", tmp_path / "one", "--db", db, "--silent")
    b = _cli("index", tmp_path / "two", "--db", db, "--silent")
    assert a.wait(timeout=120) == 0, a.stderr.read()
    assert b.wait(timeout=120) == 0, b.stderr.read()
    assert _check_consistent(db) == 80


def _index(db: Path) -> None:
    r = CliRunner().invoke(main, ["index", str(ROOT / "examples"), "--db", str(db), "--silent"])
    assert r.exit_code == 0, r.output


def test_read_only_file_and_folder_can_be_queried(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "q.db"
    _index(db)
    before = db.read_bytes()
    os.chmod(db, stat.S_IRUSR)
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        r = CliRunner().invoke(main, ["who", "Blinken", "--db", str(db), "--jsonl"])
        assert r.exit_code == 0 and len(r.stdout.splitlines()) == 15
        r = CliRunner().invoke(main, ["index", str(ROOT / "examples"), "--db", str(db)])
        if os.geteuid() != 0:  # root writes through permissions
            assert r.exit_code == 2 and "Traceback" not in r.output
    finally:
        os.chmod(folder, stat.S_IRWXU)
        os.chmod(db, stat.S_IRUSR | stat.S_IWUSR)
    assert db.read_bytes() == before or os.geteuid() == 0


def test_locked_database_is_a_clear_error(tmp_path):
    db = tmp_path / "l.db"
    _index(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        env = dict(os.environ, QUOTECLI_BUSY_TIMEOUT="0.2")
        new = tmp_path / "new.txt"
        new.write_text("“A new story,” said Jo Hart.", encoding="utf-8")
        p = _cli("index", new, "--db", db, env=env)
        _out, err = p.communicate(timeout=60)
        assert p.returncode == 2
        lines = err.decode().strip().splitlines()
        assert len(lines) == 1 and "locked" in lines[0] and "Traceback" not in err.decode()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_damaged_file_is_a_clear_error_and_left_alone(tmp_path, damage):
    db = tmp_path / "d.db"
    _index(db)
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    data = db.read_bytes()
    if damage == "truncate":
        db.write_bytes(data[: len(data) // 3])
    else:
        db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    snapshot = db.read_bytes()
    for args in (["who", "Blinken"], ["grep", "ceasefire"], ["stats"], ["index", str(ROOT / "examples")]):
        r = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert r.exit_code == 2, (args, r.output)
        assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert db.read_bytes() == snapshot
