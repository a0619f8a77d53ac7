"""HTML export: one self-contained, offline file a client opens in any browser.

The maps are inline SVG drawn by the SVG backend from the same layout as the
poster; the fonts and images are embedded as data: URLs; a
Content-Security-Policy forbids every network request and every script but
the page's own (allowed by its hash, ``export/html_assets.py``). Cards are
focusable buttons (click, Enter or Space) that open their body, evidence,
owners and scores; the page also holds a sheet per persona and each map's
storyline as a slideshow. Every piece of text from the project is escaped
(``html.escape``): files come from anyone. No Qt.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from journeydesk.export.html_assets import CSS, SCRIPT, content_security_policy
from journeydesk.export.notes import failed_images_warnings, glyphs_warning, overflow_warning
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.primitives import Item
from journeydesk.layout.storyline import scene_title, scenes_for, slide_layout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model.project import Card, JourneyMap, Persona, Project
from journeydesk.render.svg import SvgImages, font_face_css, render_svg

SLIDE_SIZE = (1280, 720)

_WORDS: dict[str, dict[str, str]] = {
    "maps": {"en": "Maps", "it": "Mappe"},
    "personas": {"en": "Personas", "it": "Personas"},
    "storyline": {"en": "Storyline", "it": "Storyline"},
    "zoom_in": {"en": "Zoom in", "it": "Ingrandisci"},
    "zoom_out": {"en": "Zoom out", "it": "Riduci"},
    "fit": {"en": "Fit", "it": "Adatta"},
    "close": {"en": "Close", "it": "Chiudi"},
    "previous": {"en": "Previous", "it": "Precedente"},
    "next": {"en": "Next", "it": "Successiva"},
    "map_help": {
        "en": "Drag to pan, wheel or + and - to zoom, Tab to a card and Enter to open it.",
        "it": "Trascina per spostare, rotella o + e - per lo zoom, Tab su una scheda e "
        "Invio per aprirla.",
    },
    "body": {"en": "Description", "it": "Descrizione"},
    "owners": {"en": "Owners", "it": "Responsabili"},
    "evidence": {"en": "Evidence", "it": "Evidenze"},
    "scores": {"en": "Scores", "it": "Punteggi"},
    "kind": {"en": "Kind", "it": "Tipo"},
    "channel": {"en": "Channel", "it": "Canale"},
    "goals": {"en": "Goals", "it": "Obiettivi"},
    "needs": {"en": "Needs", "it": "Bisogni"},
    "pains": {"en": "Pains", "it": "Difficoltà"},
    "jobs": {"en": "Jobs to be done", "it": "Compiti"},
    "behaviours": {"en": "Behaviours", "it": "Comportamenti"},
    "card": {"en": "Card", "it": "Scheda"},
    "photo": {"en": "Photo of {name}", "it": "Foto di {name}"},
    "slides": {"en": "Storyline of {name}", "it": "Storyline di {name}"},
}


def _w(key: str, lang: str, **values: str) -> str:
    table = _WORDS[key]
    text = table.get(lang.split("-", 1)[0].lower(), table["en"])
    return text.format(**values) if values else text


def e(text: object) -> str:
    """Escaped for HTML text and attribute values (quotes included)."""
    return html.escape(str(text), quote=True)


@dataclass
class HtmlReport:
    path: str
    maps: int
    slides: int
    size: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Page:
    project: Project
    lang: str
    images: SvgImages
    fonts: set[tuple[Face, bool]] = field(default_factory=set)
    parts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    slides: int = 0


def _card_attrs(cards: dict[str, Card], lang: str):  # type: ignore[no-untyped-def]
    def attrs(item: Item) -> dict[str, str] | None:
        if item.kind != "card" or item.element not in cards:
            return None
        card = cards[item.element]
        return {
            "class": "card",
            "data-card": card.id,
            "tabindex": "0",
            "role": "button",
            "aria-label": card.title or _w("card", lang),
        }

    return attrs


def _card_detail(page: _Page, card: Card, vocab: Vocabulary) -> str:
    lang = page.lang
    teams = {t.id: t.name for t in page.project.teams}
    sources = {s.id: s.title for s in page.project.sources}
    scores = page.project.scores()
    out = [f'<div class="detail" data-card="{e(card.id)}" hidden>']
    out.append(f"<h3>{e(card.title or _w('card', lang))}</h3>")
    meta = [f"{e(_w('kind', lang))}: {e(vocab.label('card_kinds', card.kind))}"]
    if card.channel:
        meta.append(f"{e(_w('channel', lang))}: {e(vocab.label('channels', card.channel))}")
    out.append(f"<p>{' · '.join(meta)}</p>")
    if card.body:
        out.append(f"<h4>{e(_w('body', lang))}</h4><p>{e(card.body)}</p>")
    if card.owners:
        items = "".join(
            f"<li>{e(teams.get(o.team, o.team))}{' — ' + e(o.role) if o.role else ''}</li>"
            for o in card.owners
        )
        out.append(f"<h4>{e(_w('owners', lang))}</h4><ul>{items}</ul>")
    if card.evidence:
        lines: list[str] = []
        for ev in card.evidence:
            bits = [e(ev.confidence)]
            if ev.source:
                bits.append(e(sources.get(ev.source, "")))
            if ev.figure:
                bits.append(e(ev.figure))
            text = " · ".join(b for b in bits if b)
            if ev.quote:
                text += f"<br><q>{e(ev.quote)}</q>"
            if ev.note:
                text += f"<br>{e(ev.note)}"
            lines.append(f"<li>{text}</li>")
        out.append(f"<h4>{e(_w('evidence', lang))}</h4><ul>{''.join(lines)}</ul>")
    if card.scores:
        rows = []
        for key, value in card.scores.items():
            d = scores.get(key)
            label = (d.label.get(lang) or d.label.get("en") or key) if d else key
            top = f" / {d.max:g}" if d else ""
            rows.append(f"<li>{e(label)}: {e(f'{value:g}')}{e(top)}</li>")
        out.append(f"<h4>{e(_w('scores', lang))}</h4><ul>{''.join(rows)}</ul>")
    out.append("</div>")
    return "".join(out)


def _map_section(
    page: _Page, jmap: JourneyMap, n: int, options: LayoutOptions, theme: Theme
) -> None:
    lang = page.lang
    layout = MapLayouter(theme).layout(page.project, jmap, options)
    if layout.overflows:
        page.warnings.append(overflow_warning(len(layout.overflows)))
    missing = layout.missing_glyphs()
    if missing:
        page.warnings.append(glyphs_warning(jmap.name, missing, viewer=True))
    drawn = {i.element for i in layout.items if i.kind == "card"}
    cards = {c.id: c for c in jmap.cards if c.id in drawn}
    svg, writer = render_svg(
        layout,
        title=jmap.name,
        embed_fonts=False,
        standalone=False,
        images=page.images,
        attrs=_card_attrs(cards, lang),
        role="group",
    )
    page.fonts |= writer.used_fonts
    vocab = Vocabulary(page.project, lang)
    p = page.parts
    p.append(f'<section class="map" id="map-{n}" aria-labelledby="map-{n}-title">')
    p.append(f'<h2 id="map-{n}-title">{e(jmap.name)}</h2>')
    p.append(
        '<div class="toolbar">'
        f'<button type="button" class="zoom-in">{e(_w("zoom_in", lang))}</button>'
        f'<button type="button" class="zoom-out">{e(_w("zoom_out", lang))}</button>'
        f'<button type="button" class="zoom-fit">{e(_w("fit", lang))}</button>'
        f"<span>{e(_w('map_help', lang))}</span></div>"
    )
    p.append(f'<div class="viewport" tabindex="0" aria-label="{e(jmap.name)}">{svg}</div>')
    p.extend(_card_detail(page, card, vocab) for card in cards.values())
    p.append("</section>")


def _slideshow(page: _Page, jmap: JourneyMap, n: int, theme: Theme) -> None:
    scenes = scenes_for(page.project, jmap)
    if not scenes:
        return
    lang = page.lang
    label = _w("slides", lang, name=jmap.name)
    p = page.parts
    p.append(
        f'<section class="slideshow" id="story-{n}" tabindex="0" aria-roledescription="carousel" '
        f'aria-label="{e(label)}"><h2>{e(label)}</h2>'
    )
    for scene in scenes:
        layout = slide_layout(page.project, jmap, scene, *SLIDE_SIZE, theme, lang)
        title = scene_title(page.project, jmap, scene, lang)
        svg, writer = render_svg(
            layout, title=title, embed_fonts=False, standalone=False, images=page.images
        )
        page.fonts |= writer.used_fonts
        page.slides += 1
        narration = scene.narration.strip()
        p.append(
            f'<div class="slide" role="group" aria-roledescription="slide" '
            f'aria-label="{e(title)}">{svg}'
            + (f'<p class="narration">{e(narration)}</p>' if narration else "")
            + "</div>"
        )
    p.append(
        '<div><button type="button" class="prev">'
        f'{e(_w("previous", lang))}</button><span class="count" aria-live="polite"></span> '
        f'<button type="button" class="next">{e(_w("next", lang))}</button></div></section>'
    )


def _persona_sheet(page: _Page, persona: Persona) -> str:
    lang = page.lang
    out = [f'<article class="persona" aria-label="{e(persona.name)}">']
    if persona.photo:
        url = page.images.url(persona.photo, (320, 320))
        if url:
            alt = _w("photo", lang, name=persona.name)
            out.append(f'<img src="{e(url)}" alt="{e(alt)}">')
    out.append(f"<h3>{e(persona.name)}</h3>")
    if persona.segment:
        out.append(f"<p><em>{e(persona.segment)}</em></p>")
    if persona.quote:
        out.append(f"<blockquote>{e(persona.quote)}</blockquote>")
    if persona.story:
        out.append(f"<p>{e(persona.story)}</p>")
    for key in ("goals", "needs", "pains", "jobs", "behaviours"):
        values: list[str] = getattr(persona, key)
        if values:
            items = "".join(f"<li>{e(v)}</li>" for v in values)
            out.append(f"<h4>{e(_w(key, lang))}</h4><ul>{items}</ul>")
    out.append("</article>")
    return "".join(out)


def render_html(
    project: Project,
    maps: Iterable[JourneyMap],
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    storyline: bool = True,
) -> tuple[str, _Page]:
    options = layout_options or LayoutOptions()
    lang = options.language or project.language
    page = _Page(project, lang, SvgImages(project.assets))
    maps = list(maps)
    title = project.title or (maps[0].name if maps else "JourneyDesk")
    for n, jmap in enumerate(maps, 1):
        _map_section(page, jmap, n, options, theme)
    if project.personas:
        page.parts.append(
            f'<section id="personas"><h2>{e(_w("personas", lang))}</h2>'
            + "".join(_persona_sheet(page, persona) for persona in project.personas)
            + "</section>"
        )
    if storyline:
        for n, jmap in enumerate(maps, 1):
            _slideshow(page, jmap, n, theme)
    body_html = "\n".join(page.parts)
    fallback = metrics(Face.REGULAR).fallback
    if any(ord(ch) in fallback for ch in set(body_html).union(title)):  # (each once: MBs)
        # page text (details, persona sheets) in Greek or Cyrillic: the browser
        # takes those glyphs from the embedded fallback, as the maps do
        page.fonts |= {(Face.REGULAR, True), (Face.BOLD, True)}
    nav = "".join(f'<a href="#map-{n}">{e(m.name)}</a>' for n, m in enumerate(maps, 1))
    if project.personas:
        nav += f'<a href="#personas">{e(_w("personas", lang))}</a>'
    doc = (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(content_security_policy())}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        f"<style>{CSS}\n{font_face_css(page.fonts | {(Face.REGULAR, False)})}</style>\n"
        "</head><body>\n"
        f'<header><h1>{e(title)}</h1><nav aria-label="{e(_w("maps", lang))}">{nav}</nav>'
        "</header>\n<main>\n" + body_html + "\n</main>\n"
        '<dialog id="details" aria-labelledby="details-body"><div id="details-body"></div>'
        f'<button type="button" id="details-close">{e(_w("close", lang))}</button></dialog>\n'
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )
    return doc, page


def export_html(
    project: Project,
    maps: Iterable[JourneyMap],
    path: str | Path,
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    storyline: bool = True,
) -> HtmlReport:
    """Write the maps as one self-contained HTML file at ``path`` (atomically).
    Raises ``OSError`` when it cannot be written."""
    maps = list(maps)
    doc, page = render_html(project, maps, layout_options, theme, storyline)
    data = doc.encode("utf-8")
    atomic_write_bytes(path, data)
    warnings = list(dict.fromkeys(page.warnings))
    warnings += failed_images_warnings(page.images.failed)
    return HtmlReport(str(path), len(maps), page.slides, len(data), warnings)
