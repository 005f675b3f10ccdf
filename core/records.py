"""Typed records: what newsclaims extracts, as it is written out.

Every record is a frozen dataclass that orjson serialises directly (field order
is output order). The JSON Schema that describes them is ``core/schema.json``;
a change to a record's fields must change ``SCHEMA_VERSION`` and the schema.

Offsets are ``(start, end)`` Python string offsets into the document text as
read (BOM removed, nothing else changed), end exclusive, so that
``text[start:end]`` equals the record's ``text`` everywhere, except for a
quote: its ``text`` is its parts' texts joined by one space, each part slicing
the document exactly (see `QuoteRecord`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "2.1"

Span = tuple[int, int]

QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "reported", "future", "negated", "hypothetical"]
Anchor = Literal["explicit", "sentence", "publication", "inherited", "none"]
# How a date stands to its event: "on" (the event happened within the time),
# or what the words in or just before the date say ("since last October").
Relation = Literal["on", "before", "after", "since", "until", "by", "for", "during"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# TIMEX3 quant of a set: "every week" is EVERY, "each quarter" EACH.
TimexQuant = Literal["EVERY", "EACH"]
PublishedFrom = Literal["input", "dateline", "option"]
TextFrom = Literal["text", "html"]
CueCategory = Literal["speech", "belief", "intention", "evidence", "stance", "punctuation"]
ParticipantRole = Literal["agent", "patient", "other"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DateValue:
    """A temporal expression and its TIMEX3 value, as tied to one claim.

    ``start``/``end`` are the ISO calendar days that bound ``value`` (both
    null when the value is not a calendar region: durations, sets, unknown
    years), so ``jq`` can range-filter with plain string comparison.
    ``freq`` and ``quant`` are TIMEX3's for a set: "twice a year" is ``P1Y``
    with freq ``2X``, "every week" ``P1W`` with quant ``EVERY`` (null otherwise).
    """

    text: str | None
    span: Span | None
    value: str
    type: TimexType
    granularity: str
    mod: str | None = None
    freq: str | None = None
    quant: TimexQuant | None = None
    start: str | None = None
    end: str | None = None
    anchor: Anchor = "explicit"
    relation: Relation = "on"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """The words that introduce a claim: a verb ("said"), a phrase ("according to")."""

    text: str
    lemma: str
    span: Span
    category: CueCategory


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeakerRef:
    """Who a quote is attributed to, as written at that quote.

    ``id``/``name`` are null when the mention could not be resolved to a
    roster entry (the mention is still kept).
    """

    id: str | None
    name: str | None
    mention: str
    span: Span
    label: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotePart:
    """One piece of a quote's words: ``text`` is exactly the document's ``span``."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    text: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    text: str
    lemma: str
    span: Span
    pos: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    role: ParticipantRole
    text: str
    span: Span
    label: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    text: str
    span: Span
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    type: Literal["document"] = "document"
    doc: str
    schema_version: str = SCHEMA_VERSION
    source: str
    hash: str  # SHA-256 of the text (hex): the same text always has the same hash
    text_from: TextFrom = "text"  # "html": the text was extracted from an HTML page
    title: str | None = None
    url: str | None = None
    published: str | None
    published_from: PublishedFrom | None
    chars: int
    quotes: int
    speakers: int
    events: int
    pipeline: str = ""  # newsclaims and spaCy pipeline versions that made the records


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeakerRecord:
    type: Literal["speaker"] = "speaker"
    doc: str
    schema_version: str = SCHEMA_VERSION
    id: str
    name: str
    label: str
    titles: list[str]
    mentions: list[Mention]
    quotes: int


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRecord:
    """One claim. ``parts`` are the pieces of its words (one, or several when
    the attribution interrupts it or it runs over paragraphs), never holding
    the attribution or its closing comma; ``text`` is the parts joined by one
    space; ``span`` runs from the first part's start to the last part's end.
    ``inner_cues`` are the cues of claims folded into this one ("said he
    feared that ...": feared), so that no two quote records overlap."""

    type: Literal["quote"] = "quote"
    doc: str
    schema_version: str = SCHEMA_VERSION
    id: str
    text: str
    span: Span
    parts: list[QuotePart]
    kind: QuoteKind
    cue: Cue | None
    inner_cues: list[Cue]
    speaker: SpeakerRef | None
    date: DateValue | None
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRecord:
    type: Literal["event"] = "event"
    doc: str
    schema_version: str = SCHEMA_VERSION
    id: str
    text: str
    span: Span
    trigger: Trigger
    participants: list[Participant]
    places: list[Place]
    date: DateValue | None
    modality: Modality
    reported_by: str | None
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRecord:
    """A temporal expression that dates no event, kept so that no date is lost."""

    type: Literal["date"] = "date"
    doc: str
    schema_version: str = SCHEMA_VERSION
    id: str
    date: DateValue


Record = DocumentRecord | SpeakerRecord | QuoteRecord | EventRecord | DateRecord


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document, in output order."""

    document: DocumentRecord
    speakers: list[SpeakerRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)

    def records(self, only: frozenset[str] | None = None) -> Iterator[Record]:
        """Yield the document record, then speakers, quotes, events and dates of no event.

        ``only`` keeps a subset of {"speakers", "quotes", "events"} (the dates
        of no event come with the events); the document record is always
        first, so every stream names its documents.
        """
        yield self.document
        if only is None or "speakers" in only:
            yield from self.speakers
        if only is None or "quotes" in only:
            yield from self.quotes
        if only is None or "events" in only:
            yield from self.events
            yield from self.dates


@dataclass(frozen=True, slots=True)
class Failure:
    """A document (or input line) that could not be processed, and why."""

    source: str
    message: str
    count: int = 1  # inputs this failure stands for (one line for many alike)
