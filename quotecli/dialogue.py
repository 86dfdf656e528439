"""Dialogue chains: uncued turns get their speaker from the cued turns around them.

In a run of quote paragraphs, one after another, two people take turns:

    “Tea?” asked Tom.          <- cued
    “Please.”                  <- uncued: the other party (Ann, cued below)
    “Milk?”                    <- uncued: Tom again, two turns from a cued Tom
    “No,” said Ann.            <- cued

The forward rules in extract.py credit a turn from the turns before it; this pass runs after
them, over the whole document, and also reads the turns after a gap: a chain that opens after
narration, or whose first turns nobody is credited with, is filled from the first cued turn
that follows.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Callable

from .lexicon import lexicon
from .model import Quote
from .resolve import Resolver

RULE = "dialogue_chain"
_GUESSED = ("alternation", "continuation", RULE)


def _forward_guess(q: Quote) -> bool:
    """A turn the forward rules gave the other party from the turns before it alone: the chain,
    which also reads the cued turns after it, knows better. (A continued speaker stays: in news
    "B." after "“A,” Smith said." is Smith going on.)"""
    return q.rule == "alternation" and q.resolution == "turn"


def _turns(paras: list[tuple[int, int]], goes_on: Callable[[int], bool]) -> list[list[int]]:
    """Indices of quotes grouped by turn: the quotes of one paragraph (or of paragraphs one
    quote spans) form a turn, and so does a quote continuing the speaker of the paragraph
    before (`goes_on`: lines that are sentences). `paras` holds each quote's first and last
    paragraph."""
    turns: list[list[int]] = []
    last_para = -2
    for i, (p0, p1) in enumerate(paras):
        if turns and (p0 <= last_para or p0 == last_para + 1 and goes_on(i)):
            turns[-1].append(i)
        else:
            turns.append([i])
        last_para = max(last_para, p1)
    return turns


def _chains(quotes: list[Quote], turns: list[list[int]], paras: list[tuple[int, int]],
            opens_para: Callable[[Quote], bool], single: bool = False) -> list[list[int]]:
    """Runs of turns in consecutive paragraphs, each opening its paragraph with the quote
    (`single`: runs of one turn too, which a reading in order cannot tell from a run's start)."""
    chains: list[list[int]] = []
    prev_end = -2
    for t, idx in enumerate(turns):
        first = idx[0]
        if chains and paras[first][0] == prev_end + 1 and opens_para(quotes[first]):
            chains[-1].append(t)
        else:
            chains.append([t])
        prev_end = max(paras[i][1] for i in idx)
    return chains if single else [c for c in chains if len(c) > 1]


def mention_gender(mention: str) -> str | None:
    """m / f for "he", "she" and a definite description with a sex ("the girl", "the old man")."""
    words = mention.lower().split()
    if words in (["he"], ["she"]):
        return "m" if words == ["he"] else "f"
    if len(words) >= 2 and words[0] == "the":
        g = lexicon().descriptors.get(words[-1], ("", "x"))[1]
        return g if g in ("m", "f") else None
    return None


_REACH = 40  # cued turns looked at on each side when searching for the other party


def _by_distance(keys: list[int], k: int):
    """Positions of `keys` (sorted) nearest to k first, the earlier one first on a tie; k itself
    skipped; at most _REACH on each side, so a long chain stays linear."""
    hi = bisect.bisect_left(keys, k)
    lo = hi - 1
    if hi < len(keys) and keys[hi] == k:
        hi += 1
    stop_lo, stop_hi = max(-1, lo - _REACH), min(len(keys), hi + _REACH)
    while lo > stop_lo or hi < stop_hi:
        if hi >= stop_hi or (lo > stop_lo and k - keys[lo] <= keys[hi] - k):
            yield keys[lo]
            lo -= 1
        else:
            yield keys[hi]
            hi += 1


def _parity(anchors: dict[int, str], k: int, keys: list[int]) -> str | None:
    """Who speaks at turn k of two people taking turns, from the cued turns nearest to it;
    `keys` are the anchors' positions, sorted."""
    near = _by_distance(keys, k)
    a = next(near, None)
    if a is None:
        return None
    who = anchors[a]
    if (k - a) % 2 == 0:
        return who
    return next((anchors[j] for j in near if anchors[j] != who), None)


def _check_by_parity(out, turn: list[int], k: int, strong: dict[int, str], strong_keys: list[int],
                   gender_of: Callable[[str], str | None], rescore: Callable[[Quote, str], float]) -> None:
    """“…,” he said (or said the girl) at turn k: when the turns around name the person of that
    gender whose turn it is, that is the one."""
    first = next((i for i in turn if out[i].speaker), None)
    if first is None or out[first].resolution not in ("pronoun", "descriptor", "as-written"):
        return
    gender = mention_gender(out[first].mention or "")
    who = _parity(strong, k, strong_keys)
    if gender is None or who is None or who == out[first].speaker or gender_of(who) != gender:
        return
    old = out[first].speaker
    for i in turn:
        if out[i].speaker == old:
            out[i] = dataclasses.replace(out[i], speaker=who, resolution="pronoun-turn",
                                         confidence=rescore(out[i], "pronoun-turn"))


def _anchor(out, turn: list[int]) -> str | None:
    """The speaker a turn's cue names (not one the forward rules guessed): a fixed point."""
    return next((out[i].speaker for i in turn if out[i].speaker and (
        out[i].rule not in _GUESSED or out[i].resolution == "addressee")), None)


def _strong(out, turn: list[int], spk: str) -> bool:
    """An anchor no pronoun gave: one _check_by_parity may trust."""
    return all(out[i].resolution != "pronoun" for i in turn if out[i].speaker == spk)


def fill_chains(quotes: list[Quote], para_of: Callable[[int], int], opens_para: Callable[[Quote], bool],
                confidence: Callable[[str, str | None, bool], float], closed: Callable[[Quote], bool],
                people: Resolver, local: bool = False) -> list[Quote]:
    """`quotes` in text order, uncredited ones with speaker None; returns them with the
    uncredited turns of dialogue chains credited (and those the forward rules guessed,
    re-credited): the person the turn before addressed by name ("My dear Poirot, ..."), else
    by turn parity from the nearest cued turns. `people` knows the document's names and whom
    a quote addresses. `local` (extract(local=True)): a turn is decided from the turns up to
    its own paragraph only (_fill_in_order)."""
    out = list(quotes)
    paras = [(para_of(q.start), para_of(q.end)) for q in out]
    # (a continuation the cue of the line before carries over; not a long paragraph's speaker
    # going on, resolution "turn", which is a turn of its own)
    turns = _turns(paras, lambda i: out[i].rule == "continuation" and out[i].resolution != "turn"
                   and out[i].speaker is not None and out[i].speaker == out[i - 1].speaker)
    if local:
        return _fill_in_order(out, turns, paras, opens_para, confidence, closed, people)
    for chain in _chains(out, turns, paras, opens_para):
        anchors: dict[int, str] = {}  # position in chain -> speaker of a cued turn
        for k, t in enumerate(chain):
            spk = _anchor(out, turns[t])
            if spk:
                anchors[k] = spk
        strong = {k: spk for k, spk in anchors.items() if _strong(out, turns[chain[k]], spk)}
        anchor_keys, strong_keys = sorted(anchors), sorted(strong)
        for k, t in enumerate(chain):
            _fill_turn(out, turns[t], turns[chain[k - 1]] if k > 0 else None, k, anchors, anchor_keys, strong,
                       strong_keys, people, confidence, closed)
    return out


def _fill_turn(out, turn: list[int], before: list[int] | None, k: int, anchors: dict[int, str], anchor_keys: list[int],
               strong: dict[int, str], strong_keys: list[int], people: Resolver,
               confidence: Callable[[str, str | None, bool], float], closed: Callable[[Quote], bool]) -> None:
    """Decide turn k of a chain (`before`: the turn before it): check a he/she by parity, then
    credit it, when uncredited, to whom the turn before addressed or to whose turn it is."""
    _check_by_parity(out, turn, k, strong, strong_keys, people.gender_of, lambda q, how: confidence(q.rule, how, closed(q)))
    if any((out[i].speaker or out[i].mention) and not _forward_guess(out[i]) for i in turn):
        return  # credited, or cued to someone unnamed ("said another"): not a turn to fill
    who, how = None, "turn"
    if before is not None:
        named = people.addressee(" ".join(out[i].text for i in before))
        if named and named not in {out[i].speaker for i in before}:
            who, how = named, "addressee"
    if who is None and anchors:
        who = _parity(anchors, k, anchor_keys)
    said = " ".join(out[i].text for i in turn)
    if who is not None and people.addresses(said, who):
        who = None  # “Don't keep coughing so, Kitty!” is not Kitty's
    if who is None:
        for i in turn:  # nor is a forward guess that names its own hearer
            if out[i].speaker and people.addresses(said, out[i].speaker):
                out[i] = dataclasses.replace(out[i], speaker=None, rule="none", mention=None, cue=None,
                                             mention_start=None, mention_end=None, resolution=None)
        return
    if all(out[i].speaker == who for i in turn):
        return  # nobody to credit, or the forward rules already agree
    for i in turn:
        q = out[i]
        out[i] = dataclasses.replace(q, speaker=who, mention=None, cue=None, mention_start=None,
                                     mention_end=None, rule=RULE, resolution=how, confidence=confidence(RULE, how, closed(q)))


class _Overlay(dict):
    """Quotes by index: those set here, else the list's (a turn decided on a scratch copy)."""

    def __init__(self, base: list[Quote], own: dict[int, Quote]):
        super().__init__(own)
        self.base = base

    def __missing__(self, i: int) -> Quote:
        return self.base[i]


def _fill_in_order(out: list[Quote], turns: list[list[int]], paras: list[tuple[int, int]],
                   opens_para: Callable[[Quote], bool], confidence: Callable[[str, str | None, bool], float],
                   closed: Callable[[Quote], bool], people: Resolver) -> list[Quote]:
    """fill_chains read in order: turn k of a chain is decided from turns 0..k alone (anchors
    after it are not known yet), a chain of one turn is decided as a chain's first turn, and a
    turn that runs over several paragraphs (lines that go on) is decided a paragraph at a time,
    each from its part so far, as the whole turn would be from the same quotes."""
    for chain in _chains(out, turns, paras, opens_para, single=True):
        anchors: dict[int, str] = {}
        strong: dict[int, str] = {}
        anchor_keys: list[int] = []
        strong_keys: list[int] = []
        for k, t in enumerate(chain):
            turn = turns[t]
            orig = {i: out[i] for i in turn}  # the turn as the chain found it
            part: list[int] = []
            g = 0
            while g < len(turn):
                h = g
                while h < len(turn) and paras[turn[h]][0] == paras[turn[g]][0]:
                    h += 1
                part = turn[:h]
                spk = _anchor(orig, part)
                if spk:
                    anchors[k] = spk
                    if not anchor_keys or anchor_keys[-1] != k:
                        anchor_keys.append(k)
                if spk and _strong(orig, part, spk):
                    strong[k] = spk
                    if not strong_keys or strong_keys[-1] != k:
                        strong_keys.append(k)
                elif strong_keys and strong_keys[-1] == k:
                    del strong[k]
                    strong_keys.pop()
                people.at(out[turn[g]].start)
                view = _Overlay(out, {i: orig[i] for i in part})
                _fill_turn(view, part, turns[chain[k - 1]] if k > 0 else None, k, anchors, anchor_keys, strong,
                           strong_keys, people, confidence, closed)
                for i in turn[g:h]:
                    out[i] = view[i]
                g = h
    return out
