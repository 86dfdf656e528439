"""Who "I" is: the name the people of a first-person story call its narrator.

In "“Well, Watson, what do you make of it?” ¶ “I think,” said I, …" the narrator never
says their own name, but the others address them by it; readers (and the gold sets) credit
"said I" to Watson. The narrator's name is the name addressed most often by the quotes not
spoken by "I", provided it names nobody the narration makes speak in the third person
("said Holmes"), and clearly leads the other names addressed. A text that states the name
("my name is Pip", "I called myself Pip") counts that too.

Quotes credited to "I" keep "I" as their mention and take the name as speaker.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Callable, Iterator

import regex

from .lexicon import lexicon
from .model import Quote
from .names import HONORIFICS
from .resolve import Resolver, vocatives

RESOLUTION = "narrator"
_MIN_I_TURNS = 3  # quotes credited to "I" before a text counts as told in the first person
_MIN_ADDRESSED = 2  # times the name must be addressed (or stated)
_LEAD = 1.5  # how many times more often than any other name it must be addressed
_SELF_NAMING = regex.compile(
    r"\b(?:[Mm]y name (?:is|was)|I (?:called|call) myself|(?:they|people|he|she|everybody) called me|I am called)"
    r"\s+(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?)")
# Every _SELF_NAMING match holds one of these words, this many characters after its start
# ("my name": 1; "I call", "he called", "she called", "they called" or "I am called", "people
# called", "everybody called": 2, 3, 4, 5, 7, 10 before "call"): found by a literal scan, they
# tell the few places worth trying, instead of the pattern's own scan of a whole book.
_SELF_NAMING_AT = {"y name ": (1,), "call": (2, 3, 4, 5, 7, 10)}
_SELF_NAMING_ANCHOR = re.compile("|".join(map(re.escape, _SELF_NAMING_AT)))
_SELF_NAMING_LEAD = max(max(v) for v in _SELF_NAMING_AT.values())
_ANCHOR_EVERY = 150  # characters of text an anchor must have to itself for trying them to pay


def self_namings(text: str, lo: int = 0, hi: int | None = None) -> Iterator[regex.Match]:
    """_SELF_NAMING.finditer(text, lo, hi): the same matches, in order, at a fraction of the
    cost. The places to try are taken from the anchors in order and tried once no later anchor
    can give an earlier one, so a text of nothing but anchors stays linear in time and memory."""
    hi = len(text) if hi is None else hi
    if sum(text.count(a, lo, hi) for a in _SELF_NAMING_AT) * _ANCHOR_EVERY > hi - lo:
        yield from _SELF_NAMING.finditer(text, lo, hi)  # anchors everywhere: the plain scan costs less
        return
    pending: set[int] = set()
    pos = lo  # where the next match may start: the end of the last one

    def tried_below(limit: int) -> Iterator[regex.Match]:
        nonlocal pos
        for s in sorted(x for x in pending if x < limit):
            pending.discard(s)
            if s >= pos and (m := _SELF_NAMING.match(text, s, hi)) is not None:
                pos = m.end()
                yield m

    for a in _SELF_NAMING_ANCHOR.finditer(text, lo, hi):
        yield from tried_below(a.start() - _SELF_NAMING_LEAD)
        pending.update(s for back in _SELF_NAMING_AT[a.group()] if (s := a.start() - back) >= lo)
    yield from tried_below(hi + 1)


def _first_person(q: Quote) -> bool:
    return q.speaker == "I"


def _key(name: str) -> str | None:
    """The word a name is known by ("Mr. Hastings" -> "hastings"); None for a bare form of
    address ("Madame", "Sir")."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in HONORIFICS]
    if not words:
        return None
    low = words[-1].lower()
    lex = lexicon()
    if low in lex.titles or lex.words.get(low):
        return None
    return low


