"""The acceptance article, record by record, and the dev sets when ../shared is present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecli.extract import extract
from quotecli.scoring import score_doc, speaker_ok, summarize

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _seed() -> dict:
    return json.loads((DATA / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()[0])


def test_seed_every_record() -> None:
    doc = _seed()
    got = extract(doc["text"], doc["doc_id"])
    assert [(q.start, q.end) for q in got] == [(g["start"], g["end"]) for g in doc["quotes"]]
    for q, g in zip(got, doc["quotes"]):
        assert q.text == g["text"]
        assert speaker_ok(q.speaker, g["speaker"], g["speaker_aliases"]), (q.text, q.speaker)
    speakers = [q.speaker for q in got]
    assert speakers.count("Antony Blinken") == 15
    assert speakers.count("Benjamin Netanyahu") == 1
    assert not any("Herzog" in (s or "") for s in speakers)
    # pronoun and descriptor mentions kept as written, resolved to the person
    mentions = {q.mention for q in got if q.speaker == "Antony Blinken"}
    assert {"he", "The top US diplomat", "Blinken"} <= mentions


def test_seed_end_to_end_is_perfect() -> None:
    doc = _seed()
    preds = [q.to_dict() for q in extract(doc["text"], doc["doc_id"])]
    s = summarize([score_doc(doc["doc_id"], doc["quotes"], preds)])
    assert s["end_to_end"]["f1"] == 1.0


@pytest.mark.skipif(not (SHARED / "gold" / "polnear.dev.jsonl").exists(), reason="../shared/gold not present")
def test_polnear_dev_targets() -> None:
    results = []
    with open(SHARED / "gold" / "polnear.dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            preds = [q.to_dict() for q in extract(d["text"], d["doc_id"])]
            results.append(score_doc(d["doc_id"], d["quotes"], preds))
    s = summarize(results)
    assert s["quote"]["f1"] >= 0.90
    assert s["end_to_end"]["f1"] >= 0.80
