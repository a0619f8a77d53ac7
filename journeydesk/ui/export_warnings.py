"""Export warnings in the user's language (the exporters give English text
with a key and values: ``journeydesk.export.notes``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _templates() -> dict[str, str]:
    # Literal calls, so lupdate finds them; %1.. are the warning's values.
    return {
        "overflow": QCoreApplication.translate(
            "ExportWarnings", "%1 text(s) did not fit and end with an ellipsis (…)"
        ),
        "glyphs": QCoreApplication.translate(
            "ExportWarnings",
            "Map “%1”: %2 character(s) the bundled font cannot draw show as empty "
            "boxes in the PDF: %3",
        ),
        "glyphs_viewer": QCoreApplication.translate(
            "ExportWarnings",
            "Map “%1”: %2 character(s) the bundled font cannot draw are left to the "
            "viewer's fonts (they may look different, not fit, or show as boxes): %3",
        ),
        "small_text": QCoreApplication.translate(
            "ExportWarnings",
            "Map “%1”: body text would print at %2 pt on %3 (below %4 pt); choose a "
            "larger paper, or show fewer lanes",
        ),
        "stale_slides": QCoreApplication.translate(
            "ExportWarnings",
            "%1 older slide file(s) in the folder (from %2) are not part of this "
            "export; the manifest lists the slides",
        ),
        "large_image": QCoreApplication.translate(
            "ExportWarnings",
            "The image is %1×%2 pixels (%3 megapixels): many image viewers and libraries "
            "refuse images over %4 megapixels or open them slowly; %5 DPI or less keeps it "
            "under that, and a PDF poster opens anywhere",
        ),
        "images": QCoreApplication.translate(
            "ExportWarnings",
            "%1 image(s) could not be read and show as a dashed frame: %2",
        ),
    }


_ORDER = {
    "overflow": ("count",),
    "glyphs": ("map", "count", "chars"),
    "glyphs_viewer": ("map", "count", "chars"),
    "small_text": ("map", "size", "paper", "minimum"),
    "stale_slides": ("count", "first"),
    "images": ("count", "names"),
    "large_image": ("width", "height", "megapixels", "limit", "dpi"),
}


def say(warning: str) -> str:
    """The warning in the UI language (its English text when it has no key)."""
    key = getattr(warning, "key", None)
    values = getattr(warning, "values", None)
    template = _templates().get(key or "")
    if template is None or not isinstance(values, dict):
        return str(warning)
    text = template
    for n, name in enumerate(_ORDER[key or ""], 1):
        text = text.replace(f"%{n}", str(values.get(name, "")))
    return text
