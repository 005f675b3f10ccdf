"""The complement of a cue: which words carry what it reports.

Which dependent of a verb carries its content is read from the frames the
verb allows in ``core/data/cue_verbs.tsv`` (``ccomp``: said that ...;
``xcomp``: vowed to ...; ``prep:for``: called for ...), with repairs for the
parser's usual mistakes: inverted and parenthetical cues ("That, they say,
will ..."), prepositions hung on the object, stray "that" clauses. The edges
of what it finds (asides, appositions, leading linking words, datelines,
punctuation) are trimmed by `core.content_edges`; the cues themselves are
found by `core.cues.find_cues`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from .content_edges import (
    TIME_ENTS,
    names_event,
    skip_dateline,
    skip_lead,
    skip_time_lead,
    strip_range,
    time_phrase,
    trim_apposition,
    trim_aside,
    trim_time_tail,
    word_count,
)
from .cues import (
    HEDGE_FRAME,
    NOUN_FRAME,
    QUOTE_MARK_TEXTS,
    SUBJECT_DEPS,
    CueHit,
    hedged_clause,
    subject_before,
    subject_child,
    that_clause,
    that_complement,
)
from .lexicon import (
    cue_nouns,
    document_nouns,
    read_table,
)
from .source_phrases import source_phrase_clause

MIN_HEDGED_WORDS = 4  # fewest words (with the adverb) of a clause marked "reportedly"


def _parenthetical(cue: Token) -> bool:
    """Whether a cue and its subject are set off by commas inside the clause they
    report: "X, aides said, will ...", "Many days, employees said, she ..."."""
    doc = cue.doc
    subj = subject_before(cue)
    left = subj.left_edge.i if subj is not None else cue.i
    after = cue.i + 1
    while after < len(doc) and doc[after].dep_ in ("prt", "npadvmod", "advmod"):
        after += 1
    return (
        left > 0
        and doc[left - 1].text == ","
        and after < len(doc)
        and doc[after].text == ","
        and word_count(doc, cue.sent.start, left) >= 2
    )


def _opening_aside(cue: Token) -> bool:
    """A cue set off by commas after the first word of the clause it reports
    ("That, they say, will ...", "But, he said, it is ..."), which the parse
    hangs on the clause's verb as a parenthetical before it."""
    if cue.dep_ != "parataxis" or cue.head.i < cue.i:
        return False
    doc = cue.doc
    words = [t.i for t in cue.subtree if not t.is_punct]
    left, right = words[0] - 1, words[-1] + 1  # the commas around the cue
    return (
        left > cue.sent.start
        and doc[left].text == ","
        and right < cue.head.i
        and doc[right].text == ","
    )


def _interrupts(cue: Token) -> bool:
    """Whether a cue verb is set off after the clause it reports ("…, he said",
    "That, they say, will …") rather than governing a clause that follows it."""
    if cue.dep_ == "parataxis":
        return cue.i > cue.head.i
    if cue.dep_ != "ccomp" or cue.i < cue.head.i:
        return False
    before = cue.left_edge.i - 1
    return before >= 0 and cue.doc[before].text in (",", "—", "–", "(")


