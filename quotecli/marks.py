"""Find quoted spans: pair opening and closing marks, tell apostrophes apart.

One pass over the marks of the text with a small stack, so the cost is linear in the text
whatever the marks (10^6 stray quotes cost the same as 10^6 letters). Paragraph ends bound
every quote: an unclosed quote stops at its paragraph end unless the next paragraph reopens
it (the multi-paragraph convention) or closes it first (quotes across hard line breaks).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from .lexicon import lexicon
from .model import Span

_SPACE = frozenset(" \t\n\r\f\v\u00a0\u2028\u2029\u200b\u202f\u3000")
_OPEN_BEFORE = frozenset("([{<—–-/:;=|")  # characters after which a mark opens a quote
_CLOSE_AFTER = frozenset(".,;:!?)]}>—–-…/|*")  # characters before which a mark closes one
# line ends: \n, \r\n and a lone \r (old Mac files) all end a line
# (literal characters only: the standard re module reads them the same, and faster)
# (a \r followed by \n is one line end: "\r\n" alone is no blank line)
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v\u00a0]*(?:\r\n|\r(?!\n)|\n)")
_NEWLINE = re.compile(r"\r\n?|\n")
# the same two for text with no \r (all extract() reads): a literal first character, which
# the engine finds by a fast scan: a fifth of the cost on a novel
_BLANK_LINE_LF = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_LF = re.compile("\n")
_LONG_LINE = 200  # a line this long is a paragraph, not a wrapped line
_SENTENCE_END = frozenset('.!?”"’')


@functools.cache
def _tables():
    lex = lexicon()
    openers: dict[str, set[str]] = {}  # opening mark -> the closing marks it accepts
    closers: set[str] = set()
    kind: dict[str, str] = {}
    for o, c, k in lex.quote_pairs:
        openers.setdefault(o, set()).add(c)
        closers.add(c)
        kind[o] = kind.get(o, k)
        kind[c] = kind.get(c, k)
    marks = set(openers) | closers
    multi = sorted((m for m in marks if len(m) > 1), key=len, reverse=True)
    single = "".join(sorted(m for m in marks if len(m) == 1))
    pattern = regex.compile("|".join([*(regex.escape(m) for m in multi), "[" + regex.escape(single) + "]"]))
    # the same for text that is all ASCII, where only the ASCII marks can occur: faster to scan
    ascii_single = "".join(c for c in single if c.isascii())
    ascii_pattern = regex.compile("|".join([*(regex.escape(m) for m in multi if m.isascii()),
                                            *(["[" + regex.escape(ascii_single) + "]"] if ascii_single else [])]) or "(?!)")
    return ({o: frozenset(c) for o, c in openers.items()}, frozenset(closers), kind, pattern, frozenset(marks),
            frozenset("".join(marks)), lex.elisions, ascii_pattern)


@functools.cache
def _any_mark() -> re.Pattern:
    """Any quotation mark, for the standard re module (literal characters only): a search of a
    short text costs half what the regex module's does."""
    marks = _tables()[4]
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


@functools.cache
def _find_plan(ascii: bool) -> tuple[tuple[str, bool, bool], ...] | None:
    """(character, doubled it is a mark, alone it is a mark) for each character marks are made
    of (the ASCII ones only with `ascii`); None when a mark of more than one character is not a
    doubled character ('' and `` are), which the plan cannot read."""
    marks = _tables()[4]
    if any(len(m) > 2 or (len(m) == 2 and m[0] != m[1]) for m in marks):
        return None
    chars = sorted({m[0] for m in marks})
    return tuple((c, c * 2 in marks, c in marks) for c in chars if c.isascii() or not ascii)


def _mark_list(text: str, pattern: regex.Pattern) -> list[tuple[int, str]]:
    """(offset, mark) of every quotation mark in order, as pattern.finditer gives them, found
    with str.find one mark character at a time: a quarter of the cost of the pattern's scan
    (on a short text with a score of mark characters to look for, one scan costs less: that of
    _any_mark, the same alternatives in the same order on the standard re module, see
    _short_mark_list)."""
    ascii = text.isascii()
    if not ascii and len(text) < 256:
        return _short_mark_list(text)
    plan = _find_plan(ascii)
    if plan is None:
        return [(m.start(), m[0]) for m in pattern.finditer(text)]
    found: list[tuple[int, str]] = []
    append, find, startswith = found.append, text.find, text.startswith
    for c, doubled, single in plan:
        i = find(c)
        while i >= 0:
            if doubled and startswith(c, i + 1):  # leftmost first, as the pattern reads 3 in a row: 2, then 1
                append((i, c + c))
                i = find(c, i + 2)
                continue
            if single:
                append((i, c))
            i = find(c, i + 1)
    found.sort()
    return found


