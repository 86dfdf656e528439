"""Turn mentions into speakers: surnames to full names, pronouns and descriptors to people.

Within one document: every capitalised run that reads as a person's name ("US Secretary of
State Antony Blinken") is registered with its title; a surname alone joins the one full name
that ends with it (two Herzogs: it joins neither); people known by one name ("Emma", "said
Eeyore") count too. "he"/"she" go to the first compatible person of their sentence, else of
the narration since the previous quotation, else to the most recent compatible speaker;
"the prime minister" goes to the person introduced with that title, "the girl" to the
compatible person of the scene (someone who spoke lately), else it stays as written.
"""
from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from .lexicon import ascii_classes, lexicon, trie_alternation
from .names import Mention, _norm, name_gender, strip_titles_and_affiliation
from .tokens import sentence_end, sentence_start

# a capitalised word; a period only after an initial or a short title, never a sentence end
# (possessive *+: a word is followed by white space or ends the run, so giving letters back
# never helps a match; the engine need not try)
_HONORIFICS = "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Rev".split("|")
_WORD_TAIL = r"[\p{Ll}\p{M}'’\-]*+(?:\p{Lu}[\p{Ll}\p{M}'’\-]*+)*+"  # after the capital
_WORD = rf"(?:\p{{Lu}}\.|(?:{'|'.join(_HONORIFICS)})\.|\p{{Lu}}{_WORD_TAIL})"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_PARTICLE = r"(?:of|de|da|van|von|der|bin|al|el|la|le|du|del)"  # lower-case words only
# (each pattern opens with a capital-letter test, so the engine skips lower-case text quickly)
_CAPWORD = regex.compile(r"(?=\p{Lu})(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}'’\-]+")
_CAPWORD_ASCII = regex.compile(ascii_classes(_CAPWORD.pattern))  # for text that is all ASCII: faster
# A name run: _WORD, then more after _GAP (and a particle). The first word is _WORD with its
# capital read first (the same alternatives in the same order), so that the standard re module
# finds where to try by its fast scan for a capital; the lookahead, true of every run, turns
# away at once a capital with no capitalised word after it (most of them: "The", "He").
_FIRST_WORD = (r"\p{Lu}(?<![\p{L}\p{M}\p{N}]\p{Lu})"
               rf"(?=[\p{{L}}\p{{M}}'’\-.]*+[ \t\n]++(?:{_PARTICLE}[ \t\n]++)?\p{{Lu}})"
               rf"(?:\.|{'|'.join(f'(?<={h[0]}){h[1:]}[.]' for h in _HONORIFICS)}|{_WORD_TAIL})")
_RUN = regex.compile(rf"{_FIRST_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_WORD})+")
# the same for text that is all ASCII, on the standard re module: half the cost there (its
# possessive quantifiers need Python 3.11; on 3.10 the regex module reads it)
_RUN_ASCII = (re if sys.version_info >= (3, 11) else regex).compile(ascii_classes(_RUN.pattern))
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_WORDY = regex.compile(r"[\w\p{L}\p{M}\p{N}]")


def _ascii_words(text: str) -> bool:
    """Whether every letter, mark, digit and word character of `text` is ASCII, as in news
    typed with curly quotes and dashes: the patterns for ASCII text read it as the full ones do
    (their classes and \\b differ only on such characters)."""
    return text.isascii() or _WORDY.search(_ASCII_RUNS.sub("", text)) is None


