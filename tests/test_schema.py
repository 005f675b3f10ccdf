"""Real output validates against the published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import orjson
from conftest import ROOT, SAMPLES

from newsclaims.core.records import SCHEMA_VERSION

SCHEMA = json.loads((ROOT / "core" / "schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid_and_versioned():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for name in ("document", "speaker", "quote", "event", "dateRecord"):
        assert SCHEMA["$defs"][name]["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert SCHEMA_VERSION in SCHEMA["title"]


def test_sample_output_validates(extractor):
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    seen = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for rec in extractor.extract_text(text, doc_id=path.name).records():
            obj = orjson.loads(orjson.dumps(rec))
            validator.validate(obj)
            seen.add(obj["type"])
            # every span points at its text; a quote's text is its parts joined
            if obj["type"] == "quote":
                assert obj["text"] == " ".join(p["text"] for p in obj["parts"])
                assert all(text[slice(*p["span"])] == p["text"] for p in obj["parts"])
            elif "span" in obj and "text" in obj:
                s, e = obj["span"]
                assert text[s:e] == obj["text"]
    assert seen == {"document", "speaker", "quote", "event", "date"}


def test_schema_rejects_a_broken_record():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad = {"type": "quote", "doc": "x", "schema_version": SCHEMA_VERSION, "id": "q1"}
    assert list(validator.iter_errors(bad))
