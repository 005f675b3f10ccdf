"""Finding temporal expressions in a parsed document and normalizing them.

Candidates come from spaCy's DATE and TIME entities and from trigger words
its NER leaves out (month and weekday names, "now", "recent", "quarter",
"ago": see the `lone` kind in ``core/data/time_words.tsv``). What
`dates.normalize` accepts is a temporal expression; what it rejects is not
("5+5", ages, "24/7"). An entity that does not normalize as a whole may hold
several expressions ("between 1982 and 1992", "the quarter ended Sept. 30"),
so its longest normalizable pieces are kept. Touching pieces that normalize
together are merged ("Wednesday" + "night").

Each expression is normalized with a direction read from the tense of the
verb that governs it and with the `Focus` of what the text dated before it,
in text order, so "the same day" and "the year-ago quarter" can point back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from .dates import Direction, Focus, Normalized, form_of, holidays, normalize
from .not_dates import not_a_date
from .range_forms import Found, ranges
from .syntax import FUTURE_AUX
from .timewords import words

MODAL_AUX = frozenset({"may", "might", "could", "should", "must", "can"})
MAX_PIECE = 8  # tokens: no temporal expression in the training gold is longer
WINDOW = 4  # tokens on each side of a trigger word tried as its expression


@dataclass(frozen=True, slots=True)
class Timex:
    start: int  # character offsets in the spaCy Doc's text
    end: int
    text: str
    norm: Normalized
    root: int  # token index of the expression's syntactic head


def _governing_verb(token: Token) -> Token | None:
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _pluperfect(token: Token) -> bool:
    """Whether the verb governing ``token`` (or the verb it completes) is in the past
    perfect: what "had" happened by a day is behind the report, whatever the words
    before the day ("had filed reports by Wednesday", "had been due to expire Friday")."""
    verb = _governing_verb(token)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.lower_ in ("had", "'d") and c.dep_ in ("aux", "auxpass") for c in verb.children):
            return not any(c.lower_ in FUTURE_AUX - {"'d"} for c in verb.children)
        # "had been due to expire Friday": expire -xcomp-> due -acomp-> been (had)
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp") else None
    return False


def _past_purpose(verb: Token) -> bool:
    """A weekday under an infinitive that hangs on a past-tense verb or a noun is
    when it was done ("gathered to mark the day Friday", "the first countries to join
    Friday"); under a verb of planning it looks ahead. In the training gold, weekdays
    under such an infinitive were past or the same day 8 times of 8 (months, though,
    are ahead: "to be published in November")."""
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i or head.lower_ in words("schedule"):
        return False
    return head.tag_ in ("VBD", "NN", "NNS")


def direction(token: Token) -> Direction:
    """Past or future, from the tense of the verb governing ``token``."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    if verb.lower_ in words("schedule"):
        return "future"  # "planned a march on Saturday", "is scheduled for Tuesday"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if lowers & MODAL_AUX and not lowers & {"have", "'ve"}:
        return "future"  # "might come as soon as Tuesday"; "could have come" is past
    if "to" in lowers or any(a.lower_ == "going" for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or lowers & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if verb.tag_ == "VBN" and (verb.dep_ in ("amod", "acl") or not auxes):
        return "past"  # a participle with no auxiliary is a past form (or mis-tagged VBD)
    if verb.tag_ in ("VBZ", "VBP", "VBG") or lowers & {"is", "are", "am"}:
        return "present"
    return None


def _forward(doc: Doc, start: int, end: int) -> bool:
    """Whether the words just before an expression point ahead, whatever the tense.

    A deadline or a payment date is ahead of the report that sets it:
    "postponed until Tuesday", "payable Dec. 15", "as soon as Monday",
    "ready by Friday", "ahead of voting Tuesday" (the `forward` kind in
    ``core/data/time_words.tsv``; "*" stands for any one word, and a word
    whose value is ``day`` points ahead only before a day: "extended
    through Sunday night", but "this year through Oct. 19").
    """
    lo = max(doc[start].sent.start, start - 3)
    before = [t.lower_ for t in doc[lo:start]]
    head = " ".join(t.lower_ for t in doc[start : start + 3])
    is_day = any(t.lower_.rstrip(".") in words("weekday") for t in doc[start:end])
    for phrase, scope in words("forward").items():
        if scope == "day" and not is_day:
            continue
        if head.startswith(phrase + " "):
            return True
        for ending in (before, before[:-1]) if phrase.endswith(" *") else (before,):
            text = " ".join(ending)
            want = phrase.removesuffix(" *")
            if text == want or text.endswith(" " + want):
                return True
    return False


def _backward(doc: Doc, start: int) -> bool:
    """Whether the word just before an expression points back, whatever the tense.

    What has gone on "since Jan. 13" began before the report, even under a
    verb that looks ahead ("had been allowed to carry out inspections since
    Jan. 13"): the `backward` kind in ``core/data/time_words.tsv``.
    """
    return start > 0 and doc[start - 1].lower_ in words("backward")


def _decade(tok: Token) -> bool:
    """A year ending in 0 followed by 's: "the 1990's" (the decade, when it normalizes)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        re.fullmatch(r"1\d\d0|20\d0", tok.text) is not None
        and nxt is not None
        and (nxt.text in ("'s", "’s") and (tok.i + 2 >= len(tok.doc) or tok.nbor(2).pos_ != "NOUN"))
    )


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without edge punctuation, spaces and possessive 's."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
    ):
        if doc[end - 1].tag_ == "POS" and end - 1 > start and _decade(doc[end - 2]):
            break  # "the 1990's": the decade's 's
        end -= 1
    return start, end


@cache
def _trigger_words() -> frozenset[str]:
    """Words that can start a search for an expression spaCy's NER missed."""
    kinds = ("month", "weekday", "season")
    found = {w for k in kinds for w in words(k) if len(w) > 3}
    return frozenset(
        found
        | {
            "quarter",
            "quarters",
            "period",
            "ago",
            "every",
            "each",
            "today",
            "yesterday",
            "tomorrow",
            "twice",
            "thrice",
            "fortnight",
            "fortnights",
            "noon",
            "midnight",
        }
    )


@cache
def _holiday_words() -> frozenset[str]:
    """Words a holiday's name can start with ("Thanksgiving", "Memorial"), besides "the"."""
    return frozenset(
        n.split()[0].removesuffix("'s").rstrip("'.") for n in holidays() if not n.startswith("the ")
    )


def _holiday_word(tok: Token) -> bool:
    return tok.text[0].isupper() and tok.lower_.rstrip(".").rstrip("'") in _holiday_words()


NUMERIC_DATE_TOKEN = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T[\d:.]+Z?)?|\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})"
    r"|\d{1,2}/\d{4}"
)


