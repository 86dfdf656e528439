"""Words and sentence edges inside the short windows around a quote.

Only the text next to a quote is ever tokenised, so the work per document grows with the
number of quotes, not with a full parse of the text.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from .lexicon import lexicon

_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"  # U.S., D.C.
    r"|\p{Lu}\.(?=\s*\p{Lu})"  # initials: J. Edgar
    r"|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐\-][\p{L}\p{M}\p{N}]+)*(?:['’](?=\s))?"
    r"|\S"
)
_TERMINAL = regex.compile(r"(?:[.!?…]+|[.!?][\"”’)\]]+)(?=\s)")
_TERMINAL_BACKWARDS = regex.compile(_TERMINAL.pattern, regex.REVERSE)
# the same forwards for the standard re module, which costs less per call on a short window;
# its \s also takes \x1c-\x1f, which the pattern's does not: they are left out. Written to open
# with a character class (the two branches' first characters, the second's checked behind),
# from which the re module skips ahead to where a terminal can start instead of trying both
# branches at every character: a third of the cost on a window without one.
_TERMINAL_RE = re.compile(r"[.!?…](?:[.!?…]*|(?<=[.!?])[\"”’)\]]+)(?=[^\S\x1c-\x1f])")


class Tok(NamedTuple):
    """A token with the tests every rule asks of it, computed once."""

    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with a capital letter
    word: bool  # starts with a letter or digit (not punctuation)


# word -> (lower case, capitalised, a word): the same words come again and again
_ATTRS: dict[str, tuple[str, bool, bool]] = {}
_new_tuple = tuple.__new__


def _attrs(w: str) -> tuple[str, bool, bool]:
    if len(_ATTRS) >= 200_000:
        _ATTRS.clear()  # bounded: a corpus of endless distinct words does not grow it
    head = w[:1]
    a = _ATTRS[w] = (w.lower(), head.isupper(), head.isalnum())
    return a


# White space that str.split() and the pattern's \s do not agree on (\x1c-\x1f): a window with
# any of it is read by the pattern alone.
_SPACE_CANDIDATES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u180e" + "".join(map(chr, range(0x2000, 0x200c))) \
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
_ODD_SPACE = "".join(c for c in _SPACE_CANDIDATES if c.isspace() != bool(regex.match(r"\s", c)))
_HAS_ODD_SPACE = re.compile(f"[{re.escape(_ODD_SPACE)}]").search if _ODD_SPACE else (lambda s: None)
assert not any(c.isprintable() for c in _ODD_SPACE)  # a printable window holds none
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# marks that are always a token of their own, never part of a word's token
_PUNCT = ",.;:!?()[]\"“”‘«»…—–*/"
# chunk (a run without white space) -> its tokens as (word, start, end, lower, cap, word?) with
# offsets in the chunk; only chunks whose tokens do not depend on what follows them
_CHUNKS: dict[str, tuple[tuple, ...]] = {}
# Bounded in two generations: when _CHUNKS is full it becomes _OLD_CHUNKS and starts anew, and
# a chunk found in the old generation moves back to the new one. A chunk read again within two
# fills survives (clearing all at once made a vocabulary a little larger than the bound miss on
# every chunk, pass after pass); at most twice the bound is held.
_OLD_CHUNKS: dict[str, tuple[tuple, ...]] = {}
_CHUNKS_MAX = 20_000
# A chunk with a digit ("17.", "2016,", "$3.5bn", "9/11") is read but not kept: numbers, dates
# and prices seldom come again, and keeping each one costs more than reading it (an entry and
# its tuples allocated and held for nothing, and the common words pushed out sooner).
_HAS_DIGIT = re.compile("[0-9]").search


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Tokens of text[lo:hi]; a known abbreviation keeps its period (Sen., Mr.).

    The window is split at white space and each chunk read once per process (cached): no
    token crosses white space, and a chunk's tokens are the same wherever it stands, unless it
    ends in an initial's period ("J. Edgar") or an apostrophe, the two cases where the pattern
    looks at what follows; those are read in place."""
    seg = text[lo:hi]
    out: list[Tok] = []
    if not seg.isprintable() and _HAS_ODD_SPACE(seg):  # (printable: no odd space, no need to look)
        _in_place(text, lo, hi, hi, out)
        return out
    append = out.append
    get = _CHUNKS.get
    find = seg.find
    pos = 0
    for chunk in seg.split():
        s = find(chunk, pos)
        pos = s + len(chunk)
        toks = get(chunk)
        if toks is None:
            c = chunk[-1]
            if c == "'" or c == "’" or (c == "." and len(chunk) > 1 and (chunk[-2] in _ASCII_UPPER or not chunk[-2].isascii())):
                _in_place(text, s + lo, pos + lo, hi, out)
                continue
            toks = _chunk(chunk)
        s += lo
        for w, cs, ce, low, cap, word in toks:
            append(_new_tuple(Tok, (w, s + cs, s + ce, low, cap, word)))
    return out


