"""Cues: the words that report what someone said, believes or found, in a
parsed Doc.

A cue is a verb from ``core/data/cue_verbs.tsv`` ("said", "vowed"), a phrase
that names its source ("according to"), a noun with a "that" clause ("the
claim that ..."), or a sentence-opening source ("In a new poll, ..."). What
each cue reports (its complement) is read by `core.complements`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .evidence import can_speak
from .lemmas import Lemmas
from .lexicon import (
    any_cue_nouns,
    cue_adjective_preps,
    cue_adjectives,
    cue_adverbs,
    cue_noun_infinitives,
    cue_noun_preps,
    cue_nouns,
    cue_phrases,
    cue_verbs,
    source_preps,
)
from .not_cues import byline, in_compound_word, markup_name, naming
from .records import CueCategory, Span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
QUOTE_MARK_TEXTS = frozenset(["“", "”", '"', "''", "``", "‘", "’", "'", "«", "»", "„", "‟"])
DASHES = frozenset(["—", "–", "-", "--", "―"])
SENTENCE_END = frozenset({".", "!", "?", "…"})


def subject_child(tok: Token) -> Token | None:
    """The first subject child of a word, on either side of it ("she said",
    "said she"), if any."""
    return next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)


def subject_before(tok: Token) -> Token | None:
    """The subject child of a word that comes before it ("she said"), if any.
    Unlike `subject_child`, a subject after the word ("said she") is not one."""
    return next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)


@dataclass(slots=True)
class CueHit:
    """A cue in the text: the token range of its words and what it means."""

    start: int  # token index
    end: int
    head: int  # the token that carries the syntax (the verb, or "according")
    lemma: str
    category: CueCategory
    chars: Span  # character span of the cue words
    frames: frozenset[str] = frozenset()
    source_phrase: bool = False  # "according to X": the source is the phrase's object


def find_cues(doc: Doc, lemmas: Lemmas, quoted: list[bool] | None = None) -> list[CueHit]:
    """Cue verbs and cue phrases outside quoted text, in order."""
    verbs = cue_verbs()
    phrases = cue_phrases()
    preps = source_preps()
    nouns = any_cue_nouns()
    adjectives = cue_adjectives()
    adjective_preps = cue_adjective_preps()
    noun_preps = cue_noun_preps()
    adverbs = cue_adverbs()
    firsts = {p[0] for p in phrases}
    longest = max((len(p) for p in phrases), default=0)
    hits: list[CueHit] = []
    covered = -1
    for tok in doc:
        if tok.i < covered or (quoted is not None and quoted[tok.i]):
            continue
        if tok.lower_ in firsts:
            phrase = _phrase_at(doc, tok.i, phrases, longest)
            if phrase is not None:
                hits.append(phrase)
                covered = phrase.end
                continue
        if tok.lower_ in preps:
            opener = _source_opener(tok, preps[tok.lower_])
            if opener is not None:
                hits.append(opener)
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in nouns:
            clause = that_clause(tok)
            if clause is not None:
                hits.append(_word_hit(tok, tok.lower_, nouns[tok.lower_], NOUN_FRAME))
            continue
        if tok.pos_ == "NOUN":
            prep = owned_prep(tok, noun_preps)
            if prep is not None:
                cat = noun_preps[(tok.lower_, prep.lower_)]
                frames = frozenset({NOUN, f"prep:{prep.lower_}"})
                hits.append(_word_hit(tok, tok.lower_, cat, frames))
            continue
        if tok.pos_ == "ADV" and tok.lower_ in adverbs:
            verb = hedged_clause(tok)
            if verb is not None and lemmas(verb) not in verbs:
                hits.append(_word_hit(tok, tok.lower_, adverbs[tok.lower_], HEDGE_FRAME))
            continue
        if tok.pos_ == "ADJ":
            hit = _adjective_hit(tok, adjectives, adjective_preps)
            if hit is not None:
                hits.append(hit)
            continue
        if tok.pos_ != "VERB" or in_compound_word(doc, tok) or markup_name(doc, tok):
            continue
        lemma = lemmas(tok)
        sense = verbs.get(lemma)
        if sense is not None and not byline(doc, tok, lemma) and not naming(tok):
            hits.append(_word_hit(tok, lemma, sense.category, sense.frames))
    return hits


NOUN = "noun"  # the frame every cue noun has
NOUN_FRAME = frozenset({NOUN})  # a cue noun: its "that" clause is the content
# (a noun with a "prep:X" frame too reports that preposition's object instead)
CLAUSE_FRAME = frozenset({"ccomp"})  # a cue adjective: its "that" clause is the content
# A hedging adverb ("reportedly"): its clause is the content and nobody is
# named ("clause": the claim layer cuts the cue out and leaves no speaker).
HEDGE_FRAME = frozenset({"clause", "hedge"})
# Degree words that make a "that" clause a result, not a belief: "so odd that ...".
RESULT_DEGREES = frozenset({"so", "too", "such", "enough"})


def _adjective_hit(
    adj: Token,
    clauses: dict[str, CueCategory],
    preps: dict[tuple[str, str], CueCategory],
) -> CueHit | None:
    """A cue adjective: "confident that ..." or "critical of ..."."""
    if adj.lower_ in clauses and adjective_clause(adj) is not None:
        return _word_hit(adj, adj.lower_, clauses[adj.lower_], CLAUSE_FRAME)
    prep = stance_prep(adj, preps)
    if prep is None:
        return None
    cat = preps[(adj.lower_, prep.lower_)]
    return _word_hit(adj, adj.lower_, cat, frozenset({f"prep:{prep.lower_}"}))


# Dependencies of an adjective that is the predicate of its clause.
PREDICATE_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp"})


def stance_prep(adj: Token, preps: dict[tuple[str, str], CueCategory]) -> Token | None:
    """The preposition right after a stance adjective ("critical of"), when the
    adjective is a predicate whose subject can hold the stance (a person, a
    name, a group)."""
    if adj.dep_ not in PREDICATE_DEPS:
        return None
    prep = _listed_prep(adj, preps)
    if prep is None:
        return None
    holder = subject_child(adj.head)
    if holder is None or holder.lower_ == "it" or not can_speak(holder):
        return None  # "The lighthouse is open to visitors": a thing holds no stance
    return prep


def hedged_clause(adv: Token) -> Token | None:
    """The verb whose clause a hedging adverb marks as reported ("the agency
    reportedly paid"), not in a relative clause ("a man who allegedly ...")
    nor a clause hung on a noun, nor a participle ("allegedly grabbing ...")."""
    verb = adv.head
    if adv.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or verb.i == adv.i:
        return None
    if verb.tag_ == "VBG":
        return None
    return None if verb.dep_ in ("relcl", "acl") else verb


def adjective_clause(adj: Token) -> Token | None:
    """The "that" clause a cue adjective reports: "confident that the bill will
    pass". Not a result clause ("so worried that she left")."""
    if any(c.lower_ in RESULT_DEGREES for c in adj.children):
        return None
    for child in adj.children:
        if child.dep_ == "ccomp" and child.i > adj.i and opens_with_that(child):
            return child
    return None


def that_clause(noun: Token) -> Token | None:
    """The clause a cue noun reports: "the claim that the vote was rigged".

    Only a clause right after the noun that opens with the complementizer
    "that" and has its own subject; a relative clause ("the claim that he
    made") has "that" as its subject or object instead.
    """
    for child in noun.children:
        if child.dep_ not in ("acl", "relcl") or child.i <= noun.i:
            continue
        if owned_infinitive(noun, child):
            return child
        if noun.lower_ not in cue_nouns():
            continue  # "told analysts on a call that ...": only the infinitive nouns report a "to"
        if that_complement(noun, child):
            return child
    return None


def that_complement(noun: Token, clause: Token) -> bool:
    """Whether a clause is a "that"-complement of the noun right before it:
    it opens with the marker "that" and has its own subject."""
    return clause.left_edge.i == noun.i + 1 and opens_with_that(clause)


def opens_with_that(clause: Token) -> bool:
    """Whether a clause opens with the complementizer "that" and has its own
    subject ("that the bill will pass"), unlike a relative clause ("that he made")."""
    first = clause.left_edge
    if first.lower_ != "that" or first.dep_ != "mark":
        return False
    return subject_child(clause) is not None


def owned_prep(noun: Token, preps: dict[tuple[str, str], CueCategory]) -> Token | None:
    """The preposition right after an owned noun of speech or stance ("the
    mayor's attacks on the board"): its object is what was said."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    return _listed_prep(noun, preps)


def _listed_prep(word: Token, preps: dict[tuple[str, str], CueCategory]) -> Token | None:
    """The preposition right after a word and hung on it, when the pair is listed."""
    if word.i + 1 >= len(word.doc):
        return None
    prep = word.doc[word.i + 1]
    if prep.dep_ != "prep" or prep.head.i != word.i or (word.lower_, prep.lower_) not in preps:
        return None
    return prep


def owned_infinitive(noun: Token, clause: Token) -> bool:
    """ "Trump's decision to skip the debate": an infinitive right after a cue
    noun that has an owner, who is its source."""
    if noun.lower_ not in cue_noun_infinitives() or clause.tag_ != "VB" or noun.dep_ == "ROOT":
        return False  # a noun at the root: a misparse that took the sentence's verb
    first = clause.left_edge
    if first.lower_ != "to" or first.i != noun.i + 1:
        return False
    return any(c.dep_ == "poss" for c in noun.children)


def _source_opener(tok: Token, sense: tuple[CueCategory, frozenset[str]]) -> CueHit | None:
    """A sentence that opens "In a new poll, ...": the poll is its source.

    Only at the start of a sentence (after "But"/"And" at most) and set off by a
    comma: mid-sentence ("leads in the polls") the phrase rarely attributes.
    """
    category, nouns = sense
    doc = tok.doc
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lower_ not in nouns:
        return None
    after = obj.right_edge.i + 1
    if sentence_first(tok) != tok.i:
        if not _closing_source(tok, after):
            return None
    elif after >= len(doc) or doc[after].text != ",":
        return None
    return _word_hit(tok, tok.lower_, category, source_phrase=True)


def sentence_first(tok: Token) -> int:
    """The first word of a token's sentence, past a leading "But"/"And" and punctuation."""
    doc = tok.doc
    first = tok.sent.start
    while first < tok.i and (doc[first].is_space or doc[first].pos_ in ("CCONJ", "PUNCT")):
        first += 1
    return first


def _closing_source(tok: Token, after: int) -> bool:
    """A source phrase that closes the clause it attributes: "Mr. Trump is ahead
    in the polls.", "He fell to 10 percent in the latest poll, a ...", "She
    has a wide lead in the polls": hung on the clause's verb or its object (not
    on another noun: "his lead in the polls worried them"), and the clause has
    its subject before it."""
    doc = tok.doc
    verb = source_verb(tok)
    if verb is None:
        return False
    if subject_before(verb) is None:
        return False
    return after >= len(doc) or doc[after].text in (",", ";") or ends_sentence(doc[after])


def source_verb(tok: Token) -> Token | None:
    """The verb of the clause a closing source phrase hangs from: its head, or
    the verb whose object it follows ("Trump has a wide lead in the polls")."""
    head = tok.head
    if head.dep_ == "dobj" and head.head.i < head.i < tok.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i < tok.i else None


def _phrase_at(
    doc: Doc, i: int, phrases: dict[tuple[str, ...], CueCategory], longest: int
) -> CueHit | None:
    for n in range(longest, 1, -1):
        words = tuple(t.lower_ for t in doc[i : i + n])
        if len(words) == n and words in phrases:
            last = doc[i + n - 1]
            chars = (doc[i].idx, last.idx + len(last.text))
            return CueHit(i, i + n, i, " ".join(words), phrases[words], chars, source_phrase=True)
    return None


def _word_hit(
    tok: Token,
    lemma: str,
    category: CueCategory,
    frames: frozenset[str] = frozenset(),
    source_phrase: bool = False,
) -> CueHit:
    """A cue of one word: a verb, noun, adjective, adverb or source preposition."""
    chars = (tok.idx, tok.idx + len(tok.text))
    return CueHit(tok.i, tok.i + 1, tok.i, lemma, category, chars, frames, source_phrase)


def ends_sentence(tok: Token) -> bool:
    return tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text)
