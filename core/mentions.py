"""Speaker mentions of a cue: who a cue's words are given to.

From the parse (`speaker_for`, `subject_of`): the cue's subject, or the one it
shares with the verb it hangs from, a passive cue's agent, the object before
an infinitive ("led X to declare"), X of "for X to say", the object of
"according to", the possessor of a cue noun ("Trump's claim that"). From the
surface, where the parser often fails: the words around an inverted
attribution (`surface_speaker`: “…,” the Russia FM said / said port director
Anna Keller) and the noun phrase written right before a cue verb the parse
left without a subject (`surface_subject`). Failing both, the subject of the
clause such a cue hangs in (`governing_subject`: "X shared the news, writing
...") and, for a cue noun with no possessor, the subject of the verb it is the
object of (`noun_holder`: "X bristled at the suggestion that"). `mention_range`
cuts a speaker's noun phrase out of the clauses that hang off it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .complements import continues_cue
from .cues import DASHES, NOUN, QUOTE_MARK_TEXTS, SENTENCE_END, CueHit
from .evidence import can_speak, dateline_word
from .lexicon import document_nouns, event_nouns
from .syntax import RELATIVE_PRONOUNS

# Prepositions that stay in a speaker's noun phrase: "a report by the auditor".
MENTION_PREPS = frozenset({"of", "at", "by", "from"})
NAME_HEADS = frozenset({"PROPN", "NOUN", "CCONJ"})
# Words that can make up a speaker's noun phrase written next to a cue.
NAME_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM", "PART"})
ASIDE_WINDOW = 25  # longest ", who ...," aside skipped inside an attribution (speaker ... cue)


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject it shares.

    A passive cue speaks through its agent ("asked by a reporter", "Asked by
    X to respond, Y said": X asked); "for X to say" through X. "adding"/
    "saying" clauses (a participle after a comma that the parser hung on the
    verb of a reported clause goes on with the reporting verb: "X said that Y
    is Z, stating that ..." is X's), coordinated verbs ("... and said") and gerunds after a
    preposition ("ended by saying") borrow the subject of the verb they hang
    from ("were more likely to say"), and an infinitive after an object
    borrows the object ("led X to declare", "prompted many to wonder"). A
    clause hanging off a noun is spoken by that noun when it can speak ("a
    voter saying"); off a thing ("launched petitions calling for", "a chance
    to say", "a statement saying"), by whoever the sentence is about.
    """
    agent = _agent(verb)
    if agent is not None:
        return agent
    owner = _for_subject(verb)
    if owner is not None:
        return owner
    tok = _past_reported_clause(verb)
    for _ in range(CLIMB_STEPS):
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            subjects = [
                c
                for c in tok.children
                # "X is expected to": X is what is reported, not who reports
                if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and tok.i != verb.i)
            ]
            if subjects:
                # "PORTVALE, Ore. — Sen. Ana Ruiz continued ...": not PORTVALE
                return next((c for c in subjects if not dateline_word(c)), subjects[0])
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and can_speak(obj):
                return obj
        if tok.dep_ == "conj" and continues_cue(tok):
            tok = head.head  # X forecast that Y would rebound and praised Z: X praised
        elif tok.dep_ in ("conj", "advcl", "xcomp", "parataxis", "acomp"):
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" and can_speak(head):
                return head  # a parse with no verb: "A voter in Ames, saying ..."
            tok = head
        elif tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            tok = head.head
        elif tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and not can_speak(head) and _infinitive(tok):
                return owner  # "Trump's failure to denounce ...": Trump
            if head.dep_ not in ("dobj", "pobj") or not _occasion(head, tok):
                return head
            tok = head
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") and tok is not verb:
            tok = head  # the thing the clause hangs off: up to the verb it is the object of
        elif tok.dep_ == "prep" and tok is not verb:
            tok = head
        else:
            break
    return None


CLIMB_STEPS = 6  # links followed up the parse from a cue to its speaker