def _chunk(chunk: str) -> tuple[tuple, ...]:
    """The tokens of a chunk read alone (cached, unless it holds a digit)."""
    core = chunk.rstrip(_PUNCT)
    if core.isdigit() and core.isascii() and core not in _abbreviations():
        # a number and marks after it ("17.", "2016,"): never kept, so read at least cost
        k = len(core)
        marks = _MARKS_AFTER.get((chunk[k:], k)) if k < len(chunk) else ()
        if marks is None:
            if len(_MARKS_AFTER) >= 1000:
                _MARKS_AFTER.clear()  # bounded
            marks = _MARKS_AFTER[(chunk[k:], k)] = tuple((c, i, i + 1, c, False, False)
                                                         for i, c in enumerate(chunk[k:], k))
        return ((core, 0, k, core, False, True), *marks)
    out = _OLD_CHUNKS.get(chunk)
    if out is not None:
        _keep(chunk, out)
        return out
    abbr = _abbreviations()
    toks = []
    n = len(chunk)
    core = chunk.rstrip(_PUNCT)
    word = core.lstrip(_PUNCT)
    if not word or (word.isascii() and word.isalnum()):
        # ASCII letters and digits with marks from _PUNCT around them: the word, and each mark
        # alone, as the pattern reads them
        lead = len(core) - len(word)
        words = [*chunk[:lead], *([word] if word else []), *chunk[len(core):]]
        keep = not word or word.isalpha()  # (no digit in the marks around it)
    else:
        words = _TOKEN.findall(chunk)
        keep = _HAS_DIGIT(chunk) is None
    pos = 0
    skip = False  # the period an abbreviation took is the next token: skip it
    for w in words:
        s = pos
        e = pos = s + len(w)
        if skip:
            skip = False
            continue
        if e < n and chunk[e] == "." and (w.lower() in abbr or w in abbr):
            skip = True
            e += 1
            w += "."
        head = w[:1]  # the word's tests as _attrs makes them (the chunk cache keeps them)
        toks.append((w, s, e, w.lower(), head.isupper(), head.isalnum()))
    out = tuple(toks)
    if keep:
        _keep(chunk, out)
    return out


# (marks, offset) -> their tokens: the marks after a number, a handful of kinds
_MARKS_AFTER: dict[tuple[str, int], tuple[tuple, ...]] = {}


@functools.cache
def _abbreviations() -> frozenset[str]:
    """The word list's abbreviations (Sen, Mr, U.S): a period after one is part of its token."""
    return lexicon().abbreviations


def _keep(chunk: str, toks: tuple[tuple, ...]) -> None:
    """Cache a chunk's tokens in the new generation, which becomes the old one when full."""
    if len(_CHUNKS) >= _CHUNKS_MAX:
        _OLD_CHUNKS.clear()
        _OLD_CHUNKS.update(_CHUNKS)
        _CHUNKS.clear()
    _CHUNKS[chunk] = toks


def _in_place(text: str, lo: int, e: int, hi: int, out: list[Tok]) -> None:
    """Append the tokens that start in text[lo:e], read in the window that ends at hi."""
    abbr = _abbreviations()
    attrs = _ATTRS.get
    skip = -1
    for m in _TOKEN.finditer(text, lo, hi):
        s, t_end = m.span()
        if s >= e:
            break
        if s == skip:
            continue
        w = m.group()
        if t_end < hi and text[t_end] == "." and (w.lower() in abbr or w in abbr):
            skip = t_end
            t_end += 1
            w += "."
        out.append(_new_tuple(Tok, (w, s, t_end, *(attrs(w) or _attrs(w)))))


def _is_boundary(text: str, m) -> bool:
    """A terminal that is not the period of an abbreviation or initial."""
    j, k = m.span()
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    if k < n and text[k].islower():
        return False  # "(R-Fla.) said": a sentence does not start in lower case
    if text[j] != ".":
        return True
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    if k == j:
        return True
    word = text[k:j]
    abbr = _abbreviations()
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
    # one search a terminal: most windows hold none or end at the first (a finditer costs more)
    m = _TERMINAL_RE.search(text, lo, hi)
    while m is not None:
        if _is_boundary(text, m):
            return m.end()
        m = _TERMINAL_RE.search(text, m.end(), hi)
    return hi