_POSS = ("’s", "'s", "’", "'")
_GENDERED = regex.compile(r"\b([Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
# a name addressed at a clause edge inside a quote: "My dear Mr. Bennet, ...", "..., Lizzy?"
_VOCATIVE = regex.compile(
    r"(?:^|[,;!?]\s+)(?:(?i:my|our)\s+(?i:dear|good)\s+|(?i:dear)\s+)?"
    r"((?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+\p{Lu}[\p{L}'’\-]+|(?:\p{Lu}[\p{L}'’\-]+ )?\p{Lu}[\p{L}'’\-]+)"
    r"\s*(?=[,!?.;]|$)")  # "…, Lizzy?", "…, Aunt Charlotte,"
# where a _VOCATIVE match can start, besides the text start: a [,;!?] and white space before a
# capital or my/our/dear (every name _VOCATIVE reads opens with a capital)
_VOCATIVE_AT = regex.compile(r"[,;!?](?=\s+(?:(?i:my|our|dear)|\p{Lu}))")
# the two for a quote that is all ASCII, on the re module: a third of the cost a call
_VOCATIVE_ASCII = re.compile(ascii_classes(_VOCATIVE.pattern))
_VOCATIVE_AT_ASCII = re.compile(ascii_classes(_VOCATIVE_AT.pattern))
_NARRATION = 1500  # how far back the narration before a quotation is read for its subject
_LOOK_BACK = 100  # names looked at, at most, when going back for a he/she: linear on any text
_DESCRIBED_BY_WINDOW = 8  # "a girl" looked for near the pronoun this many times a text; then in one scan
_SCENE = 8000  # how recently a speaker must have spoken for "the girl" to be taken as them
_SUBJECT_PRONOUN = {"m": regex.compile(r"\b[Hh]e\b"), "f": regex.compile(r"\b[Ss]he\b")}
# a name, then a speech verb: "Feinstein said", "Dianne Feinstein told"
_SAYS_AFTER = regex.compile(r"(?:\p{Lu}[\p{L}'’.\-]*[ \t]+){0,3}\p{Lu}[\p{L}'’\-]*[ \t]+"
                            r"(?:said|says|told|tells|asked|asks|added|adds|replied|wrote|writes)\b")
_AFTER_THE = regex.compile(r"(?<![\p{L}])the\s+$")  # a lowercase article right before a capitalised run
_HONORIFIC = regex.compile(r"(Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+(\S+)")


@functools.lru_cache(maxsize=65536)
def _read_run(run: str) -> tuple[str | None, str, str | None, str | None]:
    """(kind, name, title, gender) of a capitalised run; kind None when it is not a person's name.

    Cached: the same names recur across the documents of a corpus.
    """
    lex = lexicon()
    if run.isupper() and sum(c.isalpha() for c in run) > 3:
        return None, "", None, None  # a heading: "OLD ACQUAINTANCE OF OLIVER'S"
    words = [w if len(w) <= 2 else w.rstrip(".") for w in run.split()]
    if words and (words[0].endswith(("’s", "'s")) or words[0] in ("I.", "I")):
        words = words[1:]  # "So's Nancy", "said I. Ask ...": not part of a name
    if any(w.endswith(("’s", "'s")) for w in words[:-1]):
        return None, "", None, None  # "Federal Reserve’s Beige Book": a thing someone owns
    while words and ((lex.is_(words[0].lower(), "func") or lex.is_(words[0].lower(), "prep")
                      or lex.is_(words[0].lower(), "aux") and words[0].lower() not in ("will", "may"))
                     and words[0].lower() not in ("mr", "mrs", "ms", "dr")):
        words = words[1:]  # "Then Blinken", "To John", "Would Jane …?": no part of the name
    while len(words) > 1 and lex.is_(words[-1].lower(), "day"):
        words = words[:-1]  # "Colonel Brandon Monday morning": a day is no part of the name
    if len(words) < 2 or words[-1].lower() in lex.place_words:
        return None, "", None, None  # "Chertsey Bridge", "the Achilles Statue": a place, a thing
    last = words[-1]
    if last.endswith(_POSS):
        words[-1] = last.rstrip("'’").removesuffix("’s").removesuffix("'s").rstrip("'’")
    title, name, honorific = strip_titles_and_affiliation(words)
    if len(name) == 1 and title and not honorific and all(w.lower() in lex.epithets for w in title):
        return "epithet", name[0], None, None  # "Old Billy", "poor Noah": one name, known or not
    if len(name) == 1 and title and not honorific and name[0][:1].isupper() \
            and all(_norm(w) in lex.titles for w in title):
        # "Doctor Losberne", "Colonel Brandon", "Lord Henry": one name under a title
        return "titled", _titled_key(title, name[0]), " ".join(title).lower(), name_gender(name, None, title)
    if honorific and len(name) == 1 and name[0][:1].isupper():
        hon = honorific.capitalize() + ("." if honorific in ("mr", "mrs", "ms", "dr") else "")
        return "honorific", f"{hon} {name[0]}", None, lex.first_names.get(honorific)
    if len(name) < 2 or honorific or name[0].lower() in ("of", "de", "van", "von", "the"):  # "Bishop of London"
        return None, "", None, None
    if any(lex.is_(w.lower(), "func") or lex.is_(w.lower(), "det") or w.lower().rstrip(".") in lex.titles for w in name):
        return None, "", None, None
    return "name", " ".join(name), (" ".join(title).lower() or None), name_gender(name, None, title)


def _titled_key(title: list[str], name: str) -> str:
    """How a person known by title and one name is printed: "Dr. Smith", "Colonel Brandon"."""
    abbrev = lexicon().title_words
    words = [w.rstrip(".") + ("." if w.rstrip(".").lower() in abbrev else "") for w in title]
    return f"{' '.join(words)} {name}"


@functools.cache
def _speaking_verbs() -> frozenset[str]:
    """Past forms that open or close a cue: "said", "asked", "cried" (not "state", a noun too)."""
    lex = lexicon()
    return frozenset(f for f, lemma in lex.verbs.items() if " " not in f and f != lemma
                     and not f.endswith(("ing", "s")) and f not in lex.noun_like)


# “…,” said Eeyore: the verb and a lone capitalised word right after a quotation
_VERB_NAME_AFTER = regex.compile(r"\W{0,3}[ \t]*(\p{Ll}+)[ \t]+(\p{Lu}[\p{Ll}'’\-]+)(?![\p{L}'’\-])(?![ \t]+\p{Lu})")
_CAP_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’\-]*[ \t]+$")


@functools.cache
def _name_verb_re(ascii: bool = False) -> regex.Pattern:
    """"Piglet asked": a capitalised word, then a speech verb (the verbs as one trie); with
    `ascii`, the same pattern for text that is all ASCII."""
    pattern = rf"(\p{{Lu}}[\p{{Ll}}'’\-]+)[ \t]+{trie_alternation(sorted(_speaking_verbs()))}\b"
    return regex.compile(ascii_classes(pattern) if ascii else pattern)


