"""Text made safe for the XML an export writes (PPTX parts, subtitles).

Names, titles and narration come from an untrusted file and may hold control
characters; XML 1.0 cannot carry most of them and lxml refuses them (a
traceback instead of a deck). Tabs and newlines stay, a carriage return
becomes a newline, every other C0 or C1 control character, a lone surrogate
and the non-characters U+FFFE and U+FFFF are dropped.
"""

from __future__ import annotations

import re

_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str, limit: int | None = None) -> str:
    """``text`` without the characters XML cannot hold, cut to ``limit`` characters."""
    out = _DROP.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return out if limit is None else out[:limit]
