"""Words that look like cues but report nothing: a byline ("Phillip reported
from Oakland"), a markup tag (`<tweet ...>`), a hyphenated adjective
("so-called") and a participle that names a noun ("a group called X")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

BYLINE_VERBS = frozenset({"report", "contribute", "write"})


def byline(doc: Doc, tok: Token, lemma: str) -> bool:
    """A reporter's byline or credit line: "Phillip reported from Oakland",
    "Jill Colvin contributed from Albuquerque": a place, nothing said."""
    nxt = tok.i + 1
    if lemma not in BYLINE_VERBS or nxt + 1 >= len(doc) or doc[nxt].lower_ != "from":
        return False
    return doc[nxt + 1].pos_ == "PROPN"


def markup_name(doc: Doc, tok: Token) -> bool:
    """Whether a word names a markup tag left in the text (`<tweet author="...">`)."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.text in ("<", "</") and not prev.whitespace_


def in_compound_word(doc: Doc, tok: Token) -> bool:
    """Whether a verb is part of a hyphenated adjective ("so-called", "self-described"),
    which labels a word rather than reporting speech."""
    if tok.i < 2:
        return False
    dash = doc[tok.i - 1]
    return dash.text == "-" and not dash.whitespace_ and not doc[tok.i - 2].whitespace_


def naming(tok: Token) -> bool:
    """A past participle that names or describes a noun with nobody speaking:
    "a group called Black Votes Matter", "a plan announced Monday" (a source
    written with "by" still speaks: "a claim disputed by the company")."""
    return (
        tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children)
    )