def _around_cue(clause: Token, cue: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts ("That, they say, will be easier"):
    all of it when words stand on both sides, else the side without the cue."""
    doc = clause.doc
    lo, hi = cue.left_edge.i, cue.right_edge.i + 1
    left, right = clause.left_edge.i, clause.right_edge.i + 1
    if word_count(doc, left, lo) >= 2 and word_count(doc, hi, right) >= 2:
        return strip_range(doc, left, right)
    return _subtree_range(clause, skip=cue)


def _subtree_range(tok: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """Token range of a subtree, or of a head's subtree without one of its branches."""
    if skip is None:
        return strip_range(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
    lo, hi = skip.left_edge.i, skip.right_edge.i + 1
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    # keep the larger side of the clause around the skipped branch
    if lo - left >= right - hi:
        return strip_range(tok.doc, left, lo)
    return strip_range(tok.doc, hi, right)


def complement_tokens(hit: CueHit, doc: Doc) -> tuple[int, int] | None:
    """Token range of what a cue introduces, by the frames its verb allows,
    without a dateline in front ("COLUMBUS, Ohio (Wire) — ...")."""
    rng = _complement(hit, doc)
    return None if rng is None else skip_lead(doc, skip_dateline(doc, rng))


def _complement(hit: CueHit, doc: Doc) -> tuple[int, int] | None:
    head = doc[hit.head]
    if hit.source_phrase:
        return source_phrase_clause(doc, hit)
    if hit.frames is NOUN_FRAME:
        clause = that_clause(head)
        return None if clause is None else trim_aside(doc, _subtree_range(clause) or (0, 0))
    if hit.frames is HEDGE_FRAME:
        return _hedged_range(head)
    if "clause" in hit.frames:
        # X seems to ..., X appears unaware: the whole clause is the claim
        linked = any(c.dep_ in ("xcomp", "acomp", "attr") for c in head.children)
        return _subtree_range(head) if linked else None
    if "ccomp" in hit.frames and _parenthetical(head):
        # Mrs. Clinton, these people said, would be open to other measures
        clause = head if head.dep_ == "ROOT" else head.head
        return strip_range(doc, clause.left_edge.i, clause.right_edge.i + 1)
    if "ccomp" in hit.frames and _opening_aside(head):
        # That, they say, will be easier / Now, she said, the two sides ...
        clause = head.head
        return strip_range(doc, clause.left_edge.i, clause.right_edge.i + 1)
    best: Token | None = None
    rank = 99
    for child in head.children:
        frame = child.dep_
        if frame == "prep":
            frame = f"prep:{child.lower_}"
        if frame == "dobj" and DOCUMENT_DOBJ in hit.frames and _finding(head, child):
            frame = DOCUMENT_DOBJ
        elif frame == "advcl" and hit.lemma in QUESTION_VERBS and _question_clause(head, child):
            frame = "ccomp"  # asked the students if they were ...: the parse's advcl
        if frame not in hit.frames:
            continue
        r = _FRAME_RANK.get(frame, 3) if frame != DOCUMENT_DOBJ else 4  # "shows X with Y"
        if r < rank:
            best, rank = child, r
    if best is not None:
        if best.dep_ == "dobj" and ATTITUDE_FRAME in hit.frames:
            toward = _attitude_object(best)
            if toward is not None:
                # expressed concern about the closed primary: what the concern is about
                return trim_time_tail(doc, toward, best)
        if best.dep_ in ("dobj", "prep") and hit.lemma in cue_actions():
            rng = _frame_range(head, best, "oprd" in hit.frames)
            return rng if rng is not None and _proposition(doc, rng) else None
        rng = _frame_range(head, best, "oprd" in hit.frames)
        return _with_lost_subject(head, best, rng) if best.dep_ == "ccomp" else rng
    misplaced = _object_prep(head, hit.frames)
    if misplaced is not None:
        if hit.lemma in cue_actions() and not _proposition(doc, misplaced):
            return None
        return misplaced
    if "ccomp" in hit.frames and _interrupts(head):
        # “…,” he said / Sanders has options, an aide said: the parse hangs the cue off the clause
        return _around_cue(head.head, head)
    aside = _as_aside(head) if "ccomp" in hit.frames else None
    if aside is not None:
        # As one fisherman told me, the pier did not even fill half its berths
        return _subtree_range(aside.head, skip=aside)
    if "ccomp" in hit.frames:
        return _stray_that_clause(head) or _subject_as_object(head)
    return None


# The frame of a verb that voices an attitude named by its bare object ("expressed
# concern about X", "voiced support for X"): the content is what the attitude is
# toward, the object of the preposition after the noun.
ATTITUDE_FRAME = "dobj:prep"


def _attitude_object(noun: Token) -> tuple[int, int] | None:
    """The phrase a bare object noun is about ("concern *about the cost*"), or None
    when the noun has a determiner or owner ("the concern", "his support": a thing
    of its own) or no preposition right after it."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1), None)
    obj = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    return strip_range(noun.doc, obj.left_edge.i, noun.right_edge.i + 1)


# Dependents of a cue the parser makes of the reported clause's subject:
# "said about half of the deficit reflected ..." (prep "about"), "argued the
# pipeline, which ..., would" (dobj).
SUBJECT_STAND_INS = frozenset({"dobj", "prep", "npadvmod"})


def _with_lost_subject(
    cue: Token, clause: Token, rng: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A reported clause with no subject whose subject the parser hung on the
    cue instead ("The office said about half of the deficit reflected lower
    revenue"): the clause starts right after the cue."""
    if rng is None or clause.i < cue.i or any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
        return rng
    doc = cue.doc
    between = [c for c in cue.children if cue.i < c.i < clause.i]
    if len(between) != 1 or between[0].dep_ not in SUBJECT_STAND_INS:
        return rng
    stand_in = between[0]
    if stand_in.left_edge.i != cue.i + 1 or stand_in.right_edge.i + 1 != rng[0]:
        return rng
    if stand_in.dep_ == "prep" and stand_in.lower_ != "about":
        return rng  # "said in a statement", "replied in an even voice": not a subject
    if doc[rng[0]].lower_ == "that" or doc[rng[0]].text in QUOTE_MARK_TEXTS:
        return rng  # the clause opens itself: "said in an interview that ..."
    return strip_range(doc, stand_in.left_edge.i, rng[1]) or rng


CLAUSE_SUBJECTS = SUBJECT_DEPS | {"expl"}


def _subject_as_object(cue: Token) -> tuple[int, int] | None:
    """A cue the parser made a clause of the verb it reports, taking that verb's
    subject for its object: "Bundlers said their donors, mostly men until
    recently, were now women" (said <- were). The object starts the content."""
    clause = cue.head
    if cue.dep_ != "ccomp" or clause.i < cue.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.left_edge.i != cue.i + 1:
        return None
    return strip_range(cue.doc, obj.left_edge.i, clause.right_edge.i + 1)


# Verbs whose reported clause is a question ("asked if ...").
QUESTION_VERBS = frozenset({"ask", "wonder"})


def _question_clause(cue: Token, clause: Token) -> bool:
    """An "if"/"whether" clause after a question verb that the parser hung as an
    adverbial clause ("asked the students if they were ready")."""
    if clause.i < cue.i:
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


# The frame of an evidence verb whose object is what a document or poll shows
# ("The survey shows a tight race"); with a person as subject ("She showed
# restraint") the object is an act, not a finding.
DOCUMENT_DOBJ = "dobj:document"


def _finding(verb: Token, obj: Token) -> bool:
    """Whether a verb's object is what a document, a poll or a record
    (document_nouns.tsv) shows: a phrase, not a bare name or pronoun ("the poll
    shows Ruiz ahead" parsed as "shows Ruiz" names no finding)."""
    subj = subject_before(verb)
    if subj is None or subj.lower_ not in document_nouns() or obj.pos_ == "PRON":
        return False
    return not all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in obj.subtree)


def _as_aside(cue: Token) -> Token | None:
    """The "as" clause that opens the clause a cue reports, the cue having no
    clause of its own ("But as one fisherman told me, the pier ..."): its top
    word, whose head is the clause reported. "rose as they said it would" has
    its clause and never comes here."""
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        aside = cue
    elif cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.dep_ == "prep":
        aside = cue.head
    else:
        return None
    main = aside.head
    if main.i == aside.i or main.pos_ not in ("VERB", "AUX") or main.i < aside.i:
        return None
    before = cue.doc[main.left_edge.i : aside.left_edge.i]
    if any(not (t.is_punct or t.is_space or t.pos_ == "CCONJ") for t in before):
        return None  # "The fares, as the mayor said, will rise": not at the clause's start
    return aside


# Dependents of a verb that belong to its clause before the verb: its subject,
# auxiliaries and negation ("the agency has reportedly not paid").
CLAUSE_OPENERS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "expl"})


