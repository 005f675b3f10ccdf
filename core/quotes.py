"""Finding quotes (direct, mixed, indirect) and their cues and speaker mentions.

Works on one parsed spaCy Doc; offsets here are the Doc's own. Everything is
one pass over the tokens plus work per quote and per cue, so the cost grows
with the text, never with its square.

* Direct quotes come from the paired quotation marks (`marks.find_quoted`).
  Their cue and speaker come first from the words right around the marks
  (“…,” the minister said / X said: “…” / Name: “…” / “…” — Name), which
  survives the parser's mistakes on long quotes and inverted attributions,
  and only then from the parse (the quote is the complement of a cue verb).
* A quote split by its attribution (“…,” she said. “…”) is one quote whose
  ``parts`` are the pieces (`split_quotes.merge_split`); `claims.exact_words`
  then keeps the attribution and its comma out of every part, and
  `claims.fold` leaves one record per claim.
* Indirect quotes are the complements of cue verbs, chosen per verb by the
  frames in ``core/data/cue_verbs.tsv`` ("X said (that) ...", "X vowed to
  ...", "X called for ..."), and the clauses around "according to X".
* A complement that holds a quoted fragment makes one mixed quote.
* A direct quote with no attribution of its own that opens the paragraph after
  an attributed one continues that speaker's turn, and joins that quote as a
  further part when the attribution ends its paragraph (`turns.join_turns`);
  lowercase quoted words that go on with a paraphrase in their sentence extend
  it into one mixed quote (`turns.fold_fragments`); short unattributed quotes
  (scare quotes, titles, nicknames) are dropped, and a longer one takes the
  speaker of the attributed quote next to it.
* A line written "Name: text" (headlines, transcripts) is attributed to Name.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .attribution import (
    Finder,
    Marked,
    first_letter_at,
    last_char,
    title_cased,
    token_chars,
    word_before,
)
from .claims import CONFIDENCE, RawQuote, exact_words, fold
from .content_edges import strip_range, word_count
from .cues import (
    DASHES,
    QUOTE_MARK_TEXTS,
    SENTENCE_END,
    CueHit,
    subject_before,
    subject_child,
)
from .lemmas import Lemmas
from .mentions import speaker_for, surface_speaker
from .records import QuoteKind, Span
from .split_quotes import lead_pieces, merge_split
from .syntax import FINITE_TAGS
from .turns import continue_turns, fold_fragments, join_turns, nearby_speakers
from .unattributed import MIN_CONTINUATION_WORDS, unattributed, worth_keeping


def find_quotes(doc: Doc, lemmas: Lemmas) -> list[RawQuote]:
    """All quotes in the Doc, in text order."""
    f = Finder(doc, lemmas)
    quotes: list[RawQuote] = []
    pending: list[Marked] = []  # marked spans not attributed by their surroundings
    for m in f.marked:
        raw = _after_that(f, _direct(f, m), m)
        if raw is None:
            pending.append(m)
        else:
            m.used = True
            quotes.append(raw)
    quotes = merge_split(f, quotes, pending)
    quotes.extend(_indirect(f, quotes))
    quotes.extend(_labelled_lines(f, quotes))
    for m in pending:
        if m.used:
            continue
        raw = _after_that(f, unattributed(f, m), m)
        if raw is not None:
            quotes.append(raw)
    quotes.sort(key=lambda q: q.start)
    continue_turns(f, quotes)
    quotes = [q for q in quotes if worth_keeping(f, q) and exact_words(f, q)]
    quotes = lead_pieces(f, fold(f, quotes))
    quotes = fold_fragments(f, quotes)
    nearby_speakers(f, quotes)
    return join_turns(f, quotes)


def _mixed(
    f: Finder,
    hit: CueHit,
    tokens: tuple[int, int],
    speaker: tuple[int, int] | None,
    referent: int | None,
    outer: Span | None,
) -> RawQuote | None:
    """A mixed quote: the paraphrase over ``tokens`` that ends in the quoted words."""
    rng = strip_range(f.doc, *tokens)
    if rng is None:
        return None
    span = token_chars(f.doc, rng)
    f.used.add(hit.head)
    return RawQuote(
        *span, [span], "mixed", hit, speaker, CONFIDENCE["mixed"], outer=outer, referent=referent
    )


def _direct(f: Finder, m: Marked) -> RawQuote | None:
    """A quote attributed by the words around its marks, direct or mixed."""
    doc = f.doc
    q = m.q
    lead = 0 if _after_colon(doc, m) else f.lead_words(m)
    outer_cue = _outer_cue(f, m)
    hit = f.attribution_after(m)
    introduced = lead > 0 and _introduced(f, m)
    if lead > 0 and _set_apart(f, m) and not introduced:
        lead = 0  # X weighed in, telling a host, “But …,” he said: a sentence of its own
    if hit is not None and (
        not _inverted(doc, hit, lead, f.layout.quoted) or _in_subject(doc, hit, m)
    ):
        hit = None
    if hit is not None and lead > 0 and (outer_cue is not None or introduced):
        # Ruiz said the storm was a “test”, and the council agreed: the cue
        # before the quote reports it, the one after has a clause of its own;
        # X asked, “Why now?” Y wrote back, “…”: X's sentence, Y's next one
        hit = None
    if hit is not None and lead > 0 and _title(f, m) and _introduces_next(f, m, hit):
        hit = None  # On ABC’s “Good Morning America” Tuesday, he said, “…”: a show's name
    speaker: tuple[int, int] | None = None
    referent = None
    if hit is not None:
        speaker = surface_speaker(doc, hit, m.last)
        if speaker is None:
            speaker, referent = speaker_for(doc, hit)
        if lead > 0:
            # The tax plans are ''profoundly irresponsible,'' said X: a mixed quote
            return _mixed(f, hit, (f.lead_start(m), m.last), speaker, referent, q.outer)
    if hit is None and f.label_before(m) is not None:
        hit = None  # Name: “…” - the label speaks, whatever verb came before it
    elif hit is None:
        hit = f.attribution_before(m)
        if hit is not None and hit.head in f.used:
            return None  # “…,” she said, “…”: the second piece of a split quote
        if hit is not None:
            speaker, referent = speaker_for(doc, hit)
            if not _introduces(f.text, doc, hit, m):
                # He called Trump “a con man”: the quote ends a paraphrase
                comp = f.complement(hit)
                if comp is not None and comp[0] <= m.first and m.last - 1 <= comp[1]:
                    return None  # the complement holds it: a mixed quote, made later
                if outer_cue is not None:
                    return None  # said the budget showed “…”: the outer cue's, made later
                outer = _reporting(f, hit)
                if outer is not None:
                    # Trump said he wants “a total …”: one claim, the outer cue's
                    o_speaker, o_referent = speaker_for(doc, outer[0])
                    raw = _mixed(f, outer[0], (outer[1], m.last), o_speaker, o_referent, q.outer)
                    if raw is not None:
                        raw.inner.append(hit)
                        f.used.add(hit.head)
                else:
                    raw = _mixed(f, hit, (hit.end, m.last), speaker, referent, q.outer)
                return None if raw is None else _run_on_to(f, raw, m)
    if hit is None:
        label = f.label_before(m) or f.dash_after(m)
        if label is not None:
            return RawQuote(
                *q.content,
                list(q.parts),
                "direct",
                _punct_cue(f, m),
                label,
                CONFIDENCE["labelled"],
                outer=q.outer,
            )
        found = f.in_complement(m)
        if found is None:
            return _continues_complement(f, m)
        hit, comp = found
        speaker, referent = speaker_for(doc, hit)
        inside = word_count(doc, m.first, m.last)
        if word_count(doc, *comp) > inside + 1:
            return None  # a fragment inside a paraphrase: the mixed step takes it
    if hit.head in f.used:
        return None  # the second piece of a split quote: joined to the first
    f.used.add(hit.head)
    raw = RawQuote(
        *q.content,
        list(q.parts),
        "direct",
        hit,
        speaker,
        CONFIDENCE["direct"],
        outer=q.outer,
        referent=referent,
    )
    run_on = _run_on(f, m) if hit.chars[1] <= q.outer[0] and len(q.parts) == 1 else None
    if run_on is not None:
        # said “I have not heard that concern” from the police: the sentence goes on
        raw.start = q.outer[0]  # a mixed quote keeps its marks: “…” from the police
        raw.end, raw.parts, raw.kind = run_on, [(raw.start, run_on)], "mixed"
        raw.confidence = CONFIDENCE["mixed"]
    return raw


def _title(f: Finder, m: Marked) -> bool:
    """Whether quoted words read as a title (every word capitalized, no
    punctuation before the closing mark): a name, not speech."""
    return title_cased(f.doc, m.first, m.last) and last_char(f.text, m.q.content[1]).isalnum()


def _introduces_next(f: Finder, m: Marked, hit: CueHit) -> bool:
    """Whether the cue after a quote introduces the next quote (he said, “…”)."""
    k = bisect.bisect_right(f.marked, m.q.outer[0], key=lambda n: n.q.outer[0])
    if k >= len(f.marked):
        return False
    before = f.attribution_before(f.marked[k])
    return before is not None and before.head == hit.head


def _introduced(f: Finder, m: Marked) -> bool:
    """Whether a cue right before a quote introduces it as a sentence of its
    own (X asked, “Why now?”), so that a cue after it (… Y wrote back) is not
    its attribution."""
    before = f.attribution_before(m)
    return (
        before is not None
        and before.head not in f.used
        and _first_letter(f.text, m).isupper()
        and _introduces(f.text, f.doc, before, m)
    )


def _reporting(f: Finder, hit: CueHit) -> tuple[CueHit, int] | None:
    """A cue of the same sentence whose reported clause holds ``hit`` (said he
    wants …), with where that clause starts."""
    for outer in f.by_sent.get(f.layout.sent_of[hit.head], []):
        if outer.head in f.used or outer.end > hit.start:
            continue
        comp = f.complement(outer)
        if comp is not None and outer.end <= comp[0] <= hit.start < comp[1]:
            return outer, comp[0]
    return None


def _after_colon(doc: Doc, m: Marked) -> bool:
    """Whether a colon stands right before a quote's opening mark: the words
    before it are a clause of their own (X declared a need: “…,” she said)."""
    i = word_before(doc, m.first)
    return i >= 0 and doc[i].text == ":"


SET_APART = frozenset({",", "("}) | DASHES  # punctuation that sets a quote apart from its lead

# Verbs of a phrase inside a lead, not of a clause of its own ("with voters split")
SUBORDINATE_DEPS = frozenset({"pcomp", "pobj", "advcl", "acl", "relcl", "amod"})


def _set_apart(f: Finder, m: Marked) -> bool:
    """Whether a quote that opens with a capital is set apart by a comma, a
    dash or a bracket from a lead that is a clause of its own (X weighed in,
    telling a radio host, “But they are both qualified,” he said): a sentence
    of its own, not the end of a paraphrase. A lead with no verb of its own
    (But with voters split, “Trump's 22% goes a long way,” said X) begins the
    quoted sentence, and a title (his show, “Late Night Live,”) is no speech."""
    doc = f.doc
    i = word_before(doc, m.first)
    if i < 0 or doc[i].text not in SET_APART or not _first_letter(f.text, m).isupper():
        return False
    if word_count(doc, m.first, m.last) < 2 or title_cased(doc, m.first, m.last):
        return False
    return any(
        t.tag_ in FINITE_TAGS and t.dep_ not in SUBORDINATE_DEPS for t in doc[f.lead_start(m) : i]
    )


def _outer_cue(f: Finder, m: Marked) -> CueHit | None:
    """A cue before the quote in its sentence whose complement holds it."""
    found = f.in_complement(m)
    if found is None or found[0].head >= m.first:
        return None
    return found[0]


def _after_that(f: Finder, raw: RawQuote | None, m: Marked) -> RawQuote | None:
    """A quote the word "that" introduces (her remark that “…”, vowed that “…”)
    is a mixed quote from "that": the quoted words are the clause it opens."""
    if raw is None or raw.kind != "direct" or len(raw.parts) != 1 or raw.outer is None:
        return raw
    doc = f.doc
    i = m.first - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1
    if i < 1 or doc[i].lower_ != "that" or doc[i - 1].text in QUOTE_MARK_TEXTS:
        return raw  # on ''Meet the Press'' that ''…'': the title's own quote takes it
    raw.start, raw.end = doc[i].idx, raw.outer[1]
    raw.parts, raw.kind = [(raw.start, raw.end)], "mixed"
    raw.confidence = CONFIDENCE["mixed"]
    return _run_on_to(f, raw, m)


def _first_letter(text: str, m: Marked) -> str:
    """The first letter in the first 8 characters of a quote's words, or ""."""
    return first_letter_at(text, m.q.content[0])


def _continues_complement(f: Finder, m: Marked) -> RawQuote | None:
    """A lowercase quote right after the complement of a cue of its sentence,
    which the parser ended at the opening mark ("told the host that the mayor
    “had a crazy plan”"): one mixed quote from the complement to the closing mark."""
    doc, text = f.doc, f.text
    first = _first_letter(text, m)
    if not first.islower():
        return None
    for hit in f.by_sent.get(f.layout.sent_of[m.first], []):
        if hit.head in f.used or hit.end > m.first:
            continue
        comp = f.complement(hit)
        if comp is None or comp[1] > m.first or comp[0] < hit.end:
            continue
        if any(not t.is_space for t in doc[comp[1] : m.first]):
            continue
        speaker, referent = speaker_for(doc, hit)
        raw = _mixed(f, hit, (comp[0], m.last), speaker, referent, m.q.outer)
        return None if raw is None else _run_on_to(f, raw, m)
    return None


def _run_on_to(f: Finder, raw: RawQuote, m: Marked) -> RawQuote:
    """A mixed quote that ends at the closing mark of ``m`` carried on to the end of
    its phrase when the sentence goes on (called it “careless” but lawful)."""
    if raw.end != m.q.outer[1]:
        return raw
    run_on = _run_on(f, m)
    if run_on is not None:
        raw.end, raw.parts = run_on, [(raw.start, run_on)]
    return raw


# Words that open a clause of time after a quote's closing mark ("after the
# talks failed"); a reason ("because …") still goes on with the claim
TIME_MARKS = frozenset({"after", "before", "when", "while", "until", "once"})

RUN_ON_STOPS = frozenset({",", ";", ":", "(", ")", "[", "--"}) | DASHES | SENTENCE_END


def _run_on(f: Finder, m: Marked) -> int | None:
    """Where the sentence goes on after a quote whose words stop mid-clause
    (“…extremely careless” but did not warrant charges): the end of the words
    after the closing mark, up to the next punctuation; None when the quote
    ends its clause (its last word is followed by punctuation inside or right
    after the marks)."""
    text, doc = f.text, f.doc
    inner = text[m.q.content[0] : m.q.content[1]].rstrip()
    if not inner or not inner[-1].isalnum() or m.last >= len(doc):
        return None
    end = m.last
    para_end = f.layout.paras[m.para][1]
    while end < len(doc) and doc[end].idx < para_end:
        tok = doc[end]
        if tok.text in RUN_ON_STOPS or tok.text in QUOTE_MARK_TEXTS or "\n" in tok.text:
            break
        end += 1
    words = [t for t in doc[m.last : end] if t.is_alpha or t.like_num]
    if not words or all(t.ent_type_ in ("DATE", "TIME") or t.pos_ == "ADP" for t in words):
        return None  # tweeted “…” on Friday: when, not what
    if words[0].pos_ == "CCONJ":
        return None  # called her “rude” and left: a second predicate, not the quote's
    if words[0].dep_ == "npadvmod" or (words[0].dep_ == "mark" and words[0].lower_ in TIME_MARKS):
        return None  # chanting “…” after the talks failed / moments after: when, not what
    if all(t.is_title for t in words) or doc[end - 1].pos_ == "CCONJ":
        return None  # a headline's capitals, or a list of quotes (“…” and “…”)
    if any(t.i in f.cue_at and f.cue_at[t.i].head == t.i for t in doc[m.last : end]):
        return None  # “…” as he promised to ...: a claim of its own
    last = doc[end - 1]
    return last.idx + len(last.text)


def _in_subject(doc: Doc, hit: CueHit, m: Marked) -> bool:
    """Whether the quoted words sit inside the subject of the cue after them
    (The “temporary” bridge has stood ...): they describe the subject, it does
    not say them."""
    subj = subject_child(doc[hit.head])
    return subj is not None and subj.left_edge.i <= m.first and m.last <= subj.right_edge.i + 1


def _inverted(doc: Doc, hit: CueHit, lead: int, quoted: list[bool]) -> bool:
    """Whether a cue after a quote attributes it (“…,” she said) rather than
    introducing a clause of its own (Trump, who called it “crazy,” said he would win).

    A quote that opens its sentence is always attributed by the cue after it.
    """
    head = doc[hit.head]
    if any(c.dep_ == "auxpass" for c in head.children):
        return False  # “Big Dig” of the harbor was first proposed: not an attribution
    if lead == 0:
        return True
    if head.tag_ == "VBG":
        return False
    return not any(
        c.dep_ in ("ccomp", "xcomp") and c.i > head.i and not quoted[c.i] for c in head.children
    )


def _introduces(text: str, doc: Doc, hit: CueHit, m: Marked) -> bool:
    """Whether a cue before a quote introduces all of it: a colon before the
    opening mark (told reporters: “…”), or a quote that opens with a capital
    right after the cue or a comma (she said, “We …”). A lowercase quote
    continues the sentence around it (calling him “a failed candidate”)."""
    gap = [t for t in doc[hit.end : m.first] if not t.is_space]
    if gap and gap[-1].text == ":":
        return True
    first = _first_letter(text, m)
    if gap and gap[-1].text == "," and not first.isupper():
        # saying, “the advice I give is mine.”: a whole sentence after a comma
        return last_char(text, m.q.content[1]) in SENTENCE_END and (
            word_count(doc, m.first, m.last) >= MIN_CONTINUATION_WORDS
        )
    return first.isupper() and (not gap or gap[-1].text == ",")


def _punct_cue(f: Finder, m: Marked) -> CueHit:
    """The colon or dash that attributes a quote with no verb."""
    doc = f.doc
    i = m.first - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if doc[i].text != ":":
        i = m.last
        while i < len(doc) - 1 and doc[i].is_space:
            i += 1
    return _punctuation_cue(doc[i])


def _punctuation_cue(tok: Token) -> CueHit:
    """A colon or dash that attributes a quote as its cue."""
    return CueHit(
        tok.i, tok.i + 1, tok.i, tok.text, "punctuation", (tok.idx, tok.idx + len(tok.text))
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _indirect(f: Finder, found: list[RawQuote]) -> list[RawQuote]:
    """Complements of the cues not used yet: indirect quotes, or mixed ones when a
    quoted fragment sits inside."""
    doc = f.doc
    out: list[RawQuote] = []
    direct_spans = sorted((q.start, q.end) for q in found)
    pending = [m for m in f.marked if not m.used]
    p_starts = [m.q.outer[0] for m in pending]
    for hit in f.cues:
        if hit.head in f.used:
            continue
        comp = f.complement(hit)
        if comp is None or not _contentful(doc, comp):
            continue
        comp = before_next_cue(doc, comp, hit, f.cue_at)
        span = token_chars(doc, comp)
        if _covers_direct(direct_spans, span):
            continue
        k = bisect.bisect_left(p_starts, span[0])
        inside: list[Marked] = []
        while k < len(pending) and pending[k].q.outer[0] < span[1]:
            inside.append(pending[k])
            k += 1
        if k < len(pending) and _colon_between(f.text, span[1], pending[k].q.outer[0]):
            inside.append(pending[k])  # said she sent the same text: “…”
        kind: QuoteKind = "indirect"
        if inside:
            kind = "mixed"
            for m in inside:
                m.used = True
            span = (span[0], max(span[1], inside[-1].q.outer[1]))
        speaker, referent = speaker_for(doc, hit)
        conf = CONFIDENCE["mixed"] if kind == "mixed" else CONFIDENCE["indirect"]
        raw = RawQuote(*span, [span], kind, hit, speaker, conf, referent=referent)
        out.append(_run_on_to(f, raw, inside[-1]) if inside else raw)
        f.used.add(hit.head)
    return out


def _contentful(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a complement says something: two words, or one name or noun
    ("endorsed Rubio"), not a lone pronoun ("know what", "campaign for him")."""
    words = word_count(doc, *rng)
    if words >= 2:
        return True
    return words == 1 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[rng[0] : rng[1]])


def _colon_between(text: str, end: int, start: int) -> bool:
    """Whether only a colon (and spaces) stands between two offsets on one line."""
    return 0 < start - end <= 4 and text[end:start].strip() == ":"


def _covers_direct(spans: list[Span], span: Span) -> bool:
    """Whether a complement overlaps a quote already found (the cue was the quote's)."""
    k = bisect.bisect_left(spans, (span[0], -1))
    for j in (k - 1, k):
        if 0 <= j < len(spans) and _overlaps(spans[j], span):
            return True
    return k + 1 < len(spans) and _overlaps(spans[k + 1], span)


def _labelled_lines(f: Finder, found: list[RawQuote]) -> list[RawQuote]:
    """Lines written "Name: text" (headlines, interview transcripts)."""
    doc = f.doc
    taken = sorted((q.start, q.end) for q in found)
    out: list[RawQuote] = []
    for tok in doc:
        if tok.text != ":" or f.layout.quoted[tok.i]:
            continue
        label = f.label_at(tok.i)
        if label is None:
            continue
        p_end = f.layout.paras[f.layout.para_of(tok.idx)][1]
        start = tok.idx + 1
        while start < p_end and f.text[start].isspace():
            start += 1
        if start >= p_end or _covers_direct(taken, (start, p_end)):
            continue
        c_first, c_last = f.layout.tokens((start, p_end))
        if word_count(doc, c_first, c_last) < 3:
            continue
        cue = _punctuation_cue(tok)
        out.append(
            RawQuote(start, p_end, [(start, p_end)], "indirect", cue, label, CONFIDENCE["line"])
        )
    return out


def before_next_cue(
    doc: Doc, rng: tuple[int, int], cue: CueHit, cue_at: dict[int, CueHit]
) -> tuple[int, int]:
    """End a reported clause before a clause joined to it that repeats the cue
    with another speaker: in "most said they were worried, and 4 in 10 said
    Trump would do best" each "said" reports its own clause.

    Not the same cut as `core.complements` ending a clause before a verb that
    continues the cue's sentence ("forecast that the economy would rebound and
    praised Y"): that verb has no subject and no cue of its own and the same
    speaker goes on acting; here the joined verb is a cue of the same lemma
    with a subject of its own, another speaker reporting, found at any depth of
    any complement (not only a conjunct of a "that" clause)."""
    own = doc[cue.head]
    own_subj = subject_child(own)
    for i in range(rng[0] + 1, rng[1]):
        hit = cue_at.get(i)
        if hit is None or hit.head != i or hit.lemma != cue.lemma:
            continue
        tok = doc[i]
        subj = subject_before(tok)
        if subj is None or not (tok.dep_ == "conj" or _contrast(tok)):
            continue
        if own_subj is not None and _words(subj) == _words(own_subj):
            continue  # the same speaker goes on: "she said X and she said Y"
        cut = tok.left_edge.i
        while cut > rng[0] and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].is_space):
            cut -= 1
        kept = strip_range(doc, rng[0], cut)
        if kept is not None and word_count(doc, *kept) >= 3:
            return kept
    return rng


def _words(tok: Token) -> str:
    return " ".join(t.lower_ for t in tok.subtree)


def _contrast(tok: Token) -> bool:
    """A clause set against the one before it: "..., while others said ..."."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in tok.children
    )
