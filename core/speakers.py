"""The speaker roster of an article, and resolving each quote's speaker to it.

People enter the roster from PERSON entities, with the titles written next to
them ("Finance Minister Jane Doe", "Sergey Lavrov, the Foreign Minister");
organisations from ORG entities, with the acronyms the article defines
("Joint Military Commission (JMC)"). A quote's speaker mention is resolved to
one roster entry by, in order:

1. a named entity inside the mention (a surname or an acronym joins the entry
   of the full name; a place modifier, as in "the Russia FM", is not the speaker);
2. a pronoun's nearest preceding person (he, she) or group (it, they);
3. a role noun ("the Foreign Minister", "the Russia diplomat", "the company's
   chief executive") matched against the titles of the people named, the
   nearest before it, else the first after it once the whole article is read;
4. a document ("the report", "a statement"), kept as a speaker of its own;
5. a capitalised name the entity recogniser missed.

What cannot be resolved keeps its mention, with no name. The entries and
the helpers that read names are in `core.entries`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .entries import (
    Entry,
    clean_name,
    is_person,
    learn_gender,
    name_tokens,
    same_last_word,
    trim_entity,
)
from .entries import Resolved as Resolved  # the assembly reads resolved mentions
from .evidence import (
    is_dateline,
    mention_places,
    org_nouns,
    places_near,
    pronoun_gender,
    role_families_of,
    titles_of,
)
from .lexicon import document_nouns, gender_words
from .records import Mention, SpeakerRecord, SpeakerRef
from .records import Span as CharSpan
from .syntax import AFFILIATION_LABELS, NAME_MODIFIER_DEPS, RELATIVE_PRONOUNS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my", "you"})


GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their", "we", "us", "our"})


# Entity labels that can speak, and the roster label each is kept under.
SPEAKER_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "ORG",
    "PRODUCT": "ORG",
    "WORK_OF_ART": "DOCUMENT",
    "LAW": "DOCUMENT",
    "EVENT": "ORG",
}


DOCUMENT = "DOCUMENT"


NAME_DEPS = frozenset({"compound", "amod", "nmod"})


ANTECEDENT_WINDOW = 8  # people looked back at for a pronoun of the right gender
APPOSITION_STEPS = 4  # appositions climbed from a name to the mention it names


ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")


ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "de", "la", "&"})


@dataclass(slots=True)
class DocIndex:
    """Per parsed chunk: the entity covering each token, and person entries by entity start."""

    ent_at: dict[int, Span]
    people: dict[int, Entry]


@dataclass(slots=True)
class _Pending:
    """A role mention with no holder before it, settled once the article is read."""

    resolved: Resolved
    families: frozenset[str]
    pos: int
    places: frozenset[str]
    name: frozenset[str] = frozenset()  # name words, for a surname seen before the full name


class Roster:
    """Accumulates entries over the chunks of one article."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_token: dict[tuple[str, str], list[Entry]] = {}  # (label, name word) -> entries
        self._people: list[tuple[int, Entry]] = []  # (char position, entry), sorted
        self._groups: list[tuple[int, Entry]] = []
        self._documents: dict[str, Entry] = {}  # head noun -> latest document entry
        self._aliases: dict[str, str] = {}  # acronym -> full name
        self._pending: list[_Pending] = []
        self._quoted: list[CharSpan] = []  # direct quotes: names inside never speak them
        self._last: Entry | None = None  # the person who spoke the last quote resolved

    # -- building -------------------------------------------------------
    def _find(self, tokens: frozenset[str], kind: str) -> Entry | None:
        """An entry whose name words contain these or are contained in them;
        the latest one wins when a surname is shared."""
        best: Entry | None = None
        seen: set[int] = set()
        for tok in tokens:
            for entry in self._by_token.get((kind, tok), ()):
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                if (tokens <= entry.tokens or entry.tokens <= tokens) and (
                    best is None or entry.first >= best.first
                ):
                    best = entry
        return best

    def entity(self, text: str, label: str, span: CharSpan) -> Entry | None:
        """The entry for a named mention, created or merged by name words."""
        written = text
        text = self._aliases.get(text.strip(), text)
        tokens = name_tokens(text)
        if not tokens:
            return None
        if label != "PERSON" and len(tokens) <= 2:
            person = self._find(tokens, "PERSON")  # "Bell said": a surname tagged ORG
            if person is not None and tokens <= person.tokens:
                label = "PERSON"
        kind = label
        entry = self._find(tokens, kind)
        clean = clean_name(text)
        if entry is None:
            entry = Entry(clean, label, tokens, first=span[0])
            self.entries.append(entry)
        elif len(tokens) > len(entry.tokens) and same_last_word(clean, entry.name):
            entry.name = clean  # the fullest form, keeping the surname last
        if not tokens <= entry.tokens:
            entry.tokens = tokens | entry.tokens
        for tok in entry.tokens:
            bucket = self._by_token.setdefault((kind, tok), [])
            if entry not in bucket:
                bucket.append(entry)
        entry.mentions.setdefault(span, written)
        target = self._people if label == "PERSON" else self._groups
        bisect.insort(target, (span[0], entry), key=lambda pair: pair[0])
        return entry

    def add_doc(self, doc: Doc, base: int, skip: list[CharSpan]) -> DocIndex:
        """Register the people and organisations named in a Doc.

        Returns the index the resolver uses for this Doc. ``skip`` are the
        direct quotes (marks included): names inside them are registered,
        since the roster lists everyone named, but never stand for a pronoun
        that attributes a quote.
        """
        self._quoted.extend(skip)
        self._quoted.sort()
        ent_at: dict[int, Span] = {}
        people: dict[int, Entry] = {}
        ents = list(doc.ents)
        for k, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                ent_at[i] = ent
            self._alias(doc, ent, ents[k + 1] if k + 1 < len(ents) else None)
            label = SPEAKER_LABELS.get(ent.label_)
            if label not in ("PERSON", "ORG"):
                continue
            span = trim_entity(ent)
            if span is None or is_dateline(span):
                continue
            char = (base + span.start_char, base + span.end_char)
            entry = self.entity(span.text, label, char)
            if entry is None or label != "PERSON":
                continue
            people[ent.start] = entry
            for title in titles_of(span):
                entry.add_title(title)
            entry.places.update(places_near(span))
            if entry.gender is None:
                entry.gender = pronoun_gender(span, ent_at)
        return DocIndex(ent_at, people)

    def _alias(self, doc: Doc, ent: Span, nxt: Span | None) -> None:
        """Joint Military Commission (JMC): the acronym stands for the name from now on."""
        if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
            return
        acronym = doc[ent.end + 1].text
        if not ACRONYM.match(acronym):
            return
        trimmed = trim_entity(ent)
        if trimmed is None:
            return
        initials = "".join(w[0] for w in trimmed.text.split() if w.lower() not in ACRONYM_SKIP)
        if initials.upper() == acronym.replace(".", "").upper():
            self._aliases[acronym] = trimmed.text

    # -- resolving ------------------------------------------------------
    def resolve(
        self,
        doc: Doc,
        base: int,
        rng: tuple[int, int],
        index: DocIndex,
        referent: int | None = None,
    ) -> Resolved:
        """Resolve the speaker mention at token range ``rng`` of ``doc``.

        ``referent`` is the noun a relative pronoun stands for ("Cruz, who
        said"): the mention stays as written, the entry is the referent's.
        """
        mention = doc[rng[0] : rng[1]]
        char = (base + mention.start_char, base + mention.end_char)
        if referent is not None and mention.root.lower_ in RELATIVE_PRONOUNS:
            target = _noun_phrase(doc[referent])
            found = self._resolve_span(doc, base, target, index, char[0])
            if found is not None and found.entry is not None:
                return self._attach(found.entry, mention.text, char)
        found = self._resolve_span(doc, base, rng, index, char[0])
        if found is not None and found.entry is not None:
            return self._attach(found.entry, mention.text, char)
        self._last = None
        resolved = Resolved(None, mention.text, char, None)
        families = role_families_of(mention)
        if families and mention.root.pos_ in ("NOUN", "PROPN"):
            places = mention_places(mention)
            self._pending.append(_Pending(resolved, families, char[0], places))
        elif mention.root.is_title and mention.root.pos_ in ("NOUN", "PROPN"):
            # a surname before the full name ("Ferrante: ..." in a headline)
            tokens = name_tokens(mention.text)
            self._pending.append(_Pending(resolved, frozenset(), char[0], frozenset(), tokens))
        return resolved

    def _resolve_span(
        self, doc: Doc, base: int, rng: tuple[int, int], index: DocIndex, pos: int
    ) -> Resolved | None:
        mention = doc[rng[0] : rng[1]]
        char = (base + mention.start_char, base + mention.end_char)
        head = mention.root
        entry = self._named(mention, base, index)
        if entry is None and (head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$")):
            entry = self._antecedent(head.lower_, pos)
            if entry is None:
                return None
        if entry is None:
            families = role_families_of(mention)
            if families and head.pos_ in ("NOUN", "PROPN"):
                entry = self._by_role(families, pos, mention_places(mention))
        if entry is None and head.lower_ in org_nouns() and head.pos_ == "NOUN":
            entry = self._organisation(mention, pos)
        if entry is None and head.lower_ in document_nouns() and head.pos_ == "NOUN":
            entry = self._document(mention, char)
        if entry is None:
            entry = self._bare_name(mention, char)
        return None if entry is None else Resolved(entry, mention.text, char, entry.label)

    def _attach(self, entry: Entry, text: str, char: CharSpan) -> Resolved:
        """Keep a resolved speaker mention; a person's becomes an antecedent too
        ("The mayor dismissed it. “…,” she said")."""
        if char not in entry.mentions and entry.label == "PERSON":
            bisect.insort(self._people, (char[0], entry), key=lambda pair: pair[0])
        entry.mentions.setdefault(char, text)
        learn_gender(entry, text)
        self._last = entry if entry.label == "PERSON" else None
        return Resolved(entry, text, char, entry.label)

    def _named(self, mention: Span, base: int, index: DocIndex) -> Entry | None:
        """The entry of a named entity inside the mention: a person first, then the
        organisation the mention is headed by (not a place that only modifies it)."""
        head = mention.root
        seen: list[Span] = []
        for tok in mention:
            ent = index.ent_at.get(tok.i)
            if ent is not None and (not seen or seen[-1] is not ent):
                seen.append(ent)
        best: Span | None = None
        best_rank = 9
        for ent in seen:
            rank = _speaker_rank(ent, head)
            if rank < best_rank:
                best, best_rank = ent, rank
        if best is not None:
            trimmed = trim_entity(best) or best
            entry: Entry | None = None
            if best.label_ == "PERSON" and best.start in index.people:
                entry = index.people[best.start]
            else:
                label = SPEAKER_LABELS[best.label_]
                entry = self.entity(trimmed.text, label, _abs(trimmed, base))
            if entry is not None and entry.label == "PERSON":
                for title in titles_of(trimmed):
                    entry.add_title(title)
            return entry
        for tok in mention:  # an acronym the recogniser did not tag ("the 5+5 JMC")
            if tok.text in self._aliases:
                return self.entity(tok.text, "ORG", (base + tok.idx, base + tok.idx + len(tok)))
        return None

    def _antecedent(self, pronoun: str, pos: int) -> Entry | None:
        """The person (he, she) or group (it, they) a pronoun at ``pos`` stands for:
        the nearest one named before it outside a direct quote, skipping people
        known to be of the other gender; for "he"/"she", the person who spoke
        the last quote when the nearer people's gender is not known."""
        pool = (
            self._people
            if pronoun in PERSON_PRONOUNS
            else (self._groups if pronoun in GROUP_PRONOUNS else [])
        )
        want = gender_words().get(pronoun)
        i = bisect.bisect_left(pool, pos, key=lambda pair: pair[0])
        seen = 0
        unsure: Entry | None = None
        for k in range(i - 1, -1, -1):
            at, entry = pool[k]
            if self._inside_quote(at):
                continue
            seen += 1
            if seen > ANTECEDENT_WINDOW:
                break
            if want is not None and entry.gender not in (None, want):
                continue
            if want is None or entry is self._last or (unsure is None and entry.gender == want):
                return entry
            if unsure is None:
                unsure = entry
            if self._last is None or self._last.gender != want:
                break
        if unsure is not None and want is not None:
            unsure.gender = want
        return unsure

    def _inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted, (pos, 1 << 62)) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _by_role(
        self, families: frozenset[str], pos: int, places: frozenset[str] = frozenset()
    ) -> Entry | None:
        """The nearest person before ``pos`` holding a title of these families
        (and of the same country, when both say: "the Castani diplomat" is not
        Veloria's foreign minister)."""
        i = bisect.bisect_left(self._people, pos, key=lambda pair: pair[0])
        for _, entry in reversed(self._people[:i]):
            if entry.families & families and _same_place(entry, places):
                return entry
        return None

    def _organisation(self, mention: Span, pos: int) -> Entry | None:
        """ "the company said": the organisation named last before the mention."""
        if not any(t.lower_ in ("the", "its", "their") for t in mention):
            return None  # "a company said" names no one in particular
        head = mention.root
        words = {t.lower_ for t in mention if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != head.i}
        if org_nouns()[head.lower_] and not words:
            wanted: frozenset[str] = frozenset()
        else:
            wanted = frozenset({head.lower_, *words})  # "the culture ministry"
        i = bisect.bisect_left(self._groups, pos, key=lambda pair: pair[0])
        for k in range(i - 1, max(-1, i - 1 - ANTECEDENT_WINDOW), -1):
            at, entry = self._groups[k]
            if entry.label != "ORG" or self._inside_quote(at):
                continue
            if not wanted or wanted <= name_tokens(entry.name):
                return entry
        return None

    def _document(self, mention: Span, char: CharSpan) -> Entry:
        """A report, a statement, a poll: a speaker of its own, one per head noun."""
        key = mention.root.lower_.rstrip("s")
        entry = self._documents.get(key)
        if entry is None or mention[0].lower_ in ("a", "an"):
            words = [t for t in mention if t.pos_ != "DET"]
            name = mention.doc[words[0].i : mention.end].text if words else mention.text
            entry = Entry(name, DOCUMENT, frozenset(), first=char[0])
            self.entries.append(entry)
            self._documents[key] = entry
        return entry

    def _bare_name(self, mention: Span, char: CharSpan) -> Entry | None:
        """A capitalised name the recogniser missed ("Doe said"): joins a known name
        sharing its words, else starts a person."""
        head = mention.root
        if head.pos_ != "PROPN" or not head.is_title:
            return None
        start = head.i
        while start > mention.start and mention.doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = mention.doc[start : head.i + 1]
        tokens = name_tokens(name.text)
        if not tokens or len(tokens) > 3:
            return None
        known = self._find(tokens, "PERSON") or self._find(tokens, "ORG")
        label = known.label if known is not None else "PERSON"
        base = char[0] - mention.start_char
        return self.entity(name.text, label, (base + name.start_char, base + name.end_char))

    # -- output ---------------------------------------------------------
    def settle(self) -> None:
        """Resolve role mentions that came before the person they name
        ("The Russia FM said ..." before "Sergey Lavrov, the Foreign Minister")."""
        for p in self._pending:
            if p.name:
                entry = self._find(p.name, "PERSON")
                if entry is not None and p.name <= entry.tokens:
                    self._settle_one(p, entry)
                continue
            entry = self._by_role(p.families, p.pos, p.places)
            if entry is None:
                entry = next(
                    (
                        e
                        for _, e in self._people
                        if e.families & p.families and _same_place(e, p.places)
                    ),
                    None,
                )
            if entry is not None:
                self._settle_one(p, entry)
        self._pending = []

    def _settle_one(self, pending: _Pending, entry: Entry) -> None:
        res = pending.resolved
        res.entry, res.label = entry, entry.label
        entry.mentions.setdefault(res.span, res.mention)
        entry.quotes += res.quotes

    def records(self, doc_id: str) -> tuple[list[SpeakerRecord], dict[int, str]]:
        """Speaker records in order of first mention, and entry id() -> speaker id.

        The roster lists every person named and every other entry that speaks.
        """
        self.settle()
        kept = [e for e in self.entries if e.quotes > 0 or is_person(e)]
        ordered = sorted(kept, key=lambda e: min(e.mentions) if e.mentions else (e.first, 0))
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
        sid = ids.get(id(entry)) if entry else None
        return SpeakerRef(
            id=sid,
            name=entry.name if entry is not None and sid is not None else None,
            mention=resolved.mention,
            span=resolved.span,
            label=resolved.label,
        )