def _short_mark_list(text: str) -> list[tuple[int, str]]:
    """_mark_list of a short text: the marks _any_mark finds (findall: no match object each),
    each placed at the first place its text occurs from the end of the one before (a place
    before that would have been the pattern's match)."""
    found: list[tuple[int, str]] = []
    find = text.find
    pos = 0
    for mark in _any_mark().findall(text):
        pos = find(mark, pos)
        found.append((pos, mark))
        pos += len(mark)
    return found


def blank_line_paragraphs(text: str) -> bool:
    """Blank lines separate paragraphs when they are common, or when the text is hard-wrapped
    (most lines short), as in printed books and e-mail; otherwise every line is a paragraph."""
    return _blank_lines(text)[0]


def _blank_lines(text: str) -> tuple[bool, list[tuple[int, int]]]:
    """(whether blank lines separate paragraphs, the blank-line separators found)."""
    newlines = text.count("\n") or text.count("\r")
    seps = [m.span() for m in _line_patterns(text)[0].finditer(text)] if newlines else []
    blanks = len(seps)
    return bool(blanks and (blanks * 4 >= newlines or _hard_wrapped(text))), seps


def layout(text: str) -> tuple[list[tuple[int, int]], bool]:
    """(paragraph ranges, whether blank lines separate them), computed once per text."""
    if "\n" not in text and "\r" not in text:
        return ([(0, len(text))] if text else []), False
    blank, seps = _blank_lines(text)
    if not blank:
        seps = [m.span() for m in _line_patterns(text)[1].finditer(text)]
    elif not _hard_wrapped(text):
        seps = sorted(seps + _long_line_breaks(text, seps))
    return _split_at(text, seps), blank


def _line_patterns(text: str) -> tuple[re.Pattern, re.Pattern]:
    r"""(blank line, line end) patterns for `text`: those of \n alone when it has no \r."""
    return (_BLANK_LINE, _NEWLINE) if "\r" in text else (_BLANK_LINE_LF, _LF)


