"""The pipeline: text -> quote spans -> attributions -> resolved speakers -> Quote records.

`extract()` is pure: the same text and doc id give the same records, nothing global is
mutated (the word lists are loaded once and only read; the cyclic garbage collector is paused
while a text is read and left as it was found), and inputs and outputs pickle, so it can run
in worker processes or on a distributed engine unchanged.
"""
from __future__ import annotations

import bisect
from bisect import bisect_right as _bisect_right
import dataclasses
import functools
import gc
import itertools
import re
from dataclasses import dataclass
from typing import Callable

import regex

from .cues import Cue, CueFinder
from .dialogue import fill_chains
from .lexicon import ascii_classes, lexicon
from .marks import LocalLayout, find_spans, has_marks, layout, local_layout, tokenised
from .model import Quote, Span
from .local import LocalResolver, name_narrator_local
from .narrator import name_narrator
from .resolve import Resolver, full_name
from .tokens import blank, sentence_end, sentence_start, tokenize

_PAUSE_GC_FROM = 2000  # characters of text from which extract() pauses the cyclic collector
_SMALL = frozenset("a an the of and or in on at to for with by from vs v. de la le del von van".split())
_END_PUNCT = regex.compile(r"[.!?…,;:—–\-]\W*$")
_INNER_PUNCT = regex.compile(r"[.!?;:]\s")
_TITLE_BEFORE = regex.compile(r"(?:['’]s|\b(?:on|in|titled|entitled|headlined|show|program|programme|film|movie|book|"
                              r"series|album|song|magazine|newspaper|broadcast|column|documentary|play))[,:]?$", regex.IGNORECASE)
# a paragraph that signs the quote above it: "— Hillary Clinton."
_BYLINE = regex.compile(r"\s*[-—–―]\s*(\p{Lu}[\p{L}\p{M}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.'’\-]*){0,3}?)\.?\s*")
_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_INNER_CLOSE = frozenset("’'”\"»›」』 \u00a0")  # closing marks (and blanks) a quote may end on
_FIRST_WORD = regex.compile(r"\p{L}")  # where the first word of a gap begins
_CRLF = re.compile("\r\n")
# a line break and the mark that reopens a quotation running on into the next paragraph
# (read on \n text, see _with_line_ends; the last line break only, so that a run of blank lines
# is read once, not once a line)
_REOPEN = regex.compile(r"\n[^\S\n]*([\"'“‘«„‚‹»›「『])")
# the same on text that is all ASCII; plain ranges, so the standard re module reads them, at
# less cost per call on the short spans it is given
_WORDS_ASCII = re.compile(ascii_classes(_WORDS.pattern))


@dataclass(slots=True)  # not frozen, never changed: see model.py
class Found:
    """A span with its cue (or None) and the rule that credited it."""

    span: Span
    cue: Cue | None
    rule: str


def _last_char(text: str, lo: int, hi: int) -> str:
    """The quote's last character before any inner closing marks: “It’s like, ‘We’re here.’”
    ends its sentence with the full stop."""
    k = hi
    while k > lo and hi - k < 4 and text[k - 1] in _INNER_CLOSE:
        k -= 1
    return text[k - 1:k] if k > lo else ""


def _opens_sentence(text: str, lo: int, hi: int) -> bool:
    """After “… person.”, "In a statement, Jeffries said: “…”" is a new sentence: its first
    word has a capital."""
    m = _FIRST_WORD.search(text, lo, hi)
    return m is not None and m.group()[:1].isupper()


def _more_words_than(text: str, lo: int, hi: int, n: int) -> bool:
    """Whether text[lo:hi] has more than n words; stops counting at n + 1."""
    words = (_WORDS_ASCII if text.isascii() else _WORDS).finditer(text, lo, hi)
    return next(itertools.islice(words, n, None), None) is not None


def is_title(text: str, span: Span) -> bool:
    """A short Title Case span: a work, show or slogan's name, not speech.

    With sentence punctuation at its end it is a title only where titles stand: after a
    possessive or a word like "on" or "program" (on MSNBC's “Morning Joe,” ...)."""
    if span.end - span.start > 80:
        return False
    s = text[span.start:span.end]
    words = (_WORDS_ASCII if s.isascii() else _WORDS).findall(s)
    if not words or len(words) > 8:
        return False
    head = words[0][:1]
    if head.isupper():
        for w in words:  # Title Case (most spans are speech and fail at their second or third word)
            h = w[:1]
            if not (h.isupper() or h.isdigit() or w.lower() in _SMALL):
                return False
    elif not (head.isdigit() and len(words) <= 2):
        return False
    if not _END_PUNCT.search(s):
        return True
    if _INNER_PUNCT.search(s.rstrip(".,;:!?… ")):
        return False  # "Yes. No." is speech
    return _titled_here(text, span)


def _titled_here(text: str, span: Span) -> bool:
    """What stands before the span is where titles stand: a possessive, "on", "titled", "show"."""
    before = text[max(0, span.open_at - 30):span.open_at].rstrip()
    return bool(_TITLE_BEFORE.search(before))