def _after_comma(tok: Token) -> bool:
    """Whether a comma stands right before a token, a closing mark aside ("…," stating)."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text in QUOTE_MARK_TEXTS:
        i -= 1
    return i >= 0 and tok.doc[i].text == ","


def _past_reported_clause(verb: Token) -> Token:
    """A participle set off by a comma that the parser hung on the verb of a
    reported clause ("X said Y will have to choose, saying, “…”", "X said that
    Y represents Z, stating that ...") goes on with the reporting verb: its
    speaker is the reporter, not the subject of the reported clause."""
    head = verb.head
    while head.dep_ == "xcomp" and head.head.i < head.i:
        head = head.head  # "will have to choose, saying": the clause's own verb
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and _after_comma(verb)
        and head.i < verb.i
        and head.dep_ == "ccomp"
        and head.head.pos_ == "VERB"
        and head.head.i < head.i
        and any(c.dep_ == "nsubj" for c in head.head.children)
    ):
        return head.head
    return verb


def _to_aux(verb: Token) -> Token | None:
    """The infinitive marker "to" of a verb ("to say"), if it has one."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def _infinitive(verb: Token) -> bool:
    return _to_aux(verb) is not None


def _occasion(noun: Token, clause: Token) -> bool:
    """Whether a noun a cue clause hangs off only carries or occasions the
    speech of whoever the sentence is about: a text ("issued a statement
    saying"), an event ("opened a rally blasting ..."), a noun with an
    infinitive ("passed up chances to challenge", "took a moment to point
    out"), or one set off by a comma ("made a third attempt, writing that").
    A person or group speaks itself ("quoted a voter saying"), and so does
    any other thing ("911 calls saying", "ledgers showing")."""
    if can_speak(noun) and noun.lower_ not in document_nouns():
        return False
    if noun.lower_ in document_nouns() or noun.lower_ in event_nouns():
        return True
    return _infinitive(clause) or (clause.i > 0 and clause.doc[clause.i - 1].text == ",")


def _agent(verb: Token) -> Token | None:
    """The agent of a passive cue: "was asked by X", "Asked by X, ..."."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _for_subject(verb: Token) -> Token | None:
    """X of "for X to say": "an opening for Clinton to highlight ...", "common
    for news accounts to portray ..."."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    to = _to_aux(verb)
    if to is None or to.i == 0:
        return None
    tok = verb.doc[to.i - 1]
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.i < tok.i:
        return tok
    return None


def mention_range(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without clauses hanging off it."""
    keep = [tok]
    stack = list(tok.children)
    while stack:
        child = stack.pop()
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        if child.dep_ in ("cc", "conj") and child.head.i == tok.i and child.pos_ not in NAME_HEADS:
            continue  # "Trump and Clinton" stays one mention; "X and said" does not
        if child.head.i == tok.i and (
            child.dep_ == "punct" or (child.dep_ == "prep" and child.lower_ not in MENTION_PREPS)
        ):
            continue
        keep.append(child)
        stack.extend(child.children)
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    doc = tok.doc
    for k in range(tok.i + 1, end):
        if doc[k].pos_ == "VERB" and doc[k].dep_ not in ("amod", "compound"):
            end = k  # a parse run on into a clause: "De Blasio, speaking ..., called"
            break
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    dashes = [
        k
        for k in range(start + 1, end - 1)
        if doc[k].text in DASHES and doc[k].whitespace_ and doc[k - 1].whitespace_
    ]  # "Ore. — Sen. Ana Ruiz": the dateline is not the name ("front-runner" is)
    before = [k for k in dashes if k < tok.i]
    if before:
        start = before[-1] + 1
    elif dashes and dateline_word(tok):
        start = dashes[0] + 1  # the parser hung the name on the dateline
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def speaker_for(doc: Doc, hit: CueHit) -> tuple[tuple[int, int] | None, int | None]:
    """The speaker mention of a cue from the parse, and the referent of a relative pronoun."""
    head = doc[hit.head]
    if hit.source_phrase:
        prep = doc[hit.end - 1]
        for child in prep.children:
            if child.dep_ == "pobj":
                return mention_range(child), None
        return None, None
    if NOUN in hit.frames:
        # Trump's claim that ...: the possessor; complaints that ...: nobody named
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            found = _surface_owner(doc, head.i)
            if found is None:
                holder = noun_holder(head)
                if holder is not None:
                    return mention_range(holder), None
            return found, None
        start, end = mention_range(owner)
        while end > start + 1 and doc[end - 1].dep_ == "case":
            end -= 1  # Trump's -> Trump
        return (start, end), None
    subj = subject_of(head)
    if subj is not None and not can_speak(subj) and subj.head.i != head.head.i:
        # a noun the parse found by climbing, not the subject the participle hangs
        # from: "X called for a vote, and then a recount, declaring ...": X
        subj = participle_subject(head) or subj
    if subj is None:
        found = surface_subject(doc, head.i)
        if found is None:
            subj = governing_subject(head) or participle_subject(head)
            if subj is not None:
                return mention_range(subj), None
        return found, None
    referent = None
    if subj.lower_ in RELATIVE_PRONOUNS:
        clause = subj.head
        while (
            clause.dep_ != "relcl"
            and clause.head.i != clause.i
            and clause.dep_
            in (
                "conj",
                "xcomp",
            )
        ):
            clause = clause.head
        if clause.dep_ == "relcl":
            referent = clause.head.i
        else:  # the parse missed the relative clause: the noun written before it
            before = subj.i - 1
            if before > 0 and doc[before].text == "," and subj.lower_ != "that":
                before -= 1
            if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN"):
                referent = before
    return mention_range(subj), referent


SUBJECT_GAP_POS = frozenset({"ADV", "AUX", "PART"})  # "has also said", "did not say"
SUBJECT_WORDS = 8  # longest name written right before a cue verb


def surface_subject(doc: Doc, verb: int) -> tuple[int, int] | None:
    """The noun phrase written right before a finite cue verb whose parse has no
    subject: "former president Bill Clinton said" read as an apposition,
    "Rep. Paul Ryan (R-WI) said", "Jane Roe, head of the group, recounted"."""
    tok = doc[verb]
    if any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if verb > 0 and _modal_name(doc[verb - 1], tok):
        start = verb - 1
        while start > 0 and verb - start < SUBJECT_WORDS and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return start, verb
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb - 1
    while i >= 0 and doc[i].pos_ in SUBJECT_GAP_POS and not doc[i].is_punct:
        i -= 1
    if i >= 0 and doc[i].text == ")":  # a party and state: "(R-WI)"
        k = i - 1
        while k >= 0 and i - k <= 6 and doc[k].text != "(":
            k -= 1
        i = k - 1 if k >= 0 and doc[k].text == "(" else -1
    if i >= 1 and doc[i].text == ",":  # "Jane Roe, head of the group, recounted"
        k = i - 1
        while k >= 0 and i - k <= ASIDE_WINDOW and doc[k].text != ",":
            if doc[k].text in SENTENCE_END or "\n" in doc[k].text:
                return None
            k -= 1
        i = k - 1 if k >= 1 and doc[k].text == "," else -1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or not can_speak(doc[i]):
        return None
    start = i
    while (
        start > 0
        and i - start < SUBJECT_WORDS
        and (doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[start - 1].tag_ == "POS")
        and doc[start - 1].pos_ != "PRON"
    ):
        start -= 1
    return start, i + 1


def _modal_name(tok: Token, verb: Token) -> bool:
    """A capitalised modal right before a past-tense cue is a name the parser
    read as an auxiliary ("Will wrote", "May said"): no modal takes a past tense."""
    return tok.tag_ == "MD" and tok.text.istitle() and verb.tag_ in ("VBD", "VBN")


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _surface_owner(doc: Doc, noun: int) -> tuple[int, int] | None:
    """The possessor written before a cue noun when the parse missed it: "the
    Tulsa police’s earlier claim" (the parser read "’s" as "is")."""
    i = noun - 1
    while i >= 0 and doc[i].pos_ in ("ADJ", "ADV") and i > noun - 3:
        i -= 1
    if i < 1 or doc[i].text not in POSSESSIVE:
        return None
    end = i
    start = end
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN") and end - start < 5:
        start -= 1
    return (start, end) if start < end else None


def surface_speaker(doc: Doc, hit: CueHit, quote_end: int) -> tuple[int, int] | None:
    """The speaker as written around a cue that follows a quote, without the parse.

    “…,” the Russia FM said -> the words between the quote and the cue;
    “…,” said port director Anna Keller -> the noun phrase right after the cue.
    The parser often mislabels these inversions, so this reads the surface.
    """
    between = []
    k = quote_end
    while k < hit.start:
        aside = relative_aside(doc, k, hit.start)
        if aside is not None:
            k = aside + 1  # the speaker's description, not part of the name
            continue
        t = doc[k]
        if not (t.is_punct or t.is_space) and t.pos_ not in ("AUX", "ADV"):
            between.append(t)
        k += 1
    if between:
        if between[0].pos_ == "ADP":
            return None
        if all(t.pos_ in NAME_POS or t.lower_ in ("of", "'s", "’s", "at") for t in between):
            return between[0].i, between[-1].i + 1
        return None
    end = hit.end
    while end < len(doc) and (doc[end].pos_ in NAME_POS or doc[end].lower_ in ("of", ".")):
        if doc[end].lower_ == "." and not doc[end - 1].is_title:
            break
        end += 1
    while end > hit.end and doc[end - 1].lower_ in ("of", "the", "a", "an", ".", "on", "in"):
        end -= 1
    if end == hit.end:
        return None
    return hit.end, _named_after(doc, hit.end, end)


def _named_after(doc: Doc, start: int, end: int) -> int:
    """The end of a role mention written with the name after it, set off by
    commas (said the caretaker, Ida Wren, “…”): the name is the speaker's."""
    if (
        end + 1 >= len(doc)
        or doc[end].text != ","
        or any(t.pos_ == "PROPN" for t in doc[start:end])
    ):
        return end
    k = end + 1
    while k < len(doc) and doc[k].ent_type_ == "PERSON":
        k += 1
    if k > end + 1 and (k == len(doc) or doc[k].is_punct or doc[k].is_space):
        return k
    return end


def relative_aside(doc: Doc, i: int, limit: int) -> int | None:
    """The comma closing ", who works at X," when token ``i`` opens one: a speaker
    described inside the attribution (“…,” Jane Roe, who runs the shop, said)."""
    if doc[i].text != "," or i + 1 >= len(doc) or doc[i + 1].lower_ not in ("who", "whose"):
        return None
    for k in range(i + 2, min(limit, len(doc))):
        tok = doc[k]
        if tok.text == ",":
            return k
        if tok.text in SENTENCE_END or tok.text in QUOTE_MARK_TEXTS or "\n" in tok.text:
            return None
    return None


# Links climbed from a cue with no subject of its own to the clause it belongs to.
GOVERNING_DEPS = frozenset(
    {"advcl", "xcomp", "conj", "ccomp", "dep", "pcomp", "prep", "pobj", "oprd", "acomp"}
    | {"dobj", "attr"}  # the noun a clause hangs off ("had reason to know", "was the first to")
)
GOVERNING_STEPS = 6  # links climbed from a cue to the clause whose subject speaks it


def governing_subject(verb: Token) -> Token | None:
    """The speaker of a cue verb the parse left with no subject, read from the
    clause it hangs in: "Flea shared the news, writing ...", "Manafort had
    reason to know that ...", "X was the first senator to endorse ...", a
    participle the parser hung inside the quote it introduces. A clause off a
    noun that can speak is that noun's ("those calling for ..."). A passive
    cue ("was expected to", "what is called") names no speaker, nor does an
    expletive ("It is too soon to say")."""
    if any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return None
    tok = verb
    for _ in range(GOVERNING_STEPS):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in ("acl", "relcl"):
            if head.dep_ == "attr" and _infinitive(tok):
                tok = head.head  # X was the first senator to endorse: X
            elif can_speak(head) and head.lower_ not in RELATIVE_PRONOUNS and head.lower_ != "it":
                return head
            elif head.dep_ in ("dobj", "pobj", "attr"):
                tok = head  # had reason to know: whoever had it
            else:
                return None
        elif tok.dep_ in GOVERNING_DEPS:
            tok = head
        else:
            return None
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.lower_ in RELATIVE_PRONOUNS or (subj.lower_ == "it" and tok.pos_ == "AUX"):
                return None
            return subj if can_speak(subj) else None
    return None


def participle_subject(verb: Token) -> Token | None:
    """The speaker of a participle cue set off by a comma that the parse hung
    nowhere useful (inside the quote it introduces, or as a subject): the
    subject of the sentence's main verb written before it ("X shared the news
    on Monday, writing “…”")."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    root = verb.sent.root
    if root.i >= verb.i or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in RELATIVE_PRONOUNS or subj.lower_ == "it":
        return None
    return subj if can_speak(subj) else None


# Prepositions through which a verb's subject holds a cue noun: "bristled at
# the suggestion", "clung to the hope", "in hopes that", "took issue with".
HOLDING_PREPS = frozenset({"at", "from", "in", "on", "to", "with"})


def noun_holder(noun: Token) -> Token | None:
    """Who holds a cue noun that has no possessor: the subject of the verb it is
    the object of ("repeated accusations that", "played down the idea that",
    "backed away from a suggestion that")."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
        if tok.lower_ not in HOLDING_PREPS:
            return None  # "despite complaints that": someone else's
    if tok.dep_ not in ("dobj", "prep"):
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
        return None
    subj = subject_of(verb) or governing_subject(verb)
    if subj is None or not can_speak(subj) or subj.lower_ in RELATIVE_PRONOUNS:
        return None
    return subj
