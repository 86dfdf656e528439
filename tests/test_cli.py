"""Commands through click's runner (and one real pipe), on real text."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecli.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = ROOT / "tests" / "data" / "seed.gold.jsonl"
SHARED = ROOT.parent / "shared"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_extract_json_records(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("“We will win the vote,” said Margaret Okafor.", encoding="utf-8")
    r = run("extract", f, "--json")
    assert r.exit_code == 0, r.output
    recs = json.loads(r.output)
    assert [(x["speaker"], x["text"], x["start"], x["end"], x["rule"]) for x in recs] == [
        ("Margaret Okafor", "We will win the vote,", 1, 22, "quote_verb_speaker")]
    assert recs[0]["doc"] == str(f)


def test_extract_jsonl_input_and_output():
    r = run("extract", SEED, "--input-format", "jsonl", "--jsonl")
    assert r.exit_code == 0
    recs = [json.loads(line) for line in r.output.splitlines()]
    assert len(recs) == 18 and {x["doc"] for x in recs} == {"cnn-blinken-israel"}


def test_extract_explain_table_and_csv():
    r = run("extract", EXAMPLES / "cnn-blinken-israel.txt", "--explain")
    assert r.exit_code == 0 and "quote_speaker_verb" in r.output and "The top US diplomat" in r.output
    r = run("extract", EXAMPLES / "cnn-blinken-israel.txt", "--csv")
    header = r.output.splitlines()[0].split(",")
    assert header[:10] == ["id", "doc", "start", "end", "text", "speaker", "mention", "cue", "rule", "confidence"]


def test_stdin():
    r = run("extract", "-", "--jsonl", input="“Not today,” said Ian Ross.".encode())
    assert json.loads(r.output)["doc"] == "-" and json.loads(r.output)["speaker"] == "Ian Ross"


def test_bad_inputs_are_one_line_each_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"doc_id": "d1", "text": "“Yes,” said Ann Cole."}) + "\n{broken\n"
                    + json.dumps({"doc_id": "d2"}) + "\n" + json.dumps({"id": "d3", "text": "“No,” said Bo Park."}) + "\n")
    r = run("extract", good, "--input-format", "jsonl", "--jsonl")
    assert r.exit_code == 2
    docs = [json.loads(line)["doc"] for line in r.stdout.splitlines()]
    assert docs == ["d1", "d3"]
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 2 and f"{good}:2:" in errs[0] and f"{good}:3:" in errs[1]
    assert "Traceback" not in r.output


@pytest.mark.parametrize("content,msg", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"", "empty file"),
    (b"caf\xe9 \xe9t\xe9", "not valid UTF-8"),
])
def test_bad_files(tmp_path, content, msg):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    ok = tmp_path / "ok.txt"
    ok.write_text("“Fine,” said Ann Cole.", encoding="utf-8")
    r = run("extract", bad, ok, "--jsonl")
    assert r.exit_code == 2
    assert msg in r.stderr and str(bad) in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert json.loads(r.stdout)["speaker"] == "Ann Cole"


def test_missing_path_and_encodings(tmp_path):
    r = run("extract", tmp_path / "nope.txt")
    assert r.exit_code == 2 and "no such file" in r.stderr
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("“Ja,” said Jan Vos.".encode("utf-16"))
    assert json.loads(run("extract", u16, "--jsonl").stdout)["speaker"] == "Jan Vos"
    cp = tmp_path / "cp.txt"
    cp.write_bytes("\x93Oui,\x94 said José Martí.".encode("latin-1"))
    r = run("extract", cp, "--encoding", "cp1252", "--jsonl")
    assert json.loads(r.stdout)["speaker"] == "José Martí"


def test_no_quotes_exit_1(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Nothing is quoted here.", encoding="utf-8")
    assert run("extract", f).exit_code == 1


def test_eval_seed_is_perfect():
    r = run("eval", SEED)
    assert r.exit_code == 0
    assert "end-to-end (span+speaker)     18    1.000    1.000    1.000" in r.output


def test_eval_bad_gold(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text("{not json\n")
    r = run("eval", bad)
    assert r.exit_code == 2 and f"{bad}:1:" in r.stderr


@pytest.mark.skipif(not (SHARED / "tools" / "score_quotes.py").exists(), reason="../shared not present")
@pytest.mark.parametrize("gold", ["seed.gold.jsonl", "polnear.dev.jsonl"])
def test_eval_agrees_with_referee(tmp_path, gold):
    gold_path = SHARED / "gold" / gold
    pred = tmp_path / "pred.jsonl"
    r = run("extract", gold_path, "--input-format", "jsonl", "--jsonl")
    pred.write_text(r.stdout, encoding="utf-8")
    ref = subprocess.run([sys.executable, SHARED / "tools" / "score_quotes.py", gold_path, pred, "--json"],
                         capture_output=True, text=True, check=True)
    theirs = json.loads(ref.stdout)
    ours = json.loads(run("eval", gold_path, "--json").stdout)
    for key in ("quote", "quote_exact", "end_to_end"):
        for m in ("tp", "precision", "recall", "f1"):
            assert ours[key][m] == pytest.approx(theirs[key][m], abs=1e-12), (key, m)
    assert ours["speaker_accuracy"] == pytest.approx(theirs["speaker_accuracy"], abs=1e-12)
    mine = json.loads(run("eval", gold_path, "--pred", pred, "--json").stdout)
    assert mine["end_to_end"] == ours["end_to_end"]


def test_broken_pipe_prints_no_traceback():
    p = subprocess.run(f"{sys.executable} -m quotecli extract {EXAMPLES} --jsonl | head -1",
                       shell=True, capture_output=True, text=True, cwd=ROOT)
    assert p.stdout.count("\n") == 1
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr


def test_help_has_examples():
    for cmd in ("extract", "eval", "index", "who", "grep", "speakers", "show", "stats", "export"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "Example" in r.output, cmd


@pytest.fixture
def indexed():
    r = run("index", EXAMPLES, "--silent")
    assert r.exit_code == 0, r.output


def test_index_summary_and_incremental(tmp_path):
    r = run("index", EXAMPLES)
    assert r.exit_code == 0 and "3 new, 0 changed, 0 unchanged" in r.stderr
    r = run("index", EXAMPLES)
    assert "0 new, 0 changed, 3 unchanged, 0 failed; 0 quotes added" in r.stderr


@pytest.mark.parametrize("name", ["Blinken", "blinkin", "antony blinken", "Secretary Blinken"])
def test_who_acceptance(indexed, name):
    r = run("who", name, "--json")
    recs = json.loads(r.stdout)
    assert r.exit_code == 0 and len(recs) == 15 and {x["speaker"] for x in recs} == {"Antony Blinken"}


def test_who_netanyahu_herzog_and_filters(indexed):
    r = run("who", "Netanyahu", "--jsonl")
    assert [json.loads(line)["text"] for line in r.stdout.splitlines()] == ["with or without a deal."]
    r = run("who", "Herzog")
    assert r.exit_code == 1 and r.stdout == ""
    r = run("who", "Blinken", "--grep", "rafah", "--jsonl")
    assert len(r.stdout.splitlines()) == 1 and "Rafah" in r.stdout
    r = run("who", "Blinken", "--limit", "2", "--jsonl")
    assert len(r.stdout.splitlines()) == 2


def test_who_several_close_matches_are_named(indexed):
    r = run("who", "Bennet", "--jsonl")
    assert "included:" in r.stderr and "Mrs. Bennet" in r.stderr and "Mr. Bennet" in r.stderr
    one = run("who", "Bennet", "--pick", "1", "--jsonl")
    assert len({json.loads(line)["speaker"] for line in one.stdout.splitlines()}) == 1


def test_grep_acceptance_and_safety(indexed):
    recs = json.loads(run("grep", "ceasefire", "--json").stdout)
    assert [(x["speaker"], "ceasefire" in x["text"]) for x in recs] == [("Antony Blinken", True)]
    for nasty in ['"', "AND", "(", "*", "NEAR(a b)", "-x", "a:b", "'"]:
        r = run("grep", "--", nasty)
        assert r.exit_code in (0, 1) and "Traceback" not in r.output, nasty
    r = run("grep", "-e", "(unclosed")
    assert r.exit_code == 2 and "bad regular expression" in r.stderr
    r = run("grep", "-e", "-i", r"\bRAFAH\b", "--speaker", "blinken", "--jsonl")
    assert r.exit_code == 0 and all(json.loads(line)["speaker"] == "Antony Blinken" for line in r.stdout.splitlines())


def test_speakers_show_stats_export(indexed):
    rows = json.loads(run("speakers", "--json").stdout)
    assert {"speaker": "Antony Blinken", "quotes": 15} in [{k: r[k] for k in ("speaker", "quotes")} for r in rows]
    assert json.loads(run("speakers", "--match", "okafor", "--json").stdout)[0]["speaker"] == "Margaret Okafor"
    rec = json.loads(run("grep", "ceasefire", "--json").stdout)[0]
    shown = run("show", rec["id"][:10])
    assert shown.exit_code == 0 and "Blinken said during a meeting" in shown.stdout
    assert run("show", "nosuchid").exit_code == 2
    s = json.loads(run("stats", "--json").stdout)
    assert s["documents"] == 3 and s["quotes"] == len(run("export").stdout.splitlines())
    csv_out = run("export", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("id,doc,start,end,text,speaker")


def test_queries_without_an_index(tmp_path):
    r = run("who", "Blinken", "--db", tmp_path / "none.db")
    assert r.exit_code == 2 and "no index here yet" in r.stderr


def test_db_path_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTECLI_DB", str(tmp_path / "x.db"))
    assert run("db", "path").stdout.strip() == str(tmp_path / "x.db")


def test_jobs_give_the_same_records_in_the_same_order(tmp_path):
    docs = tmp_path / "docs.jsonl"
    text = (EXAMPLES / "cnn-blinken-israel.txt").read_text(encoding="utf-8")
    with open(docs, "w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"doc_id": f"d{i}", "text": f"Item {i}.\n" + text[: 400 + 15 * i]}) + "\n")
    one = run("extract", docs, "--input-format", "jsonl", "--jsonl", "--jobs", "1").stdout
    two = run("extract", docs, "--input-format", "jsonl", "--jsonl", "--jobs", "2").stdout
    assert one == two and len(one.splitlines()) > 300


# -- cases from the CLI brief: records, formats, eval on a tiny gold file, hostile eval input ----
BLINKEN = "“We will win,” Blinken said."


def test_extract_blinken_record_offsets(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text(BLINKEN, encoding="utf-8")
    r = run("extract", f, "--jsonl")
    assert r.exit_code == 0 and r.stderr == ""
    (rec,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert (rec["speaker"], rec["text"], rec["start"], rec["end"], rec["cue"]) == ("Blinken", "We will win,", 1, 13, "said")
    assert BLINKEN[rec["start"]:rec["end"]] == rec["text"]
    assert set(rec) >= {"id", "doc", "start", "end", "text", "speaker", "mention", "cue", "rule", "confidence",
                        "mention_start", "mention_end"}


def test_csv_header_and_non_ascii_json(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("“Ça ira,” said José Martí.", encoding="utf-8")
    lines = run("extract", f, "--csv").stdout.splitlines()
    assert lines[0].startswith("id,doc,start,end,text,speaker,mention,cue,rule,confidence") and len(lines) == 2
    assert "José Martí" in run("extract", f, "--json").stdout  # not \u00e9 escapes


def test_output_flags_are_mutually_exclusive(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text(BLINKEN, encoding="utf-8")
    r = run("extract", f, "--json", "--csv")
    assert r.exit_code == 2 and "cannot be combined" in r.stderr and r.stdout == ""


def test_explain_table_columns(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text(BLINKEN, encoding="utf-8")
    header = run("extract", f, "--explain").stdout.splitlines()[0].split()
    assert header == ["doc", "speaker", "mention", "cue", "rule", "confidence", "text"]


def _tiny_gold(tmp_path) -> Path:
    g = tmp_path / "gold.jsonl"
    text = BLINKEN + "\n“Not yet,” said Ann Cole."
    g.write_text(json.dumps({"doc_id": "g1", "text": text, "quotes": [
        {"start": 1, "end": 13, "text": "We will win,", "speaker": "Antony Blinken", "speaker_aliases": []},
        {"start": 31, "end": 39, "text": "Not yet,", "speaker": "Ann Cole"},
    ]}, ensure_ascii=False) + "\n", encoding="utf-8")
    return g


def test_eval_tiny_gold_is_perfect(tmp_path):
    g = _tiny_gold(tmp_path)
    out = json.loads(run("eval", g, "--json").stdout)
    assert out["quote"]["f1"] == 1.0 and out["end_to_end"]["f1"] == 1.0 and out["speaker_accuracy"] == 1.0
    assert {r["rule"] for r in out["per_rule"]} and all(r["precision"] == 1.0 for r in out["per_rule"])
    table = run("eval", g).stdout
    assert f"{'quote span (IoU)':<26}     2    1.000    1.000    1.000" in table and "rule" in table


def test_eval_pred_file_errors_listing(tmp_path):
    g = _tiny_gold(tmp_path)
    pred = tmp_path / "pred.jsonl"  # one right, one wrong speaker, one false positive; the per-doc form
    pred.write_text(json.dumps({"doc_id": "g1", "quotes": [
        {"start": 1, "end": 13, "speaker": "Antony Blinken", "rule": "r1"},
        {"start": 31, "end": 39, "speaker": "Bo Park", "rule": "r1"},
        {"start": 20, "end": 24, "speaker": None, "rule": "r2"},
    ]}) + "\n", encoding="utf-8")
    out = json.loads(run("eval", g, "--pred", pred, "--json", "--errors").stdout)
    assert out["quote"]["tp"] == 2 and out["speaker_correct"] == 1 and out["n_pred"] == 3
    assert {r["rule"]: (r["predicted"], r["matched"], r["speaker_ok"]) for r in out["per_rule"]} == {
        "r1": (2, 2, 1), "r2": (1, 0, 0)}
    assert sum(out["error_kinds"].values()) == 2
    text = run("eval", g, "--pred", pred, "--errors").stdout
    assert "errors by kind:" in text and "'Bo Park'" in text and "Not yet" in text


@pytest.mark.parametrize("line,msg", [
    ('{"doc": "g1", "text": "x"}', "quote without 'start'"),
    ('{"doc": "g1", "start": "a", "end": 3}', "must be integers"),
    ("[1, 2]", "must be a JSON object"),
    ("{oops", "malformed JSON"),
])
def test_eval_bad_predictions_are_one_line(tmp_path, line, msg):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(line + "\n", encoding="utf-8")
    r = run("eval", _tiny_gold(tmp_path), "--pred", pred)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and f"{pred}:1:" in r.stderr and msg in r.stderr


def test_eval_missing_gold(tmp_path):
    r = run("eval", tmp_path / "none.jsonl")
    assert r.exit_code == 2 and "cannot read" in r.stderr and r.stderr.count("\n") == 1


def test_unexpected_failure_is_one_line(tmp_path, monkeypatch):
    import quotecli.output

    def boom(*a, **k):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(quotecli.output, "render", boom)
    f = tmp_path / "b.txt"
    f.write_text(BLINKEN, encoding="utf-8")
    r = run("extract", f)
    assert r.exit_code == 2 and r.stderr.startswith("quotecli: error: internal error: ZeroDivisionError")
    assert "Traceback" not in r.output


@pytest.mark.skipif(not (SHARED / "tools" / "score_quotes.py").exists(), reason="../shared not present")
def test_eval_table_is_the_referees_table(tmp_path):
    """Same lines and number formats as score_quotes.py's table on seed.gold.jsonl."""
    gold_path = SHARED / "gold" / "seed.gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run("extract", gold_path, "--input-format", "jsonl", "--jsonl").stdout, encoding="utf-8")
    ref = subprocess.run([sys.executable, SHARED / "tools" / "score_quotes.py", gold_path, pred],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    ours = run("eval", gold_path).stdout.splitlines()
    assert ours[:len(ref)] == ref
