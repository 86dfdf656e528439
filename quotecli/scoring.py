"""Quote P/R/F1, speaker accuracy and end-to-end F1, by the referee's rules.

These are the rules of ../shared/tools/score_quotes.py (a test checks that both give the same
figures): spans match one-to-one, greedily by IoU >= 0.5; a speaker is right when its
normalised form equals the gold name or an alias, or shares its last token; a record's
`mention` counts as well as its `speaker`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

TITLES = frozenset("""mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame rev reverend
fr father sister brother rabbi imam sheikh hon honorable honourable president pres vice prime minister pm
secretary sec senator sen representative rep congressman congresswoman governor gov mayor chancellor
ambassador chairman chairwoman chair ceo judge justice attorney general gen king queen prince princess pope
speaker leader spokesman spokeswoman spokesperson commissioner director chief officer inspector detective det
col colonel lt lieutenant capt captain maj major sgt sergeant cpl corporal adm admiral cmdr commander pvt
private the a an of state us uk""".split())
SUFFIXES = frozenset("jr sr ii iii iv v phd md esq mp qc kc".split())
_APOS_DOT = re.compile(r"['’‘`.]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CUT = re.compile(r"\s+(?:of|from|at|who|with)\s+")


def normalize_name(name: str | None) -> list[str]:
    if not name:
        return []
    s = unicodedata.normalize("NFKC", str(name)).lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _NON_ALNUM.sub(" ", _APOS_DOT.sub("", s))
    toks = s.split()
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    return toks


def gold_variants(names: list) -> list[str]:
    out: list[str] = []
    for n in names:
        if not n:
            continue
        head = str(n).split(",")[0]
        for v in (str(n), head, _CUT.split(head)[0]):
            if v.strip() and v not in out:
                out.append(v)
    return out


def speaker_ok(pred: str | None, gold: str | None, aliases: list | None = None) -> bool:
    p = normalize_name(pred)
    if not p:
        return False
    for raw in gold_variants([gold, *(aliases or [])]):
        g = normalize_name(raw)
        if g and (p == g or p[-1] == g[-1]):
            return True
    return False


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    if union <= 0:
        return 1.0 if a == b else 0.0
    return inter / union


def _candidates(pred: list[dict], gold: list[dict], threshold: float, exact: bool):
    """(-IoU, -overlap, gold index, pred index) for every pair that may match.

    Spans are swept in start order, so long documents cost O(n log n) rather than n x m.
    """
    ps = [(int(p["start"]), int(p["end"])) for p in pred]
    if exact:
        where: dict[tuple[int, int], list[int]] = {}
        for pi, sp in enumerate(ps):
            where.setdefault(sp, []).append(pi)
        for gi, g in enumerate(gold):
            gs = (int(g["start"]), int(g["end"]))
            for pi in where.get(gs, ()):
                yield (-1.0, -max(0, gs[1] - gs[0]), gi, pi)
        return
    order = sorted(range(len(ps)), key=lambda i: ps[i][0])
    starts = [ps[i][0] for i in order]
    reach = []  # running maximum of end offsets in start order
    m = -1
    for i in order:
        m = max(m, ps[i][1])
        reach.append(m)
    for gi, g in enumerate(gold):
        gs = (int(g["start"]), int(g["end"]))
        k = bisect.bisect_right(starts, gs[1]) - 1
        while k >= 0 and reach[k] >= gs[0]:
            pi = order[k]
            v = _iou(ps[pi], gs)
            if v >= threshold:
                overlap = max(0, min(ps[pi][1], gs[1]) - max(ps[pi][0], gs[0]))
                yield (-v, -overlap, gi, pi)
            k -= 1


def match_quotes(pred: list[dict], gold: list[dict], threshold: float = 0.5, exact: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by decreasing IoU: (pred index, gold index) pairs."""
    cands = sorted(_candidates(pred, gold, threshold, exact))
    used_p, used_g, pairs = set(), set(), []
    for _v, _o, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((pi, gi))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if (p + r) else 0.0
    return {"tp": tp, "precision": p, "recall": r, "f1": f}


@dataclass
class DocResult:
    """One document's matching, kept so that eval can explain its errors."""

    doc_id: str
    gold: list[dict]
    pred: list[dict]
    pairs: list[tuple[int, int]]
    exact: int
    speaker_ok: list[bool] = field(default_factory=list)


def score_doc(doc_id: str, gold: list[dict], pred: list[dict], threshold: float = 0.5) -> DocResult:
    pairs = match_quotes(pred, gold, threshold)
    exact = len(match_quotes(pred, gold, exact=True))
    ok = [speaker_ok(pred[pi].get("speaker"), gold[gi].get("speaker"), gold[gi].get("speaker_aliases"))
          or speaker_ok(pred[pi].get("mention"), gold[gi].get("speaker"), gold[gi].get("speaker_aliases"))
          for pi, gi in pairs]
    return DocResult(doc_id, gold, pred, pairs, exact, ok)


def summarize(results: list[DocResult], threshold: float = 0.5) -> dict:
    n_gold = sum(len(r.gold) for r in results)
    n_pred = sum(len(r.pred) for r in results)
    tp = sum(len(r.pairs) for r in results)
    tp_exact = sum(r.exact for r in results)
    spk = sum(sum(r.speaker_ok) for r in results)
    return {
        "iou_threshold": threshold,
        "n_docs": len(results),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "quote": prf(tp, n_pred, n_gold),
        "quote_exact": prf(tp_exact, n_pred, n_gold),
        "speaker_accuracy": spk / tp if tp else 0.0,
        "speaker_correct": spk,
        "matched": tp,
        "end_to_end": prf(spk, n_pred, n_gold),
    }
