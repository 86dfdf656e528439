"""`quotecli eval`: the referee's figures on a gold file, per-rule counts and an error list.

The figures come from quotecli.scoring, which follows ../shared/tools/score_quotes.py rule
for rule (a test checks both agree). Errors are grouped by kind so that work goes to the
largest group first.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .scoring import DocResult, _iou, normalize_name, score_doc, summarize

PRONOUNS = frozenset("he she they it i we you who him her them".split())


@dataclass
class ErrorCase:
    kind: str
    doc: str
    start: int
    end: int
    text: str
    rule: str | None
    predicted: str | None
    gold: str | None
    context: str

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class Report:
    summary: dict
    per_rule: list[dict]
    errors: list[ErrorCase] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # coverage notes, as the referee prints them

    def kinds(self) -> Counter:
        return Counter(e.kind for e in self.errors)


class GoldError(Exception):
    """The gold or prediction file cannot be read; the message names file and line."""


def _read_jsonl(path: str | Path) -> list[tuple[int, object]]:
    """(line number, parsed value) for every non-blank line; GoldError names file:line."""
    out = []
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    out.append((lineno, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{lineno}: malformed JSON ({exc.msg})") from None
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not valid UTF-8") from None
    return out


def _quote(q: object, where: str) -> dict:
    """A quote entry with int offsets, or GoldError: bad entries would otherwise surface as
    tracebacks deep inside the matcher."""
    if not isinstance(q, dict):
        raise GoldError(f"{where}: a quote must be a JSON object, not {type(q).__name__}")
    try:
        start, end = int(q["start"]), int(q["end"])
    except KeyError as exc:
        raise GoldError(f"{where}: quote without {exc.args[0]!r}") from None
    except (TypeError, ValueError):
        raise GoldError(f"{where}: quote offsets must be integers, got {q.get('start')!r}, {q.get('end')!r}") from None
    return dict(q, start=start, end=end)


def _gold_records(path: str | Path) -> list[dict]:
    gold = []
    for lineno, g in _read_jsonl(path):
        where = f"{path}:{lineno}"
        if not isinstance(g, dict) or "doc_id" not in g or not isinstance(g.get("quotes", []), list):
            raise GoldError(f"{where}: not a gold record (needs doc_id and quotes)")
        gold.append(dict(g, quotes=[_quote(q, where) for q in g.get("quotes") or []]))
    return gold


def _group_predictions(path: str | Path) -> dict[str, list[dict]]:
    """Predictions by document: one record a quote (`doc`) or one a document (`doc_id` + `quotes`),
    as the referee accepts them."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for lineno, r in _read_jsonl(path):
        where = f"{path}:{lineno}"
        if not isinstance(r, dict):
            raise GoldError(f"{where}: a prediction must be a JSON object")
        if "quotes" in r:
            if not isinstance(r["quotes"], list):
                raise GoldError(f"{where}: 'quotes' must be a list")
            by_doc[str(r.get("doc_id"))].extend(_quote(q, where) for q in r["quotes"])
        else:
            by_doc[str(r.get("doc", r.get("doc_id")))].append(_quote(r, where))
    return by_doc


def _context(text: str | None, start: int, end: int, width: int = 100) -> str:
    if not text:
        return ""
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " ¶ ")


