"""Streaming at any size: batching, processes, memory zones, articles over spaCy's limit."""

from __future__ import annotations

import orjson
import pytest
from conftest import records

from newsclaims.core.documents import Document
from newsclaims.core.extract import Extractor
from newsclaims.core.records import Failure

STORIES = [
    "“The ferry will run again on Monday,” said harbor master Lina Ortiz.\n\n"
    "Ortiz said repairs had cost more than expected.",
    "City treasurer Paul Amari said the budget would be balanced by 2026. "
    "“We have cut what we could,” he said on Friday.",
    "“Nobody told us,” said resident Maja Holm, who has lived on the street for 30 years.",
    "The school board voted 5 to 2 on Tuesday to close the old gym. "
    "Board chair Ken Sato said a new one would open next spring.",
]


def corpus(tmp_path, n: int = 12) -> str:
    path = tmp_path / "stories.jsonl"
    lines = [
        orjson.dumps({"id": f"s{i}", "text": STORIES[i % 4] + f" Story {i}."}).decode()
        for i in range(n)
    ]
    lines.insert(3, "[1, 2]")  # an input failure keeps its place
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(invoke, path: str, *options: str):
    result = invoke("extract", path, "--format", "jsonl", "--published", "2024-05-03", *options)
    assert result.exit_code == 1, result.stderr  # the one bad line
    return result


@pytest.mark.parametrize("size", ["1", "5"])
def test_batch_size_does_not_change_the_records(invoke, tmp_path, size):
    path = corpus(tmp_path)
    default = run(invoke, path)
    batched = run(invoke, path, "--batch-size", size)
    assert batched.stdout == default.stdout
    assert [r["doc"] for r in records(batched.stdout) if r["type"] == "document"] == [
        f"s{i}" for i in range(12)
    ]
    assert batched.stderr == default.stderr


@pytest.mark.slow
def test_two_workers_write_the_records_of_one(invoke, tmp_path):
    path = corpus(tmp_path)
    one = run(invoke, path, "--workers", "1")
    two = run(invoke, path, "--workers", "2", "--batch-size", "2")
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr


def test_batches_bounded_by_characters_give_the_same_results(extractor):
    docs = [Document(id=f"s{i}", text=t, source=f"s{i}") for i, t in enumerate(STORIES * 3)]
    tight = Extractor(extractor.nlp, batch_chars=150)
    assert list(tight.stream(docs)) == list(extractor.stream(docs))


def test_batches_close_at_the_character_budget(extractor):
    tight = Extractor(extractor.nlp, batch_size=32, batch_chars=200)
    pieces = [(t, (n, 0, 0)) for n, t in enumerate(["a" * 120, "b" * 70, "c" * 20, "d" * 500])]
    sizes = [[len(text) for text, _ in batch] for batch in tight.batches(pieces)]
    assert sizes == [[120, 70], [20], [500]]  # a piece over the budget is a batch alone


def test_vocabulary_of_a_stream_is_dropped_after_it(extractor):
    """Memory zones: words a stream brings do not stay in the StringStore."""
    strings = extractor.nlp.vocab.strings
    extractor.extract_text("“Warm-up,” said Ana Ruiz.")  # first-use strings of the rules
    before = len(strings)
    made_up = " ".join(f"Zorbliq{i}x quenvar{i}y" for i in range(300))
    docs = [
        Document(id="new", text=f"“{made_up},” said Ulvra Quenmoth{i}.", source="new")
        for i in range(3)
    ]
    results = list(extractor.stream(docs))
    assert all(not isinstance(r, Failure) for r in results)
    assert "Zorbliq7x" not in strings
    assert len(strings) == before


def test_article_longer_than_spacy_max_length_is_parsed_in_pieces(extractor):
    """Over nlp.max_length (1,000,000) characters spaCy refuses a text; newsclaims cuts it
    at paragraph breaks and keeps offsets into the whole. The paragraphs are separated by
    long runs of blank lines, which spaCy reads as single tokens, so the test parses
    little text while the document really is over the limit."""
    nlp = extractor.nlp
    paragraph = "“The tunnel will open in May,” said engineer Rosa Lind on Friday."
    gap = "\n" + " " * 19_998 + "\n"
    text = gap.join(f"{paragraph} Section {i}." for i in range(60))
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    ex = extractor.extract_text(text)
    assert ex.document.chars == len(text)
    directs = [q for q in ex.quotes if q.kind == "direct"]
    assert len(directs) == 60
    assert directs[-1].span[0] > nlp.max_length  # found in a late piece
    for q in ex.quotes:
        assert all(text[p.span[0] : p.span[1]] == p.text for p in q.parts)
        assert q.speaker is not None and q.speaker.name == "Rosa Lind"
    lind = [s for s in ex.speakers if s.name == "Rosa Lind"]
    assert len(lind) == 1 and lind[0].quotes == 60
