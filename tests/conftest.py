"""Hermetic tests: every test gets its own index file through QUOTECLI_DB."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_index(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTECLI_DB", str(tmp_path / "index.db"))