def confidence(rule: str, how: str | None, closed: bool = True) -> float:
    """How often a (rule, resolution) pair was right on the development sets, from
    data/confidence.tsv (written by bench/calibrate.py); the rule's base figure otherwise."""
    key = (rule, how, closed)
    c = _CONFIDENCE.get(key)
    if c is None:
        c = _CONFIDENCE[key] = _confidence(rule, how, closed)
    return c


_CONFIDENCE: dict[tuple[str, str | None, bool], float] = {}  # the word lists never change: a few dozen keys


def _confidence(rule: str, how: str | None, closed: bool) -> float:
    lex = lexicon()
    c = lex.confidence.get((rule, how or "-"))
    if c is None:
        c = lex.confidence.get((rule, "*"), lex.rules.get(rule, (0.5, ""))[0])
    return round(c * (1.0 if closed else 0.8), 3)


def _only_paragraph(pos: int) -> int:
    """Extractor.para_of of a text of one paragraph."""
    return 0


class Extractor:
    def __init__(self, text: str, ptb: bool = False, local: bool = False):
        self.text = text
        self.ptb = ptb
        # local: every decision about a paragraph reads the text up to its end, never after
        # (extract(local=True)): paragraphs from local_layout, the measures below kept per
        # paragraph, and no rule that takes a cue from a later paragraph
        self.local = local
        self._local: LocalLayout | None = None
        if local:
            self._local = local_layout(text)
            self.paras = self._local.paras
            self.layout = (self.paras, False)
            self.line_mode = False  # set per quote in run(): a cue from the next line, not past a blank line
        else:
            self.layout = layout(text)
            self.paras, blank = self.layout
            self.line_mode = "\n" in text and not blank
        if len(self.paras) <= 1:
            self.para_of = _only_paragraph  # one paragraph (a tweet, a line): no search per offset
        else:
            self.para_starts = [p[0] for p in self.paras]
            # para_of as one call of C code (it is asked hundreds of thousands of times): the
            # number of paragraphs after the first that start at or before pos is the index
            # para_of gives, 0 before the first included
            self.para_of = functools.partial(_bisect_right, self.para_starts[1:])
        self.finder = CueFinder(text)
        self.dialogue = True
        self.measured_dialogue: bool | None = None
        self._measured: list[bool | None] = []  # local: measured_dialogue up to each paragraph

    @functools.cached_property
    def tokenised(self) -> bool:
        """Counted only when _dialogue asks: two passes over the text most documents skip."""
        return tokenised(self.text)

    def para_of(self, pos: int) -> int:
        """Index of the paragraph `pos` falls in (0 before the first)."""
        i = _bisect_right(self.para_starts, pos) - 1
        return i if i > 0 else 0

    def measured_at(self, para: int) -> bool | None:
        """measured_dialogue as a decision about paragraph `para` reads it: of the whole text,
        or (local) of the text up to that paragraph's end."""
        if not self.local:
            return self.measured_dialogue
        return self._measured[min(para, len(self._measured) - 1)] if self._measured else None

    def dialogue_at(self, para: int) -> bool:
        """`dialogue` as a decision about paragraph `para` reads it (see measured_at)."""
        return self.dialogue if not self.local else self.measured_at(para) is not False

    def lines_at(self, para: int) -> bool:
        """Whether paragraph `para` is a line of a text read one paragraph a line (line_mode;
        local: it opened at a single line break so decided)."""
        return self.line_mode if not self.local else self._local.lines[para]

    def run(self, show_all: bool = False) -> list[Found]:
        text = self.text
        spans = self._spans = find_spans(text, self.ptb, self.layout, self._local)
        # a title a speech cue follows at once is speech (»Ja«, said Jonas), unless what stands
        # before it says title (on CBS's “Face the Nation,” Paul Ryan said ...)
        quotes = [s for s in spans if not is_title(text, s) or (self._said_right_after(s) and not _titled_here(text, s))]
        found: list[Found] = []
        for i, sp in enumerate(quotes):
            prev = quotes[i - 1] if i else None
            nxt = quotes[i + 1] if i + 1 < len(quotes) else None
            if self.local:  # _attribute may read the next line only when no blank line parts it
                n = self.para_of(sp.outer_end) + 1 if sp.closed else 0
                self.line_mode = 0 < n < len(self.paras) and self._local.lines[n]
            found.append(self._attribute(sp, prev, nxt))
        if self.local:
            self.line_mode = False
        if len(found) > 1:  # a lone quote has no neighbour to borrow from, no dialogue to measure
            if self.local:  # (from the spans alone)
                self._measured = self._running_dialogue(found)
            else:
                self.measured_dialogue = self._dialogue(found)
            found = self._fallbacks(found)
        self.dialogue = self.measured_dialogue is not False
        if show_all:
            kept = {s.start for s in quotes}
            titles = [Found(s, None, "title") for s in spans if s.start not in kept]
            found = sorted(found + titles, key=lambda f: f.span.start)
        return found

    def _said_right_after(self, sp: Span) -> bool:
        """A title-like span that a speech cue follows at once is speech: »Ja«, said Jonas."""
        if not sp.closed:
            return False
        hi = min(len(self.text), sp.outer_end + 80)
        if self.local:
            hi = min(hi, self.paras[self.para_of(sp.outer_end)][1])
        if not (self.text[sp.end - 1:sp.end] in ",!?" or self.text[sp.outer_end:sp.outer_end + 1] in (",", "!", "?")):
            return False
        cue = self.finder.right(tokenize(self.text, sp.outer_end, sentence_end(self.text, sp.outer_end, hi)), False)
        return cue is not None and cue.rule in ("quote_verb_speaker", "quote_speaker_verb")

    def _attribute(self, sp: Span, prev: Span | None, nxt: Span | None) -> Found:
        text = self.text
        pi = self.para_of(sp.open_at)
        p_start, _ = self.paras[pi]
        p_end = self.paras[self.para_of(sp.outer_end)][1] if sp.closed else self.paras[self.para_of(sp.end)][1]
        # right window: to the clause end, the next quote, or the paragraph end; when lines are
        # sentences (tokenised text), a quote closing its line may take its cue from the next line
        # (only a quote that opens its line: "“…,” Obama said. “More.”" goes on as Obama's)
        if self.line_mode and sp.closed and blank(text, sp.outer_end, p_end) and self.para_of(sp.outer_end) + 1 < len(self.paras) \
                and blank(text, p_start, sp.open_at):
            p_end = self.paras[self.para_of(sp.outer_end) + 1][1]
        hi = min(p_end, nxt.open_at) if nxt and nxt.open_at >= sp.outer_end else p_end
        r_end = sentence_end(text, sp.outer_end, hi) if sp.closed else sp.outer_end
        last = _last_char(text, sp.start, sp.end)
        ended = last == "."  # the quote closed its own sentence
        cue = None
        if sp.closed and r_end > sp.outer_end:
            cue = self.finder.right(tokenize(text, sp.outer_end, r_end), ended)
            if cue and last in (".", "?", "!") and cue.rule == "quote_speaker_verb":
                late = cue  # weaker: the quote ended its own sentence
                cue = None
            else:
                late = None
        else:
            late = None
        s_open = None  # where the quote's sentence starts, once known
        if cue is None:
            lo0 = max(p_start, prev.outer_end) if prev and prev.outer_end <= sp.open_at else p_start
            lo = s_open = sentence_start(text, lo0, sp.open_at)
            if lo < sp.open_at:
                fresh = not blank(text, lo0, lo) or lo0 == p_start or (prev is not None and text[prev.end - 1:prev.end] in (".", "!", "?"))
                cue = self.finder.left(tokenize(text, lo, sp.open_at), fresh)
        if cue is None and late is not None and not (
                prev is not None and prev.closed and self.para_of(prev.open_at) == pi and prev.outer_end <= sp.open_at
                and not _more_words_than(text, prev.outer_end, sp.open_at, 6)):
            # (“…,” he said. “… here.” Sexton described …: the quote goes on from the one before)
            cue = late
        if cue is None and sp.closed and r_end > sp.outer_end:
            cue = self._fronted_participle(sp, p_start, r_end)
        if cue is None and not blank(text, p_start, sp.open_at):
            cue = self._beat(sp, prev, p_start, s_open)
        if cue is None and sp.closed and text[sp.end - 1:sp.end] in (".", "!", "?") and blank(text, p_start, sp.open_at) \
                and (pi == 0 or not self.has_quote(*self.paras[pi - 1])):
            # a quote opening its paragraph after narration: no earlier turn to continue
            cue = self._beat_after(sp, hi)
        if cue is None and sp.closed:
            if blank(text, sp.outer_end, p_end):
                nxt_p = self.para_of(sp.outer_end) + 1
                cue = self._byline(*self.paras[nxt_p]) if nxt_p < len(self.paras) else None
            elif "\n" in text[sp.outer_end:sp.outer_end + 3]:  # "“Be yourself.” ⏎ — Oscar Wilde"
                cue = self._byline(sp.outer_end, p_end)
        if cue is None and pi > 0 and blank(text, p_start, sp.open_at):
            # a quote opening its paragraph, after a paragraph that ends with a colon
            q_start, q_end = self.paras[pi - 1]
            intro = text[q_start:q_end].rstrip()
            # "Caddell continued:" or a one-sentence paragraph that announces the quote:
            # "Howard continued his scathing remarks."
            short = (intro.endswith(".") and len(_WORDS.findall(intro)) <= 12 and not self.has_quote(q_start, q_end)
                     and sentence_start(text, q_start, q_start + len(intro) - 1) == q_start)
            # "Mr. Woodhouse agreed to it all, but added," / "Mrs. Bennet followed her, saying,":
            # a paragraph that ends on a speech verb and a comma hands the quote on
            said_comma = intro.endswith(",") and self._ends_with_verb(q_start, q_start + len(intro) - 1)
            if intro.endswith(":") or short or said_comma:
                lo = sentence_start(text, q_start, q_start + len(intro) - 1)
                c = self.finder.left(tokenize(text, lo, q_start + len(intro) - (0 if intro.endswith(":") else 1)))
                if c is not None and (intro.endswith(":") or c.rule in ("reported_partial", "speaker_verb_colon")
                                      or said_comma and c.rule == "participle"):
                    cue = Cue(c.mention, c.cue, "intro_paragraph", c.antecedent)
        return Found(sp, cue, cue.rule if cue else "none")

    def _ends_with_verb(self, lo: int, hi: int) -> bool:
        toks = tokenize(self.text, max(lo, hi - 40), hi)
        return bool(toks) and self.finder.g.verb_at(toks, len(toks) - 1) is not None

    def _beat(self, sp: Span, prev: Span | None, p_start: int, s0: int | None = None) -> Cue | None:
        """“How should I know?” after "Poirot shrugged his shoulders." in the same paragraph:
        the subject of the narrative sentence just before a sentence-opening quote."""
        text = self.text
        lo = max(p_start, prev.outer_end) if prev and prev.outer_end <= sp.open_at else p_start
        if s0 is None:
            s0 = sentence_start(text, lo, sp.open_at)
        if not blank(text, s0, sp.open_at) or s0 <= lo:
            return None  # the quote does not open its sentence, or no narrative sentence before it
        s1 = sentence_start(text, lo, max(lo, s0 - 1))
        if s1 < lo or self.has_quote(s1, s0):
            return None
        toks = tokenize(text, s1, s0)
        g = self.finder.g
        r = g.subject_at_start(toks)
        if not r:
            # "In response to the charge, she said she had made progress. “I really believe …”":
            # a sentence reporting what someone said, then the quote
            c = self.finder.left(toks[:-1] if toks[-1].text == "." else toks) if toks and toks[0].cap else None
            if c is not None and c.rule == "reported_partial" and c.mention.kind in ("name", "pronoun") \
                    and c.mention.text.lower() not in ("it", "they", "we", "you"):
                return Cue(c.mention, c.cue, "action_beat")
            return None
        m = self.finder._mention(toks, r)
        if m and (m.kind == "name" or (m.kind == "pronoun" and toks[r[0]].low in ("he", "she", "i"))):
            return Cue(m, toks[r[1] + 1].text if r[1] + 1 < len(toks) else "", "action_beat")
        # "The administration may be reluctant to act, Schiff said. “The other factor …”": a
        # sentence whose subject is no person but which a person's cue closes
        c = self.finder._trailing(toks, 0)
        if c is not None and c.mention.kind == "name":
            return Cue(c.mention, c.cue, "action_beat")
        return None

    def _byline(self, lo: int, hi: int) -> Cue | None:
        """“…” ¶ — Hillary Clinton. : a line that is only a dash and a name signs the quote
        before it (fact-check lists, epigraphs, pull quotes). Local: only a line of the quote's
        own paragraph (a paragraph after it is text the quote's record may not read)."""
        if self.local and (lo == self.paras[self.para_of(lo)][0] or "\n" not in self.text[lo:min(lo + 3, hi)]):
            # _attribute asks for the next paragraph by its start, or for a line break right
            # after the quote looking 3 characters on, even past its paragraph's end
            return None
        m = _BYLINE.fullmatch(self.text, lo, hi)
        if m is None:
            return None
        toks = tokenize(self.text, m.start(1), m.end(1))
        mention = self.finder._mention(toks, (0, len(toks) - 1)) if toks else None
        if mention is None or mention.kind != "name":
            return None
        return Cue(mention, m.group(0).strip()[:1], "byline")

    def _fronted_participle(self, sp: Span, p_start: int, r_end: int) -> Cue | None:
        """“Calling Ross “exactly the partner I need,” Mrs. Clinton upbraided Burr": a sentence
        opening with a speech participle whose clause holds the quote; the subject of the main
        clause after it said it."""
        text = self.text
        s0 = sentence_start(text, p_start, sp.open_at)
        head = tokenize(text, s0, min(sp.open_at, s0 + 20))
        g = self.finder.g
        verb = g.verb_at(head, 0) if head else None
        if verb is None or not verb[0].endswith("ing"):
            return None
        toks = tokenize(text, sp.outer_end, r_end)
        k = 1 if toks and toks[0].text == "," else (0 if text[sp.end - 1:sp.end] == "," else -1)
        if k < 0 or k >= len(toks):
            return None
        r = g.subject_at_start(toks[k:])
        if not r or r[0] != 0:
            return None
        m = self.finder._mention(toks[k:], r)
        if m and m.kind in ("name", "pronoun", "descriptor") and toks[k + r[0]].low not in ("it", "they"):
            return Cue(m, head[0].text, "participle")
        return None

    def _beat_after(self, sp: Span, hi: int) -> Cue | None:
        """“You get me a file.” He tilted me again. — a quote that closes its sentence, then a
        narrative sentence of the same paragraph (no quote in it) whose subject is a name or
        he/she: that subject spoke."""
        text = self.text
        s_end = sentence_end(text, sp.outer_end, hi)
        if s_end <= sp.outer_end or self.has_quote(sp.outer_end, s_end):
            return None
        toks = tokenize(text, sp.outer_end, s_end)
        r = self.finder.g.subject_at_start(toks)
        if not r or r[0] != 0:
            return None
        m = self.finder._mention(toks, r)
        if m and (m.kind == "name" or (m.kind == "pronoun" and toks[0].low in ("he", "she"))):
            return Cue(m, toks[r[1] + 1].text if r[1] + 1 < len(toks) else "", "beat_after")
        return None

    def _dialogue(self, found: list[Found]) -> bool | None:
        """Whether the quotes talk to each other: most quote paragraphs follow another (a novel's
        dialogue), or the text is tokenised (a corpus of fiction), as opposed to news, where a
        quote paragraph mostly follows narration and an uncued one goes on, not answers. None
        when there are too few quote paragraphs to tell (read as dialogue, cautiously)."""
        if len(found) < 4:
            return None  # too few to tell (as below: fewer quotes, fewer quote paragraphs)
        starts = set()
        for f in found:
            if self.opens_paragraph(f.span.open_at):
                starts.add(self.para_of(f.span.open_at))
        if len(starts) < 4:
            return None  # too few to tell
        return sum(1 for p in starts if p - 1 in starts) > _DIALOGUE * len(starts) or self.tokenised

    def _running_dialogue(self, found: list[Found]) -> list[bool | None]:
        """_dialogue of the quotes up to the end of each paragraph, with the text's tokenisation
        counted as far: what a local decision about that paragraph may read. Linear."""
        out: list[bool | None] = []
        starts: set[int] = set()
        follow = n = 0  # quote paragraphs right after another; quotes so far
        at = [self.para_of(f.span.open_at) for f in found] + [len(self.paras)]
        for p in range(len(self.paras)):
            while at[n] <= p:
                q = at[n]
                if q not in starts and blank(self.text, self.paras[q][0], found[n].span.open_at):
                    starts.add(q)
                    follow += q - 1 in starts
                n += 1
            out.append(None if n < 4 or len(starts) < 4 else
                       follow > _DIALOGUE * len(starts) or self._local.tokenised[p])
        return out

    def opens_paragraph(self, at: int) -> bool:
        """Whether only blanks stand between the paragraph's start and `at` (a quote mark)."""
        return blank(self.text, self.paras[self.para_of(at)][0], at)

    def _sentence_quote(self, sp: Span) -> bool:
        """A quotation of whole sentences (it opens with a capital), not a phrase."""
        head = self.text[sp.start:sp.start + 1]
        return head.isupper()

    def short_turn(self, q: Quote) -> bool:
        """A dialogue turn: the quote's paragraph says little besides the quote ("…," said Ann.)."""
        lo = self.paras[self.para_of(q.start)][0]
        hi = self.paras[self.para_of(q.end)][1]
        return not _more_words_than(self.text, lo, q.start, 20) and \
            not _more_words_than(self.text, q.end, min(hi, q.end + 400), 20)

    @functools.cached_property
    def _open_marks(self) -> list[int]:
        """Where each span opens, listed when a rule first asks has_quote (most quotes take
        their cue before any does)."""
        return [s.open_at for s in self._spans]

    def has_quote(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self._open_marks, lo)
        return i < len(self._open_marks) and self._open_marks[i] < hi

    def _fallbacks(self, found: list[Found]) -> list[Found]:
        """Credit uncued quotes from their neighbours: same sentence, then the previous quote."""
        text = self.text
        out = list(found)
        if len(out) < 2:
            return out  # a lone quote has no neighbour to borrow from
        # same sentence, either side: “Q1,” he said, “Q2.” / “Q1” and “Q2,” he said.
        for i, f in enumerate(out):
            # a weak "Guns are “…” and “…,” Howard Dean said" subject yields to the sentence's speech cue
            weak = f.rule == "sentence_subject"
            if f.cue is not None and not weak:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(out) and out[j].cue is not None and out[j].rule != "continuation" and (
                        not weak or out[j].rule in ("quote_speaker_verb", "quote_verb_speaker", "trailing_cue")):
                    a, b = (out[j].span, f.span) if j < i else (f.span, out[j].span)
                    if self.para_of(a.outer_end) != self.para_of(b.open_at):
                        continue
                    gap_lo, gap_hi = a.outer_end, b.open_at
                    if gap_hi < gap_lo:
                        continue
                    # (in news, a sentence after “… person.” opens a new one; in a story a paragraph
                    # is one speaker's turn, and the same-sentence borrowing mostly reads it right)
                    ended = text[a.end - 1:a.end] in (".", "!", "?") and (
                        blank(text, gap_lo, gap_hi) if j < i
                        else self.measured_at(self.para_of(b.open_at)) is not True and _opens_sentence(text, gap_lo, gap_hi))
                    if not ended and (blank(text, gap_lo, s_gap := sentence_start(text, gap_lo, gap_hi)) or s_gap >= gap_hi):
                        if sentence_end(text, gap_lo, gap_hi) >= gap_hi:
                            out[i] = Found(f.span, out[j].cue, "same_sentence")
                            break
        # continuation: an uncued quote right after a credited one, same or next paragraph
        for i, f in enumerate(out):
            if f.cue is not None or i == 0 or out[i - 1].cue is None:
                continue
            a, b = out[i - 1].span, f.span
            pa, pb = self.para_of(a.open_at), self.para_of(b.open_at)
            if pb - self.para_of(a.end) > 1:
                continue
            if pb != pa:
                p_start = self.paras[pb][0]
                if not blank(text, p_start, b.open_at):
                    continue  # narrative before it in its own paragraph
                if pb - 1 >= pa and _more_words_than(text, a.outer_end, self.paras[pb - 1][1], 25):
                    continue
            # in a new paragraph: a dialogue turn, decided once speakers are resolved. When lines
            # are sentences, a line break after “…,” he answered. is no new paragraph: he goes on.
            goes_on = pb == pa or (self.lines_at(pb) and pb == self.para_of(a.end) + 1 and a.closed
                                   and _more_words_than(text, a.outer_end, self.paras[pb - 1][1], 0))
            src = out[i - 1]
            if goes_on and out[i - 1].rule == "reported_partial" and self._sentence_quote(f.span):
                # "“…,” McCaul said, though officials haven’t said it is “reopening.” “Remember, …”":
                # a whole sentence goes on from the last whole quotation, not a phrase quoted in between
                src = next((out[j] for j in range(i - 2, max(-1, i - 6), -1) if out[j].cue is not None
                            and self.para_of(out[j].span.open_at) == pa and self._sentence_quote(out[j].span)
                            and out[j].rule != "reported_partial"), src)
            out[i] = Found(f.span, src.cue, "continuation" if goes_on else "turn")
        return out


