"""Expressions that normalize but are not dates in context: the modal "may", a year
naming a thing, ages, shares, show titles, greetings, a named march, rates and units
inside compounds (`core.timexes` asks `not_a_date` of every candidate)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .dates import Normalized, holidays
from .timewords import words

# Dates that name an event of another year: "the remarks on 9/11" are about the
# 2001 attacks, not September 11 of the story's year.
NAMES_OF_EVENTS = frozenset({"9/11", "9-11"})


def not_a_date(span: Span, norm: Normalized) -> bool:
    """Expressions that normalize but are not dates in context.

    "may" the modal; a bare year naming a thing ("the 1990 Act", "his 1987 Chevrolet"), a
    decade after a possessive ("in his 30s", an age), a title-cased unit in
    mid-sentence ("60 Minutes", "This Week", shows).
    """
    doc = span.doc
    if any(t.text in NAMES_OF_EVENTS for t in span):
        return True
    if len(span) == 1 and span[0].lower_ == "may":  # the modal, unless a preposition leads in
        return span[0].is_sent_start or doc[span.start - 1].pos_ not in ("ADP", "DET", "ADJ")
    if len(span) == 1 and re.fullmatch(r"\d{4}", span.text):
        head = span[0].head
        if head.i > span[0].i and head.pos_ == "PROPN" and head.lower_ not in words("month"):
            return True
    if norm.granularity == "decade" and span.start > 0 and doc[span.start - 1].tag_ == "PRP$":
        return True
    units = words("unit")
    for tok in span:
        if tok.lower_ in units and tok.text[0].isupper() and not tok.is_sent_start:
            return not _names_holiday(span)  # "60 Minutes", but "Thanksgiving Day"
    if norm.type == "DURATION" and _is_age(span):
        return True
    if _is_fraction(span):
        return True
    if len(span) == 1 and _names_a_march(span[0]):
        return True
    if all(t.pos_ == "DET" for t in span[:-1]) and _not_a_time_of_day(span[-1]):
        return True
    if len(span) == 1 and _not_a_noun(span[0], norm):
        return True
    if _rate_of_growth(span) or _part_of_compound(span) or _owned_unit(span):
        return True
    return span.text.lower() in words("vague") and not _adverb_of_frequency(span)


def _adverb_of_frequency(span: Span) -> bool:
    """ "is updated quarterly": an adverb of frequency that modifies a verb is a set, though
    the same word before a noun ("quarterly results", "a quarterly dividend") is not."""
    tok = span[0]
    return (
        len(span) == 1
        and tok.lower_ in words("set")
        and tok.dep_ == "advmod"
        and tok.head.pos_ in ("VERB", "AUX")
    )


def _rate_of_growth(span: Span) -> bool:
    """ "to rise 8.5% annually", "10,000 units annually": an adverb of frequency after an
    amount gives the amount's rate, not a recurring time (TimeML leaves it out)."""
    if len(span) != 1 or span[0].lower_ not in words("set") or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.like_num or before.text == "%" or any(c.dep_ == "nummod" for c in before.children)


# Words before a lone unit word that make it a thing, not a time: "the third consecutive
# month", "all week".
OWNED_UNIT_BEFORE = frozenset({"consecutive", "straight", "all"})


def _owned_unit(span: Span) -> bool:
    """ "Kellogg's year", "his year in kindergarten", "Easter week", "the third consecutive
    month": a bare unit word that something owns or names is no time of its own (TimeML
    leaves it out; "the year", "the fiscal year" stay)."""
    if len(span) != 1 or span[0].lower_ not in ("day", "week", "month", "year") or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (
        before.tag_ in ("POS", "PRP$")
        or before.lower_ in OWNED_UNIT_BEFORE
        or before.pos_ == "PROPN"
    )


def _part_of_compound(span: Span) -> bool:
    """ "the quarter-to-quarter comparison", "a quarter-century low": a unit inside a
    hyphened compound with "to" or another unit names no time of its own."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-":
        nxt = doc[span.end + 1].lower_
        if nxt == "to" or nxt in words("unit"):
            return True
    if span.start >= 2 and doc[span.start - 1].text == "-":
        return doc[span.start - 2].lower_ == "to" or doc[span.start - 2].lower_ in words("unit")
    return False


def _names_holiday(span: Span) -> bool:
    low = span.text.lower().replace("’", "'")
    return any(name in low for name in holidays())


def _is_age(span: Span) -> bool:
    """ "a 44-year-old protester", "52 years old": an age is not a time (TimeML leaves it out)."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    return after[:1] == ["old"] or after == ["-", "old"]


def _not_a_time_of_day(tok: Token) -> bool:
    """ "Good evening" is a greeting and "the morning talk show" a kind of show, not times."""
    if tok.lower_ not in words("partofday"):
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "good":
        return True
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.i > tok.i


def _names_a_march(tok: Token) -> bool:
    """ "the annual March for Life", "the March of the Mothers": a name, not the month.

    A month word after a determiner, an adjective or a quote mark, followed
    by "for", "of" or "on" and a capitalized word (after an optional "the"),
    names an event; "March of 1998", "March of this year" and "in March for
    Easter" stay months.
    """
    doc = tok.doc
    if tok.lower_ not in words("month") or tok.i == 0 or tok.i + 2 >= len(doc):
        return False
    if doc[tok.i - 1].pos_ not in ("DET", "ADJ", "PUNCT"):
        return False  # "came in March for Easter" is the month
    if doc[tok.i + 1].lower_ not in ("for", "of", "on"):
        return False
    nxt = doc[tok.i + 2]
    if nxt.lower_ == "the" and tok.i + 3 < len(doc):
        nxt = doc[tok.i + 3]
    return nxt.is_title and nxt.is_alpha and nxt.lower_ not in words("month")


def _is_fraction(span: Span) -> bool:
    """ "three-quarters of its food", "a quarter of the market": a share, not three months.

    A quarter of something the text goes on to name with a determiner is a
    part of it; "the third quarter of 1990" and "several quarters of losses"
    stay times.
    """
    doc = span.doc
    if span[-1].lower_ not in ("quarter", "quarters") or span.end + 2 > len(doc):
        return False
    after, det = doc[span.end], doc[span.end + 1]
    return (
        after.lower_ == "of"
        and (det.pos_ == "DET" or det.tag_ == "PRP$")
        and not any(t.lower_ in words("unit") for t in doc[span.end + 1 : span.end + 4])
    )


def _not_a_noun(tok: Token, norm: Normalized) -> bool:
    """A season word that is not a noun: "prices will fall" is not autumn."""
    return norm.granularity == "season" and tok.pos_ not in ("NOUN", "PROPN")
