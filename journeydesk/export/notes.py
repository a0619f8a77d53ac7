"""Export warnings: English text for the command line, with a key and values
so the app can say them in the user's language (``journeydesk.ui.export_warnings``).
No Qt here: the PDF exporter uses it too."""

from __future__ import annotations


class ExportWarning(str):
    """A warning: the string itself is the English text the CLI prints."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, text: str, **values: object) -> ExportWarning:
        warning = super().__new__(cls, text)
        warning.key = key
        warning.values = values
        return warning


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def overflow_warning(count: int) -> ExportWarning:
    return ExportWarning(
        "overflow",
        f"{plural(count, 'text')} did not fit and end with an ellipsis (…)",
        count=count,
    )


def large_image_warning(width: int, height: int, limit: int, dpi: int) -> ExportWarning:
    """A PNG larger than many readers open (``export.png.VIEWER_PIXELS``)."""
    megapixels = f"{width * height / 1e6:,.0f}"
    return ExportWarning(
        "large_image",
        f"the image is {width:,}×{height:,} pixels ({megapixels} megapixels): many image "
        f"viewers and libraries refuse images over {limit // 1_000_000} megapixels or open "
        f"them slowly; {dpi} DPI or less keeps it under that, and a PDF poster opens anywhere",
        width=f"{width:,}",
        height=f"{height:,}",
        megapixels=megapixels,
        limit=limit // 1_000_000,
        dpi=dpi,
    )


def glyphs_warning(map_name: str, missing: list[str], viewer: bool = False) -> ExportWarning:
    """Characters the bundled font lacks. A PDF draws them as empty boxes; an SVG
    or HTML file (``viewer``) leaves them to the viewer's fonts, which may draw
    them in another font, wider or narrower than the layout measured."""
    shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
    what = (
        "are left to the viewer's fonts (they may look different, not fit, or show as boxes)"
        if viewer
        else "show as empty boxes in the PDF"
    )
    return ExportWarning(
        "glyphs_viewer" if viewer else "glyphs",
        f"map {map_name!r}: {plural(len(missing), 'character')} the bundled font cannot "
        f"draw {what}: {shown}",
        map=map_name,
        count=len(missing),
        chars=shown,
    )


def small_text_warning(map_name: str, size: float, paper: str, minimum: float) -> ExportWarning:
    return ExportWarning(
        "small_text",
        f"map {map_name!r}: body text would print at {size:.1f} pt on {paper} (below "
        f"{minimum:g} pt); choose a larger paper, or show fewer lanes",
        map=map_name,
        size=f"{size:.1f}",
        paper=paper,
        minimum=f"{minimum:g}",
    )


def stale_slides_warning(count: int, first: str) -> ExportWarning:
    return ExportWarning(
        "stale_slides",
        f"{plural(count, 'older slide file')} in the folder (from {first}) are not part of "
        "this export; the manifest lists the slides",
        count=count,
        first=first,
    )


def failed_images_warnings(failed: dict[str, str]) -> list[str]:
    """``images_warning`` for a backend's image cache's ``failed`` (id → name), or none."""
    return [images_warning(list(failed.values()))] if failed else []


def images_warning(names: list[str]) -> ExportWarning:
    """Images whose data could not be decoded: each is drawn as a dashed frame,
    as on the canvas."""
    shown = ", ".join(repr(n) for n in names[:5]) + (" …" if len(names) > 5 else "")
    return ExportWarning(
        "images",
        f"{plural(len(names), 'image')} could not be read and show as a dashed frame: {shown}",
        count=len(names),
        names=shown,
    )
