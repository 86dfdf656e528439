"""Exit codes, in one place (the README has the table)."""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # results printed
    NO_RESULTS = 1  # ran fine, nothing matched (like grep)
    ERROR = 2  # usage error, bad input or a failure; a message went to stderr
