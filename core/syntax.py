"""Closed classes of words, entity labels and dependency labels the rules share.

One definition each: the quote, speaker, event and date rules read the same
sets from here, and where two rules need different sets the names say why
("a place an event happens" is not "a place or people a name belongs to").
Open word lists (cue verbs, honorifics, role nouns) are data in ``core/data``.
"""

from __future__ import annotations

# A range of token indices [start, end) in a spaCy Doc. Records carry
# character spans (`records.Span`) instead; `assembly` turns one into the other.
TokenRange = tuple[int, int]

# Pronouns that open a relative clause ("the mayor, who said ...").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Auxiliaries that put a verb in the future ("will", "'ll", "wo" of "won't").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})

# Prepositions that place a thing at a time ("on Friday", "in June 2015", "at
# midnight", "during the quarter"): a phrase of time in a quote's content
# (`content_edges`), a verb placed at a thing of a time (`event_governors`).
TIME_POINT_PREPS = frozenset({"on", "in", "at", "during"})

# Entity labels of the places where an event happens ("in Tripoli", "at the Capitol").
EVENT_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that place or group a person ("Veloria's minister", "Russian
# officials"): a name next to one of them is not the speaker.
AFFILIATION_LABELS = frozenset({"GPE", "LOC", "NORP"})

# Tags of a finite verb or a modal: the words that hold one are a clause of their own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Dependents that only modify a noun or a phrase: a word attached this way
# does not tell an event of its own.
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "prep", "nmod", "poss", "npadvmod"})
# Dependents through which an entity only modifies a speaker's noun phrase
# ("Veloria's minister", "the Castani delegation"); "prep" is not one (the
# speaker may be "the minister of Veloria").
NAME_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
