"""Text from inputs made safe for a terminal: control characters shown, never obeyed.

File names, ids and article text can hold escape sequences (ESC]0;...BEL
retitles a terminal, ESC[2J clears it), carriage returns and line breaks
(which would forge lines of a log). Everything that goes to stderr or into
a table cell passes through `printable` first.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls; lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _shown(m: re.Match[str]) -> str:
    c = m[0]
    if c in _NAMED:
        return _NAMED[c]
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with control characters written as escapes (``\\e``, ``\\n``, ``\\x07``).

    With ``lines``, line breaks and tabs are kept (a table cell may wrap);
    otherwise the result is always one line.
    """
    pattern = _UNSAFE_KEEP_LINES if lines else _UNSAFE
    return pattern.sub(_shown, text)
