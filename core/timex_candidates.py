"""Where the temporal expressions of a parsed document are: candidate token ranges.

Candidates come from spaCy's DATE and TIME entities and from trigger words
its NER leaves out (month and weekday names, "now", "recent", "quarter",
"ago": the `lone` kind in ``core/data/time_words.tsv``), each grown by the
words around it that still normalize (a determiner, "from now", "in the
morning"). A range is kept when `dates.normalize` accepts it and
`not_dates.not_a_date` does not reject it in context; an entity that does
not normalize as a whole gives its longest normalizable pieces, and touching
pieces that normalize together are merged. `core.timexes` normalizes what
is found here with the direction and focus of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from .dates import Normalized, form_of, holidays, normalize
from .not_dates import not_a_date
from .span_forms import PER_UNITS
from .timewords import words

MAX_PIECE = 8  # tokens: no temporal expression in the training gold is longer
WINDOW = 4  # tokens on each side of a trigger word tried as its expression


def _decade(tok: Token) -> bool:
    """A year ending in 0 followed by 's: "the 1990's" (the decade, when it normalizes)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        re.fullmatch(r"1\d\d0|20\d0", tok.text) is not None
        and nxt is not None
        and (nxt.text in ("'s", "’s") and (tok.i + 2 >= len(tok.doc) or tok.nbor(2).pos_ != "NOUN"))
    )


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
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
    if _spelled_day(tok) is not None:
        return True  # "on the twentieth"
    if low in SUN_PARTS:
        return _sun_part(tok)  # "at dawn", "until dusk"
    if low == "per":  # "paid per month", not "miles per hour", a speed
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in PER_UNITS
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
        nxt is not None and (nxt.lower_ in ("hrs", "hours", "h") or _zone_words(doc, tok.i + 1))
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
        return _zone_words(doc, tok.i + 1) > 0  # "23:59 GMT", "23:59 local time"
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


# Words before "the" and a day of the month in words: "due on the twentieth", "a strike
# for the twentieth", "until the thirty-first".
DAY_PREPS = frozenset({"on", "for", "by", "until", "till", "since", "from", "before", "after"})


def _spelled_day(tok: Token) -> tuple[int, int] | None:
    """ "on the twentieth", "for the twenty-first": a day of the month in words after "the"
    and a preposition, as `_clock_or_day` takes "on the 20th" (not "on the twentieth
    floor", "on the fifth of five"); the token its words end before, and the day."""
    doc = tok.doc
    i = tok.i
    if i < 2 or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ not in DAY_PREPS:
        return None
    end, name = i + 1, tok.lower_.replace("-", " ")
    if tok.lower_ in ("twenty", "thirty") and i + 2 < len(doc) and doc[i + 1].text == "-":
        end, name = i + 3, f"{tok.lower_} {doc[i + 2].lower_}"  # "twenty - first"
    day = words("dayordinal").get(name)
    if day is None:
        return None
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":  # "of next month", not "of five"
        after = " ".join(t.lower_ for t in doc[end : end + 3])
        if re.match(r"of (?:this|next|last|the) month\b", after) is None:
            return None
    elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
        return None  # "on the third floor", "for the second straight year"
    return end, int(day)


def expression_text(span: Span) -> str:
    """The text of a candidate as the normalizer is to read it: a day of the month in
    words after "on the" in digits ("the twentieth" -> "the 20th"), so that an ordinal
    anywhere else ("the third consecutive month") is never read as a day."""
    for tok in span:
        found = _spelled_day(tok)
        if found is not None and found[0] <= span.end:
            lo = tok.idx - span.start_char
            hi = span.doc[found[0] - 1].idx + len(span.doc[found[0] - 1]) - span.start_char
            return f"{span.text[:lo]}{found[1]}th{span.text[hi:]}"
    return span.text


# Parts of the day the sun names, and the words before them that make them times: "at
# dawn", "from dusk to dawn", "after nightfall" (not "as dawn broke", "the dawn of an era").
SUN_PARTS = frozenset({"dawn", "daybreak", "sunrise", "dusk", "sunset", "nightfall"})
SUN_PREPS = DAY_PREPS | {"at", "to", "around", "toward", "towards", "past"}


def _sun_part(tok: Token) -> bool:
    """ "at dawn", "until dusk", "by daybreak": a part of the day the sun names, right after
    a preposition and not before "of"."""
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return tok.i > 0 and doc[tok.i - 1].lower_ in SUN_PREPS and nxt != "of"


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
    start, end = trim(doc, start, end)
    if start >= end:
        return None
    span = doc[start:end]
    norm = normalize(expression_text(span), ref)
    if norm is None or not_a_date(span, norm):
        return None
    return start, end, norm


def _accept(doc: Doc, start: int, end: int, ref: dt.date | None) -> bool:
    return _accepted(doc, start, end, ref) is not None


def _pieces(doc: Doc, start: int, end: int, ref: dt.date | None) -> list[tuple[int, int]]:
    """The longest normalizable, non-overlapping pieces of a token range, left to right."""
    start, end = trim(doc, start, end)
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
            return [trim(doc, ent.start, e)]
    return []


def candidates(doc: Doc, ref: dt.date | None) -> list[tuple[int, int]]:
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
        found = trim(doc, *found)  # "Aug 10 [-] Nov 12": the dash is free for the next
        if taken.intersection(range(*found)):
            # an expression around entities' pieces: "[Good] Friday 2022", "[every other]
            # Monday", "a year ago [today]", "7:30 PM [on Fri]"
            inside = [(s, e) for s, e in spans if s < found[1] and e > found[0]]
            if any(s < found[0] or e > found[1] for s, e in inside):
                # "03:14 UTC [on 1 January 2021]": what is before the piece, if anything
                after = [s for s, _ in inside if s > tok.i]
                found = _around(doc, tok.i, ref, min(after)) if after else None
                if found is None or taken.intersection(range(*(found := trim(doc, *found)))):
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
        longer = norm if (lo, up) == (start, e) else normalize(expression_text(doc[start:e]), ref)
        if not base_known:
            base, base_known = normalize(expression_text(doc[start:end]), ref), True
        said = PART_TAIL.fullmatch(doc[end:e].text.lower()) is not None  # "5:45 in the morning"
        said = said or _zone_tail(doc, end, e)  # "noon [ET]": TimeML keeps the zone in
        if base is None or (longer is not None and (longer.value != base.value or said)):
            return e
    return end


def _zone_tail(doc: Doc, end: int, e: int) -> bool:
    """Whether tokens ``end:e`` are a time zone after a clock time ("ET", "Eastern time"),
    not the start of a name ("noon Central [Park]")."""
    zones = words("zone")
    local = _zone_words(doc, end) == 2 and e == end + 2  # "0600 [local time]"
    if not local and (
        doc[end].lower_ not in zones
        or any(t.lower_ not in zones and t.lower_ != "time" for t in doc[end:e])
    ):
        return False
    if e == len(doc) or doc[e].pos_ != "PROPN" or not doc[e].text[:1].isupper():
        return True
    name = doc[e].lower_.rstrip(".")
    return name in words("weekday") or name in words("month")  # "9 a.m. EST [Monday]"


def _zone_words(doc: Doc, i: int) -> int:
    """How many tokens from ``i`` name a time zone: 1 for "GMT", 2 for "local time", else 0."""
    if i >= len(doc):
        return 0
    if i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in words("zone"):
        return 2
    return 1 if doc[i].lower_ in words("zone") else 0


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
