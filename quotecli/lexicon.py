"""Word lists from quotecli/data, loaded once and shared read-only.

All linguistic knowledge lives in those plain files; this module only parses them. The
loaded `Lexicon` is immutable after construction, so it is safe to share across threads and
cheap to rebuild in a worker process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("quotecli.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.rstrip("\n"))
    return out


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb (the data file lists the irregular ones)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f + tail for f in forms]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lower-case form (one or two words) -> lemma
    noun_like: frozenset[str]  # base and -s forms of starred verbs, also common nouns
    hearer_object: frozenset[str]  # lemmas whose object is the hearer ("told POLITICO")
    catenative: frozenset[str]  # lemmas that before "to" + a verb are no speech ("continue to push")
    titles: frozenset[str]  # lower-case title words and phrases
    title_words: dict[str, str]  # abbreviated title -> the word a description uses ("dr" -> "doctor")
    modifiers: frozenset[str]
    postmodifiers: frozenset[str]  # participles after a noun: "a poll released Thursday"
    links: frozenset[str]  # "a source close to …": a role noun's link to whose it is
    epithets: frozenset[str]  # "poor", "old" before a name: "said poor Noah" (also in modifiers)
    ly_words: frozenset[str]  # words in -ly that are no adverbs: "family", "rally", "elderly"
    place_words: frozenset[str]  # last words of a place's or thing's name: "Bridge", "Street"
    pronouns: dict[str, tuple[str, str, str]]  # pronoun -> (gender, number, person)
    descriptors: dict[str, tuple[str, str]]  # head noun -> (kind, gender)
    first_names: dict[str, str]  # lower-case first name or honorific -> gender
    elisions: frozenset[str]
    abbreviations: frozenset[str]
    quote_pairs: tuple[tuple[str, str, str], ...]  # (open, close, kind)
    rules: dict[str, tuple[float, str]]  # rule -> (confidence, example)
    words: dict[str, frozenset[str]]  # closed-class word -> categories (aux, prep, det, ...)
    confidence: dict[tuple[str, str], float]  # (rule, resolution) -> calibrated confidence
    speech_nouns: frozenset[str]  # "claim", "remarks": X's claim that “...”

    def is_(self, word: str, category: str) -> bool:
        return category in self.words.get(word, ())

    @functools.cached_property
    def verb_heads(self) -> frozenset[str]:
        """First words of the two-word speech verbs ("went" of "went on"): only these need the
        next word looked at."""
        return frozenset(v.split()[0] for v in self.verbs if " " in v)

    @functools.cached_property
    def max_title_words(self) -> int:
        return max(len(t.split()) for t in self.titles | self.modifiers)


@functools.cache
def lexicon() -> Lexicon:
    verbs: dict[str, str] = {}
    noun_like: set[str] = set()
    hearer_object: set[str] = set()
    catenative: set[str] = set()
    for line in _lines("speech_verbs.txt"):
        lemma, _, forms = line.partition("|")
        lemma = lemma.strip().lower()
        flags = set(lemma[len(lemma.rstrip("*@~ ")):])
        lemma = lemma.rstrip("*@~ ")
        starred = "*" in flags
        if "@" in flags:
            hearer_object.add(lemma)
        if "~" in flags:
            catenative.add(lemma)
        all_forms = [f.strip() for f in forms.split()] if forms.strip() else []
        if all_forms and " " in lemma:
            # multi-word forms are listed word-pair by word-pair: "goes on went on ..."
            words = forms.split()
            all_forms = [" ".join(words[i:i + 2]) for i in range(0, len(words), 2)]
        forms_all = [lemma, *all_forms] if all_forms else _inflect(lemma)
        for f in forms_all:
            verbs[f.lower()] = lemma
        if starred:  # base and -s forms: "state", "states", "go on", "goes on"
            noun_like.update(f.lower() for f in forms_all
                             if f == lemma or f.split()[0].endswith("s") and not f.split()[0].endswith("ss"))
    pronouns = {}
    for line in _lines("pronouns.tsv"):
        p, g, n, person = line.split("\t")
        pronouns[p] = (g, n, person)
    for line in _lines("pronoun_contractions.tsv"):  # "he’s predicting": the pronoun and its verb
        p, tails = line.split("\t")
        for tail in tails.split():
            for apostrophe in ("’", "'"):
                pronouns[p + apostrophe + tail] = pronouns[p]
    descriptors = {}
    for line in _lines("descriptors.txt"):
        noun, kind, gender = line.split("\t")
        descriptors[noun] = (kind, gender)
    first_names = {}
    for line in _lines("names_gender.tsv"):
        name, g = line.split("\t")
        first_names[name] = g
    pairs = []
    for line in _lines("quote_marks.tsv"):
        o, c, kind, _example = line.split("\t")
        pairs.append((o, c, kind))
    rules = {}
    for line in _lines("rules.tsv"):
        name, conf, example = line.split("\t")
        rules[name] = (float(conf), example)
    words: dict[str, set[str]] = {}
    for line in _lines("words.tsv"):
        w, cat = line.split("\t")
        for form in {w, w.replace("'", "’")}:  # "didn't" is also written "didn’t"
            words.setdefault(form, set()).add(cat)
    confidence = {}
    for line in _lines("confidence.tsv"):
        rule, how, conf, *_rest = line.split("\t")
        confidence[(rule, how)] = float(conf)
    return Lexicon(
        verbs=verbs,
        noun_like=frozenset(noun_like),
        hearer_object=frozenset(hearer_object),
        catenative=frozenset(catenative),
        titles=frozenset(t.lower() for t in _lines("titles.txt")),
        title_words=dict(line.split("\t") for line in _lines("title_abbreviations.tsv")),
        modifiers=frozenset(t.lower() for t in _lines("modifiers.txt") + _lines("epithets.txt")),
        epithets=frozenset(_lines("epithets.txt")),
        postmodifiers=frozenset(_lines("postmodifiers.txt")),
        links=frozenset(_lines("links.txt")),
        ly_words=frozenset(_lines("ly_words.txt")),
        place_words=frozenset(_lines("place_words.txt")),
        pronouns=pronouns,
        descriptors=descriptors,
        first_names=first_names,
        elisions=frozenset(_lines("elisions.txt")),
        abbreviations=frozenset(a.strip() for a in _lines("abbreviations.txt")),
        quote_pairs=tuple(pairs),
        rules=rules,
        words={w: frozenset(c) for w, c in words.items()},
        confidence=confidence,
        speech_nouns=frozenset(_lines("speech_nouns.txt")),
    )


def trie_alternation(words: list[str]) -> str:
    """One pattern matching any of `words`, shaped as a trie ("sa(?:id|ys)"): the engine tries
    one branch a letter instead of every word at every position."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_ASCII_MEMBERS = {"Lu": "A-Z", "Ll": "a-z", "L": "A-Za-z", "M": "", "N": "0-9"}


