"""The speaker roster of an article, and resolving each quote's speaker to it.

People enter the roster from PERSON entities, with the titles written next to
them ("Finance Minister Jane Doe", "Sergey Lavrov, the Foreign Minister").
A quote's speaker mention is resolved to one roster entry by, in order: a
named entity inside the mention; a surname or full name already seen; a
pronoun's nearest preceding person; a role noun ("the Foreign Minister",
"the Russia FM") matched against the titles of the people seen so far.
What cannot be resolved keeps its mention with no name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import role_families
from .records import Mention, SpeakerRecord, SpeakerRef
from .records import Span as CharSpan

HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "prof",
        "prof.",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "senator",
        "governor",
        "minister",
        "secretary",
        "general",
        "gen",
        "gen.",
        "lt",
        "col",
        "col.",
        "sgt",
        "sgt.",
        "capt",
        "capt.",
        "rev",
        "rev.",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "judge",
        "justice",
    ]
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "its"})
NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
TITLE_SKIP_DEPS = frozenset({"det", "poss", "case", "punct", "predet"})


@dataclass(slots=True)
class Entry:
    """One person or organisation in the roster, across the whole article."""

    name: str
    label: str
    tokens: frozenset[str]
    titles: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    mentions: dict[CharSpan, str] = field(default_factory=dict)
    quotes: int = 0
    first: int = 0

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)
            self.families.update(role_families(title.split()))


@dataclass(slots=True)
class Resolved:
    entry: Entry | None
    mention: str
    span: CharSpan
    label: str | None


def name_tokens(text: str) -> frozenset[str]:
    """The words of a name that identify the person (no honorifics, no possessive)."""
    words = [w.strip(".,’'").lower() for w in text.replace("’s", "").replace("'s", "").split()]
    return frozenset(w for w in words if w and w not in HONORIFICS and any(c.isalpha() for c in w))


class Roster:
    """Accumulates entries over the chunks of one article."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._people: list[tuple[int, Entry]] = []  # (char position, entry), sorted
        self._groups: list[tuple[int, Entry]] = []

    # -- building -------------------------------------------------------
    def _find(self, tokens: frozenset[str], label: str, pos: int) -> Entry | None:
        best: Entry | None = None
        for entry in self.entries:
            if entry.label != label and not (label == "PERSON" or entry.label == "PERSON"):
                continue
            if entry.label != label:
                continue
            if tokens <= entry.tokens or entry.tokens <= tokens:
                best = entry  # the latest one wins when a surname is shared
        return best

    def entity(self, text: str, label: str, span: CharSpan) -> Entry | None:
        """The entry for a named mention, created or merged by name tokens."""
        tokens = name_tokens(text)
        if not tokens:
            return None
        entry = self._find(tokens, label, span[0])
        clean = _clean_name(text)
        if entry is None:
            entry = Entry(clean, label, tokens, first=span[0])
            self.entries.append(entry)
        elif len(tokens) > len(entry.tokens):
            entry.name, entry.tokens = clean, tokens | entry.tokens
        entry.mentions.setdefault(span, text)
        target = self._people if label == "PERSON" else self._groups
        bisect.insort(target, (span[0], entry), key=lambda pair: pair[0])
        return entry

    def add_doc(self, doc: Doc, base: int, skip: list[CharSpan]) -> dict[int, Entry]:
        """Register the people named in a Doc; returns entity start token -> entry.

        Names inside quoted text (``skip``) are registered but are not used
        as antecedents for pronouns.
        """
        by_start: dict[int, Entry] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            span = _trim_entity(ent)
            if span is None:
                continue
            char = (base + span.start_char, base + span.end_char)
            entry = self.entity(span.text, "PERSON", char)
            if entry is None:
                continue
            by_start[ent.start] = entry
            for title in titles_of(span):
                entry.add_title(title)
        return by_start

    # -- resolving ------------------------------------------------------
    def resolve(
        self, doc: Doc, base: int, rng: tuple[int, int], by_start: dict[int, Entry]
    ) -> Resolved:
        """Resolve the speaker mention at token range ``rng`` of ``doc``."""
        mention = doc[rng[0] : rng[1]]
        char = (base + mention.start_char, base + mention.end_char)
        head = mention.root
        named = [
            e
            for e in doc.ents
            if e.start >= rng[0]
            and e.end <= rng[1]
            and e.label_ in NAMED
            and (
                e.label_ == "PERSON"
                or e.start <= head.i < e.end
                or (e.root.head is head and e.root.dep_ in ("appos", "conj"))
            )
        ]
        named.sort(
            key=lambda e: (e.label_ != "PERSON", e.root.dep_ != "appos" and e.root is not head)
        )
        if named:
            ent = named[0]
            if ent.label_ == "PERSON":
                entry = by_start.get(ent.start) or self.entity(ent.text, "PERSON", _abs(ent, base))
            else:
                entry = self.entity(
                    ent.text, "ORG" if ent.label_ != "NORP" else "NORP", _abs(ent, base)
                )
            if entry is not None:
                entry.mentions.setdefault(char, mention.text)
                for title in _role_words(mention, ent):
                    entry.add_title(title)
                return Resolved(entry, mention.text, char, entry.label)
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            entry = self._antecedent(head.lower_, char[0])
            if entry is not None:
                entry.mentions.setdefault(char, mention.text)
                return Resolved(entry, mention.text, char, entry.label)
            return Resolved(None, mention.text, char, None)
        families = role_families([t.text for t in mention if t.dep_ not in TITLE_SKIP_DEPS])
        if families:
            entry = self._by_role(families, char[0])
            if entry is not None:
                entry.mentions.setdefault(char, mention.text)
                return Resolved(entry, mention.text, char, entry.label)
        return Resolved(None, mention.text, char, None)

    def _antecedent(self, pronoun: str, pos: int) -> Entry | None:
        pool = (
            self._people
            if pronoun in PERSON_PRONOUNS
            else (self._groups if pronoun in GROUP_PRONOUNS else [])
        )
        i = bisect.bisect_left(pool, pos, key=lambda pair: pair[0])
        return pool[i - 1][1] if i > 0 else None

    def _by_role(self, families: frozenset[str], pos: int) -> Entry | None:
        i = bisect.bisect_left(self._people, pos, key=lambda pair: pair[0])
        for _, entry in reversed(self._people[:i]):
            if entry.families & families:
                return entry
        return None

    # -- output ---------------------------------------------------------
    def records(self, doc_id: str) -> tuple[list[SpeakerRecord], dict[int, str]]:
        """Speaker records in order of first mention, and entry id() -> speaker id."""
        ordered = sorted(
            self.entries, key=lambda e: min(e.mentions) if e.mentions else (e.first, 0)
        )
        ids: dict[int, str] = {}
        out = []
        for n, entry in enumerate(ordered, 1):
            sid = f"s{n}"
            ids[id(entry)] = sid
            out.append(
                SpeakerRecord(
                    doc=doc_id,
                    id=sid,
                    name=entry.name,
                    label=entry.label,
                    titles=list(entry.titles),
                    mentions=[Mention(text=t, span=s) for s, t in sorted(entry.mentions.items())],
                    quotes=entry.quotes,
                )
            )
        return out, ids

    def ref(self, resolved: Resolved, ids: dict[int, str]) -> SpeakerRef:
        entry = resolved.entry
        return SpeakerRef(
            id=ids.get(id(entry)) if entry else None,
            name=entry.name if entry else None,
            mention=resolved.mention,
            span=resolved.span,
            label=resolved.label,
        )