def evaluate(gold_path: str | Path, pred_path: str | Path | None = None, *, ptb_quotes: bool = False) -> Report:
    """Score predictions (or quotecli's own extraction) against a gold JSONL file."""
    from .extract import extract

    gold = _gold_records(gold_path)
    preds = _group_predictions(pred_path) if pred_path else None
    warnings: list[str] = []
    results: list[DocResult] = []
    errors: list[ErrorCase] = []
    rule_counts: dict[str, Counter] = defaultdict(Counter)
    for g in gold:
        did = str(g["doc_id"])
        text = g.get("text")
        if preds is not None:
            if did not in preds:
                warnings.append(f"gold doc {did!r} missing from predictions (all its quotes count as missed)")
            pq = preds.get(did, [])
        elif isinstance(text, str):
            pq = [q.to_dict() for q in extract(text, did, ptb_quotes=ptb_quotes)]
        else:
            raise GoldError(f"{gold_path}: document {did!r} has no text to extract from")
        gq = list(g.get("quotes") or [])
        r = score_doc(did, gq, pq)
        results.append(r)
        matched_p = {pi for pi, _ in r.pairs}
        matched_g = {gi for _, gi in r.pairs}
        for pi, q in enumerate(pq):
            c = rule_counts[q.get("rule") or "?"]
            c["predicted"] += 1
        for (pi, gi), ok in zip(r.pairs, r.speaker_ok):
            c = rule_counts[pq[pi].get("rule") or "?"]
            c["matched"] += 1
            c["speaker_ok"] += ok
            if not ok:
                errors.append(_speaker_error(did, text, pq[pi], gq[gi]))
        for gi, gq_ in enumerate(gq):
            if gi not in matched_g:
                errors.append(ErrorCase("span missed", did, int(gq_["start"]), int(gq_["end"]), gq_.get("text", ""),
                                        None, None, gq_.get("speaker"), _context(text, int(gq_["start"]), int(gq_["end"]))))
        for pi, p in enumerate(pq):
            if pi in matched_p:
                continue
            ps = (int(p["start"]), int(p["end"]))
            near = any(_iou(ps, (int(x["start"]), int(x["end"]))) > 0 for x in gq)
            kind = "span boundary" if near else "not a quote in gold"
            errors.append(ErrorCase(kind, did, ps[0], ps[1], p.get("text", ""), p.get("rule"), p.get("speaker"), None,
                                    _context(text, *ps)))
    per_rule = []
    for rule, c in sorted(rule_counts.items(), key=lambda kv: -kv[1]["predicted"]):
        per_rule.append({
            "rule": rule, "predicted": c["predicted"], "matched": c["matched"], "speaker_ok": c["speaker_ok"],
            "precision": c["matched"] / c["predicted"] if c["predicted"] else 0.0,
            "speaker_accuracy": c["speaker_ok"] / c["matched"] if c["matched"] else 0.0,
        })
    if preds is not None:
        extra = sorted(set(preds) - {str(g["doc_id"]) for g in gold})
        if extra:
            warnings.append(f"{len(extra)} pred doc(s) not in gold were ignored, e.g. {extra[:3]!r}")
    return Report(summarize(results), per_rule, errors, warnings)


def _speaker_error(did: str, text: str | None, p: dict, g: dict) -> ErrorCase:
    spk, mention = p.get("speaker"), p.get("mention")
    if spk is None and (mention or "").lower() in PRONOUNS:
        kind = "pronoun unresolved"
    elif spk is None:
        kind = "no speaker"
    elif (mention or "").lower() in PRONOUNS:
        kind = "pronoun to wrong person"
    elif normalize_name(spk) and normalize_name(g.get("speaker")) and \
            normalize_name(g.get("speaker"))[-1] in normalize_name(spk):
        kind = "title or extra words kept"
    else:
        kind = "wrong person"
    return ErrorCase(kind, did, int(p["start"]), int(p["end"]), p.get("text", ""), p.get("rule"),
                     f"{spk} ({mention})" if mention and mention != spk else spk, g.get("speaker"),
                     _context(text, int(p["start"]), int(p["end"])))


def format_summary(res: dict) -> str:
    """The referee's table, line for line."""
    lines = [f"docs={res['n_docs']}  gold quotes={res['n_gold']}  predicted quotes={res['n_pred']}  "
             f"IoU>={res['iou_threshold']}",
             f"{'metric':<26}{'TP':>6}{'P':>9}{'R':>9}{'F1':>9}", "-" * 59]
    for name, key in (("quote span (IoU)", "quote"), ("quote span (exact)", "quote_exact"),
                      ("end-to-end (span+speaker)", "end_to_end")):
        m = res[key]
        lines.append(f"{name:<26}{m['tp']:>6}{m['precision']:>9.3f}{m['recall']:>9.3f}{m['f1']:>9.3f}")
    lines.append("-" * 59)
    lines.append(f"speaker accuracy on matched quotes: {res['speaker_accuracy']:.3f} "
                 f"({res['speaker_correct']}/{res['matched']})")
    return "\n".join(lines)


def format_rules(per_rule: list[dict]) -> str:
    lines = [f"{'rule':<22}{'predicted':>10}{'matched':>9}{'precision':>11}{'speaker ok':>12}"]
    for r in per_rule:
        lines.append(f"{r['rule']:<22}{r['predicted']:>10}{r['matched']:>9}{r['precision']:>11.3f}"
                     f"{r['speaker_accuracy']:>12.3f}")
    return "\n".join(lines)


def format_errors(report: Report, per_kind: int = 10) -> str:
    lines = ["errors by kind:"]
    kinds = report.kinds()
    for kind, n in kinds.most_common():
        by_rule = Counter(e.rule or "-" for e in report.errors if e.kind == kind)
        lines.append(f"  {kind:<28}{n:>6}   " + ", ".join(f"{r} {c}" for r, c in by_rule.most_common(4)))
    for kind, _n in kinds.most_common():
        lines.append("")
        lines.append(f"== {kind} ==")
        for e in [e for e in report.errors if e.kind == kind][:per_kind]:
            who = f"pred {e.predicted!r} gold {e.gold!r}" if e.predicted or e.gold else ""
            lines.append(f"- {e.doc} [{e.start}:{e.end}] {e.rule or ''} {who}")
            lines.append(f"    {e.context}")
    return "\n".join(lines)
