"""The canvas keeps one cache of decoded images while the assets stay the same,
and every item draws from the new one when they change."""

from __future__ import annotations

import base64
import io

from PIL import Image as PilImage

from journeydesk import templates
from journeydesk.canvas.scene import MapScene
from journeydesk.model.project import Asset


def _png(colour: tuple[int, int, int]) -> str:
    buf = io.BytesIO()
    PilImage.new("RGB", (64, 48), colour).save(buf, "PNG")
    return base64.b64encode(buf.getvalue()).decode()


def test_edits_keep_the_decoded_images_and_new_data_replaces_them(qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    asset = Asset(name="pic", type="image/png", width=64, height=48, data=_png((200, 0, 0)))
    project.assets.append(asset)
    jmap = project.maps[0]
    jmap.cards[0].image = asset.id
    scene = MapScene()
    scene.show_map(project, jmap)
    (card,) = scene.items_by_id[jmap.cards[0].id]
    first = card._images
    assert first.get(asset.id, (64, 48)) is not None
    jmap.cards[1].title = "Edited"
    scene.show_map(project, jmap)
    assert card._images is first and all(
        i._images is first for items in scene.items_by_id.values() for i in items
    )
    asset.data = _png((0, 0, 200))  # same id and size, new pixels
    scene.show_map(project, jmap)
    assert card._images is not first
    image = card._images.get(asset.id, (64, 48))
    assert image is not None and image.pixelColor(5, 5).blue() == 200
