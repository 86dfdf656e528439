"""Reading in order (extract(local=True)): a decision about a paragraph knows the text up to
that paragraph's end and nothing after it.

LocalResolver is the Resolver of such a reading. The document's people are read a paragraph
at a time, each entry stamped with the paragraph that brought it; a lookup sees the entries of
the paragraphs up to the one being decided (`at`). So a surname joins only a full name given
before it or in its own paragraph ("“We will go,” Blinken said." stays Blinken's even when
"said Antony Blinken" comes later), a name takes its gender from the pronouns read so far,
"the doctor" is the one person titled so so far, and whether the text is a conversation is
measured on the paragraphs so far. Whatever a paragraph's reading decides about a mention of
it (which person it is) is never revised later.

name_narrator_local names a first-person narrator from the turns read so far.
"""
from __future__ import annotations

import bisect
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Callable

import regex

from .model import Quote
from .narrator import _LEAD, _MIN_ADDRESSED, _MIN_I_TURNS, _first_person, _key, credit_narrator, self_namings
from .resolve import (_AFTER_THE, _CAP_BEFORE, _CAPWORD, _CAPWORD_ASCII, _GENDERED, _RUN, _RUN_ASCII, _VERB_NAME_AFTER,
                      Person, Resolver, _ascii_words, _name_verb_re, _plain_first_names, _read_run,
                      _speaking_verbs, story_family, vocatives)

# "the doctor", "the old doctor": "the" and up to three lower-case words, one of which may be
# a title only one person holds (Resolver._titled_mentions, read with the titles known so far)
_THE_WORDS = regex.compile(r"\b[Tt]he\s+([\p{Ll}\-]+)(?:\s+([\p{Ll}\-]+))?(?:\s+([\p{Ll}\-]+))?")


class _AsOf(Mapping):
    """key -> the names of the entries [(paragraph, name), ...] stamped at or before the
    paragraph the resolver is reading: a set (surname and first-name indexes) or a list in
    order (people by title)."""

    def __init__(self, entries: dict[str, list[tuple[int, str]]], r: LocalResolver, as_list: bool = False):
        self._entries, self._r, self._as_list = entries, r, as_list

    def get(self, key, default=None):
        lst = self._entries.get(key)
        if lst:
            p = self._r._p
            names = [n for k, n in lst if k <= p] if self._as_list else {n for k, n in lst if k <= p}
            if names:
                return names
        return default

    def __getitem__(self, key):
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._entries if k in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _People(Mapping):
    """name -> Person as known at the paragraph being read (gender and titles so far)."""

    def __init__(self, r: LocalResolver):
        self._r = r

    def __getitem__(self, key: str) -> Person:
        r = self._r
        k0 = r._first_seen.get(key)
        if k0 is None or k0 > r._p:
            raise KeyError(key)
        return Person(key, r._gender_now(key), {t for k, t in r._titles.get(key, ()) if k <= r._p})

    def __contains__(self, key) -> bool:
        k0 = self._r._first_seen.get(key)
        return k0 is not None and k0 <= self._r._p

    def __iter__(self) -> Iterator[str]:
        p = self._r._p
        return (key for key, k in self._r._first_seen.items() if k <= p)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return self._r._first_p <= self._r._p


