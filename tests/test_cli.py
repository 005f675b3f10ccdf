"""The command's input/output contract, through Typer's runner (stdout and stderr apart)."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from conftest import SAMPLES, records

from newsclaims.core.records import SCHEMA_VERSION

ARTICLE = (
    "Harbor officials said on Tuesday that the new ferry terminal would open in June.\n\n"
    "“We are ready for the summer crowds,” said port director Anna Keller. "
    "“Every berth has been rebuilt.”\n"
)
BRACKETS = "“The mayor [sic] has not answered our letters,” said Tom Reyes, a resident.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_text_file_to_jsonl(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--published", "2024-03-08", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert recs[0]["type"] == "document"
    assert recs[0]["doc"] == path
    assert recs[0]["published"] == "2024-03-08"
    assert recs[0]["published_from"] == "option"
    assert all(r["doc"] == path and r["schema_version"] == SCHEMA_VERSION for r in recs)
    quotes = [r for r in recs if r["type"] == "quote"]
    assert any(q["kind"] == "direct" and "summer crowds" in q["text"] for q in quotes)
    # offsets point into the text as read
    for q in quotes:
        assert all(ARTICLE[slice(*p["span"])] == p["text"] for p in q["parts"])
        assert q["text"] == " ".join(p["text"] for p in q["parts"])
    # stderr has the summary, stdout only records
    assert "1 read, 1 written, 0 failed" in result.stderr
    assert "newsclaims:" not in result.stdout


def test_stdin_text_and_document_id(invoke):
    result = invoke("extract", "--format", "jsonl", input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert recs[0]["doc"] == "-"
    assert recs[0]["source"] == "-"
    assert recs[0]["published"] is None  # no date anywhere: nothing invented


def test_dash_reads_stdin_beside_files(invoke, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    result = invoke("extract", path, "-", "--format", "jsonl", input=BRACKETS)
    assert result.exit_code == 0
    docs = [r["doc"] for r in records(result.stdout) if r["type"] == "document"]
    assert docs == [path, "-"]


def test_stdin_jsonl_detected_and_forced(invoke):
    line = orjson.dumps({"id": "x1", "text": ARTICLE, "published": "2024-03-08"}).decode()
    auto = invoke("extract", "--format", "jsonl", input=line + "\n")
    assert [r["doc"] for r in records(auto.stdout) if r["type"] == "document"] == ["x1"]
    forced_text = invoke("extract", "--input-format", "text", "--format", "jsonl", input=line)
    assert [r["doc"] for r in records(forced_text.stdout) if r["type"] == "document"] == ["-"]


def test_jsonl_ids_fields_and_fallback_ids(invoke, tmp_path):
    lines = [
        {
            "id": "first",
            "text": ARTICLE,
            "published": "2024-03-08",
            "title": "Ferry",
            "url": "https://e.x/1",
        },
        {"text": BRACKETS},
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(orjson.dumps(x).decode() for x in lines) + "\n")
    result = invoke("extract", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    docs = [r for r in records(result.stdout) if r["type"] == "document"]
    assert [d["doc"] for d in docs] == ["first", f"{path}:2"]
    assert docs[0]["title"] == "Ferry" and docs[0]["url"] == "https://e.x/1"
    assert docs[0]["published_from"] == "input"


def test_configurable_field_names(invoke, tmp_path):
    line = {"uid": "k9", "body": ARTICLE, "date": "2024-03-08"}
    path = write(tmp_path, "other.jsonl", orjson.dumps(line).decode() + "\n")
    result = invoke(
        "extract",
        path,
        "--format",
        "jsonl",
        "--id-field",
        "uid",
        "--text-field",
        "body",
        "--published-field",
        "date",
    )
    assert result.exit_code == 0, result.stderr
    doc = records(result.stdout)[0]
    assert doc["doc"] == "k9" and doc["published"] == "2024-03-08"


def test_input_format_override_reads_txt_as_jsonl(invoke, tmp_path):
    path = write(tmp_path, "lines.txt", orjson.dumps({"id": "j", "text": ARTICLE}).decode())
    result = invoke("extract", path, "--input-format", "jsonl", "--format", "jsonl")
    assert records(result.stdout)[0]["doc"] == "j"


def test_directory_walk_sorted_recursive(invoke, tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path, "b/z.txt", ARTICLE)
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "notes.md", "ignored")
    result = invoke("extract", str(tmp_path), "--format", "jsonl")
    docs = [r["doc"] for r in records(result.stdout) if r["type"] == "document"]
    assert docs == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_only_filters_record_types(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--only", "quotes", "--format", "jsonl")
    types = {r["type"] for r in records(result.stdout)}
    assert types == {"document", "quote"}
    bad = invoke("extract", path, "--only", "quotes,tweets")
    assert bad.exit_code == 2
    assert "tweets" in bad.stderr


def test_bad_published_is_usage_error(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--published", "12/11/2021")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_output_file_written_atomically(invoke, tmp_path):
    src = write(tmp_path, "ferry.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    out.write_text("old contents\n")
    result = invoke("extract", src, "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    recs = records(out.read_bytes())
    assert recs[0]["type"] == "document"  # auto format with --output is jsonl
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".newsclaims-")]


def test_output_in_a_missing_folder_is_a_usage_error(invoke, tmp_path):
    src = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", src, "--output", str(tmp_path / "missing-dir" / "out.jsonl"))
    assert result.exit_code == 2
    assert "cannot write there: no such directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_table_format_keeps_square_brackets(invoke, tmp_path):
    path = write(tmp_path, "sic.txt", BRACKETS)
    result = invoke("extract", path, "--format", "table", "--published", "2024-01-05")
    assert result.exit_code == 0, result.stderr
    assert "[sic]" in result.stdout
    assert "Quotes" in result.stdout and "Speakers" in result.stdout


def test_auto_format_is_jsonl_when_not_a_terminal(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path)
    assert records(result.stdout)[0]["type"] == "document"


def test_partial_failure_exit_1_and_rest_written(invoke, tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE)
    missing = str(tmp_path / "nope.txt")
    result = invoke("extract", missing, good, "--format", "jsonl")
    assert result.exit_code == 1
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == [good]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [f"newsclaims: error: {missing}: no such file or directory"]
    assert "2 read, 1 written, 1 failed" in result.stderr


def test_quiet_drops_summary_keeps_errors(invoke, tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = invoke("extract", missing, "-q")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"newsclaims: error: {missing}: no such file or directory"


def test_missing_model_is_one_clear_line(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--model", "en_no_such_pipeline")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "en_no_such_pipeline" in lines[0] and "not installed" in lines[0]
    assert "Traceback" not in result.stderr


def test_model_from_environment_names_the_variable(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, env={"NEWSCLAIMS_MODEL": "en_missing_from_env"})
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "en_missing_from_env" in line and "$NEWSCLAIMS_MODEL" in line
    # the same name given with --model is not blamed on the environment
    direct = invoke("extract", path, "--model", "en_missing_from_env")
    assert "en_missing_from_env" in direct.stderr and "NEWSCLAIMS_MODEL" not in direct.stderr


def test_version_names_tool_spacy_pipeline_and_schema(invoke):
    from newsclaims.core.records import SCHEMA_VERSION

    result = invoke("--version")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("newsclaims ")
    assert lines[1].startswith("spaCy 3.8.")
    assert lines[2].startswith("pipeline en_core_web_sm")
    assert lines[3] == f"records schema {SCHEMA_VERSION}"


def test_version_says_the_pipeline_name_came_from_the_environment(invoke):
    result = invoke("--version", env={"NEWSCLAIMS_MODEL": "en_missing_from_env"})
    assert result.exit_code == 0
    assert "pipeline en_missing_from_env (from $NEWSCLAIMS_MODEL; not installed)" in result.stdout


def test_schema_command_prints_the_published_schema(invoke):
    result = invoke("schema")
    assert result.exit_code == 0
    schema = orjson.loads(result.stdout)
    shipped = orjson.loads((SAMPLES.parent / "core" / "schema.json").read_bytes())
    assert schema == shipped


def test_two_stdin_dashes_rejected(invoke):
    result = invoke("extract", "-", "-", input="x")
    assert result.exit_code == 2


@pytest.mark.parametrize("flag", ["-v", "--debug"])
def test_verbosity_flags_accepted(invoke, tmp_path, flag):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, flag, "--format", "jsonl")
    assert result.exit_code == 0
    assert records(result.stdout)[0]["type"] == "document"


# -- the conventions of a shell tool ------------------------------------------


@pytest.mark.parametrize("args", [["-h"], ["extract", "-h"], ["schema", "-h"]])
def test_short_help_everywhere(invoke, args):
    short = invoke(*args)
    assert short.exit_code == 0
    assert short.stdout.startswith("Usage: newsclaims")
    assert short.stdout == invoke(*args[:-1], "--help").stdout


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["schema", "--help"]])
def test_help_shows_examples_and_exit_codes_not_type_names(invoke, args):
    text = invoke(*args).stdout
    assert "Examples:" in text
    if args[0] != "schema":
        assert "Exit status: 0" in text and "130/143/129 interrupted" in text
    for type_name in ("<str>", "<int", "<list", "[[PATH]"):
        assert type_name not in text, type_name


def test_extract_help_usage_line_and_its_examples_run(invoke, tmp_path, monkeypatch):
    text = invoke("extract", "--help").stdout
    assert text.splitlines()[0] == "Usage: newsclaims extract [OPTIONS] [PATH]..."
    examples = text.split("Examples:", 1)[1].split("Exit status", 1)[0]
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "article.txt", ARTICLE)
    first = examples.strip().splitlines()[0].split()
    assert first[:3] == ["newsclaims", "extract", "article.txt"]
    result = invoke(*first[1:], "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert records(result.stdout)[0]["doc"] == "article.txt"


def test_shell_completion_is_offered(invoke):
    assert "--install-completion" in invoke("--help").stdout
    script = invoke("--show-completion", "bash")
    assert script.exit_code == 0
    assert "_NEWSCLAIMS_COMPLETE=complete_bash" in script.stdout


@pytest.mark.parametrize(
    "spelling", ["quote", "quotes", "Quote", "quote,document", "quotes, quote"]
)
def test_only_takes_record_types_singular_or_plural(invoke, tmp_path, spelling):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--only", spelling, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert {r["type"] for r in records(result.stdout)} == {"document", "quote"}


def test_only_speaker_and_event_singular(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "--only", "speaker,event", "--format", "jsonl")
    # dates that tie to no event come with the events (README "Records")
    assert {r["type"] for r in records(result.stdout)} - {"date"} == {
        "document",
        "speaker",
        "event",
    }
    just_documents = invoke("extract", path, "--only", "document", "--format", "jsonl")
    assert {r["type"] for r in records(just_documents.stdout)} == {"document"}


def test_output_dash_is_stdout(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert records(result.stdout)[0]["type"] == "document"  # JSON Lines, as for any non-terminal
    assert not (tmp_path / "-").exists()
    assert sorted(os.listdir(tmp_path)) == ["ferry.txt"]


def test_limit_takes_the_first_documents_and_says_so(invoke, tmp_path):
    lines = [orjson.dumps({"id": f"n{i}", "text": ARTICLE}).decode() for i in range(5)]
    path = write(tmp_path, "five.jsonl", "\n".join(lines) + "\n")
    result = invoke("extract", path, "--limit", "2", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["doc"] for r in records(result.stdout) if r["type"] == "document"] == ["n0", "n1"]
    assert result.stderr.strip() == "newsclaims: 2 read, 2 written, 0 failed (--limit 2)"
    everything = invoke("extract", path, "--limit", "9", "--format", "jsonl")
    assert everything.stderr.strip() == "newsclaims: 5 read, 5 written, 0 failed"
    assert invoke("extract", path, "--limit", "0").exit_code == 2


def test_limit_counts_failed_inputs(invoke, tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE)
    missing = str(tmp_path / "nope.txt")
    result = invoke("extract", missing, good, "--limit", "1", "--format", "jsonl")
    assert result.exit_code == 1
    assert records(result.stdout) == []
    assert "1 read, 0 written, 1 failed (--limit 1)" in result.stderr