def _hedged_range(adv: Token) -> tuple[int, int] | None:
    """The clause a hedging adverb marks as reported, from its subject (not an
    opening phrase: "In total, ...") to the end of the verb's phrase."""
    verb = hedged_clause(adv)
    if verb is None:
        return None
    start = min(
        [verb.i, adv.i] + [c.left_edge.i for c in verb.children if c.dep_ in CLAUSE_OPENERS]
    )
    rng = strip_range(adv.doc, start, verb.right_edge.i + 1)
    if rng is None or word_count(adv.doc, *rng) < MIN_HEDGED_WORDS:
        return None  # "who reportedly has been ...": the parse lost the clause
    return trim_aside(adv.doc, rng)


@cache
def cue_actions() -> frozenset[str]:
    """Verbs of action and stance whose noun-phrase complement must hold a claim."""
    return frozenset(row[0].lower() for row in read_table("cue_actions.tsv"))


def _proposition(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a noun phrase says something: a verb or quoted words inside."""
    return any(
        t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARK_TEXTS for t in doc[rng[0] : rng[1]]
    )


def _object_prep(head: Token, frames: frozenset[str]) -> tuple[int, int] | None:
    """A verb's preposition frame that the parser hung on its object instead:
    "accused the mayor of lying" reads "the mayor of lying" as one noun phrase.
    The content is the object with the preposition's phrase."""
    dobj = next((c for c in head.children if c.dep_ == "dobj" and c.i > head.i), None)
    if dobj is None:
        return None
    for prep in dobj.children:
        if (
            prep.dep_ == "prep"
            and f"prep:{prep.lower_}" in frames
            and prep.i > dobj.i
            and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
        ):
            return strip_range(head.doc, dobj.left_edge.i, prep.right_edge.i + 1)
    return None


def _stray_that_clause(head: Token) -> tuple[int, int] | None:
    """A "that" clause the parser hung on a noun after the cue ("told analysts on
    a call that the plant remained ..."): "that" marking a clause with its own
    subject is a complementizer, not a relative pronoun."""
    for tok in head.subtree:
        if tok.i <= head.i or tok.dep_ != "mark" or tok.lower_ != "that":
            continue
        clause = tok.head
        if clause.dep_ in ("relcl", "acl") and subject_child(clause) is not None:
            return strip_range(head.doc, tok.i, clause.right_edge.i + 1)
        return None
    return None


_FRAME_RANK = {"ccomp": 0, "xcomp": 1, "oprd": 1, "dobj": 2}
# Prepositions that complete a verb's object: "blamed X for Y", "described X as Y".
OBJECT_PREPS = frozenset({"for", "as", "of", "over", "on"})


def _frame_range(head: Token, child: Token, naming: bool) -> tuple[int, int] | None:
    """The content of one frame, without a trailing aside ("..., which ...")."""
    rng = _frame_core(head, child, naming)
    if rng is not None and child.dep_ in ("dobj", "pobj", "prep"):
        obj = child
        if child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), child)
        rng = trim_time_tail(head.doc, _with_stray_conjuncts(head, child, rng), obj)
    if rng is not None and child.dep_ == "ccomp":
        rng = _without_cue_conjunct(head, child, rng)
        if child.i > head.i:
            rng = skip_time_lead(head.doc, rng)
    return None if rng is None else trim_apposition(head.doc, trim_aside(head.doc, rng))


