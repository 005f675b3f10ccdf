"""Normalizing the temporal expressions of a parsed document, in text order.

The candidate token ranges come from `core.timex_candidates` (spaCy's DATE
and TIME entities, trigger words its NER leaves out, the words around them
that still normalize). Each is normalized with a direction read from the
tense of the verb that governs it and with the `Focus` of what the text
dated before it, so "the same day" and "the year-ago quarter" can point
back; then the ends of ranges are completed (`core.range_forms`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .dateparts import day_value, quarter_of, valid_day
from .dates import Direction, Focus, Normalized, normalize
from .range_forms import Found, ranges
from .syntax import FUTURE_AUX
from .timewords import words
from .timex_candidates import candidates, expression_text, trim

MODAL_AUX = frozenset({"may", "might", "could", "should", "must", "can"})
# Heads climbed from an expression's word to the verb that governs it, from
# that verb through the verbs it completes to a "had", and to a thing set for later.
GOVERNING_STEPS = 4
PERFECT_STEPS = 3
SCHEDULE_STEPS = 4


@dataclass(frozen=True, slots=True)
class Timex:
    start: int  # character offsets in the spaCy Doc's text
    end: int
    text: str
    norm: Normalized
    root: int  # token index of the expression's syntactic head


def _governing_verb(token: Token) -> Token | None:
    verb = token
    for _ in range(GOVERNING_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _pluperfect(token: Token) -> bool:
    """Whether the verb governing ``token`` (or the verb it completes) is in the past
    perfect: what "had" happened by a day is behind the report, whatever the words
    before the day ("had filed reports by Wednesday", "had been due to expire Friday")."""
    verb = _governing_verb(token)
    for _ in range(PERFECT_STEPS):
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


def _scheduled_thing(token: Token) -> bool:
    """Whether ``token`` dates a thing set for later: a noun that a participle of
    schedule qualifies ("the slated visit ... in September", "a planned trip in May"),
    or that "set for" follows ("a summit set for Washington in April")."""
    node = token
    for _ in range(SCHEDULE_STEPS):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):  # "set for", not "a record set on Aug. 6"
            set_for = any(c.lower_ == "for" and c.dep_ == "prep" for c in node.children)
            return node.lower_ == "set" and node.dep_ == "acl" and node.tag_ == "VBN" and set_for
        if node.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.tag_ == "VBN" and c.lower_ in words("schedule")
            for c in node.children
        ):
            return True
    return False


def direction(token: Token) -> Direction:
    """Past or future, from the tense of the verb governing ``token``."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    if verb.lower_ in words("schedule") or _scheduled_thing(token):
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
        if way != "past" and ref is not None and norm.value >= quarter_of(ref):
            return focus, norm.value
        return Focus(norm.value, focus.date, focus.day_first), None
    if norm.type == "DATE" and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", norm.value):
        return Focus(focus.quarter, norm.value, focus.day_first), None
    return focus, None


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


YEAR_AGO_ADJECTIVE = re.compile(r"year-(?:ago|earlier)")


def _without_determiner(doc: Doc, start: int, end: int) -> int:
    """ "the recent sale", "its current chairman": an adjective of reference ("recent",
    "current", "then current") is the expression without the determiner of the noun it
    modifies (TimeML marks the adjective alone), and so is "year-ago" before a noun
    ("the year-ago results"); "the future" and "the past" are nouns."""
    if end - start < 2 or doc[start].tag_ not in ("DT", "PRP$"):
        return start
    last = doc[end - 1]
    said = doc[start + 1 : end].text.lower()
    if said in words("ref") and last.pos_ == "ADJ" and last.dep_ == "amod":
        return start + 1
    if YEAR_AGO_ADJECTIVE.fullmatch(said) and end < len(doc) and doc[end].pos_ == "NOUN":
        return start + 1  # "the [year-ago] results"
    return start


def _ended_before(span: Span, norm: Normalized, ref: dt.date | None) -> Normalized:
    """ "the fiscal year ended Jan. 31": a period that has ended closed on or before the
    reference, so a day written without its year that came out ahead of it is last year's."""
    if ref is None or span.start == 0 or span.doc[span.start - 1].lower_ != "ended":
        return norm
    found = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", norm.value)
    if found is None or norm.value <= ref.isoformat() or re.search(r"\d{4}", span.text):
        return norm
    year, month, day = int(found[1]) - 1, int(found[2]), int(found[3])
    if year < 1 or not valid_day(year, month, day):
        return norm  # no year 0; no Feb. 29 in the year before
    return replace(norm, value=f"{year:04d}-{month:02d}-{day:02d}")