def _proper(text: str, word: str) -> bool:
    """Written with a capital in mid-sentence somewhere: a name, not "Ah" or "Exactly"."""
    i = text.find(" " + word)
    while i > 0:
        after = i + 1 + len(word)
        if (text[i - 1].islower() or text[i - 1] == ",") and not (after < len(text) and text[after].isalnum()):
            return True
        i = text.find(" " + word, i + 1)
    return False


def narrator_name(quotes: list[Quote], text: str) -> str | None:
    """The name of the text's first-person narrator, or None when the text does not make it clear."""
    if sum(map(_first_person, quotes)) < _MIN_I_TURNS:
        return None
    forms: dict[str, Counter] = {}
    said_by_name: set[str] = set()
    in_talk: set[str] = set()  # names addressed in a turn next to one of the narrator's
    for i, q in enumerate(quotes):
        if q.mention and q.mention != "I":
            said_by_name.update(w.lower() for w in q.mention.split())
        if _first_person(q):
            continue
        beside = any(_first_person(quotes[j]) for j in (i - 1, i + 1) if 0 <= j < len(quotes))
        for v in vocatives(q.text):
            k = _key(v)
            if k:
                forms.setdefault(k, Counter())[v] += 1
                if beside:
                    in_talk.add(k)
    for m in self_namings(text):
        k = _key(m.group(1))
        if k and not _inside_other_voice(quotes, m.start()):
            forms.setdefault(k, Counter())[m.group(1)] += _MIN_ADDRESSED
            in_talk.add(k)
    ranked = sorted(((sum(c.values()), k) for k, c in forms.items()
                     if k not in said_by_name and k in in_talk), reverse=True)
    ranked = [(n, k) for n, k in ranked[:6] if _proper(text, forms[k].most_common(1)[0][0].split()[-1])]
    if not ranked or ranked[0][0] < _MIN_ADDRESSED:
        return None
    if len(ranked) > 1 and ranked[0][0] < _LEAD * ranked[1][0]:
        return None
    # the fullest of the forms used most: "Mr. Hastings" over "Hastings" at equal counts
    return max(forms[ranked[0][1]].items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def _inside_other_voice(quotes: list[Quote], pos: int) -> bool:
    """Whether pos lies in a quote somebody other than "I" says ("My name is Potapitch")."""
    return any(q.start <= pos < q.end and not _first_person(q) for q in quotes)


def name_narrator(quotes: list[Quote], text: str, resolver: Resolver,
                  score: Callable[[Quote, str], float]) -> list[Quote]:
    """Credit the narrator's quotes to the narrator's name, when the text gives it;
    `score(quote, resolution)` is the confidence of the quote so credited."""
    name = narrator_name(quotes, text)
    if name is None:
        return quotes
    full, _how = resolver.person_for(name.split()[-1])
    return credit_narrator(quotes, full or name, score, {})


def credit_narrator(quotes: list[Quote], name: str, score: Callable[[Quote, str], float],
                    undone: dict[int | None, str | None]) -> list[Quote]:
    """The quotes with "I" credited to the narrator `name`. A "he" or "the guard" the narration
    speaks of is never the one telling it: such a resolution to the narrator's name falls back
    to the mention as written (kept in `undone`, by mention offset, for later calls)."""
    key = _key(name)
    for q in quotes:
        if q.resolution in ("pronoun", "descriptor") and q.speaker and _key(q.speaker) == key:
            undone[q.mention_start] = _as_written(q.mention)
    out = []
    for q in quotes:
        if _first_person(q):
            q = dataclasses.replace(q, speaker=name, resolution=RESOLUTION, confidence=score(q, RESOLUTION))
        elif q.mention_start in undone and q.speaker and _key(q.speaker) == key:
            q = dataclasses.replace(q, speaker=undone[q.mention_start], resolution="as-written",
                                    confidence=score(q, "as-written"))
        out.append(q)
    return out


def _as_written(mention: str | None) -> str | None:
    """A description as a speaker ("the guard" -> "The guard"); a pronoun stays unresolved."""
    if not mention or mention.lower() in lexicon().pronouns:
        return None
    return mention[:1].upper() + mention[1:]