def _without_cue_conjunct(cue: Token, clause: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """End a reported clause before a verb that continues the cue's sentence, not
    the clause: "X forecast that the economy would rebound and praised Y".

    Not the same cut as `core.quotes.before_next_cue`, which ends a complement
    before a second report by another speaker ("most said ..., and 4 in 10 said
    ..."): the verb cut here has no subject of its own (the cue's speaker goes
    on acting, `continues_cue`), need not be a cue, and is a conjunct of the
    reported clause's own verb; a conjunct with its own subject is never cut
    here."""
    doc = cue.doc
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.i <= clause.i or not continues_cue(conj):
            continue
        cut = conj.left_edge.i
        while cut > rng[0] and doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        kept = strip_range(doc, rng[0], cut)
        if kept is not None and word_count(doc, *kept) >= 3:
            return kept
    return rng


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def continues_cue(conj: Token) -> bool:
    """Whether a verb the parser joined to a reported clause goes with the cue
    instead ("X denies that it was a genocide and goes on to ..."): it has no
    subject or auxiliary of its own and is written in the cue's tense, or is
    finite where the clause's verb leans on an auxiliary ("has released ... and
    called on"), so it cannot share the clause's subject and auxiliary."""
    clause = conj.head
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.i == clause.i or conj.pos_ not in ("VERB", "AUX"):
        return False
    if conj.tag_ == clause.tag_ or conj.tag_ not in FINITE_TAGS:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in conj.children):
        return False
    if conj.tag_ == cue.tag_:
        return True
    return clause.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" for c in clause.children)


def _called_on(prep: Token) -> bool:
    """ "on X" naming who is called on to act ("called on the city to ..."), not
    when it happens ("voted on Wednesday to ...")."""
    if prep.dep_ != "prep" or prep.lower_ != "on":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ not in ("DATE", "TIME")


