"""Record assembly: the rules' findings on one parsed piece, turned into records.

`DocumentState` holds what is known of one document while its pieces come
back from spaCy (plain values only, so a piece's spaCy objects are freed as
soon as it is analysed). `analyze` runs the rules over one parsed piece, in
this order:

1. temporal expressions (`timexes.find_timexes`), valued against the
   document's reference date;
2. quotes (`quotes.find_quotes`) and the speaker roster (`speakers.Roster`),
   whose mentions span the whole document;
3. events (`events.find_events`), which know the quotes and their cues,
   each with at most one date; an expression that dates no event becomes a
   `DateRecord`, so no date is lost;
4. the date of a quote: the date its cue verb's event was given with anchor
   `explicit` ("On Friday, Lavrov said ..."), else none.

Everything is kept in document offsets (a piece starts at ``base``).
`finish` numbers the records and attaches the roster's ids once every
piece of the document is in; `stable_ids` then gives every record an id made
from the document's content hash and the record's own content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from .cues import CueHit
from .dates import bounds
from .documents import Document, content_hash
from .entries import count_quote
from .events import RawEvent, find_events
from .lemmas import Lemmas
from .quotes import find_quotes
from .records import (
    Anchor,
    Cue,
    DateRecord,
    DateValue,
    DocumentRecord,
    EventRecord,
    Extraction,
    Participant,
    Place,
    PublishedFrom,
    QuoteKind,
    QuotePart,
    QuoteRecord,
    Relation,
    Span,
    Trigger,
)
from .speakers import Resolved, Roster
from .syntax import TokenRange
from .timexes import Timex, find_timexes
from .turns import quoted_words

log = logging.getLogger("newsclaims")


@dataclass(slots=True)
class PendingQuote:
    """A quote in document offsets, waiting for the roster's speaker ids."""

    span: Span
    parts: list[Span]
    kind: QuoteKind
    cue: Cue | None
    inner_cues: list[Cue]
    speaker: Resolved | None
    date: DateValue | None
    confidence: float


@dataclass(slots=True)
class DocumentState:
    """What is known of one document while its pieces come back from spaCy."""

    doc: Document
    ref: dt.date | None
    published_from: PublishedFrom | None
    chunks: int
    roster: Roster = field(default_factory=Roster)
    quotes: list[PendingQuote] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    seen: int = 0
    error: str | None = None
    day_first: bool | None = None  # the document's order of numeric dates, when known


def analyze(state: DocumentState, sdoc: Doc, base: int, lemmas: Lemmas) -> None:
    """Run the rules over one parsed piece and keep the results in document offsets."""
    text = state.doc.text
    timexes = find_timexes(sdoc, state.ref, state.day_first)
    raw_quotes = find_quotes(sdoc, lemmas)
    by_start = state.roster.add_doc(
        sdoc, base, [(s + base, e + base) for q in raw_quotes for s, e in quoted_words(q)]
    )
    by_quote: dict[int, Resolved | None] = {}
    for q in raw_quotes:  # first the quotes attributed where they stand, in order
        if q.follows is None and q.speaker is not None:
            by_quote[id(q)] = state.roster.resolve(sdoc, base, q.speaker, by_start, q.referent)
    resolved: list[Resolved | None] = []
    for q in raw_quotes:  # then those that take the speaker of another quote
        res = by_quote.get(id(q.follows if q.follows is not None else q))
        if res is not None:
            count_quote(res)
        resolved.append(res)
    cue_heads = {q.cue.head: i for i, q in enumerate(raw_quotes) if q.cue is not None}
    events, undated = find_events(
        sdoc,
        timexes,
        [(q.start, q.end) for q in raw_quotes],
        cue_heads,
        lemmas,
        ref=state.ref,
    )
    said_when = _quote_dates(events, cue_heads)
    first = len(state.quotes)
    for i, (q, res) in enumerate(zip(raw_quotes, resolved, strict=True)):
        cue = None if q.cue is None else _cue(q.cue, base, text)
        when = said_when.get(i)
        state.quotes.append(
            PendingQuote(
                span=(q.start + base, q.end + base),
                parts=[(s + base, e + base) for s, e in q.parts],
                kind=q.kind,
                cue=cue,
                inner_cues=[_cue(c, base, text) for c in q.inner],
                speaker=res,
                date=date_value(when[0], base, text, "explicit", when[1]) if when else None,
                confidence=q.confidence,
            )
        )
    for ev in events:
        reported = None if ev.reported_by is None else first + ev.reported_by
        state.events.append(event_record(state.doc.id, ev, reported, base, sdoc, text, state.ref))
    for tx in undated:
        date = date_value(tx, base, text, "none")
        state.dates.append(DateRecord(doc=state.doc.id, id="", date=date))