def _abs(ent: Span, base: int) -> CharSpan:
    return base + ent.start_char, base + ent.end_char


def _clean_name(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    name = " ".join(words)
    for suffix in ("’s", "'s"):
        name = name.removesuffix(suffix)
    return name


def _trim_entity(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the",)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if start < end else None


def _title_text(tokens: list[Token]) -> str | None:
    """A title from its tokens: drop determiners, possessors and place names."""
    keep = [
        t
        for t in tokens
        if t.dep_ not in TITLE_SKIP_DEPS and t.ent_type_ not in ("GPE", "NORP") and not t.is_punct
    ]
    while keep and keep[0].pos_ in ("ADP", "CCONJ"):
        keep = keep[1:]
    while keep and keep[-1].pos_ in ("ADP", "CCONJ", "DET"):
        keep = keep[:-1]
    if not keep:
        return None
    doc = keep[0].doc
    text = doc[keep[0].i : keep[-1].i + 1].text
    if not role_families(text.split()):
        return None
    return text


def titles_of(ent: Span) -> list[str]:
    """Titles written next to a person's name: before it, or in apposition."""
    out: list[str] = []
    root = ent.root
    doc = ent.doc
    before = [
        t
        for t in doc[max(0, ent.start - 6) : ent.start]
        if t.head.i in range(ent.start, ent.end) or t.head.head.i in range(ent.start, ent.end)
    ]
    if before:
        title = _title_text(sorted(before, key=lambda t: t.i))
        if title:
            out.append(title)
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        toks = [t for t in head.subtree if t.i < ent.start and not (ent.start <= t.i < ent.end)]
        toks = [t for t in toks if t.i >= head.left_edge.i]
        title = _title_text(toks)
        if title:
            out.append(title)
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            title = _title_text(list(child.subtree))
            if title:
                out.append(title)
    return out


def _role_words(mention: Span, ent: Span) -> list[str]:
    """Titles inside a speaker mention around its entity ("Finance Minister Jane Doe")."""
    return titles_of(ent) if ent.label_ == "PERSON" else []


def count_quote(resolved: Resolved) -> None:
    if resolved.entry is not None:
        resolved.entry.quotes += 1
