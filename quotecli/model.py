"""The records quotecli passes between stages and prints.

`Quote.to_dict()` is the JSON contract of ../shared/spec/quote-record.md: other tools rely on
its field names, so fields may be added but never renamed or dropped.

Quote, the record users get, is frozen. The records the pipeline builds for every quote and
hands between its stages (Span, Mention, Cue, Found, Resolved) are plain slots dataclasses:
nothing changes them once built (a changed copy comes from dataclasses.replace), and a frozen
dataclass pays for its guard on every field it sets, which was most of their cost.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field


def fast_init(cls):
    """Give a frozen slots dataclass an __init__ that stores its slots directly.

    Same signature, same defaults, same object: the generated frozen __init__ goes through
    object.__setattr__ by name for every field, which is most of the cost of a small record
    built for every quote. (No field of these classes has a default factory.)
    Fields with init=False are left to the class's __post_init__, called last as usual."""
    ns: dict = {}
    params, body = [], []
    for f in dataclasses.fields(cls):
        assert f.default_factory is dataclasses.MISSING
        if not f.init:
            continue
        ns[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"_set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    exec(f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body), ns)
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls


@dataclass(slots=True)
class Span:
    """A quoted span found by the mark scanner; offsets exclude the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, or -1 when the quote was never closed
    mark: str  # the opening mark
    paragraphs: int = 1  # >1 for a quote that runs over several paragraphs
    # set once here, not computed at each read: the rules read them a dozen times a quote
    closed: bool = field(init=False, repr=False, compare=False)
    outer_end: int = field(init=False, repr=False, compare=False)  # just after the closing mark (content end when unclosed)

    def __post_init__(self) -> None:
        closed = self.closed = self.close_at >= 0
        self.outer_end = self.close_at + 1 if closed else self.end


@fast_init
@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation occurrence with its resolved speaker."""

    doc: str
    start: int
    end: int
    text: str
    speaker: str | None
    mention: str | None
    cue: str | None
    rule: str
    confidence: float
    mention_start: int | None = None
    mention_end: int | None = None
    resolution: str | None = None  # how the mention became the speaker: name, surname, pronoun, ...

    @property
    def id(self) -> str:
        """Stable id: the same document id and offsets always give the same id."""
        h = hashlib.blake2b(f"{self.doc}\x00{self.start}\x00{self.end}".encode(), digest_size=8)
        return h.hexdigest()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "mention": self.mention,
            "cue": self.cue,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "mention_start": self.mention_start,
            "mention_end": self.mention_end,
            "resolution": self.resolution,
        }