def _long_line_breaks(text: str, blank_seps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single line breaks that end a paragraph in a text whose paragraphs are mostly set apart by
    blank lines but that is not hard-wrapped: after a long line that closes a sentence, before
    a capital ("… a public health hazard.”\nMartha Allen, a delegate, …")."""
    covered = {i for bs, be in blank_seps for i in range(bs, be)}  # separators are a few characters
    out = []
    line_start = 0
    for m in _line_patterns(text)[1].finditer(text):
        s, e = m.span()
        if s not in covered and s - line_start >= _LONG_LINE and text[s - 1:s] in _SENTENCE_END \
                and text[e:e + 1].isupper():
            out.append((s, e))
        line_start = e
    return out


class LocalLayout(NamedTuple):
    """local_layout() of a text: what extract(local=True) knows of each paragraph."""

    paras: list[tuple[int, int]]
    lines: list[bool]  # opens at a single line break of a text read as one paragraph a line
    joined: list[bool]  # opens at a single line break (no blank line before it)
    tokenised: list[bool]  # the text up to its end is tokenised (running_tokenised)


def local_layout(text: str) -> LocalLayout:
    """layout() read in order, for extract(local=True): each single line break is decided from
    the text before it alone (blank lines counted so far, the lines sampled so far for hard
    wrapping), so text added later never moves an earlier paragraph edge. Blank lines always
    end a paragraph; white space is left off both edges of each paragraph and paragraphs of
    white space only are dropped. Returns (paragraph ranges, whether each paragraph opens at a
    single line break of a text read as one paragraph a line, whether it opens at a single
    line break at all: no blank line before it)."""
    paras: list[tuple[int, int]] = []
    lines: list[bool] = []
    joined: list[bool] = []
    newlines = blank_runs = sampled = short = 0
    chars = 0  # characters of the lines sampled for hard wrapping
    cur: list[int] | None = None  # [start, end] of the paragraph being read
    after_blank = True  # a blank line (or the text start) stands before the next line
    prev_len = 0  # length of the last non-blank line
    pos = nl = 0  # where the line being read starts; where the line break before it starts
    n = len(text)
    line_end = _line_patterns(text)[1]
    while pos <= n:
        m = line_end.search(text, pos)
        le = m.start() if m else n
        s, e = _strip(text, pos, le)
        if e == s:  # a blank line
            if cur is not None:
                paras.append((cur[0], cur[1]))
                cur = None
            if not after_blank:
                blank_runs += 1
            after_blank = True
        else:
            if cur is None:
                cur = [s, e]
                lines.append(not after_blank and bool(paras))
                joined.append(not after_blank and bool(paras))
            else:
                # a single line break between two lines: decided from the text up to it
                wrapped = sampled >= 8 and short >= 0.9 * sampled
                by_blank = blank_runs > 0 and (blank_runs * 4 >= newlines or wrapped)
                if not by_blank:
                    brk, as_lines = True, True
                elif wrapped:
                    brk, as_lines = False, False
                else:  # a long line that closes a sentence, then a capital
                    brk = prev_len >= _LONG_LINE and text[nl - 1:nl] in _SENTENCE_END and text[pos:pos + 1].isupper()
                    as_lines = False
                if brk:
                    paras.append((cur[0], cur[1]))
                    cur = [s, e]
                    lines.append(as_lines)
                    joined.append(True)
                else:
                    cur[1] = e
            after_blank = False
            prev_len = le - pos
            if sampled < 2000 and chars + le - pos < 200_000:
                sampled += 1
                short += le - pos <= 100
                chars += le - pos + 1
        if m is None:
            break
        newlines += 1
        nl, pos = m.span()
    if cur is not None:
        paras.append((cur[0], cur[1]))
    return LocalLayout(paras, lines, joined, running_tokenised(text, paras))


def running_tokenised(text: str, paras: list[tuple[int, int]]) -> list[bool]:
    """tokenised() of the text up to the end of each paragraph (extract(local=True)): a count
    of the text read so far, never of what follows."""
    out = []
    commas = spaced = lo = 0
    for _s, e in paras:
        commas += text.count(",", lo, e)
        spaced += text.count(" , ", lo, e)
        out.append(commas >= 5 and spaced >= 0.8 * commas)
        lo = e
    return out


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges: blank-line separated when the text uses blank lines, else lines."""
    return layout(text)[0]


def _split_at(text: str, seps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges between separators (start, end), empty ones left out."""
    out, pos = [], 0
    append = out.append
    for s, e in seps:
        if s > pos:
            append((pos, s))
        pos = e
    if pos < len(text):
        append((pos, len(text)))
    return out


def _hard_wrapped(text: str) -> bool:
    """Most lines end near a fixed width: sample the first lines, no more."""
    lines = [ln for ln in text[:200_000].split("\n", 2000)[:2000] if ln.strip()]
    if len(lines) < 8:
        return False
    short = sum(1 for ln in lines if len(ln) <= 100)
    return short >= 0.9 * len(lines)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE):
        start += 1
    while end > start and (text[end - 1] in _SPACE):
        end -= 1
    return start, end


_STRAIGHT = frozenset("\"'")  # the typewriter marks


class _Scanner:
    """Classifies each mark by its neighbours and pairs them within paragraphs."""

    def __init__(self, text: str, ptb: bool = False, paras: tuple[list[tuple[int, int]], bool] | None = None,
                 local: LocalLayout | None = None):
        self.text = text
        self.ptb = ptb
        self.paras, blank = paras or layout(text)
        # extract(local=True): whether the text read so far is tokenised, a paragraph at a time;
        # and a quote runs on only into paragraphs no blank line parts from it, so what follows
        # a blank line is never read
        self.local = local
        self.tokenised_now = False
        (self.openers, self.closers, self.kind, self.pattern, self.marks, self.mark_chars, self.elisions,
         self.ascii_pattern) = _tables()
        # lines as paragraphs: a quote may run on over a few lines until its closing mark
        self.lookahead = 1 if blank else 15

    @functools.cached_property
    def tokenised(self) -> bool:
        """Read only when a single mark stands apart: most texts never pay the two counts."""
        return tokenised(self.text)

    def _ctx(self, i: int, width: int = 1) -> tuple[bool, bool, bool]:
        """(can open, can close, stands apart) judged from the characters on either side of the mark."""
        t = self.text
        p = t[i - 1] if i > 0 else "\n"
        n = t[i + width] if i + width < len(t) else "\n"
        p_space, n_space = p in _SPACE, n in _SPACE
        can_open = not n_space and (p_space or p in _OPEN_BEFORE or p in self.mark_chars)
        can_close = not p_space and (n_space or n in _CLOSE_AFTER or n in self.mark_chars)
        return can_open, can_close, p_space and n_space

    def _apostrophe(self, i: int) -> bool:
        """A single mark inside a word (don’t), before an elided word ('em, ’90s) or 'n'."""
        t = self.text
        p = t[i - 1] if i > 0 else " "
        n = t[i + 1] if i + 1 < len(t) else " "
        if p.isalnum() and n.isalnum():
            return True
        if n.isdigit():
            return True
        if n.isalpha() and not p.isalnum():
            j = i + 1
            while j < len(t) and j - i < 8 and t[j].isalpha():
                j += 1
            word = t[i + 1:j].lower()
            if word in self.elisions and (j >= len(t) or not t[j].isalpha()):
                return True
        return False

    def scan(self) -> list[Span]:
        text = self.text
        paras = self.paras
        marks = _mark_list(text, self.ascii_pattern if text.isascii() else self.pattern)
        spans: list[Span] = []
        mi = 0
        stack: list[tuple[int, str]] = []  # (offset, mark) of open quotes
        top_paras = 1
        skip_at = -1  # the reopening mark of a continued multi-paragraph quote
        local = self.local
        for pi, (pstart, pend) in enumerate(paras):
            if local:
                self.tokenised_now = local.tokenised[pi]
            while mi < len(marks) and marks[mi][0] < pstart:
                mi += 1
            while mi < len(marks) and marks[mi][0] < pend:
                pos, ch = marks[mi]
                mi += 1
                if pos == skip_at:
                    continue
                self._feed(pos, ch, stack, spans, top_paras)
                if not stack:
                    top_paras = 1
            if not stack:
                continue
            # Paragraph end with an open quote: keep only the outermost double-or-single opener.
            while len(stack) > 1:
                stack.pop()
            bottom_pos, bottom = stack[0]
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            cont = self._continues(bottom, paras, pi, marks, mi) if nxt and (not local or local.joined[pi + 1]) else None
            if cont == "reopen":
                skip_at = self._first_mark_at(nxt)
                top_paras += 1
                continue
            if cont == "close":
                top_paras += 1
                continue
            if self.kind.get(bottom) == "double":
                s, e = _strip(text, bottom_pos + len(bottom), pend)
                if e > s:
                    spans.append(Span(s, e, bottom_pos, -1, bottom, top_paras))
            stack.clear()
            top_paras = 1
        return spans

    def _first_mark_at(self, para: tuple[int, int]) -> int:
        s, e = _strip(self.text, *para)
        m = self.pattern.match(self.text, s)
        return s if s < e and m else -1

    def _continues(self, opener: str, paras, pi: int, marks, mi) -> str | None:
        """How the next paragraph treats a quote left open: reopen it, close it, or neither.

        "close": a closing mark of ours comes before any opening one, in the next paragraph or
        (when lines are paragraphs) within the next few mark-free lines: the text was wrapped.
        """
        s, e = _strip(self.text, *paras[pi + 1])
        if s >= e:
            return None
        m = self.pattern.match(self.text, s)
        ch = m.group() if m else ""
        kind = self.kind.get(opener)
        if ch in self.openers and self.kind.get(ch) == kind and (ch == opener or not (ch in _STRAIGHT) ^ (opener in _STRAIGHT)):
            # (a straight mark reopens a straight quote, a curly one a curly quote: '"…¶ “…”' is
            # a block quotation followed by a quote of its own)
            return "reopen"
        j = min(len(paras), pi + 1 + self.lookahead) - 1
        if self.local is not None:  # as far, when lines are paragraphs, but not past a blank line
            joined, stop = self.local.joined, min(len(paras), pi + 1 + (15 if self.local.lines[pi + 1] else 1))
            j = pi + 1
            while j + 1 < stop and joined[j + 1]:
                j += 1
        last = paras[j][1]
        while mi < len(marks) and marks[mi][0] < last:
            pos, mk = marks[mi]
            mi += 1
            if self.kind.get(mk) != kind or (kind == "single" and self._apostrophe(pos)):
                continue
            can_open, can_close, _ = self._ctx(pos, len(mk))
            if mk in self.openers[opener] and (can_close or not can_open) and pos != s:
                return "close"
            return None
        return None

    def _feed(self, pos: int, ch: str, stack: list, spans: list, top_paras: int) -> None:
        if len(ch) == 2 and not self.ptb:
            return  # ''…'' (tokeniser style) marks only when asked for
        kind = self.kind.get(ch)
        single = kind == "single"
        if single and self._apostrophe(pos):
            return
        can_open, can_close, apart = self._ctx(pos, len(ch))
        if single and apart and (self.tokenised if self.local is None else self.tokenised_now):
            # a single mark standing apart in tokenised text: it closes the single quote that is
            # open, else it opens one (a ’ never does)
            top_single = bool(stack) and self.kind.get(stack[-1][1]) == "single"
            if top_single and ch in self.openers.get(stack[-1][1], ()):
                can_close = True
            elif ch in self.openers and ch != "’":
                can_open = True
        # Close the innermost open quote this mark can close.
        if stack:
            top_pos, top = stack[-1]
            if ch in self.openers.get(top, ()) and (can_close or not can_open):
                self._close(stack, pos, spans, top_paras, ch)
                return
            if not single and top_pos >= 0 and self.kind.get(top) == "single":
                # A double mark while a single is open: the single was an apostrophe after all.
                j = len(stack) - 1
                while j >= 0 and self.kind.get(stack[j][1]) == "single":
                    j -= 1
                if j >= 0 and ch in self.openers.get(stack[j][1], ()) and (can_close or not can_open):
                    del stack[j + 1:]
                    self._close(stack, pos, spans, top_paras, ch)
                    return
        if ch not in self.openers:
            return  # a closer with nothing to close: stray
        if single:
            if not can_open:
                return  # possessive (Hamas’) or stray
        elif not can_open and can_close:
            if stack and stack[-1][1] == ch and self.kind.get(ch) == "double":
                # “abhorrent“: the opening mark typed again where the closing one belongs
                self._close(stack, pos, spans, top_paras, ch)
            return  # else a stray closing double
        if stack and not single and self.kind.get(stack[-1][1]) == "double" and ch in self.openers.get(stack[-1][1], ()):
            # An opening double inside an open double of the same style: the earlier one was stray.
            stack.pop()
        stack.append((pos, ch))

    def _close(self, stack: list, pos: int, spans: list, top_paras: int, ch: str = "x") -> None:
        open_pos, open_ch = stack.pop()
        if stack:
            return  # nested quotes belong to the outer quotation
        s, e = _strip(self.text, open_pos + len(open_ch), pos)
        if e > s:
            spans.append(Span(s, e, open_pos, pos + len(ch) - 1, open_ch, top_paras))


def tokenised(text: str) -> bool:
    """Tokenised text ("he said , ‘ Oh tut ! ’"): punctuation stands apart, marks too."""
    commas = text.count(",")
    return commas >= 5 and text.count(" , ") >= 0.8 * commas


def has_marks(text: str) -> bool:
    """Whether the text holds any quotation mark at all."""
    return _any_mark().search(text) is not None


def find_spans(text: str, ptb: bool = False, paras: tuple[list[tuple[int, int]], bool] | None = None,
               local: LocalLayout | None = None) -> list[Span]:
    """Top-level quoted spans of `text`, in order; nested quotes stay inside their outer quote.

    `ptb=True` also reads ``…'' and ''…'' (two-apostrophe quotes left by tokenisers and some
    archives) as quotation marks; by default they are ignored, neither quotes nor apostrophes.
    With `local` (extract(local=True)) a paragraph is read with what precedes it and the
    paragraphs no blank line parts from it only: a quote ends before the next blank line.
    """
    return _Scanner(text, ptb, paras, local).scan()
