"""quotecli: find quotations in text and attribute them to their speakers.

    >>> from quotecli import extract
    >>> [(q.speaker, q.text) for q in extract("“We will win,” said Jo Hart.")]
    [('Jo Hart', 'We will win,')]

`extract` is imported lazily so that `import quotecli` (and the CLI's start-up) stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "Quote", "__version__"]


def __getattr__(name: str):
    if name == "extract":
        from .extract import extract

        return extract
    if name == "Quote":
        from .model import Quote

        return Quote
    raise AttributeError(f"module 'quotecli' has no attribute {name!r}")
