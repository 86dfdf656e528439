"""Attribution rules: find the speech cue next to a quote and the mention that says it.

Each rule looks only at the sentence around one quote: the words between the closing mark and
the end of the clause (right window), and those between the sentence start (or the previous
quote) and the opening mark (left window). Names are resolved later (resolve.py).
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import regex

from .lexicon import Lexicon, lexicon
from .names import PARTICLES, Mention, parse_mention
from .tokens import Tok

_MAX_NP = 8
_LEAD_PUNCT = frozenset(",.;:!?—–-…)]")
_PP_HEADS = frozenset("in on at during after before over since throughout".split())
_APPOS = (",", "—", "–")  # marks that close an apposition: "Jason Sims — a teacher — says"
_POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())
_ADJECTIVE_ENDINGS = ("ed", "ing", "al", "ous", "ive", "ful", "ic", "est")
_TELLS_NAMES = 600  # characters of text enough to show which capitalised words are names
_PROPER_ASKED = 32  # words (and places of a word) looked at one by one in a text; past that, one scan of it
_MID_SENTENCE_CAP = regex.compile(r"(?<=[^\s.!?:…\"“”‘’«»()\[\]—–-][ \t]{1,3})\p{Lu}[\p{L}'’\-]*")
_EMBEDDING = frozenset("who whom what whether which how why that if".split())  # open a clause inside a clause
_BE = frozenset("was were is are be been being get got gets getting".split())


@dataclass(slots=True)  # not frozen, never changed: see model.py
class Cue:
    """A rule's finding for one quote: the mention, the cue word and the rule."""

    mention: Mention
    cue: str
    rule: str
    antecedent: Mention | None = None  # for "who": the noun phrase it refers to


