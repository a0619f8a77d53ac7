"""Sizes, colours and z-order of the map drawing, in one place.

All lengths are points. A theme is plain data: the canvas, the PNG and the
PDF take the same theme, so they look the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fonts import Face

# z-order of the items (higher is on top)
Z_BACKGROUND = 0.0
Z_LANE = 10.0
Z_GRID = 15.0
Z_HEADER = 20.0
Z_SEPARATOR = 25.0
Z_CONNECTION = 30.0
Z_CURVE = 35.0
Z_CARD = 40.0
Z_CURVE_POINT = 45.0
Z_CHROME = 50.0
Z_SELECTION = 100.0


@dataclass(frozen=True)
class Theme:
    # fonts
    face: Face = Face.REGULAR
    bold: Face = Face.BOLD
    italic: Face = Face.ITALIC
    title_size: float = 22.0
    subtitle_size: float = 11.0
    stage_size: float = 13.0
    step_size: float = 9.5
    lane_size: float = 10.0
    card_title_size: float = 9.0
    card_body_size: float = 7.5
    badge_size: float = 6.5
    curve_label_size: float = 7.5
    legend_size: float = 7.5
    leading: float = 1.22

    # geometry
    margin: float = 18.0
    title_height: float = 64.0
    stage_header_height: float = 30.0
    step_header_height: float = 30.0
    kpi_row_height: float = 0.0
    """Computed from the stages' KPIs; 0 here."""
    lane_header_width: float = 128.0
    column_width: float = 150.0
    column_gap: float = 10.0
    """Horizontal space between cards of neighbouring steps: where connections run."""
    lane_padding: float = 9.0
    """Space above and below the cards of a lane: where connections cross."""
    card_gap: float = 6.0
    card_padding: float = 5.0
    card_radius: float = 3.0
    card_min_height: float = 30.0
    card_title_lines: int = 3
    card_body_lines: int = 4
    card_image_max_height: float = 90.0
    badge_height: float = 10.0
    lane_min_height: float = 44.0
    collapsed_lane_height: float = 20.0
    curve_lane_height: float = 130.0
    image_lane_height: float = 110.0
    point_radius: float = 5.0
    legend_height: float = 58.0

    # colours
    background: str = "#FFFFFF"
    ink: str = "#1F2430"
    muted: str = "#5C6370"
    grid: str = "#D5D9E0"
    stage_fill: str = "#2E3A59"
    stage_ink: str = "#FFFFFF"
    step_fill: str = "#E9ECF2"
    lane_fill: str = "#F6F7F9"
    lane_alt_fill: str = "#FFFFFF"
    lane_header_fill: str = "#E9ECF2"
    card_stroke: str = "#9AA3B2"
    default_card_fill: str = "#FFFFFF"
    connection: str = "#4A5568"
    separator: str = "#7A4FB3"
    curve_colours: tuple[str, ...] = ("#C0392B", "#2471A3", "#1E8449", "#B9770E", "#7D3C98")
    sentiment_colours: dict[str, str] = field(
        default_factory=lambda: {
            "positive": "#1E8449",
            "neutral": "#7F8C8D",
            "problematic": "#C0392B",
        }
    )
    confidence_colours: dict[str, str] = field(
        default_factory=lambda: {
            "observed": "#1F2430",
            "assumed": "#1F2430",
            "proposed": "#1F2430",
        }
    )

    # slides of the storyline (layout/storyline/)
    slide_accent: str = "#E67E22"
    """Eyebrows, the highlight of the current stage in the context strip, ranks."""
    slide_dim: str = "#B8FFFFFF"
    """Translucent white (``#aarrggbb``, QPainter backend only) over the other stages."""
    slide_caption_fill: str = "#2E3A59"
    slide_inverse_ink: str = "#FFFFFF"
    """Text on the caption band, the comparison headers, card tags and rank marks."""
    slide_today_fill: str = "#6C7686"
    """The header of the comparison side showing the map as it is (the future side: the
    stage fill)."""
    slide_kpi_fill: str = "#F4F6FA"
    slide_gauge_tick: str = "#AEB4BE"
    slide_kind_colours: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {
            "touchpoint": ("#2471A3", "#EAF2FB"),
            "pain_point": ("#C0392B", "#FDEDEC"),
            "moment_of_truth": ("#B9770E", "#FEF5E7"),
        }
    )
    """(stripe, fill) of the card kinds a stage panel shows."""
    slide_other_kind_fill: str = "#F3F4F6"
    """Fill of cards of any other kind (their stripe: ``muted``)."""
    slide_mark_colours: dict[str, str] = field(
        default_factory=lambda: {"new": "#1E8449", "changed": "#7D3C98", "removed": "#717D7E"}
    )
    """The tags of cards in a comparison slide."""
    slide_removed_colours: tuple[str, str] = ("#AAB7B8", "#F2F3F4")
    """(stripe, fill) of a card the future map drops."""


DEFAULT_THEME = Theme()