LONE_DAY = re.compile(r"(?:the )?\d{1,2}(?:st|nd|rd|th)")  # "the 20th", not "of next month"


def _day_of_named_month(span: Span, norm: Normalized, before: list[Timex]) -> Normalized:
    """ "In March the council met on the 20th": a day of the month alone is in the month
    the same sentence named before it, not the reference's."""
    day = re.fullmatch(r"\d{4}-\d\d-(\d\d)", norm.value)
    if day is None or not LONE_DAY.fullmatch(expression_text(span).lower()):
        return norm
    sentence = span.sent.start_char
    for tx in reversed(before):
        if tx.end <= sentence:
            break
        month = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", tx.norm.value)
        if month is not None:
            found = day_value(int(month[1]), int(month[2]), int(day[1]))
            return norm if found is None else replace(norm, value=found.value)
    return norm


def _stretch_of_the_last(span: Span, norm: Normalized, ref: dt.date | None) -> Normalized:
    """ "for the last decade", "over the past century": a stretch back from the reference,
    a DURATION (P10Y, as the training gold writes "over the past decade"); "in the last
    decade" stays the calendar decade (a DATE in the gold), and so do "for the past year",
    "over the past week" (DATEs in the gold)."""
    doc = span.doc
    if norm.granularity not in ("decade", "century") or span.start == 0:
        return norm
    if doc[span.start - 1].lower_ not in ("for", "over", "throughout"):
        return norm
    if re.fullmatch(r"the (?:last|past) (?:decade|century)", span.text.lower()) is None:
        return norm
    return normalize(f"a {span[-1].lower_}", ref) or norm


def _final_stop(text: str) -> int:
    """1 when the expression's last token took in the sentence's full stop, as the
    tokenizer leaves it on a timestamp ("2010-02-19T14:00:00Z."): a period after a
    digit or a zone's Z, never an abbreviation's ("p.m.", "Nov.")."""
    return 1 if re.search(r"\d(?:Z|UTC)?\.$", text) else 0


# A run of months an earnings report covers ("the first nine months", "the six
# months"): what is compared with it "a year earlier" or "in the 1988 period" in its
# sentence is the year before, not the quarter in view (TimeML gold: 6 of 8 such in
# the training set).
RUN_OF_MONTHS = re.compile(r"P[69]M")
YEAR_AGO = re.compile(r"\byear[- ](?:ago|earlier)\b|\b\d{4} period\b", re.IGNORECASE)


def find_timexes(doc: Doc, ref: dt.date | None, day_first: bool | None = None) -> list[Timex]:
    """All temporal expressions in the document, in text order, normalized.

    ``day_first`` is the order of the document's all-numeric dates when known
    (`core.numeric_dates.document_order`).
    """
    out: list[Timex] = []
    ways: list[Direction] = []
    focus = Focus(day_first=day_first)
    held: tuple[int, str] | None = None  # a quarter in view in one sentence only
    months_said: int | None = None  # the sentence that named a run of months
    for s, e in candidates(doc, ref):
        s, e = trim(doc, s, e)
        s = _with_the_of_possessive(doc, s, e)
        s = _without_determiner(doc, s, e)
        if e - s > 1 and doc[s].lower_ == "of":  # "the first nine months of [the year]"
            s += 1
        span = doc[s:e]
        way = _way(doc, s, e)
        sentence = doc[s].sent.start
        here = focus
        if held is not None and held[0] == sentence:
            here = Focus(held[1], focus.date, focus.day_first)
        if months_said == sentence and YEAR_AGO.search(span.text):
            here = Focus(None, here.date, here.day_first)  # "nine months ... a year earlier"
        norm = _anaphoric(doc, s, e, ref) or normalize(expression_text(span), ref, way, here)
        if norm is None:
            continue
        if norm.type == "DURATION" and s > 0 and doc[s - 1].lower_ == "in" and way != "past":
            norm = normalize(f"in {span.text}", ref, way, here) or norm  # "in three days"
        norm = _ended_before(span, norm, ref)
        norm = _stretch_of_the_last(span, norm, ref)
        norm = _day_of_named_month(span, norm, out)
        if out and (moved := _quarter_of_its_end(span, out[-1], norm)) is not None:
            if focus.quarter == out[-1].norm.value:
                focus = Focus(moved.norm.value, focus.date, focus.day_first)
            out[-1] = moved
        end = span.end_char - _final_stop(span.text)
        out.append(Timex(span.start_char, end, doc.text[span.start_char : end], norm, span.root.i))
        ways.append(way)
        if RUN_OF_MONTHS.fullmatch(norm.value):
            months_said = sentence
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
