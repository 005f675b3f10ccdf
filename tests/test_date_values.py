"""Every value the tool emits is a TIMEX3 value, and its calendar bounds are in order.

Hypothesis builds expressions from the pieces date forms are made of
(numbers, month and weekday names, units, clock words, relative words,
modifiers, separators) and reads them against random reference dates,
tenses and foci; whatever `normalize` returns must parse under the TIMEX3
value grammar (`core.timex3.VALUE`) and cover a calendar stretch whose
start is not after its end. The pipeline is checked the same way on
sentences built around such expressions.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.core.dates import Focus, bounds, normalize
from newsclaims.core.timewords import words
from newsclaims.core.timex3 import is_value

EXAMPLES = int(os.environ.get("NEWSCLAIMS_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VOCAB = sorted(
    {w for kind in ("month", "weekday", "unit", "number", "ordinal", "season") for w in words(kind)}
    | set(words("partofday"))
    | set(words("relative"))
    | set(words("set"))
    | set(words("ref"))
)
PIECES = st.one_of(
    st.sampled_from(VOCAB),
    st.sampled_from(
        [
            "every",
            "each",
            "twice a",
            "times a",
            "ago",
            "later",
            "earlier",
            "the",
            "of",
            "at",
            "on",
            "past",
            "to",
            "half",
            "a quarter",
            "o'clock",
            "p.m.",
            "a.m.",
            "noon",
            "midnight",
            "hours",
            "EST",
            "Eastern",
            "early",
            "mid-",
            "late",
            "about",
            "more than",
            "'",
            "s",
            "0s",
            "th",
            "century",
            "T",
            "Z",
            ":",
            "/",
            "-",
            ".",
            ",",
        ]
    ),
    st.integers(min_value=0, max_value=2400).map(str),
    st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}"),
)
JOINERS = st.sampled_from([" ", "", "-", "/", ".", ":", ", "])
EXPRESSIONS = st.lists(st.tuples(PIECES, JOINERS), min_size=1, max_size=6).map(
    lambda parts: "".join(p + j for p, j in parts).strip()
)
REFS = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31))
)
DIRECTIONS = st.sampled_from([None, "past", "future", "present"])
FOCI = st.builds(
    Focus,
    quarter=st.sampled_from([None, "2021-Q3", "1989-Q1"]),
    date=st.sampled_from([None, "2021-10-05", "1999", "2020-02"]),
    day_first=st.sampled_from([None, True, False]),
)


def check(value: str) -> None:
    assert is_value(value), value
    start, end = bounds(value)
    if start is not None and end is not None:
        assert start <= end, (value, start, end)


@FUZZ
@given(EXPRESSIONS, REFS, DIRECTIONS, FOCI)
def test_every_normalized_value_is_timex3(text, ref, direction, focus):
    found = normalize(text, ref, direction, focus)
    if found is not None:
        check(found.value)
        assert found.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize(
    "value",
    [
        "2021-11-12",
        "2021-11",
        "2021",
        "199",
        "19",
        "2021-W45",
        "2021-W45-WE",
        "XXXX-WXX-5",
        "2021-Q3",
        "2021-H2",
        "2021-SU",
        "XXXX-12-24",
        "2021-11-12T15:00",
        "2021-11-12T15:00:30",
        "2021-11-12T24:00",
        "2021-11-12TNI",
        "XXXX-XX-XXTMO",
        "P3Y",
        "P2Y6M",
        "PT1H30M",
        "PXW",
        "P1Q",
        "PXCE",
        "PRESENT_REF",
        "FY1998",
    ],
)
def test_the_grammar_accepts_timex3_values(value):
    assert is_value(value)


@pytest.mark.parametrize(
    "value",
    ["P1WE", "PT1800H-", "2021-13", "2021-11-32", "2021-W54", "T25:00", "P", "PTY", "now", ""],
)
def test_the_grammar_rejects_what_is_not(value):
    assert not is_value(value)


def test_bounds_are_ordered_for_every_granularity():
    for value in ("2021-11-12T10:00", "2021-W52-WE", "2020-WI", "2021-H1", "200", "20", "FY2020"):
        check(value)
    assert bounds("2020-WI") == ("2020-12-01", "2021-02-28")


SENTENCE = st.tuples(
    st.sampled_from(["The board met", "Prices will rise", "She said", "Talks resume", ""]),
    EXPRESSIONS,
    st.sampled_from([".", ", officials said.", " in the capital."]),
).map(lambda t: f"{t[0]} {t[1]}{t[2]}".strip())


@settings(
    max_examples=max(20, EXAMPLES // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(SENTENCE)
def test_every_value_the_pipeline_emits_is_timex3(extract, text):
    for event in extract(text).events:
        if event.date is not None:
            check(event.date.value)
            if event.date.start and event.date.end:
                assert event.date.start <= event.date.end
