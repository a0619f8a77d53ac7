"""Assets decoded for the PDF (PIL, through reportlab's ImageReader), at the
size the page needs.

A card image on an A0 poster needs a few hundred pixels, so each asset is
decoded (``journeydesk.render.decode``) at the smallest power-of-two
reduction that still gives ``pixels_per_point`` pixels per layout point.
What is kept sits in a ``DecodedCache`` with a byte budget. Every pixel is
decoded here, so a broken file gives the placeholder and a warning, never a
failed export.

No Qt here (an import-linter contract forbids it).
"""

from __future__ import annotations

from reportlab.lib.utils import ImageReader

from journeydesk.render.decode import AssetImages, decode_pil, pil_bytes

PRINT_DPI = 300
"""Image pixels per inch of the printed page: more does not print sharper."""


class PdfImages(AssetImages[ImageReader]):
    """Assets as reportlab images, checked by the size-checked reader first and
    decoded at the size asked for. ``failed`` names the assets that could not
    be decoded (id → name), for the export's warning."""

    def _decode(
        self, data: bytes, need: tuple[float, float] | None
    ) -> tuple[ImageReader, int, int, int]:
        image = decode_pil(data, need)
        # reportlab keeps the RGB bytes it embeds beside the image: count both
        return ImageReader(image), image.width, image.height, 2 * pil_bytes(image)
