"""Words and sentence edges inside the short windows around a quote.

Only the text next to a quote is ever tokenised, so the work per document grows with the
number of quotes, not with a full parse of the text.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from .lexicon import lexicon

_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"  # U.S., D.C.
    r"|\p{Lu}\.(?=\s*\p{Lu})"  # initials: J. Edgar
    r"|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐\-][\p{L}\p{M}\p{N}]+)*(?:['’](?=\s))?"
    r"|\S"
)
# the same tokens with the white space before each: findall hands back plain strings, and the
# offsets follow from their lengths (every non-space character is in some token)
_TOKEN_WS = regex.compile(r"(\s*)(" + _TOKEN.pattern + ")")
_TERMINAL = regex.compile(r"(?:[.!?…]+|[.!?][\"”’)\]]+)(?=\s)")
_TERMINAL_BACKWARDS = regex.compile(_TERMINAL.pattern, regex.REVERSE)


class Tok(NamedTuple):
    """A token with the tests every rule asks of it, computed once."""

    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with a capital letter
    word: bool  # starts with a letter or digit (not punctuation)


def tok(text: str, start: int, end: int) -> Tok:
    head = text[:1]
    return Tok(text, start, end, text.lower(), head.isupper(), head.isalnum())


# word -> (lower case, capitalised, a word): the same words come again and again
_ATTRS: dict[str, tuple[str, bool, bool]] = {}
_new_tuple = tuple.__new__


def _attrs(w: str) -> tuple[str, bool, bool]:
    if len(_ATTRS) >= 200_000:
        _ATTRS.clear()  # bounded: a corpus of endless distinct words does not grow it
    head = w[:1]
    a = _ATTRS[w] = (w.lower(), head.isupper(), head.isalnum())
    return a


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Tokens of text[lo:hi]; a known abbreviation keeps its period (Sen., Mr.)."""
    abbr = lexicon().abbreviations
    out: list[Tok] = []
    append = out.append
    attrs = _ATTRS.get
    pos = lo
    skip = False  # the period an abbreviation took is the next token: skip it
    for ws, w in _TOKEN_WS.findall(text, lo, hi):
        s = pos + len(ws)
        e = pos = s + len(w)
        if skip:
            skip = False
            continue
        if e < hi and text[e] == "." and (w.lower() in abbr or w in abbr):
            skip = True
            e += 1
            w += "."
        append(_new_tuple(Tok, (w, s, e, *(attrs(w) or _attrs(w)))))
    return out


def _is_boundary(text: str, m) -> bool:
    """A terminal that is not the period of an abbreviation or initial."""
    k = m.end()
    while k < len(text) and text[k].isspace():
        k += 1
    if k < len(text) and text[k].islower():
        return False  # "(R-Fla.) said": a sentence does not start in lower case
    if text[m.start()] != ".":
        return True
    j = m.start()
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j]
    if not word:
        return True
    abbr = lexicon().abbreviations
    if word.lower() in abbr or word in abbr:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial
    if "." in word:  # U.S
        return False
    return True


_MAX_SENTENCE = 3000  # no window reaches further: a run-on "paragraph" of 50 MB stays linear


def blank(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is only white space, looking back from hi (no slice, no full scan)."""
    i = hi - 1
    while i >= lo and text[i].isspace():
        i -= 1
    return i < lo


def sentence_start(text: str, lo: int, hi: int) -> int:
    """Start of the last sentence that begins in text[lo:hi]."""
    lo = max(lo, hi - _MAX_SENTENCE)
    best = lo
    for m in _TERMINAL_BACKWARDS.finditer(text, lo, hi):
        if _is_boundary(text, m):  # the last boundary wins: search from the end, stop at the first
            best = m.end()
            break
    while best < hi and text[best].isspace():
        best += 1
    return best


def sentence_end(text: str, lo: int, hi: int) -> int:
    """End of the sentence running from lo (hi when it does not end before hi)."""
    hi = min(hi, lo + _MAX_SENTENCE)
    for m in _TERMINAL.finditer(text, lo, hi):
        if _is_boundary(text, m):
            return m.end()
    return hi