def _is_trigger(tok: Token) -> bool:
    if tok.text[:1].isdigit():
        return NUMERIC_DATE_TOKEN.fullmatch(tok.text) is not None or _clock_or_day(tok)
    low = tok.lower_.rstrip(".")
    if low == "term":  # "in the near term", "for the short term"; not "short-term debt"
        doc = tok.doc
        return (
            tok.i >= 2
            and f"{doc[tok.i - 1].lower_} term" in words("ref")
            and doc[tok.i - 2].lower_ == "the"
            and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN"))
        )
    if _counts_times(tok) or _abbreviated_day(tok) or re.fullmatch(r"fy\d{4}", low):
        return True  # "once a month", "three times a day", "half past two", "FY2022"
    if low in words("lone"):
        return tok.pos_ in words("lone")[low].split()
    if _holiday_word(tok):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if low in words("month") and tok.text[0].isupper() and nxt is not None and nxt.is_digit:
        return True  # "Sep 03 2014": an abbreviation before its day
    if _counted_unit(tok):
        return True  # "for at least 20 more years", which spaCy calls a number
    if low not in _trigger_words():
        return False
    if low in ("noon", "midnight"):
        return tok.text.islower()  # "High Noon" is a film
    if low in words("weekday") and low.endswith("day"):
        return True  # "this coming thursday night": a full weekday name, in any case
    if low in words("month") or low in words("weekday"):
        return tok.text[0].isupper() and tok.pos_ == "PROPN"
    return True


