"""HTML pages: the article text, title, URL and publication date of a web page.

The extraction itself is trafilatura's (a maintained extractor made for news
pages; its metadata brings the page's own date through htmldate). The text is
its main-content text with paragraphs separated by blank lines, so every
offset of the records points into that extracted text; the `Document` says
so (``text_from="html"``). Needs the optional extra ``newsclaims[inputs]``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .documents import Document, InputError, parse_date

EXTRA_HINT = "reading HTML needs the optional extra: pip install 'newsclaims[inputs]'"

# How a text that is HTML starts (after a BOM, spaces and comments): a doctype
# or one of the tags a page or a fragment of an article begins with.
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of an input are an HTML page (or fragment)."""
    return _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _extract(html: str) -> Any:
    try:
        import trafilatura
    except ImportError:
        raise InputError(EXTRA_HINT) from None
    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )


def html_document(
    html: str, doc_id: str, source: str, *, url: str | None = None, fallback: dt.date | None = None
) -> Document:
    """The article of an HTML page as a Document (raises InputError when there is none).

    ``published`` is the page's own date (metadata, ``<time>``, URL), else
    ``fallback`` (a crawl record's date, say).
    """
    result = _extract(html)
    text = result.text if result is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    published = fallback
    if result.date:
        try:
            published = parse_date(str(result.date))
        except InputError:
            published = fallback
    return Document(
        id=doc_id,
        text="\n\n".join(paragraphs) + "\n",
        source=source,
        published=published,
        title=result.title or None,
        url=url or result.url or None,
        text_from="html",
    )