def _speaking_names(text: str, quoted: list[tuple[int, int]], ascii: bool = False) -> set[str]:
    """Lower-case single words that speak in the text: "Piglet asked", "the Jew said" anywhere,
    and “…,” said Eeyore after a quotation (not "Christopher Robin said"). `ascii`: the text's
    words are all ASCII (_ascii_words)."""
    lex = lexicon()
    verbs = _speaking_verbs()
    seen: dict[str, int] = {}
    for _start, end in quoted:
        m = _VERB_NAME_AFTER.match(text, end, min(len(text), end + 40))
        if m and m.group(1) in verbs:
            low = m.group(2).lower()
            seen[low] = seen.get(low, 0) + 1
    for m in _name_verb_re(ascii).finditer(text):
        if m.start() and text[m.start() - 1] in " \t" and _CAP_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            continue  # the end of a longer name: "Christopher Robin said"
        low = m.group(1).lower()
        seen[low] = seen.get(low, 0) + 1
    # twice at least: one "said Provisions" is a slip of the parse, not a character
    return {w for w, n in seen.items() if n >= 2 and w.isalpha() and not lex.words.get(w)
            and w not in lex.titles and w not in lex.pronouns}


@functools.cache
def _gendered_description() -> regex.Pattern:
    """"a girl", "the little boy": a determiner, up to two words, a noun of known gender."""
    lex = lexicon()
    heads = sorted((h for h, (kind, g) in lex.descriptors.items() if kind == "role" and g in ("m", "f")),
                   key=len, reverse=True)
    return regex.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\p{Ll}\-]+\s+){0,2}?(" + "|".join(heads) + r")\b")


@functools.lru_cache(maxsize=256)
def _the_title(titles: tuple[str, ...], ascii: bool = False) -> re.Pattern | regex.Pattern:
    r""""the doctor", "The old doctor": "the", up to two lower-case words, one of `titles`, as
    \b[Tt]he\s+(?:[\p{Ll}\-]+\s+){0,2}?(titles)\b finds them, but matched from the "he" (a
    literal, which the engine finds by a fast scan) with the t behind it: each match starts one
    character after the phrase. `ascii`: for text whose words are all ASCII (_ascii_words)."""
    pattern = r"he(?<=\b[Tt]he)\s+(?:[\p{Ll}\-]+\s+){0,2}?(" + "|".join(titles) + r")\b"
    return re.compile(ascii_classes(pattern)) if ascii else regex.compile(pattern)


@functools.cache
def _plain_first_names() -> frozenset[str]:
    """First names that are not also titles or common words ("Sir", "Will" stay out)."""
    lex = lexicon()
    return frozenset(n for n in lex.first_names if n not in lex.titles and not lex.words.get(n))


@functools.lru_cache(maxsize=4096)
def vocatives(quote: str) -> tuple[str, ...]:
    """The names a quote addresses at a clause edge, as written ("Mr. Bennet", "Aunt Charlotte");
    cached: a dialogue turn is read for them as its own turn and as the one before the next.

    _VOCATIVE can only match at the start or at a [,;!?]: it is tried there alone, the same
    matches as finditer at a fraction of the cost."""
    out = []
    vocative, at = (_VOCATIVE_ASCII, _VOCATIVE_AT_ASCII) if quote.isascii() else (_VOCATIVE, _VOCATIVE_AT)
    m = vocative.match(quote)
    pos = m.end() if m else 0
    if m:
        out.append(m.group(1))
    while (c := at.search(quote, pos)) is not None:
        m = vocative.match(quote, c.start())
        if m:
            out.append(m.group(1))
            pos = m.end()
        else:
            pos = c.start() + 1
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _hearer_words(quote: str) -> frozenset[str]:
    """Lower-case last words of the names a quote addresses (cached as vocatives is)."""
    return frozenset(v.split()[-1].lower() for v in vocatives(quote))


def _named(hearers: frozenset[str], name: str) -> bool:
    """Whether one of the words of `name` (titles aside) is among `hearers`."""
    return bool(hearers) and any(w.lower().rstrip(".") in hearers for w in name.split()
                                 if w.lower().rstrip(".") not in ("mr", "mrs", "ms", "miss", "dr"))


def story_family(people: Iterable[str], mentions: Iterable[tuple[int, str]]) -> str | None:
    """Of the surnames met both as "Mr." and as "Mrs.", the one the mentions name most often,
    at least twice as often as the next."""
    people = list(people)
    family = {k.split()[-1] for k in people if k.startswith("Mr. ")} & \
        {k.split()[-1] for k in people if k.startswith("Mrs. ")}
    counts: dict[str, int] = {}
    for _pos, full in mentions:
        last = full.split()[-1]
        if last in family:
            counts[last] = counts.get(last, 0) + 1
    ranked = sorted(family, key=lambda f: (-counts.get(f, 0), f))
    if len(ranked) > 1 and counts.get(ranked[0], 0) < 2 * counts.get(ranked[1], 0):
        return None
    return ranked[0] if ranked else None


def full_name(m: Mention) -> str | None:
    """The speaker of a mention that names someone in two words or more ("said Jo Hart"): the
    name as it stands, whatever else the document holds. None when resolving the mention needs
    the document's people (a surname alone, a pronoun, a description)."""
    if m.kind != "name":
        return None
    name = m.name or m.text
    return name if len(name.split()) >= 2 else None


@dataclass
class Person:
    name: str
    gender: str | None
    titles: set[str] = field(default_factory=set)


@dataclass(slots=True)  # not frozen, never changed: see model.py
class Resolved:
    speaker: str | None
    how: str  # name | surname | pronoun | descriptor | as-written | unresolved | ambiguous