def _counted_unit(tok: Token) -> bool:
    """A plural unit right after a count and "more" ("20 more years", "two more weeks"):
    spaCy often leaves such a stretch to a number entity."""
    doc = tok.doc
    if tok.lower_ not in words("unit") or not tok.lower_.endswith("s") or tok.i < 2:
        return False
    return doc[tok.i - 1].lower_ in ("more", "additional", "further") and doc[tok.i - 2].like_num


YEAR_TOKEN = re.compile(r"1\d{3}|20\d\d")  # a year on its own: "from 1990 [to 1995]"


def _clock_or_day(tok: Token) -> bool:
    """ "0630 GMT", "2300 hrs": a 24-hour clock before its zone or unit; "on the 3rd": a
    day of the month after "on the" (not "the 3rd floor"); "5 Nov 2019": a day before
    a month's abbreviation."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", tok.text) and (
        nxt is not None and (nxt.lower_ in ("hrs", "hours", "h") or nxt.lower_ in words("zone"))
    ):
        return True  # not "2000" in "from 1995 to 2000", a year
    if YEAR_TOKEN.fullmatch(tok.text) and tok.i >= 2:  # "from 1990 [to 1995]"
        return doc[tok.i - 1].lower_ in ("to", "through", "until", "till", "and") and bool(
            YEAR_TOKEN.fullmatch(doc[tok.i - 2].text)
        )
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", tok.lower_):
        before = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]]
        return before == ["on", "the"] and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN"))
    if re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?[ap]\.?m\.?", tok.lower_):
        return True  # "3:15pm", "9.30am": one token that spaCy calls a number
    if nxt is None:
        return False
    if re.fullmatch(r"(?:[01]?\d|2[0-3]):[0-5]\d", tok.text):
        return nxt.lower_ in words("zone")  # "23:59 GMT"
    prev = doc[tok.i - 1].lower_ if tok.i else ""
    if re.fullmatch(r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])", tok.text):
        hour = doc[tok.i + 2] if nxt.lower_ == "at" and tok.i + 2 < len(doc) else None
        at_hour = hour is not None and (hour.text[:1].isdigit() or hour.lower_ == "noon")
        return (
            prev in ("on", "since", "until", "through", "by") or at_hour
        )  # "on 7/17", "7/17 at 3"
    if nxt.lower_ in ("mins", "hrs", "secs", "yrs") and tok.text.isdigit():
        return True  # "45 mins": an abbreviated unit spaCy does not see as a time
    if nxt.text == "-" and tok.i + 2 < len(doc):  # "05-Nov-21": spaCy splits it
        return doc[tok.i + 2].lower_[:3] in words("month") and tok.text.isdigit()
    return nxt.lower_.rstrip(".") in words("month") and tok.text.isdigit()


WEEKDAY_ABBREVIATIONS = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"}
)


def _abbreviated_day(tok: Token) -> bool:
    """ "on Sat.", "at 7:30 PM on Fri, Nov 19": a weekday's abbreviation after "on" (not
    "Sun", a newspaper, nor "sat", a verb)."""
    low = tok.lower_.rstrip(".")
    return (
        low in WEEKDAY_ABBREVIATIONS
        and tok.text[0].isupper()
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "on"
    )


def _counts_times(tok: Token) -> bool:
    """ "once a month", "three times a day", "half past two": repetitions and clock times
    that spaCy's NER leaves out, told by the word after the trigger."""
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if tok.lower_ in ("once", "times"):  # "once [a month]", not "once" alone
        after = doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else ""
        per = nxt in ("a", "an", "per") and after in words("unit")
        per = per or nxt in ("every", "each")
        return per or nxt in words("set")
    if tok.lower_ in ("ten", "twenty", "twenty-five") and nxt in ("to", "past"):
        # "twenty to three"
        return tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in words("number")
    return tok.lower_ == "half" and nxt == "past"