def extract(text: str, doc: str = "-", *, local: bool = False, show_all: bool = False,
            ptb_quotes: bool = False) -> list[Quote]:
    """Every quotation in `text` with its speaker, in text order.

    Spans nobody is credited with (scare quotes, titles, lines whose speaker the text does not
    give) are left out; `show_all=True` keeps every span, with speaker None.
    `ptb_quotes=True` reads ``…'' / ''…'' as quotation marks too.
    `local=True` reads the text in order: a record depends only on the text up to the end of
    its paragraph, so for any a, b ``extract(a) == [q for q in extract(a + "\n\n" + b) if
    q.end <= len(a)]`` (streams, appended documents, incremental indexing). It costs accuracy:
    no quote runs on into a next paragraph, no cue is taken from a later line, dialogue chains
    and the narrator's name use earlier turns only, a name learnt later does not reach back,
    and a headline's quote is kept even when the body repeats it.
    """
    if not has_marks(text):
        return []  # most paragraphs of most archives: nothing to do
    # Reading a text makes many short-lived tuples and lists, all freed by reference counting
    # (it makes no reference cycles that outlive it): the cyclic collector, run every few
    # hundred of them, only walks them and the word lists for nothing, 6% of the time. It
    # waits while a text is read; one collection after catches up on anything left. (A short
    # text makes too few objects to set it off: no need to pause it.)
    paused = len(text) > _PAUSE_GC_FROM and gc.isenabled()
    if paused:
        gc.disable()
    try:
        if "\r" in text:
            return _with_line_ends(text, doc, local, show_all, ptb_quotes)
        return _extract(text, doc, local, show_all, ptb_quotes)
    finally:
        if paused:
            gc.enable()