def _with_stray_conjuncts(head: Token, child: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """Objects listed after the first one but hung on the verb by the parser:
    "supports squeezing out X, freezing Y and changing Z"."""
    doc = head.doc
    end = rng[1]
    for c in head.children:
        if c.dep_ != "conj" or c.i < end or c.pos_ != child.pos_:
            continue
        gap = [t for t in doc[end : c.left_edge.i] if not t.is_space]
        if len(gap) > 2 or any(t.lower_ not in (",", "and", "or") for t in gap):
            break
        end = c.right_edge.i + 1
    return strip_range(doc, rng[0], end) or rng


def _frame_core(head: Token, child: Token, naming: bool) -> tuple[int, int] | None:
    """The dependent's subtree, with the object and its completing preposition
    read together ("praised her for changing"), and an inverted clause with the
    reason its cue gives for it ("X, he said, because Y")."""
    doc = head.doc
    if child.dep_ == "dobj":
        clause = _noun_clause(child)
        if clause is not None:
            # announced plans to expand ..., expressed concern that ...: the clause
            return _subtree_range(clause)
    if child.dep_ == "prep":
        objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        rng = _subtree_range(objs[0])
        dobj = next((c for c in head.children if c.dep_ == "dobj" and c.i < child.i), None)
        if rng is not None and dobj is not None:
            return strip_range(doc, dobj.left_edge.i, rng[1])
        return rng
    rng = _subtree_range(child)
    if rng is not None and child.dep_ == "xcomp":
        # The bank is expected to raise rates: a passive cue reports its subject too
        subj = next((c for c in head.children if c.dep_ == "nsubjpass" and c.i < head.i), None)
        if subj is not None:
            return strip_range(doc, subj.left_edge.i, rng[1])
    if rng is not None and (child.dep_ in ("oprd", "xcomp") or (naming and child.dep_ == "ccomp")):
        # called him “a con man”, urged voters to ...: the object goes with its predicate
        dobj = next(
            (
                c
                for c in head.children
                if head.i < c.i < child.i
                and (c.dep_ == "dobj" or _called_on(c))
                and not (child.dep_ == "xcomp" and c.ent_type_ in TIME_ENTS)
            ),
            None,
        )
        if dobj is not None:
            # called on Sanders to release ...: the one called on goes with it too
            start = dobj.i + 1 if dobj.dep_ == "prep" else dobj.left_edge.i
            return strip_range(doc, start, rng[1])
    if rng is not None and child.dep_ == "dobj":
        prep = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep"
                and c.i > child.i
                and (c.lower_ in OBJECT_PREPS or _topic_in(c, rng[1]))
                # praised the crew on Tuesday: when, not what ("her speech on Tuesday" dates it)
                and not (time_phrase(c) and not names_event(child))
            ),
            None,
        )
        if prep is not None:
            return strip_range(doc, rng[0], prep.right_edge.i + 1)
        purpose = _purpose_after(head, rng[1])
        if purpose is not None:
            # announced steps to tighten sales: the parse hangs the purpose on the verb
            return strip_range(doc, rng[0], purpose.right_edge.i + 1)
    if rng is not None and child.dep_ == "ccomp" and child.i < head.i:
        reason = next((c for c in head.children if c.dep_ == "advcl" and c.i > head.i), None)
        if reason is not None:
            return strip_range(doc, rng[0], reason.right_edge.i + 1)
    return rng


# Entity labels that make an "in" phrase a when or a where ("in June", "in Iowa").
SETTING_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC"})


def _topic_in(prep: Token, end: int) -> bool:
    """ "in" right after a verb's object, naming neither a time nor a place
    ("cited a rise in thefts"): the parse hung the noun's phrase on the verb."""
    if prep.lower_ != "in" or prep.i != end:
        return False
    return not any(t.ent_type_ in SETTING_ENTS for t in prep.subtree)


def _purpose_after(verb: Token, end: int) -> Token | None:
    """An infinitive of purpose right after a verb's object and hung on the verb
    ("proposed new funds to help the states"): it says what the object is for."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.left_edge.i == end and c.left_edge.lower_ == "to":
            return c if c.left_edge.dep_ == "aux" else None
    return None


@cache
def content_nouns() -> frozenset[str]:
    """Nouns whose clause is the claim when they are a cue verb's object."""
    listed = {row[0].lower() for row in read_table("content_nouns.tsv")}
    return frozenset(listed | set(cue_nouns()))


def _noun_clause(noun: Token) -> Token | None:
    """The "that" or "to" clause right after a cue verb's bare object noun
    ("expressed concern that ...", "announced plans to ..."), or None. A noun
    with a determiner or possessor ("the notion that ...", "his plans to ...")
    is a thing of its own, and PolNeAR keeps it in the content."""
    if noun.lower_ not in content_nouns():
        return None
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # "rejected the notion that ...": the notion is what was rejected
    for child in noun.children:
        if child.dep_ not in ("acl", "relcl", "ccomp") or child.i <= noun.i:
            continue
        first = child.left_edge
        if first.i != noun.i + 1:
            continue
        if first.lower_ == "to" and first.dep_ == "aux":
            return child
        if that_complement(noun, child):
            return child
    return None
