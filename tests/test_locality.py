"""extract(local=True) reads in order: text added after the last paragraph never changes an
earlier record (issue 6), whatever the text. The alphabet is made of the words the
document-wide rules read (surnames and full names, titles, he/she/I, speech verbs, names
addressed, "my name is") so that surname clustering, gender learning, dialogue chains, the
narrator's name and headline echoes are all exercised."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings, strategies as st

from quotecli.extract import extract
from test_properties import LOCALITY_LIMITS

WORDS = ["Blinken", "Antony", "Ann", "Cole", "Mrs.", "Mr.", "Dr.", "Holt", "Marlowe", "Lee", "Poirot", "said", "asked",
         "replied", "added", "he", "she", "I", "they", "the doctor", "the girl", "his wife", "my dear", "My name is",
         "Secretary", "Wednesday", "and", "then", "it", "was", "a", "plan", "met", "Lizzy", "Sen.", "Tom", "Reed"]
MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", ",", ".", "?", "!", ":", ";", "—", " , ", " ", " ", " ", "\n", "\n\n",
         "\n\n\n", "\r\n", " \n", "  "]
piece = st.sampled_from(WORDS + MARKS)
story = st.lists(piece, max_size=80).map("".join)
texty = st.text(alphabet=st.sampled_from(list("\"'“”‘’«» \n") + list("abc ABC said he Blinken.,:;—")), max_size=200)
EXAMPLES = int(os.environ.get("LOCALITY_EXAMPLES", "300"))


def _holds(a: str, b: str, show_all: bool = False) -> None:
    first = extract(a, local=True, show_all=show_all)
    longer = extract(a + "\n\n" + b, local=True, show_all=show_all)
    assert first == [q for q in longer if q.end <= len(a)]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(st.one_of(story, texty), st.one_of(story, texty), st.booleans())
def test_local_text_after_last_paragraph_never_changes_earlier_records(a: str, b: str, show_all: bool) -> None:
    _holds(a, b, show_all)


@settings(max_examples=EXAMPLES // 2, deadline=None, derandomize=True)
@given(st.lists(story, min_size=2, max_size=6))
def test_local_each_paragraph_is_final_once_read(paras: list[str]) -> None:
    """Growing a story a paragraph at a time: every prefix's records stand in the whole's."""
    whole = extract("\n\n".join(paras), local=True)
    for i in range(1, len(paras)):
        a = "\n\n".join(paras[:i])
        assert extract(a, local=True) == [q for q in whole if q.end <= len(a)]


@pytest.mark.parametrize("a,b", [pytest.param(a, b, id=i) for i, a, b in LOCALITY_LIMITS] + [
    # surname clustering: a full name given later does not reach back to the surname
    pytest.param("“We will go,” Blinken said.", "\n“No,” said Antony Blinken.", id="surname"),
    # gender learnt from pronouns after the name: later pronouns do not re-read earlier ones
    pytest.param("Poirot nodded.\n\n“Yes,” he said.", "Poirot smiled; he was pleased. He sat. His hat, he said.",
                 id="gender"),
    # a byline paragraph signs the quote above it: read ahead, so not in local mode
    pytest.param("“Be yourself.”", "— Oscar Wilde", id="byline"),
    # a dash and a name right after the quote sign it only when a line break parts them; the
    # break may not be the one appended
    pytest.param("“Go home.”—A", "xyz", id="byline-dash"),
    # a quote left open at a paragraph end: the next paragraph may reopen it
    pytest.param("“We will go on,” said Ann. “And on", "“and on.”", id="reopened"),
])
def test_local_known_limits_hold(a: str, b: str) -> None:
    _holds(a, b)
    _holds(a, b, show_all=True)


def test_local_keeps_the_surname_as_read() -> None:
    a = "“We will go,” Blinken said."
    assert [q.speaker for q in extract(a + "\n\n\n“No,” said Antony Blinken.", local=True)] == ["Blinken", "Antony Blinken"]
    # the default reads the whole text: the surname joins the full name given later
    assert extract(a + "\n\n\n“No,” said Antony Blinken.")[0].speaker == "Antony Blinken"


def test_local_reads_names_given_before() -> None:
    text = "US Secretary of State Antony Blinken arrived.\n\n“We will go,” Blinken said."
    assert [q.speaker for q in extract(text, local=True)] == ["Antony Blinken"]