def _accepted(
    doc: Doc, start: int, end: int, ref: dt.date | None
) -> tuple[int, int, Normalized] | None:
    """The trimmed bounds of a token range and their value, if it is a date in context."""
    start, end = _trim(doc, start, end)
    if start >= end:
        return None
    span = doc[start:end]
    norm = normalize(span.text, ref)
    if norm is None or not_a_date(span, norm):
        return None
    return start, end, norm


def _accept(doc: Doc, start: int, end: int, ref: dt.date | None) -> bool:
    return _accepted(doc, start, end, ref) is not None


def _pieces(doc: Doc, start: int, end: int, ref: dt.date | None) -> list[tuple[int, int]]:
    """The longest normalizable, non-overlapping pieces of a token range, left to right."""
    start, end = _trim(doc, start, end)
    if start >= end:
        return []
    if end - start <= MAX_PIECE and _accept(doc, start, end, ref):
        return [(start, end)]
    for length in range(min(end - start - 1, MAX_PIECE), 0, -1):
        for s in range(start, end - length + 1):
            if _accept(doc, s, s + length, ref):
                left = _pieces(doc, start, s, ref)
                return [*left, (s, s + length), *_pieces(doc, s + length, end, ref)]
    return []


def _around(
    doc: Doc, i: int, ref: dt.date | None, limit: int | None = None
) -> tuple[int, int] | None:
    """The longest expression containing trigger token ``i``, within its sentence (and
    before token ``limit``)."""
    sent = doc[i].sent
    lo = max(sent.start, i - WINDOW)
    hi = min(sent.end, i + WINDOW + 1, limit if limit is not None else sent.end)
    for k in range(i - 1, lo - 1, -1):  # stop at punctuation other than hyphens and 's
        if doc[k].is_punct and doc[k].text not in ("-", "'s", "’s"):
            lo = k + 1
            break
    for k in range(i + 1, hi):
        if doc[k].is_punct and doc[k].text not in ("-", "."):
            hi = k
            break
    best: tuple[int, int] | None = None
    for s in range(lo, i + 1):
        for e in range(hi, i, -1):
            if best is not None and e - s <= best[1] - best[0]:
                break
            if _accept(doc, s, e, ref):
                best = (s, e)
                break
    if best is not None and best[1] - best[0] == 1 and doc[i].lower_ in words("unit"):
        return None  # a unit word alone ("day") is a date only with spaCy's say-so
    while best is not None and best[0] < i and doc[best[0]].pos_ == "ADP":
        if not _accept(doc, best[0] + 1, best[1], ref):
            break
        best = (best[0] + 1, best[1])  # "on Thanksgiving Day": the preposition is not in it
    return best


def _merge(doc: Doc, spans: list[tuple[int, int]], ref: dt.date | None) -> list[tuple[int, int]]:
    """Join neighbours (touching, or across one comma or "at") that normalize together:
    "Friday" + "night", "Tuesday" + "at" + "9 a.m."."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out:
            ps, pe = out[-1]
            gap = doc[pe:s]
            joins = len(gap) == 0 or (
                len(gap) == 1 and gap[0].lower_ in (",", "at", "on", "of", "in", "and")
            )  # "19 years [and] 6 months", "the last Sunday [in] October"
            if joins and _accept(doc, ps, e, ref):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _entity_tail(doc: Doc, ent: Span, ref: dt.date | None) -> list[tuple[int, int]]:
    """An entity that is no date alone but is with up to three words after it: "[around 4]
    in the afternoon"."""
    hi = min(ent.sent.end, ent.end + TAIL)
    for e in range(hi, ent.end, -1):
        if _accept(doc, ent.start, e, ref):
            return [_trim(doc, ent.start, e)]
    return []