def _speaker_rank(ent: Span, head: Token) -> int:
    """How likely an entity inside a mention is the speaker (lower is likelier):
    a person the mention is headed by, an organisation it is headed by, a
    person standing loose in it, a place it is headed by. An entity that only
    modifies the head ("Veloria’s minister", "the Russia FM") never speaks."""
    label = SPEAKER_LABELS.get(ent.label_)
    if label is None:
        return 9
    headed = ent.start <= head.i < ent.end or _linked(ent.root, head)
    if headed:
        if label == "PERSON":
            return 0
        return 3 if ent.label_ in AFFILIATION_LABELS else 1
    if label == "PERSON" and ent.root.dep_ not in NAME_MODIFIER_DEPS:
        return 2
    return 9


def _same_place(entry: Entry, places: frozenset[str]) -> bool:
    return not places or not entry.places or bool(entry.places & places)


def _linked(tok: Token, head: Token) -> bool:
    """Whether a name hangs off the mention's head through appositions:
    "United Nations Secretary General, António Guterres"."""
    for _ in range(APPOSITION_STEPS):
        if tok.dep_ not in ("appos", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _abs(ent: Span, base: int) -> CharSpan:
    return base + ent.start_char, base + ent.end_char


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """The name part of the noun phrase a relative pronoun refers to."""
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and doc[left].pos_ != "PROPN" and doc[left].dep_ not in NAME_DEPS:
        left += 1
    return left, tok.i + 1
