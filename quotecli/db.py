"""The index file: an SQLite database with documents, quotes, speakers and full-text search.

Other SQLite tools can read it; the tables are documented in README.md. Schema changes are
ordered migrations keyed by `PRAGMA user_version`; a file written by a newer quotecli, or a
file that is not a quotecli index, is refused without being touched.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

APP_NAME = "quotecli"
APPLICATION_ID = 0x51554F54  # "QUOT": marks the file as a quotecli index

MIGRATIONS: list[str] = [
    # 1: documents, speakers, aliases, quotes, full-text search over quote text
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL UNIQUE,          -- document id: path as given, JSONL doc_id, or '-'
        sha256 TEXT NOT NULL,              -- hash of the text: unchanged documents are skipped
        chars INTEGER NOT NULL,
        indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        text TEXT NOT NULL                 -- the text as decoded, for context in `show`
    );
    CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,         -- canonical name: the fullest form seen
        norm TEXT NOT NULL,                -- lower case, no accents: for matching
        last TEXT NOT NULL                 -- normalised last word (surname)
    );
    CREATE INDEX speakers_last ON speakers(last);
    CREATE TABLE aliases (
        speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,               -- a form the documents used: "Blinken", "Secretary Blinken"
        norm TEXT NOT NULL,
        PRIMARY KEY (speaker_id, alias)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_norm ON aliases(norm);
    CREATE TABLE name_tokens (
        token TEXT NOT NULL,               -- one normalised word of a name or alias, for fuzzy `who`
        speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        PRIMARY KEY (token, speaker_id)
    ) WITHOUT ROWID;
    CREATE INDEX name_tokens_speaker ON name_tokens(speaker_id);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        qid TEXT NOT NULL UNIQUE,          -- the record's stable id
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_id INTEGER REFERENCES speakers(id),
        speaker TEXT,                      -- the speaker as the document names it
        mention TEXT,
        cue TEXT,
        rule TEXT NOT NULL,
        confidence REAL NOT NULL,
        mention_start INTEGER,
        mention_end INTEGER
    );
    CREATE INDEX quotes_doc ON quotes(doc_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class DatabaseError(Exception):
    """A database problem explained in one line, with what to do about it."""


def default_path() -> Path:
    """QUOTECLI_DB, else quotecli.db in the user's data directory."""
    env = os.environ.get("QUOTECLI_DB")
    if env:
        return Path(env).expanduser()
    import click

    return Path(click.get_app_dir(APP_NAME)) / "quotecli.db"


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read the database ({exc.strerror})") from None
    if head and head != b"SQLite format 3\x00":
        raise DatabaseError(f"{path}: not a quotecli database (not an SQLite file); nothing was changed")


def connect(path: Path | str, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open (and with create=True make or migrate) the index; every failure is a DatabaseError."""
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    if not exists and not create:
        raise DatabaseError(f"{path}: no index here yet; run 'quotecli index PATH' first (or pass --db)")
    if exists:
        _check_header(path)
    if create and not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{path.parent}: cannot create the folder ({exc.strerror})") from None
    try:
        conn = _open(path, "ro" if readonly else ("rwc" if create else "rw"))
        if readonly:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # a read-only folder cannot hold the WAL index: read the file as it stands
                conn.close()
                conn = _open(path, "ro", immutable=True)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(_busy_timeout() * 1000)}")
        # one snapshot: another process may be creating the schema right now
        conn.execute("BEGIN")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: cannot open the database ({exc}); nothing was changed") from None
    if has_tables and app_id != APPLICATION_ID:
        conn.close()
        raise DatabaseError(f"{path}: not a quotecli database (it holds other tables); nothing was changed")
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(f"{path}: written by a newer quotecli (schema {version} > {SCHEMA_VERSION}); "
                            "upgrade quotecli to read it")
    if version < SCHEMA_VERSION and (readonly or not create) and version == 0 and not has_tables:
        conn.close()
        raise DatabaseError(f"{path}: empty database; run 'quotecli index PATH' first")
    if not readonly:
        # WAL before any schema work, so that two processes creating one index at once agree
        # on it; switching needs a moment alone with the file, so wait while another holds it
        _wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
    if version < SCHEMA_VERSION:
        _migrate(conn, path, version)
    return conn


def _wal(conn: sqlite3.Connection) -> None:
    import time

    deadline = time.monotonic() + _busy_timeout()
    while True:
        try:
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                return  # read-only media: WAL cannot be turned on, reading still works
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)


class IndexConnection(sqlite3.Connection):
    """A connection that can carry per-connection caches (query.py's name vocabulary)."""

    name_vocabulary: tuple | None = None


def _open(path: Path, mode: str, immutable: bool = False) -> sqlite3.Connection:
    from urllib.parse import quote

    uri = f"file:{quote(str(path))}?mode={mode}" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, timeout=_busy_timeout(), isolation_level=None, check_same_thread=False,
                           factory=IndexConnection)


def _busy_timeout() -> float:
    """Seconds to wait for another writer (QUOTECLI_BUSY_TIMEOUT, default 30)."""
    try:
        return max(0.0, float(os.environ.get("QUOTECLI_BUSY_TIMEOUT", "30")))
    except ValueError:
        return 30.0


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    try:
        conn.execute("BEGIN IMMEDIATE")
        current = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
        for i in range(current, SCHEMA_VERSION):
            for stmt in _statements(MIGRATIONS[i]):
                conn.execute(stmt)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise DatabaseError(f"{path}: cannot write the database ({exc})") from None


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
