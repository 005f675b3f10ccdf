"""The command's input/output contract, through Typer's runner (stdout and stderr apart)."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from conftest import SAMPLES, records

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
    assert all(r["doc"] == path and r["schema_version"] == "2.0" for r in recs)
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


def test_unwritable_output_keeps_old_file(invoke, tmp_path):
    src = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", src, "--output", str(tmp_path / "missing-dir" / "out.jsonl"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
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


def test_model_from_environment(invoke, tmp_path):
    path = write(tmp_path, "ferry.txt", ARTICLE)
    result = invoke("extract", path, env={"NEWSCLAIMS_MODEL": "en_missing_from_env"})
    assert result.exit_code == 1
    assert "en_missing_from_env" in result.stderr


def test_version_names_tool_spacy_and_pipeline(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("newsclaims ")
    assert lines[1].startswith("spaCy 3.8.")
    assert lines[2].startswith("pipeline en_core_web_sm")


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
