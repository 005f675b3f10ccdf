"""Where the date figures come from: predictions diffed against TimeML gold.

    uv run python benchmarks/evaluate.py dates ../shared/eval/dev-timeml.jsonl
    uv run python benchmarks/diff_dates.py ../shared/eval/dev-timeml.jsonl \
        eval-out/dev-timeml.pred.jsonl [--show values,spurious,missed,links,lost]

Matches temporal expressions the way the shared scorer does (any overlap of
letters and digits, an exact boundary preferred) and prints, one line each:
value errors, the value accuracy of each date form (`core.dates.ORDER`: which
form read the predicted text), spurious and missed expressions, event-date
link precision by anchor, and a sample of wrong and lost links with a little context. The gold
texts are read at run time; nothing of them is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from newsclaims.core.dates import form_of


def _alnum(text: str, span: tuple[int, int]) -> frozenset[int]:
    s, e = span
    found = frozenset(i for i in range(s, min(e, len(text))) if text[i].isalnum())
    return found or frozenset(range(s, e))


def _ctx(text: str, span: tuple[int, int], width: int = 50) -> str:
    s, e = span
    left = text[max(0, s - width) : s]
    right = text[e : e + width]
    return re.sub(r"\s+", " ", f"{left}[[{text[s:e]}]]{right}")


def _pred_dates(recs: list[dict]) -> dict[tuple[int, int], dict]:
    out: dict[tuple[int, int], dict] = {}
    for rec in recs:
        for obj in [rec.get("date"), *(rec.get(k) for k in ("dates",))]:
            if isinstance(obj, dict) and isinstance(obj.get("span"), list):
                out.setdefault(tuple(obj["span"]), obj)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--show", default="values,forms,spurious,missed,links,lost")
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args(argv)
    show = set(args.show.split(","))

    preds: dict[str, list[dict]] = defaultdict(list)
    for line in args.pred.open(encoding="utf-8"):
        rec = json.loads(line)
        preds[str(rec.get("doc"))].append(rec)

    lines: dict[str, list[str]] = defaultdict(list)
    anchors: Counter[str] = Counter()
    anchors_ok: Counter[str] = Counter()
    lost_kinds: Counter[str] = Counter()
    form_seen: Counter[str] = Counter()
    form_right: Counter[str] = Counter()
    for line in args.gold.open(encoding="utf-8"):
        doc = json.loads(line)
        text, dct, recs = doc["text"], doc["dct"], preds[str(doc["id"])]
        pdates = list(_pred_dates(recs).items())
        used: set[int] = set()
        for g in doc["timexes"]:
            gs = tuple(g["span"])
            gp = _alnum(text, gs)
            best = None
            for i, (ps, _) in enumerate(pdates):
                if i not in used and gp & _alnum(text, ps):
                    best = i
                    if text[ps[0] : ps[1]].strip() == text[gs[0] : gs[1]].strip():
                        break
            if best is None:
                lines["missed"].append(f"{dct} {g['type']} {g['value']}: {_ctx(text, gs)}")
                continue
            used.add(best)
            ps, pd = pdates[best]
            name = form_of(text[ps[0] : ps[1]]) or "-"
            form_seen[name] += 1
            form_right[name] += str(pd.get("value")) == str(g["value"])
            if str(pd.get("value")) != str(g["value"]):
                lines["values"].append(
                    f"{dct} {g['type']} gold {g['value']!r} [{text[gs[0] : gs[1]]}] "
                    f"pred {pd.get('value')!r} [{text[ps[0] : ps[1]]}]: {_ctx(text, gs, 40)}"
                )
        for i, (ps, pd) in enumerate(pdates):
            if i not in used:
                lines["spurious"].append(f"{dct} {pd.get('value')}: {_ctx(text, ps)}")
        # links
        tx = {g["tid"]: tuple(g["span"]) for g in doc["timexes"]}
        ev = {e["eid"]: tuple(e["span"]) for e in doc["events"]}
        glinks = [
            (ev[tl["event"]], tx[tl["timex"]])
            for tl in doc["tlinks"]
            if tl["event"] in ev and tl["timex"] in tx
        ]
        plinks = [
            (tuple(r["trigger"]["span"]), tuple(r["date"]["span"]), r["date"].get("anchor", "?"))
            for r in recs
            if r.get("type") == "event"
            and r.get("date")
            and r.get("trigger")
            and r["date"].get("span")
        ]
        ok: set[int] = set()
        found_g: set[int] = set()
        for gi, (ge, gt) in enumerate(glinks):
            for i, (pe, pt, _) in enumerate(plinks):
                if i in ok:
                    continue
                if set(range(*ge)) & set(range(*pe)) and set(range(*gt)) & set(range(*pt)):
                    ok.add(i)
                    found_g.add(gi)
                    break
        for i, (pe, pt, anchor) in enumerate(plinks):
            anchors[anchor] += 1
            anchors_ok[anchor] += i in ok
            if i not in ok:
                lines["links"].append(
                    f"{anchor} {text[pe[0] : pe[1]]!r} <- {text[pt[0] : pt[1]]!r}: "
                    f"{_ctx(text, pe, 60)}"
                )
        triggers = {pe for pe, _, _ in plinks}
        dated = {pt for _, pt, _ in plinks}
        for gi, (ge, gt) in enumerate(glinks):
            if gi in found_g:
                continue
            has_ev = any(set(range(*ge)) & set(range(*pe)) for pe in triggers)
            has_tx = any(set(range(*gt)) & set(range(*pt)) for pt in dated)
            between = text[min(ge[0], gt[0]) : max(ge[1], gt[1])]
            cross = bool(re.search(r"[.!?][\"'”]?\s+[\"'“]?[A-Z]|\n", between))
            kind = f"event={'y' if has_ev else 'n'} timex={'y' if has_tx else 'n'} " + (
                "cross" if cross else "same"
            )
            lost_kinds[kind] += 1
            lines["lost"].append(
                f"{kind} {text[ge[0] : ge[1]]!r} <- {text[gt[0] : gt[1]]!r}: "
                f"{_ctx(text, (min(ge[0], gt[0]), max(ge[1], gt[1])), 40)}"
            )
    for name in ("values", "spurious", "missed", "links", "lost"):
        if name in show:
            print(f"== {name} ({len(lines[name])})")
            for entry in lines[name][: args.limit]:
                print(entry)
    if "forms" in show:
        print("== value accuracy by form (matched expressions)")
        for name, n in form_seen.most_common():
            print(f"{name}: {form_right[name]}/{n} = {form_right[name] / n:.3f}")
    print("== link precision by anchor")
    for anchor, n in anchors.most_common():
        print(f"{anchor}: {anchors_ok[anchor]}/{n} = {anchors_ok[anchor] / n:.3f}")
    print("== lost links by kind")
    for kind, n in lost_kinds.most_common():
        print(f"{kind}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