def _candidates(doc: Doc, ref: dt.date | None) -> list[tuple[int, int]]:
    taken: set[int] = set()
    spans: list[tuple[int, int]] = []
    units = words("unit")
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") and not (
            ent.label_ == "QUANTITY" and ent[-1].lower_ in units  # "about 5 1/2 hours"
        ):
            continue
        pieces = _pieces(doc, ent.start, ent.end, ref) or _entity_tail(doc, ent, ref)
        for s, e in pieces:
            spans.append((s, e))
            taken.update(range(s, e))
    for tok in doc:
        if tok.i in taken or not _is_trigger(tok):
            continue
        found = _around(doc, tok.i, ref)
        if found is None:
            continue
        found = _trim(doc, *found)  # "Aug 10 [-] Nov 12": the dash is free for the next
        if taken.intersection(range(*found)):
            # an expression around entities' pieces: "[Good] Friday 2022", "[every other]
            # Monday", "a year ago [today]", "7:30 PM [on Fri]"
            inside = [(s, e) for s, e in spans if s < found[1] and e > found[0]]
            if any(s < found[0] or e > found[1] for s, e in inside):
                # "03:14 UTC [on 1 January 2021]": what is before the piece, if anything
                after = [s for s, _ in inside if s > tok.i]
                found = _around(doc, tok.i, ref, min(after)) if after else None
                if found is None or taken.intersection(range(*(found := _trim(doc, *found)))):
                    continue
                inside = []
            spans = [sp for sp in spans if sp not in inside]
        spans.append(found)
        taken.update(range(*found))
    out: list[tuple[int, int]] = []
    for s, e in _merge(doc, spans, ref):
        if out and s < out[-1][1]:
            continue  # taken in by the tail of the expression before
        s, e = _with_part_of_day(doc, s, e, ref)
        e = _with_tail(doc, s, e, ref)
        if e < len(doc) and _decade(doc[e - 1]) and _accept(doc, s, e + 1, ref):
            e += 1  # "the 1990['s]"
        out.append((_with_determiner(doc, s, e, ref), e))
    return _merge(doc, out, ref)  # "Thursday, [4] November 2021" once the day is taken in


TAIL = 3  # tokens after an expression that may complete it ("from now", "after next")
# The forms a tail may complete (not "year-ago [results]", "Thursday [from August 6]").
TAIL_FORMS = frozenset(
    {
        "ago",
        "from_day",
        "beyond",
        "weekday_after_next",
        "weekday_week_on",
        "clock",
        "day_at_hour",
        "weekday_plural",
        "iso_week",
        "timestamp",
        "times_per",
        "units_per",
        "set",
    }
)


PART_TAIL = re.compile(r"in the (?:morning|afternoon|evening)|at night")