def ascii_classes(pattern: str) -> str:
    """`pattern` for text that is all ASCII (str.isascii()): each \\p{Lu}, \\p{Ll}, \\p{L}, \\p{M}
    or \\p{N} stands for its ASCII members ([A-Z], [a-z], [A-Za-z], none, [0-9]), which is all it
    can meet in such text: the same matches, and the engine scans plain ranges faster.
    \\s and \\S leave out \\x1c-\\x1f, as the regex module's do, so that the re module reads the
    result the same (its \\s takes them). Any other \\p{...} class, or \\s or \\S inside a set,
    is refused (KeyError)."""
    out, i, in_set = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and pattern[i + 1:i + 2] in ("s", "S"):
            if in_set:
                raise KeyError("\\s or \\S inside a set")
            out.append(r"[^\S\x1c-\x1f]" if pattern[i + 1] == "s" else r"[\S\x1c-\x1f]")
            i += 2
            continue
        if c == "\\":
            if pattern.startswith("\\p{", i):
                j = pattern.index("}", i)
                members = _ASCII_MEMBERS[pattern[i + 3:j]]
                out.append(members if in_set else (f"[{members}]" if members else "(?!)"))
                i = j + 1
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_set:
            in_set = True
        elif c == "]" and in_set:
            in_set = False
        out.append(c)
        i += 1
    return "".join(out)