def _with_line_ends(text: str, doc: str, local: bool, show_all: bool, ptb_quotes: bool) -> list[Quote]:
    """Windows (\r\n) and old Mac (\r) line ends read exactly as \n: the text is read with \n
    line ends and each record's offsets are mapped back (its text sliced from the original)."""
    cuts = []  # where, in the \n text, the \n of each \r\n stands
    for k, m in enumerate(_CRLF.finditer(text)):
        cuts.append(m.start() - k)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")

    def back(p: int | None) -> int | None:
        return None if p is None else p + bisect.bisect_left(cuts, p)

    out = []
    for q in _extract(plain, doc, local, show_all, ptb_quotes):
        start, end = back(q.start), back(q.end)
        out.append(dataclasses.replace(q, start=start, end=end, text=text[start:end],
                                       mention_start=back(q.mention_start), mention_end=back(q.mention_end)))
    return out


def _extract(text: str, doc: str, local: bool, show_all: bool, ptb_quotes: bool) -> list[Quote]:
    ex = Extractor(text, ptb_quotes, local)
    found = ex.run(show_all=show_all)
    # A lone quote credited to someone named in full ("said Jo Hart": most tweets and one-liners)
    # is resolved without the document's people: no Resolver is built for it.
    lone_name = full_name(found[0].cue.mention) if len(found) == 1 and found[0].cue is not None else None
    quoted = [(f.span.start, f.span.end) for f in found]
    resolver = None if lone_name else \
        LocalResolver(text, quoted, ex.paras, ex.measured_at) if local else \
        Resolver(text, quoted, dialogue=ex.measured_dialogue)
    score = confidence
    out: list[Quote] = []
    loose: list[Quote] = []
    last_in_para: dict[int, Quote] = {}  # the last quote of each paragraph, for dialogue turns
    for f in found:
        sp = f.span
        para = ex.para_of(sp.open_at)
        if local and resolver is not None:  # (the paragraph the quote or its cue ends in: all read)
            resolver.at(max(sp.end, f.cue.mention.start) if f.cue is not None else sp.end)
        if f.rule == "turn":
            q = _turn(text, doc, sp, para, last_in_para, resolver, score, out, ex)
            if q is not None:
                out.append(q)
                last_in_para[ex.para_of(sp.end)] = q
            continue
        if f.cue is None:
            # nobody is credited (yet): a scare quote, a title or an uncued dialogue turn
            loose.append(Quote(doc, sp.start, sp.end, text[sp.start:sp.end], None, None, None,
                               f.rule, score(f.rule, None, sp.closed)))
            continue
        m = f.cue.mention
        said = text[sp.start:sp.end]
        if f.rule in ("continuation", "same_sentence") and out and out[-1].mention_start == m.start:
            r_speaker, how = out[-1].speaker, out[-1].resolution
        elif resolver is None:  # the lone quote of a name in full, as Resolver.resolve reads it
            r_speaker, how = lone_name, "name"
        else:
            p_start = ex.paras[para][0]
            prev_turn = last_in_para.get(para - 1) if blank(text, p_start, sp.open_at) else None
            turn_of = prev_turn.speaker if prev_turn is not None and ex.short_turn(prev_turn) else None
            # a subject after the quote ("“…” He tilted me again.") is read from where the quote opens
            at = dataclasses.replace(m, start=sp.open_at) if f.rule == "beat_after" else m
            r = resolver.resolve(at, f.cue.antecedent, p_start, turn_of, said)
            r_speaker, how = r.speaker, r.how
            if len(found) > 1:  # a lone quote: no later quote reads the speaker history
                resolver.remember(m.start, r.speaker, m, r.how)
        q = Quote(doc, sp.start, sp.end, said, r_speaker, m.text, f.cue.cue,
                  f.rule, score(f.rule, how, sp.closed), m.start, m.end, how)
        out.append(q)
        last_in_para[ex.para_of(sp.end)] = q
    # (local: whether the passes below run may not depend on how many quotes follow; they
    # leave a lone quote of a name in full as it is)
    if loose or len(out) > 1 or (local and out and resolver is not None):
        spans = {f.span.start: f.span for f in found}

        def opens_para(q: Quote) -> bool:
            return ex.opens_paragraph(spans[q.start].open_at)

        out = fill_chains(sorted(out + [q for q in loose if q.rule == "none"], key=lambda q: q.start),
                          ex.para_of, opens_para, score, lambda q: spans[q.start].closed, resolver, local=local)
        out = _narration_turns(out, ex, spans, opens_para, resolver)
        out = [q for q in out if q.rule != "none"]
        def rescore(q: Quote, how: str) -> float:
            return score(q.rule, how, spans[q.start].closed)

        if local:
            out = name_narrator_local(out, text, resolver, rescore, ex.para_of, ex.paras)
        else:
            out = name_narrator(out, text, resolver, rescore)
    if len(ex.paras) > 1 and not local:  # (a headline needs a body after it: local reads none)
        out = _headline_echoes(out, loose, ex, show_all)
    if show_all:  # what no chain credited is printed too, with the titles, speaker None
        kept = {q.start for q in out}
        out = sorted(out + [q for q in loose if q.start not in kept], key=lambda q: q.start)
    return _by_paragraph(out, text, {f.span.start: f.span.mark for f in found}) if "\n" in text else out


