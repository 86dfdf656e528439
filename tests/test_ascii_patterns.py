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


def test_name_runs_on_re_keep_the_matches():
    _same(resolve._RUN, resolve._RUN_ASCII)


def _curly(text):
    """The same text typed with curly quotes, dashes and no-break spaces: words all ASCII."""
    return text.replace("'", "’").replace('"', "“").replace("-", "—").replace(" ", "\u00a0", 3)


def test_ascii_words_texts_keep_the_matches():
    for text in _texts():
        text = _curly(text)
        assert resolve._ascii_words(text)
        for full, ascii in ((resolve._RUN, resolve._RUN_ASCII), (resolve._CAPWORD, resolve._CAPWORD_ASCII),
                            (resolve._name_verb_re(), resolve._name_verb_re(True))):
            assert [(m.span(), m.groups()) for m in full.finditer(text)] == \
                   [(m.span(), m.groups()) for m in ascii.finditer(text)], text
    assert not resolve._ascii_words("Zoë said")
    assert not resolve._ascii_words("e\u0301")


def test_mark_list_is_the_pattern_scan():
    t = marks._tables()
    rng = random.Random(3)
    alphabet = "ab `'\"“”‘’«»「」\n" + "".join(sorted(t[4]))
    for n in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40 if n % 2 else 400)))
        pattern = t[7] if text.isascii() else t[3]
        assert marks._mark_list(text, pattern) == [(m.start(), m[0]) for m in pattern.finditer(text)], text
