"""What a speaker mention is: a name (titles stripped), a pronoun, or a descriptor.

"US Secretary of State Antony Blinken" -> name "Antony Blinken", title "Secretary of State";
"the top US diplomat" -> descriptor with head "diplomat"; "he" -> pronoun. Pure functions of
the mention text and the word lists.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import lexicon
from .tokens import Tok

_POSSESSIVE = ("’s", "'s", "’", "'")
# lower-case words inside names: "Charles de Gaulle", "Secretary of State"
PARTICLES = frozenset({"of", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn",
                       "al", "el", "la", "le", "du", "dos", "das", "ben", "st.", "mac", "o'"})

# forms of address kept apart from the name (for gender), not titles to strip
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam", "madame", "mme", "sir", "lady", "lord",
                        "dame", "monsieur", "mademoiselle", "mlle"})


@dataclass(slots=True)  # not frozen, never changed: see model.py
class Mention:
    text: str
    start: int
    end: int
    kind: str  # name | pronoun | descriptor | group | org | text | relative | other
    name: str | None = None  # for kind == "name": the name without titles
    title: str | None = None  # the title words taken off ("Secretary of State")
    honorific: str | None = None  # mr, mrs, ... kept apart for gender
    head: str | None = None  # head noun of a descriptor
    gender: str | None = None  # m | f | None
    plural: bool = False
    definite: bool = False  # "the ..." (resolvable) rather than "a ..."


def _norm(word: str) -> str:
    return word.lower().rstrip(".")


def strip_titles(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """Split leading titles and modifiers off a capitalised run: (title words, name words, honorific)."""
    title, name, honorific = _strip_titles(tuple(words))
    return list(title), list(name), honorific


@functools.lru_cache(maxsize=1 << 15)  # a pure function of the words: the same names come again and again
def _strip_titles(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    lex = lexicon()
    maxw = lex.max_title_words
    i, title, honorific = 0, [], None
    while i < len(words) - 1:
        matched = 0
        for n in range(min(maxw, len(words) - 1 - i), 0, -1):
            phrase = " ".join(_norm(w) for w in words[i:i + n])
            if phrase in lex.titles or phrase in lex.modifiers:
                matched = n
                break
        if not matched:
            w = _norm(words[i])
            if w in HONORIFICS and lex.first_names.get(w):
                honorific = w
                i += 1
                continue
            break
        title.extend(words[i:i + matched])
        i += matched
    # a role inside the run: "Council leader David Pryce", "RNC spokesman Sean Spicer"
    for p in range(len(words) - 2, i - 1, -1):
        w = words[p]
        if (w[:1].islower() and w.lower() not in PARTICLES) or _norm(w) in lex.titles:
            title.extend(words[i:p + 1])
            i = p + 1
            break
    while i < len(words) - 1 and not words[i][:1].isalnum():
        i += 1  # "manager, Rich Beeson": the comma of the apposition is no part of the name
    return tuple(title), words[i:], honorific


def name_gender(name_words: list[str], honorific: str | None, title: list[str]) -> str | None:
    lex = lexicon()
    if honorific:
        return lex.first_names.get(honorific)
    for t in title:
        g = lex.first_names.get(_norm(t))
        if g:
            return g
    if len(name_words) >= 2:
        g = lex.first_names.get(_norm(name_words[0]))
        if g is None and len(name_words) >= 3:  # "Master John Rolfe": a form of address we do not know
            g = lex.first_names.get(_norm(name_words[1]))
        return g
    return None


# parse_mention is a pure function of its tokens' words, their offsets relative to the first
# and the source text they span: the same mentions ("he", "said Mr. Bennet") come again and
# again. Cached by that key as (text, start, end relative to the first token, other fields).
# (A token's end, lower case, capital and word flags follow from its word: end = start + its
# length, the rest as tokens.py reads them, so the word and its start are key enough.)
_PARSED: dict = {}


def parse_mention(toks: list[Tok], source: str | None = None) -> Mention | None:
    """Classify the tokens of a speaker mention; `source` gives its text exactly as written."""
    if not toks:
        return None
    base = toks[0].start
    key = (source[base:toks[-1].end] if source is not None else None,
           *[(t[0], t[1] - base) for t in toks])
    hit = _PARSED.get(key)
    if hit is None:
        m = _parse_mention(toks, source)
        if len(_PARSED) >= 10_000:
            _PARSED.clear()  # bounded
        hit = _PARSED[key] = (None,) if m is None else (
            m.text, m.start - base, m.end - base, m.kind, m.name, m.title, m.honorific, m.head, m.gender, m.plural, m.definite)
    if hit[0] is None:
        return None
    return Mention(hit[0], hit[1] + base, hit[2] + base, *hit[3:])


def strip_titles_and_affiliation(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """strip_titles, and "Sen. Marco Rubio of Florida", "Archbishop Aris Shirvanian of the
    Armenian Patriarchate" lose the place or employer after "of/from/at": the person is the name
    before it (the mention keeps the whole phrase as written).

    Only when what comes first is a person's name (a known first name, or a title or honorific
    before it), so "the University of Texas" and "Secretary of State Antony Blinken" keep their "of"."""
    lex = lexicon()
    cut = next((i for i, w in enumerate(words) if w in ("of", "from", "at")), None)
    if cut is not None and cut >= 2 and cut + 1 < len(words):
        after = words[cut + 2] if words[cut + 1] == "the" and cut + 2 < len(words) else words[cut + 1]
        if after[:1].isupper():
            title, name, honorific = strip_titles(words[:cut])
            if len(name) >= 2 and (title or honorific or _norm(name[0]) in lex.first_names):
                return title, name, honorific
    return strip_titles(words)


def _parse_mention(toks: list[Tok], source: str | None = None) -> Mention | None:
    lex = lexicon()
    # drop surrounding punctuation, but not the end of a parenthetical: "(R-Utah)"
    while toks and not toks[-1].word and not (toks[-1].text == ")" and any(t.text == "(" for t in toks)):
        toks = toks[:-1]
    while toks and not toks[0].word:
        toks = toks[1:]
    if not toks:
        return None
    start, end = toks[0].start, toks[-1].end
    text = " ".join(source[start:end].split()) if source is not None else " ".join(t.text for t in toks)
    # a parenthetical ("(R-Utah)") stays in the text as written but is no part of the name
    kept, depth = [], 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(t)
    toks = kept or toks
    words = [t.text for t in toks]
    low = words[-1].lower()
    if len(toks) == 1 and low == "i.":  # "said I." ends a sentence: the pronoun, not an initial
        text, end, low = "I", start + 1, "i"
    if len(toks) == 1 and low in lex.pronouns:
        g, num, _ = lex.pronouns[low]
        cut = next((i for i, ch in enumerate(text) if ch in "’'"), None)
        if cut:  # "He’s": the pronoun, without the verb written onto it
            text, end, low = text[:cut], start + cut, low[:cut]
        kind = "relative" if low == "who" else "pronoun"
        return Mention(text, start, end, kind, gender=g if g in "mf" else None, plural=num == "p")
    first = words[0].lower()
    definite = first == "the"
    if not toks[0].cap or (lex.is_(first, "det") or first in lex.descriptors and first not in lex.titles or first.endswith(_POSSESSIVE)) \
            and len(toks) > 1 and not toks[1].cap:
        # "a spokesman for Disney": the head is the noun before the preposition (also when
        # "A spokesman for Bernie Sanders", "One source close to Trump", "Aides to Trump" open
        # a sentence: the spokesman is not Sanders)
        for i, t in enumerate(toks[1:], 1):
            if lex.is_(t.low, "prep") or t.low in lex.postmodifiers:  # "a poll released Thursday"
                while i > 1 and (toks[i - 1].low in lex.links or lex.is_(toks[i - 1].low, "prep")):
                    i -= 1  # "a source close to", "an official with knowledge of"
                low = toks[i - 1].low
                toks = toks[:i]
                break
    # Descriptors: a lower-case head noun ("the top US diplomat", "a Clinton aide", "officials").
    if not toks[-1].cap or low in lex.descriptors and (len(toks) == 1 or lex.is_(first, "det")):
        head = low
        kind, gender = lex.descriptors.get(head, ("role" if not head.endswith("s") else "group", "x"))
        kind = {"role": "descriptor"}.get(kind, kind)
        return Mention(text, start, end, kind, head=head, gender=gender if gender in "mf" else None,
                       plural=kind == "group" or (head.endswith("s") and not head.endswith("ss")),
                       definite=definite)
    # Names: a capitalised run, titles and modifiers taken off the front ("And Trump" -> Trump).
    core = [w for w in words if w not in ("(", ")")]
    while len(core) > 1 and (core[0].lower() in ("the", "a", "an") or (
            lex.is_(core[0].lower(), "func") and core[0].lower() not in ("mr", "mrs", "ms", "dr"))):
        core = core[1:]
    title, name, honorific = strip_titles_and_affiliation(core)
    if not name:
        return None
    if title and name[0].lower() in ("of", "for") and len(name) > 1:
        # "Secretary of Homeland Security Jeh Johnson": the person closes the run, from a known
        # first name on (else its last two words); "the Bishop of London" names nobody
        first = next((i for i in range(2, len(name)) if _norm(name[i]) in lex.first_names), None)
        if first is None and len(name) >= 5:
            first = len(name) - 2
        if first is None:
            return Mention(text, start, end, "descriptor", head=_norm(title[-1]), definite=definite)
        title, name = title + name[:first], name[first:]
    if name[-1].endswith(_POSSESSIVE):
        return None
    if len(name) == 1 and lex.is_(_norm(name[0]), "time") and _norm(name[0]) not in lex.first_names:
        return None  # "on Sunday in order to “…”": a day is nobody (April and June may be someone)
    gender = name_gender(name, honorific, title)
    return Mention(text, start, end, "name", name=" ".join(name), title=" ".join(title) or None,
                   honorific=honorific, gender=gender, definite=definite)
