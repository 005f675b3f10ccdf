"""Pairing quotation marks in raw text (core.marks), on sentences written for these tests."""

from __future__ import annotations

import itertools

from newsclaims.core.marks import find_quoted, is_heading


def quoted_texts(text: str) -> list[str]:
    return [text[q.content[0] : q.content[1]] for q in find_quoted(text)]


def test_curly_and_straight_double_marks_pair():
    text = '“The ferry is late,” she said. He replied, "It always is."'
    assert quoted_texts(text) == ["The ferry is late,", "It always is."]


def test_mixed_straight_and_curly_marks_close_each_other():
    text = '"The vote is close,” the clerk said.'
    assert quoted_texts(text) == ["The vote is close,"]


def test_a_left_curly_mark_closes_a_straight_quote_when_it_cannot_open():
    text = '"The levee will hold this year.“ The engineer left. She said "no“ twice.'
    assert quoted_texts(text) == ["The levee will hold this year.", "no"]


def test_a_left_curly_mark_with_a_space_after_it_still_opens():
    text = "“The tide is early,” she said. “ You know, the boats are already out.”"
    assert quoted_texts(text) == ["The tide is early,", " You know, the boats are already out."]


def test_single_marks_skip_apostrophes():
    text = (
        "The Joneses’ boat, bought in the ’90s, won’t sail. "
        "The skipper said ‘we’ll race again in May’ and left."
    )
    assert quoted_texts(text) == ["we’ll race again in May"]


def test_guillemets_and_low_nine_marks_pair():
    text = "Le maire a dit «nous attendons» hier. Der Bürgermeister sagte „wir warten“ gestern."
    assert quoted_texts(text) == ["nous attendons", "wir warten"]


def test_doubled_apostrophes_are_a_double_mark():
    text = "''The budget is fair,'' the senator said. ''Ask anyone 'in the know.'''"
    texts = quoted_texts(text)
    assert texts[0] == "The budget is fair,"
    assert texts[1].startswith("Ask anyone 'in the know.")


def test_a_stray_mark_costs_only_its_paragraph():
    text = (
        "The chair opened with “a promise that never ends\n\n"
        "“We will finish the road,” the engineer said.\n\n"
        'A lone " mark sits here.\n\n'
        "“Then we pave it,” she added."
    )
    assert quoted_texts(text) == ["We will finish the road,", "Then we pave it,"]


def test_a_quote_running_over_paragraphs_keeps_its_parts():
    first = "The first paragraph of the statement runs on here."
    second = "The second one closes it."
    text = f"The mayor said:\n\n“{first}\n\n“{second}”\n\nThen the meeting ended."
    [quote] = find_quoted(text)
    assert [text[s:e] for s, e in quote.parts] == [first, second]
    assert text[quote.outer[0]] == "“" and text[quote.outer[1] - 1] == "”"


def test_a_stray_opener_before_a_word_or_two_starts_no_run_on_quote():
    text = "He wrote “maybe.\n\n“We leave at noon,” the captain said."
    assert quoted_texts(text) == ["We leave at noon,"]


def test_the_unclosed_last_piece_of_a_split_quote_runs_to_its_paragraphs_end():
    last = "“The budget holds up. We will fund every school on the list."
    text = f"“Nobody expected this,” said the treasurer. {last}\n\nThe council adjourned."
    assert quoted_texts(text) == ["Nobody expected this,", last[1:]]
    # an opener with no piece before it in its paragraph stays a stray mark
    stray = "The treasurer wrote “nobody expected a budget like this one at all.\n\nIt passed."
    assert quoted_texts(stray) == []
    # and so does one whose next paragraph goes on with the quote but never closes it
    run_on = f"“Nobody expected this,” said the treasurer. {last}\n\n“More is coming."
    assert quoted_texts(run_on) == ["Nobody expected this,"]


def test_quoted_spans_never_nest_or_overlap():
    """Fuzz finding: a single pair around double marks came out with them inside it."""
    for text in ["‘““’", "a ‘b “c” d’ e", "‘“x” y’"]:
        spans = [q.outer for q in find_quoted(text)]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), text


def test_a_stray_single_mark_gives_way_to_the_double_quote_inside_it():
    text = "The ‘new’ plan, dubbed ‘“the fix is in,” by critics, failed."
    assert quoted_texts(text) == ["new", "the fix is in,"]


def test_british_style_keeps_the_single_quote_around_a_nested_double():
    text = "‘He told me “never again” last year,’ she said. ‘I believed him.’"
    assert quoted_texts(text) == ["He told me “never again” last year,", "I believed him."]


def test_headlines_and_subheads_are_told_from_sentences():
    assert is_heading("Ministers Agree to Resume Water Talks Next Month")
    assert is_heading("WHERE THE BRIDGE PLAN STANDS")
    assert not is_heading("The ministers agreed to resume talks next month.")
    assert not is_heading("Ministers agree to resume water talks next month")
    assert not is_heading("“We Will Sign When It Is Right”")
    assert not is_heading("Portvale")
