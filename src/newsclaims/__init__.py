"""newsclaims: turn news articles into structured claims.

The library API: an `Extractor` takes text (or `Document`s) and returns typed
records, in input order::

    from newsclaims import Extractor

    ex = Extractor()  # loads the spaCy pipeline once
    result = ex.extract_text("“We are ready,” said Mayor Ana Ruiz on Friday.")
    for quote in result.quotes:
        print(quote.speaker.name if quote.speaker else None, quote.text)

The record types (`Quote`, `Speaker`, `Event`, `DocumentRecord`, ...) are
frozen dataclasses; `Extraction.records()` yields them in output order.
Importing this package is cheap: spaCy is imported only when `Extractor` is
first used (``newsclaims.Extractor`` is looked up lazily).

The project keeps its source in the top-level folders ``core/`` (the
library) and ``cli/`` (the command); they are installed as
``newsclaims.core`` and ``newsclaims.cli``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core.documents import Document, Fields, InputError
from .core.records import (
    SCHEMA_VERSION,
    Anchor,
    Cue,
    DateValue,
    DocumentRecord,
    EventRecord,
    Extraction,
    Failure,
    Mention,
    Modality,
    Participant,
    Place,
    QuoteKind,
    QuoteRecord,
    Record,
    SpeakerRecord,
    SpeakerRef,
    Trigger,
)
from .core.settings import Settings

if TYPE_CHECKING:
    from .core.extract import Extractor
    from .core.pipeline import ModelError

# Short names for the record types, as a reader of the output calls them.
Quote = QuoteRecord
Speaker = SpeakerRecord
Event = EventRecord

__all__ = [
    "SCHEMA_VERSION",
    "Anchor",
    "Cue",
    "DateValue",
    "Document",
    "DocumentRecord",
    "Event",
    "EventRecord",
    "Extraction",
    "Extractor",
    "Failure",
    "Fields",
    "InputError",
    "Mention",
    "Modality",
    "ModelError",
    "Participant",
    "Place",
    "Quote",
    "QuoteKind",
    "QuoteRecord",
    "Record",
    "Settings",
    "Speaker",
    "SpeakerRecord",
    "SpeakerRef",
    "Trigger",
    "__version__",
]


def __getattr__(name: str) -> Any:
    """`Extractor` (which imports spaCy) and the version are loaded on first use."""
    if name == "Extractor":
        from .core.extract import Extractor

        return Extractor
    if name == "ModelError":
        from .core.pipeline import ModelError

        return ModelError
    if name == "__version__":
        from .core.pipeline import installed_version

        return installed_version("newsclaims") or "unknown"
    raise AttributeError(f"module 'newsclaims' has no attribute {name!r}")