def _by_paragraph(quotes: list[Quote], text: str, marks: dict[int, str]) -> list[Quote]:
    """A quotation that runs over paragraphs, each reopened with a mark (“… ¶ “… ¶ “…”), is a
    record a paragraph, all with its speaker: a record's text never holds a paragraph break and
    a reopening mark, and each paragraph can be found, cited and counted on its own."""
    out: list[Quote] = []
    for q in quotes:
        lo = q.start
        if "\n" in q.text:
            mark = marks.get(q.start)
            for m in _REOPEN.finditer(text, q.start, q.end):
                if m.group(1) != mark:
                    continue  # (a line that opens a quotation inside this one)
                end = m.start()
                while end > lo and text[end - 1].isspace():
                    end -= 1
                if text[lo:end].strip():
                    out.append(dataclasses.replace(q, start=lo, end=end, text=text[lo:end]))
                lo = m.end()
        out.append(q if lo == q.start else dataclasses.replace(q, start=lo, text=text[lo:q.end]))
    return out


def _headline_echoes(out: list[Quote], loose: list[Quote], ex: Extractor, show_all: bool) -> list[Quote]:
    """A quote in a headline (a first paragraph of one line) that the body quotes again is
    the same quotation: it is counted once, where the body gives its speaker ("Flynn says
    Trump 'absolutely right'" over "Flynn said Trump was “absolutely right” in ..."). With
    `show_all` the headline copy stays, credited to nobody."""
    if len(ex.paras) < 2 or not out or out[0].start >= (head_end := ex.paras[0][1]):
        return out
    head = ex.text[ex.paras[0][0]:head_end].strip()
    # a headline opens with words, not with a quote ("“Hello,” said Ann." opens a story), and is short
    if "\n" in head or len(head) > 200 or not head[:1].isalnum():
        return out
    body = [_squash(q.text) for q in out + loose if q.start >= head_end]
    keep = []
    for q in out:
        echo = q.start < head_end and (k := _squash(q.text)) and any(k in b for b in body)
        if not echo:
            keep.append(q)
        elif show_all:
            keep.append(Quote(q.doc, q.start, q.end, q.text, None, None, None, "none", confidence("none", None)))
    return keep