def _cue(hit: CueHit, base: int, text: str) -> Cue:
    cs, ce = hit.chars[0] + base, hit.chars[1] + base
    return Cue(text=text[cs:ce], lemma=hit.lemma, span=(cs, ce), category=hit.category)


def _quote_dates(
    events: list[RawEvent], cue_heads: dict[int, int]
) -> dict[int, tuple[Timex, Relation]]:
    """Quote number -> when it was said: the explicit date of its cue verb's event."""
    said_when: dict[int, tuple[Timex, Relation]] = {}
    for ev in events:
        if ev.trigger in cue_heads and ev.anchor == "explicit" and ev.timex is not None:
            said_when.setdefault(cue_heads[ev.trigger], (ev.timex, ev.relation))
    return said_when


def finish(state: DocumentState, pipeline: str = "") -> Extraction:
    """Number everything and attach roster ids, now that the whole document is read.

    ``pipeline`` names what made the records (see `pipeline_label`).
    """
    doc = state.doc
    text = doc.text
    speakers, ids = state.roster.records(doc.id)
    # mentions as written: spaCy read a copy in which long runs may be blanked
    # (pipeline.tokenizer_safe), so their text is taken from the document
    speakers = [
        replace(s, mentions=[replace(m, text=text[m.span[0] : m.span[1]]) for m in s.mentions])
        for s in speakers
    ]
    quotes = [
        QuoteRecord(
            doc=doc.id,
            id=f"q{n}",
            text=" ".join(text[s:e] for s, e in q.parts),
            span=q.span,
            parts=[QuotePart(text=text[s:e], span=(s, e)) for s, e in q.parts],
            kind=q.kind,
            cue=q.cue,
            inner_cues=q.inner_cues,
            speaker=state.roster.ref(q.speaker, ids) if q.speaker is not None else None,
            date=q.date,
            confidence=round(q.confidence, 2),
        )
        for n, q in enumerate(state.quotes, 1)
    ]
    events = [replace(ev, id=f"e{n}") for n, ev in enumerate(state.events, 1)]
    dates = [replace(d, id=f"d{n}") for n, d in enumerate(state.dates, 1)]
    if state.ref is None and any(
        "X" in d.value for d in [*(e.date for e in events if e.date), *(r.date for r in dates)]
    ):
        log.info(
            "%s: relative dates have no reference date (give --published): values stay unknown",
            doc.source,
        )
    record = DocumentRecord(
        doc=doc.id,
        source=doc.source,
        hash=content_hash(text),
        text_from=doc.text_from,
        title=doc.title,
        url=doc.url,
        published=state.ref.isoformat() if state.ref else None,
        published_from=state.published_from,
        chars=len(text),
        quotes=len(quotes),
        speakers=len(speakers),
        events=len(events),
        pipeline=pipeline,
    )
    return stable_ids(Extraction(record, speakers, quotes, events, dates))


def stable_ids(extraction: Extraction) -> Extraction:
    """Record ids from the document's content hash and each record's content.

    A speaker's id comes from its name and label, a quote's from its text, an
    event's from its trigger and clause: the same record of the same text
    gets the same id in every run, whatever else the rules find around it.
    A date record's id comes from its text and value. The rare record whose
    content repeats within a document gets ``-2``,
    ``-3`` ... in document order. References (a quote's speaker, an event's
    ``reported_by``) follow.
    """
    doc_hash = extraction.document.hash
    used: set[str] = set()

    def make(prefix: str, *content: str) -> str:
        key = "\x1f".join((doc_hash, prefix, *content)).encode("utf-8", "surrogatepass")
        base = prefix + hashlib.sha256(key).hexdigest()[:12]
        new, n = base, 1
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        return new

    speaker_ids = {s.id: make("s", s.label, s.name) for s in extraction.speakers}
    quote_ids = {q.id: make("q", q.text) for q in extraction.quotes}
    event_ids = {e.id: make("e", e.trigger.text, e.text) for e in extraction.events}
    date_ids = {d.id: make("d", d.date.text or "", d.date.value) for d in extraction.dates}
    quotes = []
    for q in extraction.quotes:
        speaker = q.speaker
        if speaker is not None and speaker.id is not None:
            speaker = replace(speaker, id=speaker_ids[speaker.id])
        quotes.append(replace(q, id=quote_ids[q.id], speaker=speaker))
    return Extraction(
        extraction.document,
        [replace(s, id=speaker_ids[s.id]) for s in extraction.speakers],
        quotes,
        [
            replace(
                e,
                id=event_ids[e.id],
                reported_by=quote_ids[e.reported_by] if e.reported_by is not None else None,
            )
            for e in extraction.events
        ],
        [replace(d, id=date_ids[d.id]) for d in extraction.dates],
    )


