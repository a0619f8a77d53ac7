"""Images dropped from the file manager: onto a card they become its image,
onto a cell a new image card. The file is read through the size-checked
reader before anything else sees it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.layout.hit import CellHit
from journeydesk.model import Asset, Card, JourneyMap
from journeydesk.model.images import MAX_IMAGE_BYTES, ImageError, encode_image

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def image_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [
        Path(u.toLocalFile())
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
    ]


def read_asset(path: Path) -> Asset:
    """An asset from an image file; raises ImageError or OSError with the reason."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"{path.name} is larger than {MAX_IMAGE_BYTES // 1048576} MiB")
    info, encoded = encode_image(data)
    return Asset(
        name=path.name,
        type=info.type,
        width=info.width,
        height=info.height,
        data=encoded,
    )


def drop_image(
    doc: Document, jmap: JourneyMap, path: Path, card: Card | None, hit: CellHit | None
) -> verbs.UndoStep | None:
    """An image dropped on ``card`` (its image) or into the cell ``hit`` (a new
    image card): one verb; None, nothing done, when it cannot go there."""
    asset = read_asset(path)
    if card is not None:
        return verbs.set_image(doc, card.id, asset)
    if hit is None:
        return None
    lane = next((ln for ln in jmap.lanes if ln.id == hit.lane), None)
    if lane is None or lane.display not in ("cards", "images"):
        return None
    new = Card(step=hit.step, lane=hit.lane, kind="image", title=path.stem)
    return verbs.add_image_card(doc, jmap, asset, new, hit.index)
