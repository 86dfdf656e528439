"""Text that is all ASCII is scanned with ASCII-class copies of some patterns: same matches."""
import random

import pytest
import regex

from quotecli import marks, resolve
from quotecli.lexicon import ascii_classes

SAMPLE = ("Mr. Bennet said, \"Yes.\" 'Tis Jean-Luc O'Brien's; McDonald asked Ann-Marie. J. Edgar Hoover "
          "replied ``no'' and '' it; Sen. Ann Lee of Utah said: 3M iPhone X-Men DE LA ROSA said I. A 12 Ab_Cd\n\n\tEmma cried"
          ", my dear Jane, Dear\x1cLizzy! Why, Aunt Charlotte?\x0b")


def _texts():
    rng = random.Random(11)
    alphabet = SAMPLE + "".join(map(chr, range(32, 127))) + "\n\t\x1c\x0b"
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
    # on the re module, whose \s also takes \x1c-\x1f
    _same(resolve._VOCATIVE, resolve._VOCATIVE_ASCII)
    _same(resolve._VOCATIVE_AT, resolve._VOCATIVE_AT_ASCII)
    for text in _texts():
        assert resolve.vocatives.__wrapped__(text) == tuple(m.group(1) for m in resolve._VOCATIVE.finditer(text))


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


# Scans rewritten to start at a literal or to try only near a word every match holds: the same
# matches as the pattern they stand for.
THE_TEXTS = ["The doctor said. the old doctor, the  very old doctor; the the doctor. Athe doctor",
             "then doctor. The\ncolonel came; the\x1cdoctor; the doctor-in-law; the doctors; The Doctor; Théo the doctor"]


def test_the_title_is_the_plain_pattern():
    titles = ("colonel", "doctor")
    plain = regex.compile(r"\b[Tt]he\s+(?:[\p{Ll}\-]+\s+){0,2}?(" + "|".join(titles) + r")\b")
    for text in THE_TEXTS + [" ".join(random.Random(n).choice(THE_TEXTS[0].split() + THE_TEXTS[1].split())
                                      for _ in range(40)) for n in range(200)]:
        want = [(m.start(), m.end(), m.group(1)) for m in plain.finditer(text)]
        for ascii in (False, True) if resolve._ascii_words(text) else (False,):
            got = [(m.start() - 1, m.end(), m.group(1)) for m in resolve._the_title(titles, ascii).finditer(text)]
            assert got == want, text


@pytest.mark.parametrize("every", [0, 10**9])  # (0: always from the anchors; 10**9: always the plain scan)
def test_self_namings_are_the_pattern_scan(every, monkeypatch):
    from quotecli import narrator
    monkeypatch.setattr(narrator, "_ANCHOR_EVERY", every)
    words = ("My name is Pip. my name was  Jo Ann; I called myself Abel I call myself Zed, they called me Sam "
             "everybody called me\nBo people called me Al he called me She called me, I am called Ed. recall "
             "My name is").split(" ")
    rng = random.Random(5)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for args in ((), (lo,), (lo, hi)):
            assert [(m.span(), m.groups()) for m in narrator.self_namings(text, *args)] == \
                   [(m.span(), m.groups()) for m in narrator._SELF_NAMING.finditer(text, *args)], (text, args)


def test_line_end_patterns_for_text_without_carriage_returns():
    rng = random.Random(8)
    for _ in range(2000):
        text = "".join(rng.choice("ab \t\n\n\u00a0\f") for _ in range(rng.randint(0, 60)))
        for general, lf in ((marks._BLANK_LINE, marks._BLANK_LINE_LF), (marks._NEWLINE, marks._LF)):
            assert [m.span() for m in general.finditer(text)] == [m.span() for m in lf.finditer(text)], text


@pytest.mark.parametrize("asked", [32, 2])  # (2: most words answered by the scan of the whole text)
def test_proper_is_the_mid_sentence_scan(asked, monkeypatch):
    from quotecli import cues
    monkeypatch.setattr(cues, "_PROPER_ASKED", asked)
    words = ("Boos rained. Audiences can expect Audiences, and Audiences-like \tAudiences.\n"
             "“Boos” Boos' — Boos; (Boos) X Boos Boosted McBoos Zoë Zoë's").split(" ")
    rng = random.Random(6)
    texts = ["Boos. " * n + "X Boos" for n in range(5)]  # (mid-sentence only after n other places)
    for text in texts + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 25))) for _ in range(1000)]:
        found = set(cues._MID_SENTENCE_CAP.findall(text))
        assert cues.CueFinder(text)._proper("Boos") == ("Boos" in found), text  # the first word asked
        finder = cues.CueFinder(text)
        for w in {*words, "Audiences", "Boos", "Zoë", "Boos'", ""}:
            if w:
                assert finder._proper(w) == (w in found), (text, w)