class LocalResolver(Resolver):
    """A Resolver that knows, at each paragraph, only the text up to that paragraph's end.

    `paras` are the paragraphs (marks.local_layout); `measured_at(p)` is whether the text up to
    paragraph p reads as dialogue (Extractor.measured_at). Callers say which paragraph they
    decide with `at(pos)` before asking.
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]], paras: list[tuple[int, int]],
                 measured_at: Callable[[int], bool | None]):
        super().__init__(text, quoted, dialogue=None)
        self._paras = paras
        self._starts = [s for s, _e in paras]
        self._measured_at = measured_at
        self._p = 0  # the paragraph being decided
        self._pos = 0  # the quotation being decided
        self._hist_pos: list[int] = []  # where the quotation of each history entry opens
        # the registry: every entry stamped with the paragraph that brought it
        self._first_seen: dict[str, int] = {}
        self._first_p = 1 << 62  # the paragraph of the first person
        self._genders: dict[str, list[tuple[int, str | None]]] = {}
        self._titles: dict[str, list[tuple[int, str]]] = {}
        self._lasts: dict[str, list[tuple[int, str]]] = {}
        self._firsts: dict[str, list[tuple[int, str]]] = {}
        self._title_words: dict[str, list[tuple[int, str]]] = {}
        self._title_stamps: list[int] = []  # one per (title word, person), in order
        self._people = _People(weakref.proxy(self))  # (a proxy: no reference cycle, freed at once)
        self._single_titles: tuple[int, dict[str, str]] = (-1, {})
        self._family_at: tuple[int, str | None] = (-1, None)

    # whether the text reads as dialogue, as measured up to the paragraph being decided
    dialogue = property(lambda self: self._measured_at(self._p) is not False, lambda self, v: None)
    conversation = property(lambda self: self._measured_at(self._p) is True, lambda self, v: None)

    def at(self, pos: int) -> None:
        """Decide about the paragraph that holds `pos` (a quotation's opening mark) from here on."""
        self._pos = pos
        self._p = max(0, bisect.bisect_right(self._starts, pos) - 1)

    @property
    def by_last(self) -> Mapping:
        self._ensure()
        return _AsOf(self._lasts, self)

    @property
    def by_first(self) -> Mapping:
        self._ensure()
        return _AsOf(self._firsts, self)

    def _gender_now(self, name: str) -> str | None:
        g = None
        for k, g2 in self._genders.get(name, ()):
            if k > self._p:
                break
            g = g2
        return g

    # -- the document's people, a paragraph at a time ------------------------------------
    def _register(self, key: str, gender: str | None, k: int, indexed: bool) -> None:
        if key in self._first_seen:
            return
        self._first_seen[key] = k
        self._first_p = min(self._first_p, k)
        self._genders[key] = [(k, gender)]
        if indexed:
            words = key.split()
            self._lasts.setdefault(words[-1].lower(), []).append((k, key))
            self._firsts.setdefault(words[0].lower(), []).append((k, key))

    def _add_title(self, key: str, title: str, k: int) -> None:
        had = self._titles.setdefault(key, [])
        if any(t == title for _k, t in had):
            return
        had.append((k, title))
        known = {w for _k, t in had[:-1] for w in t.split()}
        for word in title.split():
            if word in known:
                continue
            known.add(word)
            for w in (word, self.lex.title_words.get(word)):
                if w is not None:
                    self._title_words.setdefault(w, []).append((k, key))
                    self._title_stamps.append(k)

    def _scan(self, text: str) -> None:
        """Resolver._scan, _titled_names, _surname_mentions and _learn_genders of each
        paragraph in turn, each reading the registry as the paragraphs before it left it."""
        lex = self.lex
        ascii = _ascii_words(text)  # (the ASCII patterns read the same: only faster)
        run_re, cap_re, name_verb = (_RUN_ASCII if ascii else _RUN), (_CAPWORD_ASCII if ascii else _CAPWORD), _name_verb_re(ascii)
        verbs = _speaking_verbs()
        plain = _plain_first_names()
        spoke: dict[str, int] = {}  # _speaking_names so far
        singles: set[str] = set()
        votes: dict[str, list[int]] = {}
        quoted, qi = self.quoted, 0
        save = self._p
        lo = 0
        for k, (_s, hi) in enumerate(self._paras):
            self._p = k
            runs: list[tuple[int, int]] = []
            after_epithet: set[int] = set()
            titled = []
            mentions: list[tuple[int, str]] = []
            for m in run_re.finditer(text, lo, hi):
                kind, key, title, gender = _read_run(m.group())
                if kind is None:
                    continue
                if kind == "epithet":
                    after_epithet.add(m.end())
                    continue
                if kind == "titled":
                    titled.append((m.span(), key, title, gender))
                    continue
                if kind == "name" and title is None and not self.conversation \
                        and _AFTER_THE.search(text, max(0, m.start() - 5), m.start()):
                    continue  # news: "on the Trump Train" is a thing, not a person
                runs.append(m.span())
                self._register(key, gender, k, kind == "name")
                if kind == "name" and title:
                    self._add_title(key, title, k)
                mentions.append((m.start(), key))
            for span, key, title, gender in titled:  # as Resolver._titled_names
                word = key.split()[-1].lower()
                full = self.by_last.get(word, set()) or self.by_first.get(word, set())
                if len(full) == 1:
                    key = next(iter(full))
                elif not self.conversation:
                    continue
                else:
                    self._register(key, gender, k, False)
                if title:
                    self._add_title(key, title, k)
                runs.append(span)
                mentions.append((span[0], key))
            runs.sort()
            # single words that speak, counted so far (as _speaking_names)
            said = []
            while qi < len(quoted) and quoted[qi][0] < hi:
                end = quoted[qi][1]
                qi += 1
                m = _VERB_NAME_AFTER.match(text, end, min(hi, end + 40))
                if m and m.group(1) in verbs:
                    said.append(m.group(2).lower())
            for m in name_verb.finditer(text, lo, hi):
                if m.start() and text[m.start() - 1] in " \t" and _CAP_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                    continue
                said.append(m.group(1).lower())
            for w in said:
                spoke[w] = spoke.get(w, 0) + 1
                if spoke[w] == 2 and w.isalpha() and not lex.words.get(w) and w not in lex.titles and w not in lex.pronouns:
                    singles.add(w)
            # later uses of known surnames, and people known by one name (as _surname_mentions)
            seen = {pos for pos, _ in mentions}
            run_starts = [r[0] for r in runs]
            by_last, by_first = self.by_last, self.by_first
            lasts = self._lasts
            for m in cap_re.finditer(text, lo, hi):
                if m.start() in seen:
                    continue
                word = m.group()
                low = word.lower()
                unique = None
                if low in lasts:  # (the index as of this paragraph only for a surname met at all)
                    u = by_last.get(low)
                    unique = next(iter(u)) if u is not None and len(u) == 1 else None
                if not (unique or low in plain or low in singles):
                    continue
                full = unique
                if full is None:
                    f = by_first.get(low)
                    first = next(iter(f)) if f is not None and len(f) == 1 else None
                    if m.end() in after_epithet:
                        full = first
                        if full is None:
                            continue
                    else:
                        j = bisect.bisect_right(run_starts, m.start()) - 1
                        if j >= 0 and runs[j][1] >= m.end():
                            continue
                        full = first
                        if full is None:
                            full = word
                            self._register(full, lex.first_names.get(low), k, False)
                mentions.append((m.start(), full))
            mentions.sort()
            self._mentions.extend(mentions)
            # genders of names the lists do not know, from the pronouns after them so far
            changed = set()
            for i, (pos, name) in enumerate(mentions):
                if self._genders[name][0][1] is not None:
                    continue
                end = min(pos + 121, mentions[i + 1][0] if i + 1 < len(mentions) else hi, hi)
                for g in _GENDERED.finditer(text, pos, end):
                    v = votes.setdefault(name, [0, 0])
                    v[0 if g.group(1).lower() in ("he", "him", "his", "himself") else 1] += 1
                    changed.add(name)
            for name in changed:
                male, female = votes[name]
                g = "m" if male >= 2 * female + 2 else "f" if female >= 2 * male + 2 else None
                if g is not None and g != self._genders[name][-1][1]:
                    self._genders[name].append((k, g))
            lo = hi
        self._p = save

    def _learn_genders(self, text: str) -> None:
        self._ensure()  # learnt paragraph by paragraph in _scan

    def _titled(self) -> Mapping:
        self._ensure()
        return _AsOf(self._title_words, self, as_list=True)

    def _titled_between(self, lo: int, hi: int) -> Iterator[tuple[int, str]]:
        """"the doctor" in text[lo:hi] for the one person titled so by the paragraph being read."""
        if not self._people:
            return
        n = bisect.bisect_right(self._title_stamps, self._p)
        if self._single_titles[0] != n:
            titled = self._titled()
            single = {w: names[0] for w in self._title_words if (names := titled.get(w))
                      and len(set(names)) == 1 and self.lex.descriptors.get(w, ("", ""))[0] == "role"}
            self._single_titles = (n, single)
        single = self._single_titles[1]
        if not single:
            return
        # (its words end in the paragraph being decided: what follows it is not read)
        for m in _THE_WORDS.finditer(self.text, lo, max(hi, self._paras[self._p][1])):
            if m.start() >= hi:
                break
            full = next((single[w] for w in m.groups() if w in single), None)
            if full is not None and not self._in_quote(m.start()):
                yield m.start(), full

    def _family(self) -> str | None:
        """Resolver._family of the people and mentions so far."""
        if self._family_at[0] != self._p:
            upto = bisect.bisect_left(self.mentions, (self._paras[self._p][1], ""))
            self._family_at = (self._p, story_family(self.people, self.mentions[:upto]))
        return self._family_at[1]

    def remember(self, offset: int, speaker: str | None, m, how: str | None = None) -> None:
        n = len(self.history)
        super().remember(offset, speaker, m, how)
        if len(self.history) > n:
            self._hist_pos.append(self._pos)

    def narration_subject(self, pos: int, para_start: int) -> str | None:
        """Resolver.narration_subject as the quotation at `pos` was reached: the last speaker
        is the one before it (not the document's last), and no quote's hearers linger."""
        full = self.history
        k = bisect.bisect_left(self._hist_pos, pos)
        self.history, self._hearers = full[k - 1:k] if k else [], frozenset()
        try:
            return super().narration_subject(pos, para_start)
        finally:
            self.history = full


class _Tally:
    """narrator_name's counts, kept up to date a paragraph at a time."""

    def __init__(self, text: str):
        self.text = text
        self.i_turns = 0
        self.forms: dict[str, Counter] = {}
        self.said_by_name: set[str] = set()
        self.in_talk: set[str] = set()
        self.proper: dict[str, tuple[int, bool]] = {}  # word -> (read up to, written as a name)
        self.quotes: list[Quote] = []
        self.starts: list[int] = []
        self.read = 0  # text read for self-naming

    def add(self, q: Quote) -> None:
        prev = self.quotes[-1] if self.quotes else None
        self.quotes.append(q)
        self.starts.append(q.start)
        if q.mention and q.mention != "I":
            self.said_by_name.update(w.lower() for w in q.mention.split())
        if _first_person(q):
            self.i_turns += 1
            if prev is not None and not _first_person(prev):
                self.in_talk.update(k for v in vocatives(prev.text) if (k := _key(v)))
            return
        beside = prev is not None and _first_person(prev)
        for v in vocatives(q.text):
            k = _key(v)
            if k:
                self.forms.setdefault(k, Counter())[v] += 1
                if beside:
                    self.in_talk.add(k)

    def read_to(self, upto: int) -> None:
        """Self-naming ("my name is Pip") in the text up to `upto`."""
        for m in self_namings(self.text, self.read, upto):
            k = _key(m.group(1))
            i = bisect.bisect_right(self.starts, m.start()) - 1  # the quote it may stand in
            if k and not (i >= 0 and m.start() < self.quotes[i].end and not _first_person(self.quotes[i])):
                self.forms.setdefault(k, Counter())[m.group(1)] += _MIN_ADDRESSED
                self.in_talk.add(k)
        self.read = max(self.read, upto)

    def _proper(self, word: str, upto: int) -> bool:
        """narrator._proper of the text up to `upto`, each stretch read once."""
        done, yes = self.proper.get(word, (0, False))
        if yes or done >= upto:
            return yes
        text, needle = self.text, " " + word
        i = text.find(needle, max(0, done - len(needle)), upto)
        while i > 0:
            after = i + len(needle)
            if after <= upto and (text[i - 1].islower() or text[i - 1] == ",") and not (after < upto and text[after].isalnum()):
                yes = True
                break
            i = text.find(needle, i + 1, upto)
        self.proper[word] = (upto, yes)
        return yes

    def name(self, upto: int) -> str | None:
        """narrator_name of the quotes and text so far."""
        if self.i_turns < _MIN_I_TURNS:
            return None
        self.read_to(upto)
        ranked = sorted(((sum(c.values()), k) for k, c in self.forms.items()
                         if k not in self.said_by_name and k in self.in_talk), reverse=True)
        ranked = [(n, k) for n, k in ranked[:6] if self._proper(self.forms[k].most_common(1)[0][0].split()[-1], upto)]
        if not ranked or ranked[0][0] < _MIN_ADDRESSED:
            return None
        if len(ranked) > 1 and ranked[0][0] < _LEAD * ranked[1][0]:
            return None
        return max(self.forms[ranked[0][1]].items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def name_narrator_local(quotes: list[Quote], text: str, resolver: LocalResolver,
                        score: Callable[[Quote, str], float], para_of: Callable[[int], int],
                        paras: list[tuple[int, int]]) -> list[Quote]:
    """narrator.name_narrator read in order: the quotes of each paragraph take the narrator's
    name as the quotes and text up to that paragraph's end give it."""
    tally = _Tally(text)
    undone: dict[int | None, str | None] = {}
    out: list[Quote] = []
    i = 0
    while i < len(quotes):
        p = para_of(quotes[i].start)
        j = i
        while j < len(quotes) and para_of(quotes[j].start) == p:
            tally.add(quotes[j])
            j += 1
        group = quotes[i:j]
        i = j
        if not any(_first_person(q) or q.resolution in ("pronoun", "descriptor") or q.mention_start in undone
                   for q in group):
            out.extend(group)
            continue
        upto = paras[p][1]
        name = tally.name(upto)
        if name is None:
            out.extend(group)
            continue
        resolver.at(group[0].start)
        full, _how = resolver.person_for(name.split()[-1])
        out.extend(credit_narrator(group, full or name, score, undone))
    return out
