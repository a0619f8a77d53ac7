"""A file name made from a project's title, valid on every system.

The title is the user's words ("Sample: buying a washing machine"); the file
name offered by Save As should read the same ("Sample - buying a washing
machine.journey") and still be a name Windows, macOS and Linux all accept,
so a file can travel between them: no ``/ \\ : * ? " < > |`` or control
characters, no leading or trailing dots and spaces, none of Windows' reserved
device names (``CON``, ``NUL``, ``COM1``...), and short enough for the
255-byte limit of common file systems with room for a suffix and a copy's
" (2)".
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_CHARS = 100
MAX_STEM_BYTES = 200
"""UTF-8 bytes of a stem at most (file systems allow 255 per name)."""

WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)
"""Names Windows keeps for devices, with any extension ("nul.txt" too)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_COLON = re.compile(r"\s*:\s*")
_SLASH = re.compile(r"\s*[/\\|]\s*")
_DROPPED = re.compile(r"[*?<>]")
_SPACES = re.compile(r"\s+")
_ENDS = " .-"
"""Trimmed from both ends: Windows drops trailing dots and spaces, a leading
dot hides a file, a leading dash reads as an option on a command line."""


def safe_file_stem(title: str, fallback: str = "Untitled") -> str:
    """A file name without suffix made from ``title``; ``fallback`` when
    nothing is left (``fallback`` itself is made safe too)."""
    stem = _clean(title)
    if not stem:
        stem = _clean(fallback) or "Untitled"
    return stem


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    text = _COLON.sub(" - ", text)
    text = _SLASH.sub("-", text)
    text = _DROPPED.sub("", text)
    text = text.replace('"', "'")
    text = _SPACES.sub(" ", text).strip(_ENDS)
    text = _bounded(text).strip(_ENDS)
    if text.split(".", 1)[0].strip().upper() in WINDOWS_RESERVED:
        text = f"{text} project" if "." not in text else f"_{text}"
    return text


def _bounded(text: str) -> str:
    """At most MAX_STEM_CHARS characters and MAX_STEM_BYTES bytes, cut at a
    word when one ends in the last third."""
    if len(text) <= MAX_STEM_CHARS and len(text.encode("utf-8")) <= MAX_STEM_BYTES:
        return text
    cut = text[:MAX_STEM_CHARS]
    while len(cut.encode("utf-8")) > MAX_STEM_BYTES:
        cut = cut[:-1]
    # A letter is not cut from the accents that follow it.
    while cut and len(cut) < len(text) and unicodedata.combining(text[len(cut)]):
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space > len(cut) * 2 // 3:
        cut = cut[:space]
    return cut