def _with_tail(doc: Doc, start: int, end: int, ref: dt.date | None) -> int:
    """Take in up to three words after an expression that complete it and that spaCy
    left out: "three days [from now]", "a week [from Friday]", "2300 [hrs]", "tonight
    [at 8]", "Tuesday [evenings]"; the longest reach that still normalizes and changes
    the value."""
    base: Normalized | None = None
    base_known = False  # the expression's own value, worked out once a reach needs it
    hi = min(doc[start].sent.end, end + TAIL)
    for e in range(hi, end, -1):
        if any(t.is_punct and t.text not in ("-", ".", ":") for t in doc[end:e]):
            continue
        if doc[e - 1].lower_ in ("before", "after", "earlier", "later"):
            continue  # "10 days [before]": TimeML leaves the word out
        if e < len(doc) and doc[e].lower_ in ("percent", "%", "per", "points", "cents"):
            continue  # "lend overnight [at 3] percent": a number, not an hour
        if form_of(doc[start:e].text) not in TAIL_FORMS:
            continue
        accepted = _accepted(doc, start, e, ref)
        if accepted is None:
            continue
        lo, up, norm = accepted  # the trimmed reach; its value is the reach's when untrimmed
        longer = norm if (lo, up) == (start, e) else normalize(doc[start:e].text, ref)
        if not base_known:
            base, base_known = normalize(doc[start:end].text, ref), True
        said = PART_TAIL.fullmatch(doc[end:e].text.lower()) is not None  # "5:45 in the morning"
        if base is None or (longer is not None and (longer.value != base.value or said)):
            return e
    return end


ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
# Words before an expression that make one with it and that spaCy leaves out.
LEAD_PHRASES = frozenset(
    {"day after", "day before", "this time"}
    | {f"{the}{part} of" for the in ("", "the ") for part in ("night", "morning", "evening")}
    | {f"the {part} of" for part in ("afternoon", "eve")}
)


def _with_determiner(doc: Doc, start: int, end: int, ref: dt.date | None) -> int:
    """Take in the words before an expression that spaCy left out and that
    belong to it ("this year's", "the current fiscal year", "January this year"):
    the longest reach of up to three such words that still normalizes."""
    best = start
    lo = max(doc[start].sent.start, start - 3)
    for k in (start - 3, start - 2):  # "[day after] tomorrow", "[the night of] June 3"
        phrase = " ".join(t.lower_ for t in doc[k:start]) if k >= lo else ""
        if phrase in LEAD_PHRASES and _accept(doc, k, end, ref):
            return k
    for k in range(start - 1, lo - 1, -1):
        tok = doc[k]
        low = tok.lower_.rstrip(".")
        leads = low in words("lead") or low in words("month") or ORDINAL_DAY.fullmatch(low)
        if not leads:  # an ordinal day leads a month: "[4th] April 1949"
            break
        if _accept(doc, k, end, ref):
            best = k
    return best


def _with_part_of_day(doc: Doc, start: int, end: int, ref: dt.date | None) -> tuple[int, int]:
    """Take in a part of the day that spaCy left beside a day: "Friday evening",
    "mid-afternoon yesterday" (TimeML marks the whole as one TIME)."""
    parts = words("partofday")
    if end < len(doc) and doc[end].lower_ in parts and _accept(doc, start, end + 1, ref):
        end += 1
    for k in range(start - 1, max(start - 4, doc[start].sent.start - 1), -1):
        if doc[k].lower_ in parts:
            if _accept(doc, k, end, ref):
                start = k
            break
        if doc[k].lower_ not in ("-", "mid", "early", "late"):
            break
    for k in range(start - 1, max(start - 3, doc[start].sent.start - 1), -1):
        if doc[k].lower_ in ("-", "mid") and _accept(doc, k, end, ref):
            start = k
        else:
            break
    return start, end


NAMED_QUARTER = re.compile(r"\b(?:first|second|third|fourth|q[1-4])\b", re.IGNORECASE)
BACKWARD = re.compile(r"\b(?:ago|earlier|last|prior|previous)\b", re.IGNORECASE)


def _advance(
    focus: Focus, text: str, norm: Normalized, way: Direction, ref: dt.date | None
) -> tuple[Focus, str | None]:
    """What an expression adds to the focus: a quarter it names, or an absolute date;
    and a quarter in view for the rest of its own sentence only.

    Only a quarter named outright ("the third quarter") sets the quarter in
    view; one reached by comparison ("the year-ago quarter") does not. One
    still running at the reference that the tense does not put in the past
    ("will result in a fourth-quarter charge") is in view only in its own
    sentence ("expects first-quarter revenue to fall from a year earlier"):
    the results a report goes on about are those of a quarter that has
    closed, or one a past verb reports ("reported fourth-quarter earnings"
    of a fiscal year).
    """
    if re.fullmatch(r"\d{4}-Q[1-4]", norm.value):
        if not NAMED_QUARTER.search(text) or BACKWARD.search(text):
            return focus, None
        if way != "past" and ref is not None and norm.value >= _quarter_of(ref):
            return focus, norm.value
        return Focus(norm.value, focus.date, focus.day_first), None
    if norm.type == "DATE" and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", norm.value):
        return Focus(focus.quarter, norm.value, focus.day_first), None
    return focus, None


