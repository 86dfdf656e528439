"""tokenize() reads chunks between white space (cached); it must give the tokens the pattern
gives when run over the whole window, offsets included."""
import random

from quotecli.lexicon import lexicon
from quotecli.tokens import _TOKEN, _attrs, tokenize

TRICKY = ("J. Edgar Hoover, U.S. D.C. Mr. Smith's Jones' rock'n'roll “Hi,” (R-Fla.) — x\x1cy 3.5 A.B. "
          "I. T.J. e.g. O’Neil ‘Yes’ ...! \u00a0 n\u2009a \t\n said Sen. Ann Lee: “Yes.” Dr. 17. 2016, 12,345. 5.” (5) ²3 ٣.")


def _reference(text: str, lo: int, hi: int) -> list[tuple]:
    abbr = lexicon().abbreviations
    out, skip = [], -1
    for m in _TOKEN.finditer(text, lo, hi):
        s, e = m.span()
        if s == skip:
            continue
        w = m.group()
        if e < hi and text[e] == "." and (w.lower() in abbr or w in abbr):
            skip, e, w = e, e + 1, w + "."
        out.append((w, s, e, *_attrs(w)))
    return out


def test_tokenize_matches_the_pattern_on_any_window():
    rng = random.Random(5)
    texts = [TRICKY * 3] + ["".join(rng.choice(TRICKY) for _ in range(200)) for _ in range(200)]
    for text in texts:
        for _ in range(60):
            lo = rng.randrange(len(text) + 1)
            hi = min(len(text), lo + rng.randint(0, 120))
            assert [tuple(t) for t in tokenize(text, lo, hi)] == _reference(text, lo, hi)
            assert [tuple(t) for t in tokenize(text, lo, hi)] == _reference(text, lo, hi)  # cached


def test_terminal_on_re_keeps_the_matches():
    """The sentence-end pattern of the re module, rewritten to open with a character class,
    finds what the regex module's pattern finds, in any window."""
    from quotecli.tokens import _TERMINAL, _TERMINAL_RE
    rng = random.Random(7)
    alphabet = ".!?…\"”’)]'“ \n\t\u00a0\u2009\x1c\x1fa A.b"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [m.span() for m in _TERMINAL_RE.finditer(text, lo, hi)] == \
               [m.span() for m in _TERMINAL.finditer(text, lo, hi)], (text, lo, hi)
