"""The storyline as a PowerPoint deck (python-pptx): one slide per visible
scene, 16:9 by default, the narration as speaker notes. ``native`` (the
default): the slide's texts (titles, cards, KPIs, narration) are PowerPoint text
boxes over a picture of the rest (``export/pptx_native.py``); otherwise the
whole slide is one picture.

Slides are drawn by the same code as ``export slides`` (QtGui only here).
python-pptx starts from a template whose properties describe its author's
2013 deck ("Steve Canny", "On-screen Show (4:3)", a blank 4:3 thumbnail), so
every document property is written from the project: the core properties,
``docProps/app.xml`` (python-pptx has no API for it: the part is rewritten)
and ``docProps/thumbnail.jpeg`` (the first slide, small). Every text from the
project goes through ``clean_text``: lxml refuses control characters.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from journeydesk.export.notes import failed_images_warnings
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.storyline import scene_title, scenes_for, slide_layout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model import JourneyMap, Project

from .pptx_native import add_text_boxes, without_text
from .xmltext import clean_text

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

DECK_WIDTH_EMU = 12_192_000
"""PowerPoint's widescreen width (13.333 in); the height follows the slide size's ratio."""


@dataclass
class DeckReport:
    path: str
    slides: int = 0
    cancelled: bool = False
    titles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


THUMBNAIL_WIDTH = 256
APPLICATION = "JourneyDesk"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def presentation_format(width: int, height: int) -> str:
    """What PowerPoint calls a slide size in ``app.xml``."""
    if width * 9 == height * 16:
        return "Widescreen"
    if width * 3 == height * 4:
        return "On-screen Show (4:3)"
    if width * 10 == height * 16:
        return "On-screen Show (16:10)"
    return "Custom"


def app_xml(fmt: str, titles: list[str], notes: int) -> bytes:
    """``docProps/app.xml``: JourneyDesk as the application, the slide size's
    name, the slide count and the slide titles (as PowerPoint lists them)."""
    ET.register_namespace("", _EP)
    ET.register_namespace("vt", _VT)
    root = ET.Element(f"{{{_EP}}}Properties")

    def add(parent: ET.Element, tag: str, text: str, ns: str = _EP) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ns}}}{tag}")
        el.text = text
        return el

    add(root, "TotalTime", "0")
    add(root, "Words", "0")
    add(root, "Application", APPLICATION)
    add(root, "PresentationFormat", fmt)
    add(root, "Paragraphs", "0")
    add(root, "Slides", str(len(titles)))
    add(root, "Notes", str(notes))
    add(root, "HiddenSlides", "0")
    add(root, "MMClips", "0")
    add(root, "ScaleCrop", "false")
    pairs = ET.SubElement(ET.SubElement(root, f"{{{_EP}}}HeadingPairs"), f"{{{_VT}}}vector")
    pairs.set("size", "4")
    pairs.set("baseType", "variant")
    for name, count in (("Theme", 1), ("Slide Titles", len(titles))):
        add(ET.SubElement(pairs, f"{{{_VT}}}variant"), "lpstr", name, _VT)
        add(ET.SubElement(pairs, f"{{{_VT}}}variant"), "i4", str(count), _VT)
    parts = ET.SubElement(ET.SubElement(root, f"{{{_EP}}}TitlesOfParts"), f"{{{_VT}}}vector")
    parts.set("size", str(1 + len(titles)))
    parts.set("baseType", "lpstr")
    for title in ["Office Theme", *titles]:
        add(parts, "lpstr", clean_text(title, 255), _VT)
    add(root, "LinksUpToDate", "false")
    add(root, "SharedDoc", "false")
    add(root, "HyperlinksChanged", "false")
    return bytes(ET.tostring(root, encoding="UTF-8", xml_declaration=True))


def thumbnail_jpeg(first: QImage | None, width: int, height: int) -> bytes:
    """The first slide at ``THUMBNAIL_WIDTH`` pixels wide as JPEG (white when none)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QImage

    h = max(1, round(THUMBNAIL_WIDTH * height / width))
    if first is None:
        small = QImage(THUMBNAIL_WIDTH, h, QImage.Format.Format_RGB32)
        small.fill(QColor("#FFFFFF"))
    else:
        small = first.scaled(
            THUMBNAIL_WIDTH,
            h,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not small.save(buffer, "JPEG", 85):  # type: ignore[call-overload]
        raise OSError("the thumbnail could not be encoded as JPEG")
    buffer.close()
    return bytes(data.data())


def _set_properties(deck, project: Project, jmap: JourneyMap, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Core properties from the project, none left from python-pptx's template."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    created = project.created or project.modified or now
    modified = project.modified or created
    authors = clean_text(", ".join(a for a in project.authors if a), 255)
    title = f"{project.title} — {jmap.name}" if project.title else jmap.name
    props = deck.core_properties
    props.title = clean_text(title, 255)
    props.subject = clean_text(jmap.name, 255)
    props.author = authors
    props.last_modified_by = authors
    props.comments = clean_text(project.description, 2000)
    props.keywords = "customer journey map"
    props.category = ""
    props.content_status = ""
    props.identifier = clean_text(project.id, 255)
    props.language = clean_text(lang, 35)
    props.version = ""
    props.revision = 1
    props.created = _naive_utc(created)
    props.modified = _naive_utc(modified)


def _naive_utc(when: dt.datetime) -> dt.datetime:
    """python-pptx writes a naive datetime as UTC (W3CDTF with ``Z``)."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def _doc_part(deck, name: str):  # type: ignore[no-untyped-def]
    for part in deck.part.package.iter_parts():
        if str(part.partname) == name:
            return part
    return None


def _add_matrix_slide(  # type: ignore[no-untyped-def]
    deck, blank, project: Project, jmap: JourneyMap, lang: str, w: int, report: DeckReport
) -> None:
    from journeydesk.layout.matrix import matrix_layout
    from journeydesk.model.catalogue import DECIDE_WORDS, translate
    from journeydesk.render.qpainter import render_layout

    from .slides import png_bytes

    layout = matrix_layout(project, language=lang, map_ids={jmap.id}).layout
    drawn = render_layout(layout, 72.0 * w / layout.width)
    slide = deck.slides.add_slide(blank)
    scale = min(deck.slide_width / layout.width, deck.slide_height / layout.height)
    pw, ph = round(layout.width * scale), round(layout.height * scale)
    left, top = (deck.slide_width - pw) // 2, (deck.slide_height - ph) // 2
    pic = slide.shapes.add_picture(io.BytesIO(png_bytes(drawn)), left, top, pw, ph)
    title = translate(DECIDE_WORDS["matrix"], lang)
    slide.name = pic.name = title
    pic._element.nvPicPr.cNvPr.set("descr", title)
    report.titles.append(title)
    report.slides += 1


def export_pptx(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    size: tuple[int, int] = (1920, 1080),
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str | None = None,
    theme: Theme = DEFAULT_THEME,
    compare: bool | None = None,
    native: bool = True,
    matrix_slide: bool = False,
) -> DeckReport:
    """Write the deck to ``path`` atomically; nothing is written when cancelled.
    ``compare``: as in ``export_slides``. ``matrix_slide``: end with the map's
    priority matrix (the ``layout.matrix`` page, fitted and centred)."""
    from pptx import Presentation
    from pptx.util import Emu

    from journeydesk.export.png import ensure_gui_app

    from .slides import png_bytes, render_slide

    w, h = size
    if not (320 <= w <= 7680 and 180 <= h <= 4320):
        raise ValueError(f"slide size {w}×{h} is out of range (320×180 to 7680×4320)")
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache

    lang = language or project.language
    deck = Presentation()
    deck.slide_width = Emu(DECK_WIDTH_EMU)
    deck.slide_height = Emu(round(DECK_WIDTH_EMU * h / w))
    _set_properties(deck, project, jmap, lang)
    blank = deck.slide_layouts[6]
    images = ImageCache(project.assets)
    scenes = scenes_for(project, jmap, compare)
    report = DeckReport(str(path))
    first: QImage | None = None
    notes_count = 0
    for n, scene in enumerate(scenes, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            return report
        layout = slide_layout(project, jmap, scene, w, h, theme, lang)
        drawn = render_slide(layout, images)
        if first is None:
            first = drawn
        if native:
            drawn = render_slide(without_text(layout), images)
        picture = io.BytesIO(png_bytes(drawn))
        slide = deck.slides.add_slide(blank)
        pic = slide.shapes.add_picture(picture, 0, 0, deck.slide_width, deck.slide_height)
        title = clean_text(scene_title(project, jmap, scene, lang), 255)
        slide.name = title[:100]
        pic.name = title[:100] or f"Slide {n}"
        pic._element.nvPicPr.cNvPr.set("descr", title or f"Slide {n}")  # alt text
        if native:
            add_text_boxes(slide, layout, deck.slide_width / w)
        notes = clean_text(scene.narration.strip())
        slide.notes_slide.notes_text_frame.text = notes
        notes_count += 1
        report.titles.append(title)
        report.slides += 1
        if progress is not None:
            progress(n, len(scenes))
    if matrix_slide:
        _add_matrix_slide(deck, blank, project, jmap, lang, w, report)
    app = _doc_part(deck, "/docProps/app.xml")
    if app is not None:
        fmt = presentation_format(w, h)
        app._blob = app_xml(fmt, report.titles, notes_count)
    thumb = _doc_part(deck, "/docProps/thumbnail.jpeg")
    if thumb is not None:
        thumb._blob = thumbnail_jpeg(first, w, h)
    report.warnings += failed_images_warnings(images.failed)
    out = io.BytesIO()
    deck.save(out)
    atomic_write_bytes(path, out.getvalue())
    return report
