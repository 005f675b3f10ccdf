"""The claim a source phrase vouches for: what "according to X" attributes.

The parser often hangs "according to X" on the last verb of a long sentence,
so the claim is read from the surface: the clause before the phrase ("X,
according to Y."), after it ("According to Y, X."), or around it ("X,
according to Y, Z"), within one sentence. Used by `core.complements`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .content_edges import ASIDE_OPENERS, strip_range, word_count
from .cues import CueHit, ends_sentence, sentence_first, source_verb, subject_before
from .lexicon import source_preps
from .syntax import FINITE_TAGS

SOURCE_WINDOW = 80  # tokens searched around "according to X" for its sentence


def _closed_clause(tok: Token) -> tuple[int, int] | None:
    """What a closing source phrase attributes: its verb's clause from the
    subject up to the phrase ("Bush remains mired in fourth in most surveys")."""
    verb = source_verb(tok)
    subj = None if verb is None else subject_before(verb)
    if subj is None:
        return None
    return strip_range(tok.doc, subj.left_edge.i, tok.i)


def source_phrase_clause(doc: Doc, hit: CueHit) -> tuple[int, int] | None:
    """The sentence around "according to X", read from the surface: the parser
    often hangs the phrase on the last verb of a long sentence.

    "X, according to Y." -> X; "According to Y, X." -> X; "X, according to Y, Z" -> all.
    """
    opener = doc[hit.head]
    if opener.lower_ in source_preps() and hit.start > sentence_first(opener):
        return _closed_clause(opener)
    start = hit.start
    lo = max(0, hit.start - SOURCE_WINDOW)
    while start > lo and not ends_sentence(doc[start - 1]) and not _opens_claim(doc, start - 1):
        start -= 1
    obj_end = hit.end
    while (
        obj_end < len(doc)
        and doc[obj_end].text not in (",", ";")
        and not ends_sentence(doc[obj_end])
    ):
        obj_end += 1
    end = obj_end
    hi = min(len(doc), obj_end + SOURCE_WINDOW)
    while end < hi and not ends_sentence(doc[end]):
        end += 1
    left = strip_range(doc, start, _before_copula(doc, start, hit.start))
    right = strip_range(doc, obj_end, end)
    if left is not None and right is not None and word_count(doc, *left) >= 2:
        if word_count(doc, *right) >= 2 and (
            not _finite(doc, left) or _goes_on(doc, hit.start, right)
        ):
            return strip_range(doc, start, end)
        return _closing_aside(doc, left) or left
    if right is None and left is not None:
        return _closing_aside(doc, left) or left
    return right if right is not None else left


def _finite(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a stretch holds a finite verb ("Clinton won the state" does;
    "Mrs. Clinton" does not: "Mrs. Clinton, according to aides, will run"). A
    claim before "according to Y" that has one is whole, and what follows the
    source ("..., which monitors ...", "..., director of ...") describes the
    source, not the claim."""
    return any(t.tag_ in FINITE_TAGS for t in doc[rng[0] : rng[1]])


def _goes_on(doc: Doc, source: int, right: tuple[int, int]) -> bool:
    """Whether the words after the source go on with the claim: "X reshuffled
    its diplomats and, according to officials, adopted a new plan", "...,
    according to officials, and adopted ..."."""
    before = source - 1
    while before > 0 and doc[before].is_punct:
        before -= 1
    if doc[before].pos_ == "CCONJ":
        return True
    first = doc[right[0]]
    return (
        first.pos_ == "CCONJ"
        and right[0] + 1 < right[1]
        and doc[right[0] + 1].pos_ in ("VERB", "AUX")
    )


# Forms of "be" that tie a claim to its source: "That's according to the poll".
SOURCE_COPULAS = frozenset({"'s", "’s", "is", "was", "are", "were"})


def _before_copula(doc: Doc, start: int, end: int) -> int:
    """The end of the claim before "according to", without a copula that only ties
    it to the source ("That's according to early results" claims "That")."""
    if end - 1 > start and doc[end - 1].lower_ in SOURCE_COPULAS:
        return end - 1
    return end


# The parser hangs a clause opened by "which" on the verb now and then (advcl).
RELATIVE_DEPS = frozenset({"relcl", "advcl"})


def _closing_aside(doc: Doc, rng: tuple[int, int]) -> tuple[int, int] | None:
    """The relative clause that ends what a closing "according to Y" reports
    when the sentence before it is someone else's report: in "The mayor said
    the bridge will close, which would cost $2 million, according to Y" the
    source vouches for the cost, the mayor for the rest."""
    last = doc[rng[1] - 1]
    found = None
    for anc in [last, *last.ancestors]:
        first = anc.left_edge
        if first.i <= rng[0] or anc.right_edge.i != last.i:
            break
        opens = first.lower_ in ASIDE_OPENERS and doc[first.i - 1].text == ","
        if anc.dep_ in RELATIVE_DEPS and opens:
            found = first.i
    if found is None or not any(t.dep_ == "ccomp" for t in doc[rng[0] : found]):
        return None
    return found, rng[1]


# Marks after which the claim "X, according to Z" starts inside a sentence:
# "Y: X, according to Z", "(X, according to Z)", "W; X, according to Z".
CLAIM_OPENERS = frozenset({":", ";", "("})


def _opens_claim(doc: Doc, i: int) -> bool:
    """Whether token i opens the claim of a later "according to": a bracket, a
    semicolon, or a colon after a clause (not a label: "Superdelegates: ...")."""
    if doc[i].text not in CLAIM_OPENERS:
        return False
    if doc[i].text != ":":
        return True
    first = i
    while first > 0 and not ends_sentence(doc[first - 1]):
        first -= 1
    return word_count(doc, first, i) >= 3