def _quarter_of(day: dt.date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def _way(doc: Doc, start: int, end: int) -> Direction:
    """The direction an expression is read in: the past perfect, then the words
    before it, then the tense; a weekday that owns a noun ("Wednesday's ruling")
    names something that has happened, whatever verb governs the noun."""
    span = doc[start:end]
    if _pluperfect(span.root):
        return "past"
    if _forward(doc, start, end):
        return "future"
    if _backward(doc, start):
        return "past"
    last = doc[end - 1]
    if last.lower_ in words("weekday"):
        if end < len(doc) and doc[end].tag_ == "POS":
            return None
        verb = _governing_verb(span.root)
        if verb is not None and _past_purpose(verb):
            return "past"
    if _month_modifier(doc, end):
        return None
    return direction(span.root)


def _month_modifier(doc: Doc, end: int) -> bool:
    """A month that modifies the noun after it ("under a June agreement", "to make the
    late-November trip") names a thing already set: it is the nearest such month,
    whatever tense governs the noun."""
    last = doc[end - 1]
    return (
        end < len(doc)
        and last.lower_.rstrip(".") in words("month")
        and last.dep_ in ("compound", "nmod", "amod")
        and last.head.i >= end
        and last.head.pos_ == "NOUN"
    )


ANAPHORIC_UNIT = re.compile(
    r"(?:(?:earlier|later) )?(?:(?:of|for|in|during|over) )?the (year|week)"
    r"|(?:earlier|later) in the (day)",
    re.IGNORECASE,
)


def _anaphoric(doc: Doc, start: int, end: int, ref: dt.date | None) -> Normalized | None:
    """ "For the year, sales rose", "a high for the week": a definite year or week with
    nothing after it is the one the report is about, a DATE (TimeML), not a length of
    time. Its year is the reference's; which week is not said ("1989-WXX"). "The year
    ended Sept. 30" (a fiscal year) and "the year before" stay what their form says.
    "Later in the day" is the report's day."""
    found = ANAPHORIC_UNIT.fullmatch(doc[start:end].text)
    if found is None or ref is None:
        return None
    unit = (found[1] or "").lower()  # "" for "later in the day"
    stop = words("anaphora_stop").get(doc[end].lower_) if end < len(doc) else None
    if stop == "stretch" or (stop == "year" and unit == "year"):
        return None
    if found[2]:  # "later in the day": the report's day
        return Normalized(ref.isoformat(), "DATE", "day")
    if unit == "year":
        return Normalized(f"{ref.year:04d}", "DATE", "year")
    return Normalized(f"{ref.year:04d}-WXX", "DATE", "week")


def _with_the_of_possessive(doc: Doc, start: int, end: int) -> int:
    """ "the week's most active session": a year or week that owns a noun takes its "the"
    back, so that it reads as the report's week (`_anaphoric`)."""
    if end - start != 1 or start == 0 or end >= len(doc):
        return start
    if doc[start].lower_ in ("week", "year") and doc[start - 1].lower_ == "the":
        return start - 1 if doc[end].tag_ == "POS" else start
    return start


def _ended_before(span: Span, norm: Normalized, ref: dt.date | None) -> Normalized:
    """ "the fiscal year ended Jan. 31": a period that has ended closed on or before the
    reference, so a day written without its year that came out ahead of it is last year's."""
    if ref is None or span.start == 0 or span.doc[span.start - 1].lower_ != "ended":
        return norm
    found = re.fullmatch(r"(\d{4})(-\d\d-\d\d)", norm.value)
    if found is None or norm.value <= ref.isoformat() or re.search(r"\d{4}", span.text):
        return norm
    earlier = f"{int(found[1]) - 1:04d}{found[2]}"
    try:
        dt.date.fromisoformat(earlier)
    except ValueError:
        return norm
    return Normalized(earlier, norm.type, norm.granularity, norm.mod)


def find_timexes(doc: Doc, ref: dt.date | None, day_first: bool | None = None) -> list[Timex]:
    """All temporal expressions in the document, in text order, normalized.

    ``day_first`` is the order of the document's all-numeric dates when known
    (`core.numeric_dates.document_order`).
    """
    out: list[Timex] = []
    ways: list[Direction] = []
    focus = Focus(day_first=day_first)
    held: tuple[int, str] | None = None  # a quarter in view in one sentence only
    for s, e in _candidates(doc, ref):
        s, e = _trim(doc, s, e)
        s = _with_the_of_possessive(doc, s, e)
        span = doc[s:e]
        way = _way(doc, s, e)
        sentence = doc[s].sent.start
        here = focus
        if held is not None and held[0] == sentence:
            here = Focus(held[1], focus.date, focus.day_first)
        norm = _anaphoric(doc, s, e, ref) or normalize(span.text, ref, way, here)
        if norm is None:
            continue
        if norm.type == "DURATION" and s > 0 and doc[s - 1].lower_ == "in" and way != "past":
            norm = normalize(f"in {span.text}", ref, way, here) or norm  # "in three days"
        norm = _ended_before(doc[s:e], norm, ref)
        if out and (moved := _quarter_of_its_end(doc[s:e], out[-1], norm)) is not None:
            if focus.quarter == out[-1].norm.value:
                focus = Focus(moved.norm.value, focus.date, focus.day_first)
            out[-1] = moved
        out.append(Timex(span.start_char, span.end_char, span.text, norm, span.root.i))
        ways.append(way)
        focus, running = _advance(focus, span.text, norm, way, ref)
        if running is not None:
            held = (sentence, running)
    return _with_ranges(doc, out, ways, ref)


def _quarter_of_its_end(span: Span, before: Timex, norm: Normalized) -> Timex | None:
    """ "the second quarter ended Oct. 31" where that Oct. 31 is last year's: the quarter
    is the one of the year it ended in, and so is the quarter in view."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "ended":
        return None
    if doc[span.start - 2].idx + len(doc[span.start - 2]) != before.end:
        return None
    quarter = re.fullmatch(r"(\d{4})(-Q[1-4])", before.norm.value)
    day = re.fullmatch(r"(\d{4})-\d\d-\d\d", norm.value)
    if quarter is None or day is None or day[1] >= quarter[1]:
        return None
    moved = Normalized(f"{day[1]}{quarter[2]}", "DATE", "quarter", before.norm.mod)
    return Timex(before.start, before.end, before.text, moved, before.root)


def _with_ranges(
    doc: Doc, out: list[Timex], ways: list[Direction], ref: dt.date | None
) -> list[Timex]:
    """The ends of ranges completed and put right (`core.range_forms`)."""
    found = [Found(t.start, t.end, t.norm, w) for t, w in zip(out, ways, strict=True)]
    by_span = {(t.start, t.end): t for t in out}
    timexes = []
    for f in ranges(doc.text, found, ref):
        if (old := by_span.get((f.start, f.end))) is not None:
            timexes.append(old if old.norm == f.norm else replace(old, norm=f.norm))
        elif (span := doc.char_span(f.start, f.end)) is not None:
            timexes.append(Timex(f.start, f.end, span.text, f.norm, span.root.i))
    return timexes