class Grammar:
    """Noun-phrase and verb tests over token lists, driven by the word lists."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()

    # -- words -------------------------------------------------------------------------
    def verb_at(self, toks: list[Tok], i: int) -> tuple[str, int] | None:
        """The speech verb starting at toks[i] as (form, token count), if any."""
        v = self._verb_at(toks, i)
        if v is not None and self.lex.verbs[v[0]] in self.lex.catenative:
            j = i + v[1]
            if j + 1 < len(toks) and toks[j].low == "to" and toks[j + 1].word and not toks[j + 1].cap \
                    and not self.is_det(toks[j + 1]) and toks[j + 1].low not in self.lex.verbs:
                return None  # "we must continue to push", "began to walk": no speech (but "went on to say")
        return v

    def _verb_at(self, toks: list[Tok], i: int) -> tuple[str, int] | None:
        if i >= len(toks) or not toks[i].word:
            return None
        w = toks[i].low
        if toks[i].cap and i > 0 and toks[i - 1].word:
            return None  # "the Islamic State", "the United States": a name
        if i + 1 < len(toks) and w in self.lex.verb_heads:
            two = f"{w} {toks[i + 1].low}"
            if two in self.lex.verbs:
                if two in self.lex.noun_like and i + 2 < len(toks) and toks[i + 2].word and not (
                        self.lex.is_(toks[i + 2].low, "prep") or self.lex.is_(toks[i + 2].low, "conj")):
                    return None  # "the Senate goes on recess"
                return two, 2
        if w in self.lex.verbs:
            if i > 0 and self.is_det(toks[i - 1]) and not (
                    self.pronoun(toks[i - 1]) and w != self.lex.verbs[w] and (i == 1 or not toks[i - 2].word)) and not (
                    toks[i - 1].low in ("that", "which") and w != self.lex.verbs[w] and not w.endswith("s")) and not (
                    self.lex.is_(toks[i - 1].low, "amount") and toks[i - 1].low not in ("a", "an")
                    and w != self.lex.verbs[w] and not w.endswith(("s", "ing"))):
                # "the call", "Trump's comments": a noun (but "Another said", "Many say", and a past
                # form after a relative "that": "a message that said", or a number: "mother of three replied")
                return None
            if w in self.lex.noun_like and i > 0 and toks[i - 1].low != "to" and self.lex.is_(toks[i - 1].low, "prep"):
                return None  # "in a series of tweets:", "with comments": a noun after a preposition
            if i > 0 and w.endswith("s") and "-" in toks[i - 1].text:
                return None  # "over-the-top comments"
            if i > 1 and (self.possessive(toks[i - 2]) or toks[i - 2].low in _POSSESSIVE_PRONOUNS) \
                    and toks[i - 1].word and not toks[i - 1].cap and toks[i - 1].low.endswith(_ADJECTIVE_ENDINGS):
                return None  # "Trump's videotaped remarks", "her opening remarks": a noun after its adjective
            if i > 1 and w == self.lex.verbs[w] and self.lex.is_(toks[i - 2].low, "det") and toks[i - 1].word \
                    and not toks[i - 1].cap and toks[i - 1].low not in self.lex.verbs and not self.filler(toks[i - 1]) \
                    and not self._text_reads(toks, i):
                return None  # "with a mischievous smile": a noun after its adjective (not "the sign read")
            if w in self.lex.noun_like and i > 0 and toks[i - 1].word and not toks[i - 1].cap \
                    and toks[i - 1].low.endswith(_ADJECTIVE_ENDINGS) and not self.filler(toks[i - 1]) \
                    and not self._text_reads(toks, i):
                return None  # "Palatucci, general counsel to …", "the special counsel said": a noun
            if w in self.lex.noun_like and i + 1 < len(toks):
                n = toks[i + 1]
                if n.word and not (self.lex.is_(n.low, "conj") or self.lex.is_(n.low, "prep") or self.is_det(n)
                                   or self.pronoun(n) or self.filler(n)):
                    return None  # "state delegate", "report card": a noun
            return w, 1
        return None

    def _text_reads(self, toks: list[Tok], i: int) -> bool:
        """"the editorial read", "the sign read": a text's words are what it reads (past "read"
        is spelt like the noun)."""
        return toks[i].low == "read" and self.lex.descriptors.get(toks[i - 1].low, ("",))[0] == "text"

    def is_det(self, t: Tok) -> bool:
        return self.lex.is_(t.low, "det") or self.possessive(t)

    def possessive(self, t: Tok) -> bool:
        """"Trump’s", not "he’s" (he is)."""
        return t.text.endswith(("’s", "'s")) and t.low not in self.lex.pronouns

    def filler(self, t: Tok) -> bool:
        w = t.low
        if t.cap and w in ("will", "may"):
            return False  # George Will, Theresa May: names, not auxiliaries
        if self.lex.is_(w, "aux") or self.lex.is_(w, "adverb") or self.lex.is_(w, "time"):
            return True
        return w.endswith("ly") and not t.cap and len(w) > 4 and w not in self.lex.ly_words

    def passive(self, toks: list[Tok], v: int) -> bool:
        """"were told", "was asked", "has been quoted": the verb's subject is not the speaker."""
        w = toks[v].low
        if not (w.endswith("ed") or w in ("told", "said", "written", "asked", "quoted", "spoken", "sworn")):
            return False
        j = v - 1
        while j >= 0 and self.filler(toks[j]) and toks[j].low not in _BE:
            j -= 1
        return j >= 0 and toks[j].low in _BE

    def verbish(self, toks: list[Tok], i: int) -> bool:
        """A past-tense or common verb inside what looked like a noun phrase: "crowd held"."""
        w = toks[i].low
        if self.lex.is_(w, "verb"):
            return True
        # "Tom Reed left": a capital inside a phrase is a name ending in -ed, not a verb
        return w.endswith("ed") and not (i > 0 and (self.is_det(toks[i - 1]) or toks[i].cap))

    def pronoun(self, t: Tok) -> bool:
        return t.low in self.lex.pronouns and (t.low != "i" or t.text == "I")

    def namelike(self, t: Tok) -> bool:
        if not t.word:
            return False
        if t.cap:
            return not self.lex.is_(t.low, "func") or t.low in ("mr", "mrs", "ms", "dr")
        return t.low in PARTICLES

    # -- noun phrases --------------------------------------------------------------------
    def np_before(self, toks: list[Tok], k: int, lo: int = 0) -> tuple[int, int] | None:
        """Token range [i, j] of the subject ending at toks[k] (after fillers), or None."""
        j = k
        while j >= lo:
            if toks[j].low == "ago":  # "The State Department less than two weeks ago said"
                x = j - 1
                while x >= lo and j - x <= 6 and (toks[x].text[:1].isdigit() or self.lex.is_(toks[x].low, "time")
                                                  or self.lex.is_(toks[x].low, "amount")):
                    x -= 1
                j = x
                continue
            if self.filler(toks[j]) or (toks[j].low == "on" and j + 1 <= k and self.lex.is_(toks[j + 1].low, "time")):
                j -= 1
                continue
            # a time phrase: "who in 2010 said", "Trump on Aug. 19 said", "Clinton last week said"
            if toks[j].text[:1].isdigit() or self.lex.is_(toks[j].low.rstrip("."), "time"):
                p = next((x for x in range(j - 1, max(lo, j - 4) - 1, -1)
                          if toks[x].low in ("in", "on", "at", "during", "since", "last", "this", "earlier", "early", "late")), None)
                if p is not None:
                    j = p - 1
                    continue
            break
        paren_end = None
        if j - 1 >= lo and toks[j].text == "," and toks[j - 1].text == ")":
            j -= 1  # "Gov. John Kasich (R-OH), said": the comma closes the parenthetical
        while j >= lo and toks[j].text == ")":  # parenthetical: (R-Fla.), kept in the mention as written
            paren_end = paren_end or j
            while j >= lo and toks[j].text != "(":
                j -= 1
            j -= 1
        if j < lo:
            return None
        if paren_end is not None and toks[j].text != ",":
            core = self.np_core_before(toks, j, lo)
            return (core[0], paren_end) if core else None
        if toks[j].text in _APPOS:  # apposition: "Trump, the Republican nominee, said" (or between dashes)
            return self._apposition_head(toks, j, lo)
        r = self.np_core_before(toks, j, lo)
        if r is not None:
            r = self._with_post_modifier(toks, r, k, lo)
        if r is not None and toks[r[1]].cap:
            # "Jeffrey Lewis of the Martin Center wrote": the person before "of (the) Organisation"
            p = r[0] - 1 - (r[0] - 1 > lo and toks[r[0] - 1].low == "the")
            if p > lo and toks[p].low == "of":
                inner = self.np_core_before(toks, p - 1, lo)
                if inner and inner[1] > inner[0] and all(toks[x].cap for x in range(inner[0], inner[1] + 1)) \
                        and not any(toks[x].low.rstrip(".") in self.lex.titles for x in range(inner[0], inner[1] + 1)):
                    return inner
                if inner:  # "the Bishop of London", "Bank of America chief Brian Moynihan": one phrase
                    return inner[0], r[1]
        elif r is not None and r[0] - 1 > lo and toks[r[0] - 1].low == "of":
            inner = self.np_core_before(toks, r[0] - 2, lo)
            if inner:  # "the senior adviser of the campaign said"
                return inner[0], r[1]
        elif r is None and j - 2 >= lo and toks[j - 1].low == "of" and toks[j].text.isalpha() and not toks[j].cap:
            inner = self.np_core_before(toks, j - 2, lo)
            head = toks[inner[1]].low.rstrip(".") if inner is not None else ""
            role = head in self.lex.descriptors or head in self.lex.titles
            if role and self._described(toks, inner):  # "the secretary of state said": a role of a bare noun
                return inner[0], j
        if r is None and self.pronoun(toks[j]) and (j == lo or not self.is_det(toks[j - 1])):
            return j, j  # "Another said …", "Many say …": a determiner standing alone
        if r is None or (r[0] - 1 >= lo and toks[r[0] - 1].low in _PP_HEADS):
            # a phrase between subject and verb: "Trump in recent days has suggested",
            # "Clinton at a rally in Ohio said"
            for p in range((r[0] if r else j + 1) - 1, max(lo, j - 6) - 1, -1):
                if toks[p].low in _PP_HEADS:
                    inner = self.np_core_before(toks, p - 1, lo) if p - 1 >= lo else None
                    if inner and (toks[inner[1]].cap or self.pronoun(toks[inner[1]])):
                        return inner
                    break
        return r

    def _with_post_modifier(self, toks: list[Tok], r: tuple[int, int], k: int, lo: int) -> tuple[int, int]:
        """A subject with a participle phrase after its noun is the whole phrase: "a poll
        released Thursday found", "a report issued by the Senate said" (not the Senate)."""
        i, j = r
        x = i - 1  # "an aide to Clinton said", "a source close to the campaign said": the aide speaks
        while x > i - 5 and x > lo and (self.lex.is_(toks[x].low, "prep") or toks[x].low in self.lex.links):
            x -= 1
        if x < i - 1 and x >= lo and self.lex.is_(toks[i - 1].low, "prep") \
                and self.lex.descriptors.get(toks[x].low, ("",))[0] in ("role", "group"):
            inner = self.np_core_before(toks, x, lo)
            if inner is not None:
                return inner[0], j
        if i - 2 > lo and toks[i - 1].low == "by" and toks[i - 2].low in self.lex.postmodifiers:
            inner = self.np_core_before(toks, i - 3, lo)
            if inner and self._described(toks, inner):
                return inner[0], j
        if toks[j].low in self.lex.postmodifiers and j > i:
            while j + 1 <= k and toks[j + 1].word and (self.lex.is_(toks[j + 1].low.rstrip("."), "time") or toks[j + 1].cap
                                                        or toks[j + 1].text[:1].isdigit()
                                                        or toks[j + 1].low in ("last", "this", "earlier", "by", "on", "in")):
                j += 1  # "released last year", "reviewed by The Post"
        return i, j

    def _post_modifier_end(self, toks: list[Tok], j: int) -> int:
        """End of a participle phrase after an inverted subject's noun: "according to a poll
        released Thursday", "said the chief known as Bob, speaking …"."""
        if j + 1 >= len(toks) or toks[j + 1].low not in self.lex.postmodifiers:
            return j
        k = j + 1
        while k + 1 < len(toks) and k - j < 7:
            n = toks[k + 1]
            if n.low == "and" and toks[k].cap and k + 2 < len(toks) and toks[k + 2].cap:
                k += 1  # "filed by the Securities and Exchange Commission": one name
                continue
            if not n.word or self.verb_at(toks, k + 1) or self.lex.is_(n.low, "aux") or self.lex.is_(n.low, "subord") \
                    or self.lex.is_(n.low, "conj") or n.low in ("who", "which", "that"):
                break
            if self.lex.is_(n.low, "prep") and k + 2 < len(toks) and self.lex.is_(toks[k + 2].low.rstrip("."), "time"):
                break  # "reached by phone on Monday": the time belongs to the saying
            k += 1
        return k

    def _apposition_head(self, toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase an apposition ending at the comma toks[j] describes. The apposition
        may hold commas of its own: "Dean Johnson, a salesman from Sumter, South Carolina,
        says", "Cory James, 22, of Flint, Mich., said": a piece that is a descriptor, an age or
        a place after "of" is part of it, and the head is further back."""
        fallback = None
        # "the nominee, Jo Trump, said": a name as the apposition names the descriptor
        named = self._np_core_before(toks, j - 1, lo)
        if not (named and named[0] - 1 >= lo and toks[named[0] - 1].text in _APPOS
                and all(toks[x].cap for x in range(named[0], named[1] + 1))):
            named = None
        c = j - 1
        while c >= max(lo, j - 30):
            if toks[c].text not in _APPOS:
                c -= 1
                continue
            core, shown_to = self.np_core_before(toks, c - 1, lo), None
            if core is None and c - 1 > lo and toks[c - 1].text == ")":
                # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the parenthetical is
                # kept as written, the head is before it
                k = c - 1
                while k > lo and toks[k].text != "(":
                    k -= 1
                core = self.np_core_before(toks, k - 1, lo) if toks[k].text == "(" and k > lo else None
                shown_to = c - 1 if core else None
            if core is None:
                if c - 1 >= lo and toks[c - 1].text.isdigit() and c - 2 >= lo and toks[c - 2].text in _APPOS:
                    c -= 2  # ", 22,": an age
                    continue
                if named and c == named[0] - 1 and any(toks[x].text.endswith(("’s", "'s")) for x in range(max(lo, c - 8), c)):
                    return named  # "Rep. Duncan Hunter’s chief of staff, Joe Kasper, told"
                break
            if core[0] == core[1] and self.pronoun(toks[core[0]]):
                break
            b = core[0] - 1
            place = b >= lo and toks[b].low in ("of", "from", "in", "at", "for", "to", "with", "on")
            if place:
                b -= 1
            descriptive = place or self._described(toks, core)
            if b >= lo and toks[b].text in _APPOS and descriptive:
                fallback = fallback or core
                c = b
                continue
            if place and not fallback:
                # "Clinton, during a town hall meeting in Columbus, Ohio, said": a phrase that
                # opens after a comma and holds no verb is part of the apposition
                k = b
                while k >= max(lo, b - 10) and toks[k].text != "," and toks[k].word and not (
                        self.verb_at(toks, k) or self.verbish(toks, k)):
                    k -= 1
                if k >= lo and k < b and toks[k].text == ",":
                    fallback = core
                    c = k
                    continue
            if fallback and place:
                core = fallback  # "In Washington, the nominee, ...": an opening phrase, not the head
            if named and self._described(toks, core):
                return named
            return (core[0], shown_to) if shown_to is not None and core is not fallback else core
        return named if named and fallback and self._described(toks, fallback) else fallback

    def _described(self, toks: list[Tok], r: tuple[int, int]) -> bool:
        """A noun phrase that describes rather than names: "the nominee", "a spokeswoman"."""
        return toks[r[0]].low in ("a", "an", "the") or not toks[r[1]].cap

    def np_core_before(self, toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
        r = self._np_core_before(toks, j, lo)
        if r and r[0] - 2 >= lo and toks[r[0]].low in ("the", "a", "an") and toks[r[0] - 1].low in ("in", "on", "at", "during", "over"):
            # "Beck, who has in the past described": the phrase is not the subject
            k = r[0] - 2
            while k >= lo and self.filler(toks[k]):
                k -= 1
            if k >= lo:
                inner = self._np_core_before(toks, k, lo)
                if inner and (self.pronoun(toks[inner[0]]) or toks[inner[1]].cap):
                    return inner
        return r

    def _np_core_before(self, toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
        if j < lo or not toks[j].word:
            return None
        t = toks[j]
        if self.pronoun(t):
            return j, j
        end = j
        i = j
        if self.namelike(t) and t.cap:
            while i - 1 >= lo and self.namelike(toks[i - 1]) and end - i < _MAX_NP:
                i -= 1
            while i < end and not toks[i].cap:
                i += 1
            # leading function words: "Then Blinken"
            while i < end and self.lex.is_(toks[i].low, "func") and toks[i].low not in ("mr", "mrs", "ms", "dr"):
                i += 1
            # titles, roles and their modifiers before a name: "former California Gov. Jerry Brown",
            # "Trump attorney Alan Garten", "Minnesota state delegate Mary Susan"
            while i - 1 >= lo and end - i < _MAX_NP and toks[i - 1].word:
                p = toks[i - 1]
                if self.is_det(p):
                    if not p.text.endswith(("’s", "'s")):
                        i -= 1
                    break
                if p.low.rstrip(".") in self.lex.titles or p.low in self.lex.modifiers or p.low in self.lex.descriptors:
                    i -= 1
                elif p.cap and self.namelike(p) and i - 2 >= lo and (
                        toks[i - 2].low in self.lex.modifiers or not toks[i - 2].word or self.is_det(toks[i - 2])
                        or toks[i - 2].cap) and toks[i].low.rstrip(".") in self.lex.titles | self.lex.modifiers:
                    i -= 1
                elif p.cap and self.namelike(p) and toks[i].low.rstrip(".") in self.lex.titles | self.lex.modifiers:
                    i -= 1
                elif not p.cap and toks[i].cap and p.text.isalpha() and not self.lex.words.get(p.low) \
                        and not self.verb_at(toks, i - 1) and not self.verbish(toks, i - 1) and not p.low.endswith("ly"):
                    i -= 1  # "psychologist Elaine Ducharme"
                else:
                    break
        else:
            if self.verb_at(toks, j) or self.lex.words.get(t.low) or not t.text.isalpha() and "-" not in t.text:
                return None
            has_det = False
            while i - 1 >= lo and end - i < 5:
                p = toks[i - 1]
                if not p.word:
                    break
                if self.is_det(p):
                    i -= 1
                    has_det = True
                    if not p.text.endswith(("’s", "'s")):
                        break
                    continue
                if self.lex.words.get(p.low) or self.verb_at(toks, i - 1) or self.verbish(toks, i - 1):
                    break
                i -= 1
            head = t.low
            # "former employees have called it", "doctors say": the plural of a known role, or a
            # listed group
            known = head in self.lex.descriptors or (head.endswith("s") and head[:-1] in self.lex.descriptors)
            if not (has_det or known):
                return None
        # "a spokesman for Disney": a descriptor before a preposition
        if i - 2 >= lo and toks[i - 1].low in ("for", "of", "at", "with", "from") and not toks[i - 2].cap:
            inner = self.np_core_before(toks, i - 2, lo)
            # (a noun phrase: not "the plan drew fire from the unions")
            if inner and not self.pronoun(toks[inner[0]]) and not any(
                    self.verb_at(toks, x) or self.verbish(toks, x) for x in range(inner[0], inner[1] + 1)):
                return inner[0], end
        return i, end

    def np_after(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """Token range of the subject that follows an inverted verb: "said Elizabeth",
        "said Clinton campaign manager Robby Mook", "said his lady"."""
        if i >= len(toks) or not toks[i].word:
            return None
        if toks[i].low in ("he", "she", "they", "we", "it", "you") or toks[i].text in ("I", "I."):
            return i, i  # "said I. Ann smiled": the pronoun ends the sentence, no initial
        # (the cheap token tests first: after "said" mostly comes a capitalised name)
        if (i + 1 == len(toks) or not toks[i + 1].word) and self.pronoun(toks[i]):
            return i, i  # "said another."
        if toks[i].low in ("the", "a", "an") or not toks[i].cap and self.is_det(toks[i]):
            d = self._descriptor_after(toks, i)
            return self._named_after(toks, d) or d
        # a run of names, titles and role words that ends in a capitalised name
        j, last_cap = i, -1
        n = len(toks)
        lex = self.lex
        while j < n and j - i <= 10:
            t = toks[j]
            if not t.word:
                if t.text == "/" and j > i and toks[j - 1].text[:1].isdigit() and j + 1 < n and toks[j + 1].text[:1].isdigit():
                    j += 1  # "9/11 widow Terry Strada"
                    continue
                break
            if t.cap and (not lex.is_(t.low, "func") or t.low in ("mr", "mrs", "ms", "dr")  # (namelike)
                          or t.low.rstrip(".") in lex.titles):
                last_cap = j
            elif t.low in PARTICLES and last_cap == j - 1:
                pass
            elif t.text[:1].isdigit() and len(t.text) <= 4:
                pass  # "1st Lt."
            elif not t.cap and t.text.replace("-", "").isalpha() and not self.lex.is_(t.low, "prep") and not self.lex.is_(t.low, "conj") \
                    and not self.lex.is_(t.low, "det") and not self.verb_at(toks, j) and not self.verbish(toks, j) \
                    and not self.filler(t) and self.lex.is_(t.low, "func") is False:
                pass  # role words: "campaign manager", "political scientist"
            else:
                break
            j += 1
        if last_cap < i:
            return None
        # "Clinton's introducer, actress Jamie Lee Curtis": a possessive role, then who it is
        if toks[last_cap].text.endswith(("’s", "'s")) and j < len(toks) and toks[j].text == "," and j > last_cap + 1:
            after = self.np_after(toks, j + 1)
            if after and toks[after[1]].cap:
                return i, after[1]
        # a parenthetical right after the name is part of how it was written: "(D-Minn.)"
        if last_cap + 1 < len(toks) and toks[last_cap + 1].text == "(":
            close = next((k for k in range(last_cap + 2, min(len(toks), last_cap + 8)) if toks[k].text == ")"), None)
            if close is not None:
                return i, close
        return i, last_cap

    def _named_after(self, toks: list[Tok], d: tuple[int, int] | None) -> tuple[int, int] | None:
        """“…,” said a spokeswoman for the hotels, Jennifer Rodstrom. — the name that closes the
        clause after a description is who spoke."""
        if d is None:
            return None
        c = d[1] + 1  # "for Trump hotels, Jennifer Rodstrom": a noun or two may end the description
        while c < len(toks) and c - d[1] <= 2 and toks[c].word and not toks[c].cap and not (
                self.lex.words.get(toks[c].low) or self.verb_at(toks, c) or self.verbish(toks, c)):
            c += 1
        if c + 1 >= len(toks) or toks[c].text != ",":
            return None
        a = c + 1
        b = a
        while b < len(toks) and toks[b].word and toks[b].cap and self.namelike(toks[b]) and b - a < 4:
            b += 1
        if b - a < 2 or (b < len(toks) and toks[b].text not in (".", ",", ";")):
            return None
        return a, b - 1

    def _descriptor_after(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        j = i
        while j + 1 < len(toks) and j - i < 5:
            n = toks[j + 1]
            # a word in -ing is a participle after the head taking its own object ("said the man
            # pointing at the door"), a noun otherwise ("said the king", "said the old king")
            participle = n.low.endswith("ing") and j > i and j + 2 < len(toks) and toks[j + 2].word
            if not n.word or self.lex.is_(n.low, "prep") or self.lex.is_(n.low, "conj") or self.verb_at(toks, j + 1) \
                    or self.lex.is_(n.low, "aux") or self.filler(n) or self.verbish(toks, j + 1) or participle \
                    or n.low in ("who", "whom", "whose", "which", "that") or n.low in self.lex.postmodifiers:
                break  # "said the girl firmly", "said the doctor, standing", "said the chief known as"
            j += 1
        if j == i:
            return None
        # "a spokesman for Disney", "an adviser to Trump" (a job: not "said the girl to Oliver"),
        # "a source close to the campaign"
        job = self.lex.descriptors.get(toks[j].low, ("", "x"))[1] == "x"
        if j + 2 < len(toks) and (toks[j + 1].low in ("for", "of", "at") or toks[j + 1].low == "to" and (job and toks[j + 2].cap or toks[j].low == "close")) \
                and toks[j + 2].word:
            k = j + 2
            while k + 1 < len(toks) and (self.namelike(toks[k + 1]) or self.is_det(toks[k])) and k - j < 5:
                k += 1
            if not self.lex.is_(toks[k].low, "time"):  # not "cried the Dodger at this moment"
                j = k
        return i, self._post_modifier_end(toks, j)

    def subject_at_start(self, toks: list[Tok]) -> tuple[int, int] | None:
        """The noun phrase a sentence opens with, ending where its verb begins; after a short
        opening phrase and its comma too ("Somewhere in there, he tossed in ...")."""
        # "When Wallace died in 1998, President Clinton released …": the subject of the main clause
        r = None if toks and (self.lex.is_(toks[0].low, "subord") or toks[0].low == "if") else self._subject_from(toks, 0)
        if r is None:
            c = next((i for i, t in enumerate(toks[:7]) if t.text == ","), None)
            if c is not None and c + 1 < len(toks):
                r = self._subject_from(toks, c + 1)
        return r

    def _subject_from(self, toks: list[Tok], lo: int) -> tuple[int, int] | None:
        close = -1  # the end of a parenthetical being skipped: "Sen. Pat Toomey (R-Pa.) refused"
        for n in range(lo + 1, min(len(toks), lo + _MAX_NP + 4)):
            if n <= close:
                continue
            if not toks[n].word:
                if toks[n].text == ",":
                    continue
                if toks[n].text == "(":
                    close = next((k for k in range(n + 1, min(len(toks), n + 8)) if toks[k].text == ")"), -1)
                    if close > 0:
                        continue
                return None
            if self.verbish(toks, n) or self.verb_at(toks, n) or self.lex.is_(toks[n].low, "aux"):
                r = self.np_before(toks, n - 1, lo)
                if r and all(self.lex.is_(x.low, "func") or not x.word for x in toks[lo:r[0]]):
                    return r
                return None
        return None


@functools.cache
def _grammar() -> Grammar:
    """The Grammar of the shared word lists: it holds no state of its own, one serves all texts."""
    return Grammar()


class CueFinder:
    """Applies the window rules to one quote at a time."""

    def __init__(self, text: str, lex: Lexicon | None = None):
        self.text = text
        self.g = _grammar() if lex is None else Grammar(lex)

    _proper_cache: dict[str, bool] | None = None  # (made when first asked: most texts never ask)
    _proper_words: frozenset[str] | None = None

    def _proper(self, word: str) -> bool:
        """Whether the text writes `word` capitalised inside a sentence (after a word or a comma,
        not after a sentence's end, a mark or a dash): a name, as opposed to a word capitalised
        only where a sentence opens. Asked of a few words a text: each is looked for where it
        occurs (str.find), not in a scan of the whole text (cached)."""
        if self._proper_cache is None:
            self._proper_cache = {}
        known = self._proper_cache.get(word)
        if known is None and self._proper_words is None and len(self._proper_cache) < _PROPER_ASKED:
            known = self._proper_where(word)
            if known is not None:
                self._proper_cache[word] = known
        if known is None:
            # many words asked, or one found in many places (a long text of them): one scan
            # answers them all, in linear time
            if self._proper_words is None:
                self._proper_words = frozenset(_MID_SENTENCE_CAP.findall(self.text))
            known = word in self._proper_words
        return known

    def _proper_where(self, word: str) -> bool | None:
        """_proper from the places `word` occurs; None past _PROPER_ASKED of them. (A match of
        the pattern starts after white space, so it is never inside another: a match at one of
        those places is one of _MID_SENTENCE_CAP.finditer(text).)"""
        text = self.text
        i = text.find(word)
        for _ in range(_PROPER_ASKED):
            if i < 0:
                return False
            if i and text[i - 1] in " \t" and (m := _MID_SENTENCE_CAP.match(text, i)) and m.group() == word:
                return True
            i = text.find(word, i + 1)
        return None if i >= 0 else False

    def _mention(self, toks: list[Tok], r: tuple[int, int] | None) -> Mention | None:
        if not r:
            return None
        lo, hi = r
        # "note that he had", "concludes that Trump is": the complementizer is no part of the speaker
        # ("That letter said" keeps its determiner)
        if lo < hi and toks[lo].low == "that" and (toks[lo + 1].cap or toks[lo + 1].low in self.g.lex.pronouns):
            lo += 1
        # a phrase cut short by the next quote ("wrote the authors of the “Growth …”") ends at its noun
        lex = self.g.lex
        while hi > lo and toks[hi].word and not toks[hi].cap and (
                toks[hi].low in ("the", "a", "an") or lex.is_(toks[hi].low, "prep") or lex.is_(toks[hi].low, "conj")):
            hi -= 1  # (not "the other", "the one": there the determiner is the head)
        return parse_mention(toks[lo:hi + 1], self.text)

    # -- right of the quote: “…,” Blinken said / said Blinken ------------------------------
    def right(self, toks: list[Tok], ended: bool) -> Cue | None:
        g = self.g
        k = 0
        while k < len(toks) and toks[k].text in _LEAD_PUNCT:
            if toks[k].text in ".!?":
                ended = True
            k += 1
        if k >= len(toks):
            return None
        # according to X
        if toks[k].low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
            m = self._mention(toks, g.np_after(toks, k + 2))
            if m:
                return Cue(m, "according to", "according_to")
        # said X (inverted), allowing one adverb: “…,” later said X
        for v in (k, k + 1):
            if v > k and not g.filler(toks[k]):
                break
            verb = g.verb_at(toks, v)
            if verb and not verb[0].endswith("ing"):
                r = g.np_after(toks, v + verb[1])
                m = self._mention(toks, r)
                if m and m.kind != "relative" and not (m.kind == "pronoun" and toks[r[0]].low in ("him", "her", "them", "it", "you", "us")):
                    return Cue(m, toks[v].text if verb[1] == 1 else f"{toks[v].text} {toks[v + 1].text}", "quote_verb_speaker")
                break
        # X said
        for v in range(k + 1, min(len(toks), k + 22)):
            verb = g.verb_at(toks, v)
            if not verb:
                continue
            if verb[0].endswith("ing"):
                break  # "“…” and Trump calling it …", "“…” on Twitter before claiming": no cue of this quote
            if g.passive(toks, v):
                break  # "“…” it was said", "“…” they were told": the subject did not speak
            r = g.np_before(toks, v - 1, k)
            if r and r[0] > k and not g.pronoun(toks[r[0]]) and not (toks[k].low.endswith("ing") and not toks[k].cap) and all(
                    toks[x].word and not g.verb_at(toks, x) and not g.verbish(toks, x)
                    and not g.lex.is_(toks[x].low, "prep") and not g.lex.is_(toks[x].low, "aux")
                    and (not g.lex.is_(toks[x].low, "conj") or toks[x].low == "and") for x in range(k, r[0])):
                # "Trump running mate Gov. Mike Pence", "the Vermont senator and Democratic candidate"
                r = (k, r[1])
            named = r is not None and r[0] - 1 > k and toks[r[0] - 1].text == "," and toks[r[1] + 1].text == ","
            if r and r[0] > k and g.lex.is_(toks[r[0] - 1].low, "prep") and toks[r[0] - 1].low not in ("as", "like"):
                break  # "“…” in a Facebook post", "for the Trump project": a preposition's object
            if not r or (r[0] != k and not named and not all(toks[x].low in ("and", "then") or g.lex.is_(toks[x].low, "func") and toks[x].low != "but"
                                                             or g.filler(toks[x]) and not g.lex.is_(toks[x].low, "aux")
                                                             for x in range(k, r[0]))) \
                    or any(g.lex.is_(toks[x].low, "subord") for x in range(k, r[0])):
                break
            m = self._mention(toks, r)
            if not m or m.kind == "relative" or (m.kind == "pronoun" and toks[r[0]].low in ("him", "her", "them", "his", "its", "their")):
                break
            if verb[0] in g.lex.noun_like and toks[r[0]].low in ("his", "her", "their", "its", "my", "our", "your"):
                break  # "in his home state of Ohio": a noun
            if v + verb[1] == len(toks) - 1 and toks[-1].text == ":":
                return None  # "“…,” Trump said: “…”": the colon hands the cue to the next quote
            if ended:
                tail = [t for t in toks[v + verb[1]:] if t.word]
                if any(t.low == "that" for t in tail[:3]) or len(tail) > 8:
                    return None
            if self._clause_follows(toks, v + verb[1]):
                return None  # "“…” Trump said the countries should be …": he reports something else
            return Cue(m, toks[v].text if verb[1] == 1 else f"{toks[v].text} {toks[v + 1].text}", "quote_speaker_verb")
        if ended:
            # the quote closed its sentence: a ", he said," further on belongs to the next one
            # ("… the bully.” South Carolina, he said, was where …")
            return None
        return self._trailing(toks, k) or self._according(toks, k)

    def _clause_follows(self, toks: list[Tok], i: int) -> bool:
        """A clause of its own right after the cue verb, opened by a determiner or a pronoun
        ("said the countries should be", "said it would"): the verb reports that clause, not the
        quote before it. (A bare plural, "said private contractors can be", is not read so: it
        cost more right quotes than it won.)"""
        g = self.g
        if i >= len(toks) or not toks[i].word or not (g.is_det(toks[i]) and toks[i].low not in ("his", "her", "its", "their")
                                                      or toks[i].low in ("he", "she", "they", "it", "we", "i")):
            return False  # ("said his …": a possessive phrase, not a clause)
        return any(g.lex.is_(toks[x].low, "aux") for x in range(i + 1, min(len(toks), i + 4)))

    def _according(self, toks: list[Tok], k: int) -> Cue | None:
        """“top secret” by the State Department, according to intelligence sources."""
        for i in range(k, len(toks) - 2):
            if toks[i].low == "according" and toks[i + 1].low == "to":
                m = self._mention(toks, self.g.np_after(toks, i + 2))
                if m and m.kind != "pronoun":
                    return Cue(m, "according to", "according_to")
        return None

    def _trailing(self, toks: list[Tok], k: int) -> Cue | None:
        """“…” than that of the CIA chief, Zuckoff said. — the cue closes the sentence."""
        g = self.g
        for c in range(k, len(toks)):
            if toks[c].text != ",":
                continue
            verb = g.verb_at(toks, c + 1)
            if verb and not verb[0].endswith("ing") and g.lex.verbs.get(verb[0]) not in g.lex.hearer_object:
                ra = g.np_after(toks, c + 1 + verb[1])  # (", told POLITICO": the hearer never speaks)
                ma = self._mention(toks, ra)
                if ma and ma.kind in ("name", "pronoun", "descriptor", "group", "org"):
                    return Cue(ma, toks[c + 1].text, "trailing_cue")
            for v in range(c + 2, min(len(toks), c + 12)):
                verb = g.verb_at(toks, v)
                if not verb:
                    continue
                tail = [t for t in toks[v + verb[1]:] if t.word]
                after = toks[v + verb[1]] if v + verb[1] < len(toks) else None
                # "…, he said, because …": a clause of its own may follow the cue
                own_clause = after is not None and (after.text == "," or g.lex.is_(after.low, "subord"))
                if (len(tail) > 4 and not own_clause) or any(t.low == "that" for t in tail[:2]):
                    break
                r = g.np_before(toks, v - 1, c + 1)
                if r and r[0] == c + 1:
                    m = self._mention(toks, r)
                    if m and m.kind in ("name", "pronoun", "descriptor", "group", "org"):
                        return Cue(m, toks[v].text, "trailing_cue")
                break
        return None

    # -- left of the quote: Blinken said: “…” / Blinken reiterated that it is “…” ----------
    def left(self, toks: list[Tok], sentence_start: bool = True) -> Cue | None:
        g = self.g
        while toks and toks[-1].text in ("(", "[", "—", "–"):
            toks = toks[:-1]
        if not toks:
            return None
        colon = toks[-1].text == ":"
        body = toks[:-1] if colon else toks
        if colon and body:
            whole = g.np_core_before(body, len(body) - 1, 0)
            if not (whole and whole[0] == 0) and "," in [t.text for t in body] and not any(
                    g.verb_at(body, x) or g.verbish(body, x) for x in range(len(body))):
                c = [t.text for t in body].index(",")  # "Windsor Mann, editor of The Quotable Hitchens:"
                whole = g.np_core_before(body, c - 1, 0) if c > 0 else None
            if whole and whole[0] == 0 and not g.verb_at(body, whole[1]):  # not "Another said:"
                m = self._mention(body, whole)
                if m and m.kind in ("name", "descriptor", "group", "org"):
                    return Cue(m, ":", "speaker_colon")
            f = next((i for i, t in enumerate(body[:3]) if t.low == "from"), None)
            if f is not None and f + 1 < len(body):  # "From the report:", "More from Jones:"
                ra = g.np_after(body, f + 1)
                if ra and ra[1] == len(body) - 1:
                    m = self._mention(body, ra)
                    if m and m.kind in ("name", "descriptor", "org", "text"):
                        return Cue(m, ":", "speaker_colon")
            if whole and whole[0] > 0 and body[whole[0] - 1].text in ("-", "—", "–"):
                m = self._mention(body, whole)  # "Pollsters agree - Carl Bialik:" (a name after a dash)
                if m and m.kind == "name":
                    return Cue(m, ":", "speaker_colon")
        # according to X, …
        for i in range(len(body) - 1):
            if body[i].low == "according" and body[i + 1].low == "to":
                m = self._mention(body, g.np_after(body, i + 2))
                if m:
                    return Cue(m, "according to", "according_to")
        rule_found = "speaker_verb_colon" if colon else "reported_partial"
        participle: Tok | None = None
        for v in range(len(body) - 1, -1, -1):
            verb = g.verb_at(body, v)
            if not verb:
                continue
            form = verb[0]
            cue = body[v].text if verb[1] == 1 else f"{body[v].text} {body[v + 1].text}"
            prev = body[v - 1] if v > 0 else None
            if g.passive(body, v):
                # "Sanders was asked by host Bill Maher, “…”": the agent speaks ("was quoted by the
                # Times as saying" is still the subject's)
                b = v + verb[1]
                if b + 1 < len(body) and body[b].low == "by" and form not in ("quoted", "cited"):
                    ra = g.np_after(body, b + 1)
                    ma = self._mention(body, ra)
                    after = body[ra[1] + 1] if ra is not None and ra[1] + 1 < len(body) else None
                    # (not "interrupted by the servant's coming in": the agent's phrase ends there)
                    if ma is not None and ma.kind in ("name", "descriptor", "group", "org") \
                            and (after is None or after.text in (",", ":") or after.low in ("as", "that")):
                        return Cue(ma, cue, "participle" if participle is not None else rule_found)
                continue  # "his salespersons were told": the subject heard it, did not say it
            if form.endswith("ing") and (prev is None or prev.text == "," or prev.low in ("and", "while", "before", "after", "by")):
                participle = participle or body[v]
                continue  # the subject is that of an earlier clause
            if colon and (prev is None or prev.text in (",", ";") or v == 1 and (g.filler(prev) or g.lex.is_(prev.low, "func"))) \
                    and not form.endswith("ing") \
                    and g.lex.verbs.get(form) not in g.lex.hearer_object:
                # inverted before a colon: "In other words, explained moderator Nancy Cordes: “…”"
                ra = g.np_after(body, v + verb[1])
                if ra and ra[1] == len(body) - 1 and not g.lex.is_(body[ra[0]].low, "time"):
                    ma = self._mention(body, ra)
                    if ma and ma.kind in ("name", "descriptor"):
                        return Cue(ma, cue, "speaker_verb_colon")
            if prev is not None and prev.text == "," and not form.endswith("ing") \
                    and g.lex.verbs.get(form) not in g.lex.hearer_object:  # "…, told POLITICO, “…”"
                ra = g.np_after(body, v + verb[1])
                if ra and ra[1] + 1 < len(body) and body[ra[1] + 1].text == ",":
                    ma = self._mention(body, ra)
                    if ma and ma.kind in ("name", "descriptor", "pronoun"):
                        return Cue(ma, cue, "reported_partial")
            if prev is not None and prev.low in ("and", "but") and not form.endswith("ing"):
                # "Cruz knocked Rubio on trade and called him a “moderate”": the subject of the
                # first verb, not its object
                first = self._clause_subject(body, v)
                if first is not None:
                    # "Clinton said Trump is responsible and accused him of “…”": a subject inside
                    # what someone reported is not the one who goes on to speak
                    fi = next((x for x in range(v) if body[x].start == first.start), None)
                    outer = self._outer_source(body, fi) if fi is not None else None
                    if outer is not None:
                        return Cue(outer[0], cue, "participle" if participle is not None else rule_found)
                    return Cue(first, cue, "participle" if participle is not None else rule_found)
                # "Dean, a doctor, appeared on MSNBC on Tuesday and began by saying": the sentence's
                # subject, never the noun that ends the first clause
                r0 = g.subject_at_start(body) if sentence_start else None
                m0 = self._mention(body, r0)
                if m0 is not None and m0.kind in ("name", "pronoun", "descriptor", "group", "org") \
                        and not (r0[0] == r0[1] and body[r0[0]].low.endswith("ing")):  # (not "Appearing before …")
                    return Cue(m0, cue, "participle" if participle is not None else rule_found)
            if v > 1 and body[v - 1].low in ("that", "which") and not form.endswith("ing") \
                    and g.lex.verbs.get(form) not in g.lex.hearer_object:  # ("schools that reminded him of")
                # "a message that said, “…”": "that" before a verb opens a relative clause (as a
                # complementizer it is followed by a subject)
                ante = self._mention(body, g.np_core_before(body, v - 2, 0))
                if ante is not None and ante.kind in ("descriptor", "group", "org", "text", "name"):
                    rel = Mention(body[v - 1].text, body[v - 1].start, body[v - 1].end, "relative")
                    return Cue(rel, cue, "relative_clause", ante)
            r = g.np_before(body, v - 1, 0) if v > 0 else None
            m = self._mention(body, r)
            if m is None:
                if form.endswith("ing"):
                    participle = participle or body[v]
                continue  # "wants to say": keep looking for the subject's verb
            if self._adverbial_object(body, r, m) and not form.endswith("ing"):
                # "and after a pause added", "and in a low voice said": a preposition's object
                # does not speak; the verb's subject stands earlier in the sentence
                first = self._clause_subject(body, v)
                if first is not None:
                    return Cue(first, cue, "participle" if participle is not None else rule_found)
                continue
            if form.endswith("ing") and r[0] > 0 and body[r[0] - 1].low in ("to", "into"):
                participle = participle or body[v]
                continue  # "an email to supporters stating": the hearer does not state it (but "with Trump tweeting")
            progressive = any(g.lex.is_(body[x].low, "aux") for x in range(r[1] + 1, v))  # "is already claiming"
            if form.endswith("ing") and m.kind not in ("name", "pronoun", "group", "descriptor", "relative") \
                    and not (m.kind == "org" and progressive):
                participle = participle or body[v]
                continue
            if form.endswith("ing") and m.kind == "descriptor" and m.head not in g.lex.descriptors:
                participle = participle or body[v]
                continue
            if m.kind == "pronoun" and body[r[0]].low in ("him", "her", "them", "his", "its", "their", "you", "us"):
                continue
            # "the caustic chant": a base form after a singular noun phrase is a noun (but not after a
            # modal before a colon: "a spokesman could only quip: “…”")
            if form == g.lex.verbs.get(form) and m.kind in ("descriptor", "org", "text") and not m.plural \
                    and not (colon and progressive) and body[r[0]].low in ("the", "a", "an", "this", "that"):
                continue
            if form in g.lex.noun_like and (body[r[0]].low in ("his", "her", "their", "its", "my", "our", "your", "this", "that")
                                            or (m.kind == "name" and (m.name or "").lower() in g.lex.modifiers)):
                continue  # "his past comments", "Republican claims": a noun after all
            rule = "participle" if participle is not None else rule_found
            outer = self._outer_source(body, r[0])
            if outer is not None:
                return Cue(outer[0], outer[1], rule)
            if m.kind == "relative":
                ante = self._antecedent(body, r[0])
                return Cue(m, cue, "relative_clause", ante)
            return Cue(m, cue, rule)
        poss = self._possessor(body)
        if poss is not None:
            return poss
        r = g.subject_at_start(body)
        m = self._mention(body, r)
        if participle is not None:
            pi = body.index(participle)
            near = self._clause_subject(body, pi)
            if near is not None:
                return Cue(near, participle.text, "participle")
            if pi >= 2 and body[pi - 1].text == ",":
                r0 = g.np_before(body, pi - 2, 0)  # "Mr. Butterfield, noting that"
                m0 = self._mention(body, r0)
                if m0 and m0.kind in ("name", "pronoun", "descriptor") and all(
                        g.lex.is_(x.low, "func") or not x.word for x in body[:r0[0]]):
                    return Cue(m0, participle.text, "participle")
            if m and m.kind in ("name", "group", "descriptor", "org") and sentence_start:
                # (a window that opens mid-sentence, after an earlier quote, holds no subject)
                return Cue(m, participle.text, "participle")
            if pi >= 3 and body[pi - 1].text == ",":
                ms = self._main_subject(body, pi - 1)
                if ms is not None:
                    return Cue(ms, participle.text, "participle")
            # "Donald Trump, who is battling Carson in the polls, has picked up …, telling": the
            # name that opens the sentence, before its apposition or relative clause
            c = next((k for k, t in enumerate(body[:8]) if t.text == ","), 0)
            if sentence_start and 0 < c < len(body) - 1 and body[c + 1].low in ("who", "a", "an", "the"):
                r0 = g.np_core_before(body, c - 1, 0)
                m0 = self._mention(body, r0)
                if m0 and m0.kind == "name" and r0[0] == 0:
                    return Cue(m0, participle.text, "participle")
        elif m and sentence_start and r[1] + 1 < len(body) and (m.kind in ("name", "pronoun") or (
                m.kind in ("descriptor", "group", "org") and m.head in g.lex.descriptors)) and not (
                m.kind == "pronoun" and body[r[0]].low in ("it", "him", "her", "them", "you", "us", "who")) and not (
                r[0] == r[1] and g.lex.words.get(body[r[0]].low)) and not (
                m.kind == "name" and r[0] == r[1] and body[r[0]].low not in g.lex.first_names
                and len(self.text) > _TELLS_NAMES and not self._proper(body[r[0]].text)):
            # no speech verb at all: the quote belongs to the sentence's subject (a lone
            # capitalised word that opens it names someone only when a text long enough to
            # tell writes it so elsewhere: not "Boos rained down", "Audiences can expect")
            return Cue(m, body[r[1] + 1].text, "sentence_subject")
        return None

    def _outer_source(self, toks: list[Tok], i: int) -> tuple[Mention, str] | None:
        """“Meeks said Clinton reassured them that …”: the reported speech of a reported speaker
        belongs, as a quotation, to the one who reports it."""
        g = self.g
        k = i - 1
        if k >= 0 and toks[k].low == "that":
            k -= 1
        if k < 1:
            return None
        if toks[k].word and g.verb_at(toks, k) is None:
            # "Reid told reporters that he had spoken …": the hearer stands between verb and clause
            for h in range(k - 1, max(0, k - 4), -1):
                if not toks[h].word:
                    break
                hv = g.verb_at(toks, h)
                if hv:
                    if g.lex.verbs.get(hv[0]) in g.lex.hearer_object:
                        k = h
                    break
        verb = g.verb_at(toks, k) if toks[k].word else None
        if verb is None or verb[0].endswith("ing") or g.passive(toks, k):
            return None
        r = g.np_before(toks, k - 1, 0)
        m = self._mention(toks, r)
        if m is None or m.kind not in ("name", "pronoun", "descriptor") or (
                m.kind == "pronoun" and toks[r[0]].low in ("him", "her", "them", "his", "its", "their", "you", "us", "it")):
            return None
        return m, toks[k].text

    def _possessor(self, toks: list[Tok]) -> Cue | None:
        """“…” after "Trump's claim that" or "his promise to be": the possessor said it.

        The mention keeps the possessive as written ("Trump’s", "his"); the name drops it."""
        g = self.g
        for i in range(len(toks) - 1, 0, -1):
            if toks[i].low not in g.lex.speech_nouns:
                continue
            # the quote must be what was claimed: "claim that …", "promise to be …", "in her words, …"
            rest = toks[i + 1:]
            while rest and g.lex.is_(rest[0].low.rstrip("."), "time"):
                rest = rest[1:]  # "his comment Monday that …"
            if not rest or len(rest) > 8 or rest[0].low not in ("that", "to", ",", ":"):
                return None
            j = i - 1
            while j >= 0 and toks[j].word and not toks[j].cap and not g.is_det(toks[j]) and i - j < 3:
                j -= 1  # "Trump's repeated claim"
            if j < 0:
                return None
            owner = toks[j]
            if owner.low in ("his", "her", "their"):
                gender = {"his": "m", "her": "f"}.get(owner.low)
                m = Mention(owner.text, owner.start, owner.end, "pronoun", gender=gender, plural=owner.low == "their")
                return Cue(m, toks[i].text, "possessive_noun")
            if owner.cap and owner.text.endswith(("’s", "'s")):
                k = j
                while k - 1 >= 0 and toks[k - 1].cap and g.namelike(toks[k - 1]):
                    k -= 1
                stem = owner.text[:-2]
                name_toks = toks[k:j] + [Tok(stem, owner.start, owner.end - 2, stem.lower(), True, True)]
                m = parse_mention(name_toks, None)
                if m and m.kind == "name":
                    text = " ".join(self.text[toks[k].start:owner.end].split())
                    return Cue(dataclasses.replace(m, text=text, end=owner.end), toks[i].text, "possessive_noun")
            return None
        return None

    def _adverbial_object(self, toks: list[Tok], r: tuple[int, int], m: Mention) -> bool:
        """"…, and with a smile answered": a noun phrase after a preposition that opens an adverbial
        (after a comma or "and"), not a post-modifier ("voters in each state say"). A preposition
        that may open a clause ("after the minister said") keeps its subject unless the noun is
        one of time ("after a pause")."""
        g = self.g
        p = r[0] - 1
        if p < 0 or not g.lex.is_(toks[p].low, "prep") or toks[p].low in ("as", "like") \
                or m.kind in ("name", "pronoun") or m.head in g.lex.descriptors:
            return False
        if g.lex.is_(toks[p].low, "subord") and not g.lex.is_(toks[r[1]].low, "time"):
            return False
        return p == 0 or toks[p - 1].text in (",", ";") or toks[p - 1].low in ("and", "then", "but")

    def _main_subject(self, toks: list[Tok], comma: int) -> Mention | None:
        """"…, Hillary Clinton's right-hand woman rallied supporters, saying: “…”": the subject of
        the clause that the participle's comma closes, when it opens after a comma or the start."""
        g = self.g
        for x in range(comma - 1, max(0, comma - 8), -1):
            if not toks[x].word or g.lex.is_(toks[x].low, "subord") or toks[x].low in ("who", "which", "that"):
                return None
            if toks[x].cap or not g.verbish(toks, x) or g.passive(toks, x):
                continue
            r = g.np_before(toks, x - 1, 0)
            if r is None or not (r[0] == 0 or toks[r[0] - 1].text in (",", "—", "–", ";")):
                return None
            m = self._mention(toks, r)
            return m if m is not None and m.kind in ("name", "descriptor", "group", "org") else None
        return None

    def _clause_subject(self, toks: list[Tok], before: int) -> Mention | None:
        """Nearest "he has battled" / "Trump also attacked" before a participle: its subject."""
        g = self.g
        for i in range(before - 2, -1, -1):
            t = toks[i]
            if not (t.low in ("he", "she", "they") or t.text == "I" or (
                    t.cap and g.namelike(t) and not g.lex.is_(t.low.rstrip("."), "time"))):
                continue  # "Trump on Thursday ratcheted up ..., saying": not Thursday
            if i > 0 and toks[i - 1].low in _EMBEDDING:
                continue  # "refused questions on who Cameron would like …, adding": an embedded subject
            n = i + 1
            while n < before and g.filler(toks[n]) and not g.lex.is_(toks[n].low, "aux"):
                n += 1
            if n < before and (g.lex.is_(toks[n].low, "aux") or g.verbish(toks, n) or g.verb_at(toks, n)):
                r = g.np_core_before(toks, i, 0)
                m = self._mention(toks, r)
                if m and m.kind in ("name", "pronoun"):
                    return m
        return None

    def _antecedent(self, toks: list[Tok], who: int) -> Mention | None:
        """The noun phrase a relative pronoun stands for: "Braynard, who …", "the groups who …"."""
        if who >= 2 and toks[who - 1].text == ",":
            return self._mention(toks, self.g.np_core_before(toks, who - 2, 0))
        if who >= 1 and toks[who - 1].word:
            m = self._mention(toks, self.g.np_core_before(toks, who - 1, 0))
            return m if m is not None and m.kind != "pronoun" else None
        return None
