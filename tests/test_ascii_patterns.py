"""Text that is all ASCII is scanned with ASCII-class copies of some patterns: same matches."""
import random

import regex

from quotecli import marks, resolve
from quotecli.lexicon import ascii_classes

SAMPLE = ("Mr. Bennet said, \"Yes.\" 'Tis Jean-Luc O'Brien's; McDonald asked Ann-Marie. J. Edgar Hoover "
          "replied ``no'' and '' it; Sen. Ann Lee of Utah said: 3M iPhone X-Men DE LA ROSA said I. A 12 Ab_Cd\n\n\tEmma cried")


def _texts():
    rng = random.Random(11)
    alphabet = SAMPLE + "".join(map(chr, range(32, 127))) + "\n\t"
    yield SAMPLE * 4
    for _ in range(300):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
    words = SAMPLE.split()
    for _ in range(300):
        yield " ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))


def _same(unicode_pattern, ascii_pattern):
    for text in _texts():
        assert text.isascii()
        assert [(m.span(), m.groups()) for m in unicode_pattern.finditer(text)] == \
               [(m.span(), m.groups()) for m in ascii_pattern.finditer(text)], text


def test_ascii_classes_keep_the_matches():
    for p in (resolve._CAPWORD, resolve._RUN, resolve._VERB_NAME_AFTER, resolve._CAP_BEFORE, resolve._VOCATIVE):
        _same(p, regex.compile(ascii_classes(p.pattern)))
    assert resolve._CAPWORD_ASCII.pattern == ascii_classes(resolve._CAPWORD.pattern)
    _same(resolve._name_verb_re(), resolve._name_verb_re(True))


def test_ascii_marks_pattern():
    t = marks._tables()
    _same(t[3], t[7])


def test_ascii_words_pattern():
    from quotecli import extract
    _same(extract._WORDS, extract._WORDS_ASCII)