def _squash(s: str) -> str:
    """Lower-case words only: a headline drops the period the body keeps."""
    return " ".join(_WORDS.findall(s.lower()))


_DIALOGUE = 0.34  # share of quote paragraphs right after another above which quotes form dialogue


def _turn(text: str, doc: str, sp: Span, para: int, last: dict[int, Quote], resolver: Resolver,
          score, earlier: list[Quote], ex: Extractor) -> Quote | None:
    """An uncued quote opening a paragraph right after a quote paragraph.

    In dialogue, a name addressed in the previous turn ("My dear Mr. Bennet, ...") answers, and
    after a short turn the exchange alternates: the last earlier speaker who is not the previous
    one (and who spoke, not a phrase quoted in narration) answers. When there are too few quote
    paragraphs to tell dialogue from news, only a turn that itself replies to one alternates.
    Otherwise (a long paragraph, or news) the previous speaker goes on.
    """
    prev = last.get(para - 1, earlier[-1] if earlier else None)
    src, rule = prev, "continuation"
    if prev is not None:
        who = resolver.addressee(prev.text) if ex.dialogue_at(para) else None
        if who and who != prev.speaker:
            return Quote(doc, sp.start, sp.end, text[sp.start:sp.end], who, None, None, "alternation",
                         score("alternation", "addressee", sp.closed), resolution="addressee")
        # In a run of short dialogue turns, the other party answers: the last speaker before
        # prev's who is not prev's. After a long narrative paragraph (news), prev goes on.
        # With too few quote paragraphs to tell dialogue from news, prev must itself answer one.
        before = last.get(ex.para_of(prev.start) - 1)
        replies = before is not None and before.rule != "reported_partial"
        turns = ex.dialogue_at(para) and ex.short_turn(prev) and (ex.measured_at(para) or replies)
        for q in reversed(earlier[-8:] if turns else []):
            if q.speaker and prev.speaker and q.speaker != prev.speaker and q.rule != "reported_partial":
                src, rule = q, "alternation"
                break
    if src is None:
        return None
    return Quote(doc, sp.start, sp.end, text[sp.start:sp.end], src.speaker, src.mention, src.cue, rule,
                 score(rule, "turn", sp.closed), src.mention_start, src.mention_end, "turn")


def _narration_turns(out: list[Quote], ex: Extractor, spans: dict[int, Span], opens_para: Callable[[Quote], bool],
                     resolver: Resolver) -> list[Quote]:
    """A quote alone in its paragraph right after narration, with no cue and no dialogue
    around it, goes to the person that narration is about ("Mrs. Hilbery knew something of
    the circumstances. ¶ “What a shame it was!”"). A guess: its confidence says so."""
    for i, q in enumerate(out):
        if q.rule != "none" or not opens_para(q):
            continue
        sp = spans[q.start]
        pi = ex.para_of(sp.open_at)
        if pi == 0 or ex.has_quote(*ex.paras[pi - 1]) or not ex.short_turn(q):
            continue
        if ex.local:
            resolver.at(sp.open_at)
        who = resolver.narration_subject(sp.open_at, ex.paras[pi][0])
        if who:
            out[i] = dataclasses.replace(q, speaker=who, rule="narration", resolution="narration",
                                         confidence=confidence("narration", "narration", sp.closed))
    return out

