"""Property-based tests: hostile text never breaks the extractor or its records.

The default run tries a few hundred texts per property. The long fuzz run
(see README, "Fuzzing") sets NEWSCLAIMS_FUZZ_EXAMPLES to tens of thousands.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import re
from dataclasses import replace
from typing import get_args

import jsonschema
import orjson
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.core.dates import bounds, normalize
from newsclaims.core.documents import Document, InputError, decode_text, document_from_json
from newsclaims.core.marks import find_quoted
from newsclaims.core.records import Extraction, Failure, TimexQuant
from newsclaims.core.timex3 import is_freq

EXAMPLES = int(os.environ.get("NEWSCLAIMS_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCHEMA = json.loads((ROOT / "core" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Pieces that steer the generator toward what the rules react to.
NEWSY = [
    " said ",
    " told reporters ",
    " according to ",
    ", she said. ",
    " he added: ",
    "Mr. Lavrov",
    "the Foreign Minister",
    " on Friday",
    " last week ",
    "December 24th",
    " in 2011 ",
    "3 p.m.",
    " every Monday ",
    " twice a year ",
    " each quarter ",
    "5 days a week",
    "5+5",
    "24/7",
    "the 1990s",
    " would ",
    "\n\n",
    "\n",
    "\t",
    " — ",
    ": ",
    " (",
    ") ",
    "[sic]",
    "Joneses’ ",
    "’90s",
    "\u202e",
    "\u200f",
    "مرحبا",
    "שלום",
    "😀",
    "👩🏽‍💻",
    "\x00",
    "\x07",
    "\ufeff",
    "\r\n",
    "A" * 500,
    "word " * 80,
]
MARKS = list("“”„‟«»\"‘’‚‹›'`´")
PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(MARKS),
    st.sampled_from(NEWSY),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _check_spans(text: str, obj: object) -> None:
    """Every span in a record lies inside the text and matches its text field;
    a quote's text is its parts joined by one space, each part slicing the
    text exactly, its span running from the first part to the last, and its
    parts never holding its cue or speaker mention."""
    if isinstance(obj, dict):
        if obj.get("type") == "quote":
            _check_quote(text, obj)
            obj = {k: v for k, v in obj.items() if k not in ("text", "span", "parts")}
        span = obj.get("span")
        if span is not None:
            s, e = span
            assert 0 <= s <= e <= len(text)
            if obj.get("text") is not None:
                assert text[s:e] == obj["text"]
        for value in obj.values():
            _check_spans(text, value)
    elif isinstance(obj, list):
        for value in obj:
            _check_spans(text, value)


def _check_quote(text: str, quote: dict) -> None:
    parts = quote["parts"]
    assert parts
    last = -1
    for part in parts:
        s, e = part["span"]
        assert 0 <= s < e <= len(text) and s >= last  # in order, never overlapping
        assert text[s:e] == part["text"]
        assert part["text"] == part["text"].strip()
        last = e
    assert quote["text"] == " ".join(p["text"] for p in parts)
    assert quote["span"] == [parts[0]["span"][0], parts[-1]["span"][1]]
    for key in ("cue", "speaker"):
        ref = quote.get(key)
        if ref is None or (key == "cue" and ref["category"] == "punctuation"):
            continue
        a, b = ref["span"]
        assert not any(s < b and a < e for s, e in (p["span"] for p in parts)), key


def _check_no_overlaps(quotes: list[dict]) -> None:
    """No two quote records share words: one record per claim."""
    pieces = sorted((tuple(p["span"]), q["id"]) for q in quotes for p in q["parts"])
    for (a, qa), (b, qb) in itertools.pairwise(pieces):
        assert a[1] <= b[0], (qa, qb)


@FUZZ
@given(
    text=TEXTS, published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
)
def test_extractor_never_fails_and_records_are_sound(extractor, text, published):
    results = list(
        extractor.stream([Document(id="fuzz", text=text, source="fuzz", published=published)])
    )
    assert len(results) == 1
    result = results[0]
    if not text.strip():
        assert isinstance(result, Failure) and "empty" in result.message
        return
    assert isinstance(result, Extraction), getattr(result, "message", None)
    ids: set[str] = set()
    quotes = []
    for rec in result.records():
        obj = orjson.loads(orjson.dumps(rec))
        VALIDATOR.validate(obj)
        _check_spans(text, obj)
        if "id" in obj:
            assert obj["id"] not in ids
            ids.add(obj["id"])
        if obj["type"] == "quote":
            quotes.append(obj)
    _check_no_overlaps(quotes)
    assert result.document.chars == len(text)


@FUZZ
@given(text=TEXTS)
def test_quotation_marks_pair_within_text(text):
    spans = find_quoted(text)
    last_end = -1
    for q in spans:
        o_s, o_e = q.outer
        assert 0 <= o_s < o_e <= len(text)
        assert o_s >= last_end  # in order and disjoint
        last_end = o_e
        for s, e in q.parts:
            assert o_s < s <= e < o_e


TIMEX3 = re.compile(
    r"^(?:\d{2,4}|XXXX|XX\d|FY\d{4})(?:-(?:\d{2}|XX|W\d{2}|WXX|Q\d|H\d|SP|SU|FA|WI))?"
    r"(?:-(?:\d{2}|XX|\d|WE))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|MI))?$"
    r"|^P(?:T)?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|Q|DE|CE|ML|WE)$|^(?:PAST|PRESENT|FUTURE)_REF$"
)


@FUZZ
@given(
    text=st.one_of(
        st.text(max_size=40), st.lists(st.sampled_from(NEWSY + MARKS), max_size=6).map("".join)
    ),
    ref=st.one_of(st.none(), st.dates(dt.date(1000, 1, 1), dt.date(2199, 12, 31))),
    direction=st.sampled_from([None, "past", "future", "present"]),
)
def test_normalize_never_raises_and_values_are_timex3(text, ref, direction):
    norm = normalize(text, ref, direction)
    if norm is not None:
        assert TIMEX3.match(norm.value), norm.value
        assert norm.freq is None or is_freq(norm.freq), norm.freq
        assert norm.quant is None or norm.quant in get_args(TimexQuant), norm.quant
        if norm.type != "SET":
            assert norm.freq is None and norm.quant is None
        start, end = bounds(norm.value)
        assert (start is None) == (end is None)
        if start and end:
            assert start <= end


@FUZZ
@given(data=st.binary(max_size=200))
def test_input_decoding_raises_only_input_errors(data):
    for parse in (decode_text, lambda d: document_from_json(d, "f:1")):
        with contextlib.suppress(InputError):
            parse(data)


@pytest.mark.parametrize(
    "text",
    [
        "“" * 2000,
        "”“" * 1000 + "said",
        "'" * 3000,
        "\n" * 5000 + "“Hello,” he said.",
        "x" * 200_000,  # one enormous token
        ("word “quote” " * 30 + "\n") * 40,
    ],
)
def test_pathological_texts(extractor, text):
    results = list(extractor.stream([Document(id="p", text=text, source="p")]))
    assert isinstance(results[0], Extraction)


# Calendar edges: the first and last days a date can hold, and days beside them.
EDGE_DATES = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(1, 2, 28)),
    st.dates(dt.date(9999, 11, 1), dt.date(9999, 12, 31)),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
DATED = [
    "Thursday",
    " next week ",
    " last year ",
    " tomorrow ",
    " the next day ",
    " this weekend ",
    " next month ",
    " next quarter ",
    " Christmas ",
    " next century ",
    "Dec. 31, 9999",
    "Jan. 1, 0001",
    " in the spring ",
    " three days later ",
    " two weeks ago ",
]
DATED_TEXTS = st.lists(st.one_of(st.sampled_from(DATED), st.sampled_from(NEWSY)), max_size=12).map(
    "".join
)
# Mostly punctuation: marks, dashes and stops in runs, a few words between them.
PUNCTUATION = st.lists(
    st.one_of(
        st.text(alphabet="“”\"'‘’!?.,;:-—…()[]*#", min_size=1, max_size=400),
        st.sampled_from(NEWSY),
    ),
    max_size=12,
).map("".join)


def _assert_sound(text: str, result: Extraction | Failure) -> None:
    if not text.strip():
        assert isinstance(result, Failure)
        return
    assert isinstance(result, Extraction), getattr(result, "message", None)
    for rec in result.records():
        obj = orjson.loads(orjson.dumps(rec))
        VALIDATOR.validate(obj)
        _check_spans(text, obj)


@FUZZ
@given(text=DATED_TEXTS, published=EDGE_DATES)
def test_calendar_edge_reference_dates_never_fail_a_document(extractor, text, published):
    """A reference date from 0001-01-01 to 9999-12-31: dates it cannot compute are unknown."""
    doc = Document(id="edge", text=f"“We will finish{text},” she said{text}.", source="e")
    (result,) = extractor.stream([replace(doc, published=published)])
    _assert_sound(doc.text, result)
    dateline = f"PARIS, {published:%b}. {published.day}, {published.year} — {doc.text}"
    (result,) = extractor.stream([Document(id="edge", text=dateline, source="e")])
    _assert_sound(dateline, result)


@FUZZ
@given(text=PUNCTUATION)
def test_texts_made_mostly_of_punctuation(extractor, text):
    (result,) = extractor.stream([Document(id="punct", text=text, source="p")])
    _assert_sound(text, result)