class Resolver:
    """People of one document and the state needed to resolve its mentions in text order.

    `quoted` are the (start, end) ranges of quotations: names inside them are not mentions of
    people present ("I told Hillary ...").
    """

    # What is worked out only when a mention needs it starts out as these class attributes; the
    # instance takes its own values once they are computed (always by assignment, never by
    # mutation of the defaults), so a document that needs none of them does not pay to set them.
    _scanned = False
    _genders_learned = False
    _by_title: dict[str, list[str]] | None = None
    _by_description: list[tuple[int, str]] | None = None  # (offset, person) of "the doctor"
    _described: list[tuple[int, str]] | None = None  # (offset, head) of "a girl", "the boy"
    _described_asked = 0
    _ascii = False  # the text's words are all ASCII (_ascii_words), known once it is scanned
    _story_family: str | None = None
    _hearers: frozenset[str] = frozenset()  # names the quote being resolved addresses

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None, dialogue: bool | None = True):
        self.text = text
        self._quoted = quoted
        self.lex = lexicon()
        # In a story, "the girl" is someone of the scene; in news a description that no title
        # introduced ("the pope", "the order released Friday") stays as written. (None: too few
        # quotes to tell; read as a story here, but not as a conversation below.)
        self.dialogue = dialogue is not False
        # a conversation measured as such: its unnamed-gender speakers are rarely the he/she
        self.conversation = dialogue is True
        self._people: dict[str, Person] = {}
        self._by_last: dict[str, set[str]] = {}
        self._by_first: dict[str, set[str]] = {}
        self._mentions: list[tuple[int, str]] = []  # (offset, full name) in text order
        # (offset, speaker, gender, kind, mention as written, lower-case)
        self.history: list[tuple[int, str, str | None, str, str]] = []

    @functools.cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """The quotation ranges in order, sorted when a rule first reads them."""
        return sorted(self._quoted or [])

    @functools.cached_property
    def _q_starts(self) -> list[int]:
        return [q[0] for q in self.quoted]

    # The document is read for names only when a mention needs it (not for "said Jo Hart"):
    # most of the cost of a tiny document.
    def _ensure(self) -> None:
        if not self._scanned:
            self._scanned = True
            self._scan(self.text)

    def _learn_genders(self, text: str) -> None:
        """Names the first-name list does not know ("Poirot", "Sikes") take the gender of the
        pronouns that follow them closely: "Poirot shrugged; he ..." votes male.

        Run once, and only when a he/she needs resolving."""
        if self._genders_learned:
            return
        self._genders_learned = True
        self._ensure()
        unknown = {k for k, p in self._people.items() if p.gender is None}
        if not unknown or not self._mentions:
            return
        votes: dict[str, list[int]] = {}
        mentions = self._mentions
        for i, (pos, name) in enumerate(mentions):
            if name not in unknown:
                continue
            # the pronouns within 120 characters after this mention and before the next one
            end = min(pos + 121, mentions[i + 1][0]) if i + 1 < len(mentions) else pos + 121
            for m in _GENDERED.finditer(text, pos, end):
                v = votes.setdefault(name, [0, 0])
                v[0 if m.group(1).lower() in ("he", "him", "his", "himself") else 1] += 1
        for name, (male, female) in votes.items():
            if male >= 2 * female + 2:
                self._people[name].gender = "m"
            elif female >= 2 * male + 2:
                self._people[name].gender = "f"

    @property
    def people(self) -> dict[str, Person]:
        self._ensure()
        return self._people

    @property
    def by_last(self) -> dict[str, set[str]]:
        self._ensure()
        return self._by_last

    @property
    def by_first(self) -> dict[str, set[str]]:
        self._ensure()
        return self._by_first

    @property
    def mentions(self) -> list[tuple[int, str]]:
        self._ensure()
        return self._mentions

    # -- the document's people ---------------------------------------------------------
    def _scan(self, text: str) -> None:
        runs: list[tuple[int, int]] = []
        epithets: list[tuple[int, int]] = []
        titled: list[tuple[tuple[int, int], str, str | None, str | None]] = []
        ascii = self._ascii = _ascii_words(text)
        for m in (_RUN_ASCII if ascii else _RUN).finditer(text):
            kind, key, title, gender = _read_run(m.group())
            if kind is None:
                continue
            if kind == "epithet":
                epithets.append(m.span())  # its name counts only for someone known by it
                continue
            if kind == "titled":
                titled.append((m.span(), key, title, gender))  # read once every full name is known
                continue
            if kind == "name" and title is None and not self.conversation \
                    and _AFTER_THE.search(text, max(0, m.start() - 5), m.start()):
                # news: "on the Trump Train", "the Clinton Foundation" is a thing, not a person
                # (a story has its "the Baroness Burmergelm", a title the lexicon does not know)
                continue
            runs.append(m.span())
            if kind == "honorific":
                # "Mr. Bennet": a person with a gender, kept out of the surname index so that
                # "Mr. Obama" never competes with "Barack Obama" for "Obama"
                if key not in self._people:
                    self._people[key] = Person(key, gender)
                self._mentions.append((m.start(), key))
                continue
            p = self._people.get(key)
            if p is None:
                p = self._people[key] = Person(key, gender)
                words = key.split()
                self._by_last.setdefault(words[-1].lower(), set()).add(key)
                self._by_first.setdefault(words[0].lower(), set()).add(key)
            if title:
                p.titles.add(title)
            self._mentions.append((m.start(), key))
        self._titled_names(titled, runs)
        self._surname_mentions(text, runs, ascii, {e for _, e in epithets})

    def _titled_names(self, titled: list, runs: list[tuple[int, int]]) -> None:
        """"Sen. Sanders" is Bernie Sanders when the text names him in full. In a story "Doctor
        Losberne", known by no other name, is a person of his own, kept out of the surname index
        (like "Mr. Bennet") so that the title is what "the doctor" finds."""
        for span, key, title, gender in titled:
            word = key.split()[-1]
            full = self._by_last.get(word.lower(), set()) or self._by_first.get(word.lower(), set())
            if len(full) == 1:
                key = next(iter(full))
            elif not self.conversation:
                continue  # news: "Gov. Kasich" stays Kasich, titles stripped
            elif key not in self._people:
                self._people[key] = Person(key, gender)
            if title:
                self._people[key].titles.add(title)
            runs.append(span)
            self._mentions.append((span[0], key))
        if titled:
            runs.sort()

    def _surname_mentions(self, text: str, runs: list[tuple[int, int]], ascii: bool = False,
                          after_epithet: frozenset[int] | set[int] = frozenset()) -> None:
        """Add every later use of a known surname ("Fallon fired back") to the mentions, and
        the people known by one name only: a first name ("Emma") or a name that speaks
        ("said Eeyore")."""
        unique = {last: next(iter(full)) for last, full in self._by_last.items() if len(full) == 1}
        first = {f: next(iter(full)) for f, full in self._by_first.items() if len(full) == 1}
        singles = _speaking_names(text, self.quoted, ascii)
        plain = _plain_first_names()  # (thousands of names: looked up, never copied per document)
        seen = {pos for pos, _ in self._mentions}
        run_starts = [r[0] for r in runs]
        for m in (_CAPWORD_ASCII if ascii else _CAPWORD).finditer(text):
            word = m.group()
            low = word.lower()
            if not (low in plain or low in unique or low in singles) or m.start() in seen:
                continue
            full = unique.get(low)
            if full is None and m.end() in after_epithet:
                full = first.get(low)  # "poor Noah" is Noah Claypole; "Old Billy" (a mule) is nobody new
                if full is None:
                    continue
            if full is None:
                # not a word inside a longer run already read as a name ("Emma Woodhouse")
                k = bisect.bisect_right(run_starts, m.start()) - 1
                if k >= 0 and runs[k][1] >= m.end():
                    continue
                full = first.get(low)
                if full is None:
                    full = word
                    if full not in self._people:
                        self._people[full] = Person(full, self.lex.first_names.get(low))
            if full:
                self._mentions.append((m.start(), full))
        self._mentions.sort()

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._q_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def person_for(self, word: str, honorific: str | None = None) -> tuple[str | None, str]:
        """The full name a single-word name stands for: (name, how)."""
        low = word.lower()
        hon_g = self.lex.first_names.get(honorific) if honorific else None
        cands = {c for c in self.by_last.get(low, ()) if not (hon_g and self.people[c].gender not in (None, hon_g))}
        if len(cands) == 1:
            return next(iter(cands)), "surname"
        if len(cands) > 1:
            return None, "ambiguous"
        if not honorific:
            cands = self.by_first.get(low, set())
            if len(cands) == 1:
                return next(iter(cands)), "first-name"
        return None, "unknown"

    def addressee(self, quote: str) -> str | None:
        """The person a quote speaks to, when it names a known one at a clause edge."""
        for name in vocatives(quote):
            h = _HONORIFIC.fullmatch(name)
            if h:
                return f"{h.group(1)}{'.' if h.group(1) in ('Mr', 'Mrs', 'Ms', 'Dr') else ''} {h.group(2)}"
            full, _how = self.person_for(name.split()[-1])
            if full:
                return full
        return None

    def addresses(self, quote: str, name: str) -> bool:
        """Whether a quote speaks to `name` ("Don't keep coughing so, Kitty!"), by any of its words."""
        return _named(_hearer_words(quote), name)

    def gender_of(self, name: str) -> str | None:
        """From the honorific or first name; no need to read the whole document for it."""
        p = self._people.get(name)
        if p:
            return p.gender
        words = name.split()
        if not words:
            return None
        return self.lex.first_names.get(words[0].lower().rstrip("."))

    # -- one mention --------------------------------------------------------------------
    def resolve(self, m: Mention, antecedent: Mention | None = None, para_start: int = 0,
                turn_of: str | None = None, quote: str | None = None) -> Resolved:
        """`quote` is what was said: a person it addresses by name ("…, Aunt Charlotte") is not
        the one a pronoun or a description of its speaker stands for."""
        self._hearers = _hearer_words(quote) if quote and m.kind in ("pronoun", "descriptor") else frozenset()
        return self._resolve(m, antecedent, para_start, turn_of)

    def _heard(self, name: str) -> bool:
        """Whether `name` is addressed in the quote being resolved."""
        return _named(self._hearers, name)

    def _resolve(self, m: Mention, antecedent: Mention | None = None, para_start: int = 0,
                 turn_of: str | None = None) -> Resolved:
        if m.kind == "name":
            return self._name(m)
        if m.kind == "relative":
            if antecedent is not None:
                r = self._resolve(antecedent, None, para_start)
                return Resolved(r.speaker, r.how)
            return Resolved(None, "unresolved")
        if m.kind == "pronoun":
            return self._pronoun(m, para_start, turn_of)
        if m.kind == "descriptor":
            return self._descriptor(m, para_start, turn_of)
        # groups, organisations, documents: as written, first letter up
        return Resolved(m.text[:1].upper() + m.text[1:], "as-written")

    def _name(self, m: Mention) -> Resolved:
        full = full_name(m)
        if full is not None:
            return Resolved(full, "name")
        name = m.name or m.text
        words = name.split()
        if m.title and not m.honorific:
            key = _titled_key(m.title.split(), name)
            if key in self.people:
                return Resolved(key, "name")  # "Colonel Brandon", known by that name only
        if m.honorific in ("mr", "mrs") and self.conversation:
            # in a story "Mrs. Bennet" is the mother, not the one daughter named Bennet in full
            key = f"{m.honorific.capitalize()}. {name}"
            if key in self.people:
                return Resolved(key, "honorific")
        full, how = self.person_for(words[0], m.honorific)
        if full:
            return Resolved(full, how)
        if m.honorific:
            hon = m.honorific.capitalize() + ("." if m.honorific in ("mr", "mrs", "ms", "dr") else "")
            return Resolved(f"{hon} {name}", "honorific")
        return Resolved(name, how if how != "unknown" else "name")

    def _recent_person(self, gender: str | None, before: int, turn_of: str | None = None) -> str | None:
        """The last compatible speaker; at a new dialogue turn (`turn_of` spoke the previous
        one) the other party of the exchange when both fit. In a conversation, a speaker known to
        be of the pronoun's gender comes before one whose gender is unknown ("she" is not
        Randolph; in news, a name of unknown gender is mostly a first name the list lacks)."""
        spk = self._recent_speaker(gender, turn_of, not self.conversation)
        if spk is None and gender is not None and self.conversation:
            spk = self._recent_speaker(gender, turn_of, True)
        if spk is not None:
            return spk
        if turn_of is not None:
            return self._recent_person(gender, before)
        # far back, a name must fit
        return next((full for full in self._names_before(gender, before) if not self._heard(full)), None)

    def _names_before(self, gender: str | None, before: int) -> Iterator[str]:
        """The people named in narration before `before`, latest first, of `gender` (any when
        None); people named inside a quotation are talked about, not talking."""
        ments, people = self.mentions, self.people
        i = bisect.bisect_left(ments, (before, ""))
        for pos, full in reversed(ments[max(0, i - _LOOK_BACK):i]):
            if not self._in_quote(pos) and (gender is None or people[full].gender == gender):
                yield full

    def _recent_people(self, gender: str, before: int, limit: int = 4) -> list[str]:
        """The last few people of `gender`, most recent first: speakers, then names in narration."""
        out: list[str] = []
        first = self._recent_person(gender, before)
        if first:
            out.append(first)
        for _pos, spk, g, kind, _m in reversed(self.history[-_LOOK_BACK:]):
            if len(out) >= limit:
                return out
            if kind == "person" and g == gender and spk not in out:
                out.append(spk)
        for full in self._names_before(gender, before):
            if len(out) >= limit:
                break
            if full not in out:
                out.append(full)
        return out

    def _recent_speaker(self, gender: str | None, turn_of: str | None, unknown_ok: bool) -> str | None:
        seen: list[str] = []
        for _pos, spk, g, kind, _m in reversed(self.history[-_LOOK_BACK:]):
            if kind != "person" or spk in seen:
                continue
            seen.append(spk)
            if (gender is None or g == gender or (unknown_ok and g is None)) and not self._heard(spk):
                if turn_of is not None and spk == turn_of and len(seen) == 1:
                    continue  # the speaker of the turn just before rarely answers himself
                return spk
            if len(seen) >= 2 and turn_of is not None:
                break
        return None

    def _sentence_person(self, gender: str | None, pos: int, para_start: int) -> str | None:
        """First compatible person named in this sentence, else in the one before (same paragraph)."""
        s0 = sentence_start(self.text, para_start, pos)
        spans = [(s0, pos)]
        if s0 > para_start:
            spans.append((sentence_start(self.text, para_start, max(para_start, s0 - 1)), s0))
        for lo, hi in spans:
            first = None
            # a speaker named in this sentence's cue ("…,” Obama said after meeting Vladimir
            # Putin.") is a person of it too, even when the name is one the scan did not keep
            cued = [(p, spk) for p, spk, g, kind, _m in self.history[-3:]
                    if lo <= p < hi and kind == "person" and (gender is None or g is None or g == gender)]
            ments, people = self.mentions, self.people
            i = bisect.bisect_left(ments, (lo, ""))
            while i < len(ments) and ments[i][0] < hi:
                p, full = ments[i]
                i += 1
                if self._in_quote(p):
                    continue
                if cued and cued[0][0] < p:
                    return cued[0][1]
                g = people[full].gender
                if (gender is None or g is None or g == gender) and not self._heard(full) \
                        and not self._after_same_pronoun(gender, lo, p):
                    if first is None:
                        first = full
                    if _SAYS_AFTER.match(self.text, p):
                        return full  # "Asked about Sullivan, Feinstein said": the one who speaks
            if first is not None:
                return first
            if cued and not self._heard(cued[0][1]):
                return cued[0][1]
        return None

    def _after_same_pronoun(self, gender: str | None, lo: int, p: int) -> bool:
        """Whether a he/she of `gender` comes before `p` in its sentence: in "She gave Cassandra
        no time. “When …?” she asked." Cassandra is the object, the she is someone else."""
        if gender not in ("m", "f"):
            return False
        s = sentence_start(self.text, lo, p + 1)
        return _SUBJECT_PRONOUN[gender].search(self.text, s, p) is not None

    def narration_subject(self, pos: int, para_start: int) -> str | None:
        """Whom the narration before a quotation at `pos` is about, of either gender."""
        return self._narrative_person(None, pos, para_start)

    def _narrative_person(self, gender: str | None, pos: int, para_start: int) -> str | None:
        """The person the narration since the previous quotation is about: "Rodney turned his
        head. ¶ “Tolerable,” he muttered." Latest sentence first, its first compatible name."""
        s0 = sentence_start(self.text, para_start, pos)
        if s0 > para_start:
            s0 = sentence_start(self.text, para_start, max(para_start, s0 - 1))
        i = bisect.bisect_left(self._q_starts, s0) - 1
        # the quotation this mention belongs to starts before s0; the one before it bounds the narration
        own = pos
        while i >= 0 and self.quoted[i][1] > s0:
            own = min(own, self.quoted[i][0])
            i -= 1
        hi = min(s0, own)
        lo = max(self.quoted[i][1] if i >= 0 else 0, s0 - _NARRATION)
        # the speaker named in that quotation's own cue is not the subject of narration: “…,” said Bob.
        cue_end = sentence_end(self.text, lo, hi) if i >= 0 else lo
        last = self.history[-1][1] if self.history else None
        if hi <= lo:
            return None
        best: str | None = None
        best_sent = -1
        ments, people = self.mentions, self.people
        j = bisect.bisect_left(ments, (lo, ""))
        while j < len(ments) and ments[j][0] < hi:
            p, full = ments[j]
            j += 1
            if self._in_quote(p) or (p < cue_end and full == last):
                continue
            g = people[full].gender
            if (gender is None or g == gender) and not self._heard(full) and not self._after_same_pronoun(gender, lo, p):
                sent = sentence_start(self.text, lo, p + 1)
                if sent > best_sent:
                    best, best_sent = full, sent
        for p, full in self._titled_between(lo, hi):
            g = self.gender_of(full)
            if (gender is None or g is None or g == gender) and full != last and not self._heard(full):
                sent = sentence_start(self.text, lo, p + 1)
                if sent > best_sent:
                    best, best_sent = full, sent
        return best

    def _referent(self, gender: str | None, pos: int, para_start: int, turn_of: str | None,
                  scene_only: bool = False) -> str | None:
        """Whom a he/she or a description at `pos` stands for: the first compatible person of
        its sentence, else of the narration since the last quotation, else the last speaker
        who fits (with `scene_only`, only one who spoke lately)."""
        spk = self._sentence_person(gender, pos, para_start) or self._narrative_person(gender, pos, para_start)
        if spk is None:
            spk = self._recent_person(gender, pos, turn_of)
            if spk and scene_only and not self._in_scene(spk, pos):
                spk = None
        return spk

    def _described_person(self, gender: str, pos: int) -> str | None:
        """With nobody named to stand for a he/she, the person the narration last described by a
        gendered noun ("a girl", "the boy"): "The girl". Stories of unnamed people."""
        # Asked a few times a story: only the narration just before pos is read (a description
        # is a few words, so one that starts before pos ends by hi). Asked often (a story of
        # unnamed people), the whole text is read once instead.
        self._described_asked += 1
        if self._described_asked > _DESCRIBED_BY_WINDOW:
            if self._described is None:
                self._described = [(x.start(), x.group(1)) for x in _gendered_description().finditer(self.text)
                                   if not self._in_quote(x.start())]
            i = bisect.bisect_left(self._described, (pos, ""))
            described = [h for p, h in self._described[max(0, i - 20):i] if p >= pos - _NARRATION * 2]
        else:
            lo, hi = max(0, pos - _NARRATION * 2), min(len(self.text), pos + 200)
            described = [x.group(1) for x in _gendered_description().finditer(self.text, lo, hi)
                         if x.start() < pos and not self._in_quote(x.start())]
        for head in reversed(described[-20:]):
            if self.lex.descriptors[head][1] == gender:
                return f"The {head}"
        return None

    def _same_voice(self, low: str, para_start: int) -> str | None:
        """The speaker an earlier "she" of this paragraph already stands for ("“And now,” she
        continued … “Now,” she exclaimed")."""
        if self.history:
            pos, spk, _g, kind, mention = self.history[-1]
            if pos >= para_start and mention == low and kind == "person":
                return spk
        return None

    def _pronoun(self, m: Mention, para_start: int, turn_of: str | None = None) -> Resolved:
        low = m.text.lower()
        low = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(low, low)
        if low in ("he", "she"):
            self._learn_genders(self.text)
            spk = self._same_voice(low, para_start) or self._referent(m.gender, m.start, para_start, turn_of)
            if spk is None and m.gender:
                spk = self._described_person(m.gender, m.start)
            return Resolved(spk, "pronoun") if spk else Resolved(None, "unresolved")
        if low in ("they", "it"):
            for _pos, spk, _g, kind, _m in reversed(self.history[-3:]):
                if kind == "group" or kind == "org":
                    return Resolved(spk, "pronoun")
            return Resolved(None, "unresolved")
        if low in ("one", "another", "someone", "somebody"):
            return Resolved(None, "unresolved")  # an unnamed person, kept in the mention only
        return Resolved(m.text if m.text == "I" else m.text.capitalize(), "as-written")

    def _kin(self, m: Mention, head: str) -> str | None:
        """"his wife" -> Mrs. <his surname>; "her father" -> Mr. <her surname> (or the family's)."""
        hon = {"wife": "Mrs.", "lady": "Mrs.", "mother": "Mrs.", "mama": "Mrs.", "husband": "Mr.", "father": "Mr.",
               "papa": "Mr."}.get(head)
        if hon is None:
            return None
        owner_gender = {"his": "m", "her": "f"}.get(m.text.split()[0].lower())
        # the owner is the last person of that gender who has such a relative: "her mother" right
        # after Mrs. Bennet spoke is her daughter's mother, Mrs. Bennet again
        for owner in self._recent_people(owner_gender, m.start) if owner_gender else ():
            if " " not in owner:
                full = self.by_first.get(owner.lower(), set())
                owner = next(iter(full)) if len(full) == 1 else owner  # "Elizabeth" -> Elizabeth Bennet
            cand = f"{hon} {owner.split()[-1]}"
            if cand in self.people and cand != owner:
                return cand
        family = self._family()
        if family:
            cand = f"{hon} {family}"
            if cand in self.people:
                return cand
        return None

    def _family(self) -> str | None:
        """The family of the story: of the surnames met both as "Mr." and as "Mrs.", the one the
        text names most often, at least twice as often as the next. Once a document."""
        if self._story_family is None:
            self._story_family = story_family(self.people, self.mentions) or ""
        return self._story_family or None

    def _titled(self) -> dict[str, list[str]]:
        """Title word -> the people introduced with it ("secretary" -> Antony Blinken)."""
        if self._by_title is None:
            self._by_title = {}
            for p in self.people.values():
                for word in {w for t in p.titles for w in t.split()}:
                    self._by_title.setdefault(word, []).append(p.name)
                    if word in self.lex.title_words:  # "Dr." is who "the doctor" is
                        self._by_title.setdefault(self.lex.title_words[word], []).append(p.name)
        return self._by_title

    def _titled_mentions(self) -> list[tuple[int, str]]:
        """(offset, person) of the narration's "the doctor" for the one person titled so: such a
        description stands in the narration where the name would ("The doctor shut the door.
        “Feel pretty sick?” he asked")."""
        if self._by_description is None:
            single = {w: names[0] for w, names in self._titled().items()
                      if len(set(names)) == 1 and self.lex.descriptors.get(w, ("", ""))[0] == "role"}
            self._by_description = []
            if single:
                pat = _the_title(tuple(sorted(single, key=len, reverse=True)), self._ascii)
                self._by_description = [(m.start() - 1, single[m.group(1)]) for m in pat.finditer(self.text)
                                        if not self._in_quote(m.start() - 1)]
        return self._by_description

    def _titled_between(self, lo: int, hi: int) -> Iterator[tuple[int, str]]:
        """The (offset, person) of _titled_mentions in text[lo:hi], in order."""
        described = self._titled_mentions() if self._people else []
        j = bisect.bisect_left(described, (lo, ""))
        while j < len(described) and described[j][0] < hi:
            yield described[j]
            j += 1

    def _in_scene(self, name: str, pos: int) -> bool:
        """Whether `name` spoke within _SCENE characters before pos."""
        return any(p >= pos - _SCENE and s == name for p, s, *_ in self.history[-12:])

    def _descriptor(self, m: Mention, para_start: int = 0, turn_of: str | None = None) -> Resolved:
        head = m.head or ""
        if head == "other" and m.definite and m.text.split()[0].lower() == "the":
            # "“…,” said the other": of the two who were talking, the one who did not speak last
            people = [spk for _p, spk, _g, kind, _m in reversed(self.history[-6:]) if kind == "person"]
            last = turn_of or (people[0] if people else None)  # who spoke the turn before
            other = next((p for p in people if p != last), None)
            if other and not self._heard(other):
                return Resolved(other, "descriptor")
        if m.text.split()[0].lower() in ("his", "her", "their"):
            kin = self._kin(m, head)
            if kin:
                return Resolved(kin, "descriptor")
        if m.definite or m.text.split()[0].lower() in ("his", "her", "their"):
            titled = self._titled().get(head, [])
            if len(titled) == 1:
                return Resolved(titled[0], "descriptor")
            # "the senior Cruz adviser" works for Cruz: someone unnamed, not a person of the scene
            serves = any(w[:1].isupper() and w.lower().removesuffix("’s").removesuffix("'s") in self.by_last
                         for w in m.text.split()[1:-1])
            if m.definite and self.lex.descriptors.get(head, ("role", ""))[0] == "role" and not serves and self.dialogue:
                self._learn_genders(self.text)
                # a description names someone of the scene, not a speaker from chapters ago
                spk = self._referent(m.gender, m.start, para_start, turn_of, scene_only=True)
                if spk:
                    return Resolved(spk, "descriptor")
        return Resolved(m.text[:1].upper() + m.text[1:], "as-written")

    def remember(self, offset: int, speaker: str | None, m: Mention, how: str | None = None) -> None:
        """Record a quote's speaker so later pronouns can refer back to it."""
        if speaker is None:
            return
        if m.kind in ("group", "org", "text") or (m.kind == "descriptor" and m.plural):
            kind = "group"
        elif m.kind == "descriptor" and how == "as-written" and not m.definite:
            kind = "described"  # "a voice", "this respectable trader": nobody a pronoun can name
        elif m.kind == "pronoun" and (m.plural or m.text.lower() in ("it", "i")):  # they, we, some, several
            return
        else:
            kind = "person"
        g = self.gender_of(speaker) or m.gender
        self.history.append((offset, speaker, g, kind, m.text.lower()))