def pipeline_label(nlp: Language) -> str:
    """What makes the records: newsclaims' version and the spaCy pipeline's name and version."""
    from .pipeline import installed_version

    tool = installed_version("newsclaims") or "unknown"
    meta = nlp.meta
    model = f"{meta.get('lang', '')}_{meta.get('name', '')}"
    return f"newsclaims {tool}; {model} {meta.get('version', '')}"


def date_value(
    tx: Timex, base: int, text: str, anchor: Anchor, relation: Relation = "on"
) -> DateValue:
    """A temporal expression as tied to one claim, in document offsets."""
    start, end = bounds(tx.norm.value)
    s, e = tx.start + base, tx.end + base
    return DateValue(
        text=text[s:e],
        span=(s, e),
        value=tx.norm.value,
        type=tx.norm.type,
        granularity=tx.norm.granularity,
        mod=tx.norm.mod,
        freq=tx.norm.freq,
        quant=tx.norm.quant,
        start=start,
        end=end,
        anchor=anchor,
        relation=relation,
    )


def publication_day(ref: dt.date) -> DateValue:
    """The publication day as the date of a claim the text places at the story's time."""
    day = ref.isoformat()
    return DateValue(
        text=None,
        span=None,
        value=day,
        type="DATE",
        granularity="day",
        start=day,
        end=day,
        anchor="publication",
    )


def char_span(sdoc: Doc, rng: TokenRange, base: int) -> Span:
    """The character span in the document of a token range of a piece."""
    first, last = sdoc[rng[0]], sdoc[rng[1] - 1]
    return base + first.idx, base + last.idx + len(last.text)


def event_record(
    doc_id: str,
    ev: RawEvent,
    reported: int | None,
    base: int,
    sdoc: Doc,
    text: str,
    ref: dt.date | None,
) -> EventRecord:
    """An event record in document offsets; its id is set when the document is done."""
    tok = sdoc[ev.trigger]
    t_span = (base + tok.idx, base + tok.idx + len(tok.text))
    c_span = char_span(sdoc, ev.clause, base)
    participants = []
    for role, rng in ev.participants:
        span = char_span(sdoc, rng, base)
        label = sdoc[rng[0] : rng[1]].root.ent_type_ or None
        participants.append(
            Participant(role=role, text=text[span[0] : span[1]], span=span, label=label)
        )
    places = []
    for rng in ev.places:
        span = char_span(sdoc, rng, base)
        places.append(Place(text=text[span[0] : span[1]], span=span, label=sdoc[rng[0]].ent_type_))
    return EventRecord(
        doc=doc_id,
        id="",
        text=text[c_span[0] : c_span[1]],
        span=c_span,
        trigger=Trigger(
            text=text[t_span[0] : t_span[1]], lemma=ev.lemma, span=t_span, pos=tok.pos_
        ),
        participants=participants,
        places=places,
        date=_event_date(ev, base, text, ref),
        modality=ev.modality,
        reported_by=f"q{reported + 1}" if reported is not None else None,
        confidence=round(ev.confidence, 2),
    )


def _event_date(ev: RawEvent, base: int, text: str, ref: dt.date | None) -> DateValue | None:
    """The event's one date: its expression, or the publication day."""
    if ev.timex is not None:
        return date_value(ev.timex, base, text, ev.anchor, ev.relation)
    if ev.anchor == "publication" and ref is not None:
        return publication_day(ref)
    return None
