"""A one-page persona sheet (A4 portrait) as drawing primitives.

Consultants hand a persona to people who never open JourneyDesk: the sheet
shows the persona's name, segment, photo, quote, story and the five lists
(goals, needs, pains, jobs, behaviours) on one page. It is built here, Qt-free,
as a :class:`~.primitives.MapLayout` (one item), with every text wrapped by
the layout's own font metrics, so the PDF (reportlab) and the PNG (QPainter)
draw the same lines through their backends. Text that does not fit the page
is cut with an ellipsis and listed in ``overflows`` (never drawn past the
edge). The headings are the project's language (English or Italian).

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeydesk.model.project import Persona, Project

from .fonts import Face, metrics
from .papers import MM
from .primitives import Box, Image, Item, MapLayout, Overflow, Primitive, Rect, Text
from .text import wrap

PAGE_W = 210 * MM
PAGE_H = 297 * MM
MARGIN = 40.0
PHOTO = 120.0
COLUMN_GAP = 22.0
INK = "#1F2933"
MUTED = "#52606D"
RULE = "#CBD2D9"
ACCENT = "#3B5BA9"
LEADING = 1.25
NAME_SIZE = 24.0
SEGMENT_SIZE = 12.0
QUOTE_SIZE = 13.0
STORY_SIZE = 10.0
HEADING_SIZE = 12.0
ITEM_SIZE = 9.5
FOOTER_SIZE = 7.5
MAX_ITEM_LINES = 6

SECTIONS = ("goals", "needs", "pains", "jobs", "behaviours")

_WORDS = {
    "goals": {"en": "Goals", "it": "Obiettivi"},
    "needs": {"en": "Needs", "it": "Bisogni"},
    "pains": {"en": "Pains", "it": "Difficoltà"},
    "jobs": {"en": "Jobs to be done", "it": "Compiti"},
    "behaviours": {"en": "Behaviours", "it": "Comportamenti"},
    "persona": {"en": "Persona", "it": "Persona"},
}


def word(key: str, language: str) -> str:
    table = _WORDS[key]
    return table.get(language.split("-", 1)[0].lower(), table["en"])


@dataclass
class _Sheet:
    persona: Persona
    prims: list[Primitive] = field(default_factory=list)
    overflows: list[Overflow] = field(default_factory=list)

    def text(
        self,
        field_name: str,
        value: str,
        face: Face,
        size: float,
        x: float,
        y: float,
        width: float,
        bottom: float,
        colour: str = INK,
        max_lines: int = 0,
    ) -> float:
        """``value`` wrapped into ``width`` from ``y`` down, never past ``bottom``;
        returns the y below it (``y`` when nothing fitted)."""
        leading = size * LEADING
        room = int((bottom - y) // leading)
        if room < 1:
            if value.strip():
                self.overflows.append(Overflow(self.persona.id, field_name, value))
            return y
        limit = min(room, max_lines) if max_lines else room
        wrapped = wrap(value, face, size, width, limit)
        if wrapped.truncated:
            self.overflows.append(Overflow(self.persona.id, field_name, value))
        self.prims.append(Text(x, y, width, wrapped.lines, face, size, colour, leading))
        return y + leading * len(wrapped.lines)


def persona_sheet(project: Project, persona: Persona) -> MapLayout:
    """The sheet of ``persona`` as a one-item layout of one A4 page (points)."""
    lang = project.language or "en"
    accent = persona.colour or ACCENT
    sheet = _Sheet(persona)
    prims = sheet.prims
    width = PAGE_W - 2 * MARGIN
    footer_y = PAGE_H - MARGIN - FOOTER_SIZE * LEADING
    bottom = footer_y - 16  # clear of the footer's rule
    prims.append(Box(Rect(0, 0, PAGE_W, 10), fill=accent))

    # --- header: photo, name, segment, quote -----------------------------
    y = MARGIN
    text_x = MARGIN
    has_photo = persona.photo is not None and any(a.id == persona.photo for a in project.assets)
    if has_photo and persona.photo is not None:
        frame = Rect(MARGIN, y, PHOTO, PHOTO)
        prims.append(Box(frame, fill="#F1F3F5", stroke=RULE, radius=4))
        prims.append(Image(persona.photo, Rect(frame.x + 3, frame.y + 3, PHOTO - 6, PHOTO - 6)))
        text_x = MARGIN + PHOTO + 18
    head_w = MARGIN + width - text_x
    head_bottom = y + max(PHOTO, 200.0)
    ty = sheet.text("name", persona.name, Face.BOLD, NAME_SIZE, text_x, y, head_w, head_bottom,
                    max_lines=2)  # fmt: skip
    if persona.segment:
        ty = sheet.text("segment", persona.segment, Face.ITALIC, SEGMENT_SIZE, text_x, ty + 2,
                        head_w, head_bottom, MUTED, max_lines=2)  # fmt: skip
    if persona.quote:
        qy = ty + 12
        end = sheet.text("quote", f"“{persona.quote}”", Face.ITALIC, QUOTE_SIZE, text_x + 12,
                         qy, head_w - 12, head_bottom, max_lines=6)  # fmt: skip
        if end > qy:
            prims.append(Box(Rect(text_x, qy, 3, end - qy), fill=accent))
        ty = end
    y = max(ty, y + PHOTO if has_photo else ty) + 18
    prims.append(Box(Rect(MARGIN, y, width, 0.75), fill=RULE))
    y += 14

    # --- story ----------------------------------------------------------------
    if persona.story:
        y = sheet.text("story", persona.story, Face.REGULAR, STORY_SIZE, MARGIN, y, width,
                       bottom, max_lines=14) + 16  # fmt: skip

    # --- the five lists in two columns, each into the shorter column ----------
    col_w = (width - COLUMN_GAP) / 2
    cols = [y, y]
    for key in SECTIONS:
        values = [v for v in getattr(persona, key) if v.strip()]
        if not values:
            continue
        c = 0 if cols[0] <= cols[1] else 1
        x = MARGIN + c * (col_w + COLUMN_GAP)
        cy = sheet.text(key, word(key, lang), Face.BOLD, HEADING_SIZE, x, cols[c], col_w, bottom,
                        accent, max_lines=1)  # fmt: skip
        if cy == cols[c]:
            sheet.overflows.extend(Overflow(persona.id, key, v) for v in values)
            continue
        cy += 4
        for n, value in enumerate(values):
            line_h = ITEM_SIZE * LEADING
            if cy + line_h > bottom:
                sheet.overflows.extend(Overflow(persona.id, key, v) for v in values[n:])
                break
            dot = ITEM_SIZE * 0.36
            mid = cy + metrics(Face.REGULAR).ascent * ITEM_SIZE * 0.62
            prims.append(Box(Rect(x + 1, mid - dot / 2, dot, dot), fill=accent, radius=dot / 2))
            cy = sheet.text(key, value, Face.REGULAR, ITEM_SIZE, x + 12, cy, col_w - 12, bottom,
                            max_lines=MAX_ITEM_LINES) + 4  # fmt: skip
        cols[c] = cy + 12

    # --- footer -----------------------------------------------------------------
    footer = " · ".join(t for t in (project.title.strip(), word("persona", lang)) if t)
    fy = footer_y
    prims.append(Box(Rect(MARGIN, fy - 6, width, 0.5), fill=RULE))
    sheet.text("footer", footer, Face.REGULAR, FOOTER_SIZE, MARGIN, fy, width, PAGE_H, MUTED,
               max_lines=1)  # fmt: skip
    item = Item("persona", persona.id, Rect(0, 0, PAGE_W, PAGE_H), 0.0, prims)
    return MapLayout(persona.id, PAGE_W, PAGE_H, [item], sheet.overflows, ITEM_SIZE)
