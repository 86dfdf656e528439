"""Properties that hold for any text: no crash, valid offsets, determinism, locality."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from quotecli.extract import extract

MARKS = "\"'“”‘’«»„‚‹›「」 \n"
texty = st.text(alphabet=st.sampled_from(list(MARKS) + list("abc ABC said he Blinken.,:;—")), max_size=300)
anytext = st.text(max_size=300)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(texty, anytext))
def test_records_are_valid_slices(text: str) -> None:
    got = extract(text, show_all=True)
    for q in got:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    assert got == extract(text, show_all=True)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(texty, texty)
def test_text_after_last_paragraph_never_changes_earlier_records(a: str, b: str) -> None:
    first = extract(a)
    longer = extract(a + "\n\n\n" + b)
    # every record that ends before the appended paragraphs is unchanged
    cut = len(a)
    assert [q for q in longer if q.end <= cut and q.mention_end is not None and q.mention_end <= cut] == \
        [q for q in first if q.mention_end is not None and q.mention_end <= cut]
