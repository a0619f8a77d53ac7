"""The layout of a map: every element placed, nothing overlapping, incremental."""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.layout.engine import LayoutOptions, MapLayouter, layout_map
from journeydesk.layout.primitives import Line, MapLayout, Path, Rect, Text
from journeydesk.model import Card, JourneyMap, Lane, Project, Stage, Step

CASES = [
    (key, lang)
    for key in ("sample", "day-in-the-life", "service-blueprint", "blank")
    for lang in ("en", "it")
]


def boxes(layout: MapLayout, kind: str) -> dict[str, Rect]:
    return {i.element: i.bounds for i in layout.items if i.kind == kind and i.element}


def texts(layout: MapLayout) -> list[str]:
    return [
        line for i in layout.items for p in i.primitives if isinstance(p, Text) for line in p.lines
    ]


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_every_element_is_drawn(key: str, lang: str) -> None:
    project = templates.new_project(key, lang)
    for jmap in project.maps:
        layout = layout_map(project, jmap)
        cards = boxes(layout, "card")
        assert set(cards) == {c.id for c in jmap.cards}
        assert set(boxes(layout, "stage")) == {s.id for s in jmap.stages}
        assert set(boxes(layout, "step")) == {s.id for s in jmap.steps()}
        assert {lane.id for lane in jmap.lanes} <= set(boxes(layout, "lane")) | set(
            boxes(layout, "channel_grid")
        )
        assert set(boxes(layout, "connection")) == {c.id for c in jmap.connections}
        assert set(boxes(layout, "separator")) == {s.id for s in jmap.separators}
        points = {p.id for c in jmap.curves for p in c.points}
        assert set(boxes(layout, "curve_point")) == points
        assert not layout.overflows, layout.overflows


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_cards_do_not_overlap_and_stay_in_their_lane_and_steps(key: str, lang: str) -> None:
    project = templates.new_project(key, lang)
    for jmap in project.maps:
        layout = layout_map(project, jmap)
        cards = boxes(layout, "card")
        lanes = boxes(layout, "lane")
        steps = boxes(layout, "step")
        order = {s.id: n for n, s in enumerate(jmap.steps())}
        all_steps = jmap.steps()
        items = list(cards.items())
        for n, (a_id, a) in enumerate(items):
            for b_id, b in items[n + 1 :]:
                assert not a.intersects(b), (a_id, b_id)
        for card in jmap.cards:
            box = cards[card.id]
            lane = lanes[card.lane]
            assert lane.y <= box.y and box.bottom <= lane.bottom + 0.01
            first = steps[card.step]
            last = steps[all_steps[order[card.step] + card.span_steps - 1].id]
            assert first.x <= box.x and box.right <= last.right


def test_stacking_follows_order_in_a_cell() -> None:
    project = _tiny([("b", 1), ("a", 0), ("c", 2)])
    layout = layout_map(project, project.maps[0])
    cards = boxes(layout, "card")
    ys = sorted(project.maps[0].cards, key=lambda c: cards[c.id].y)
    assert [c.title for c in ys] == ["a", "b", "c"]


def test_spanning_cards_push_the_next_column_down() -> None:
    project = _tiny([("wide", 0)], steps=3)
    jmap = project.maps[0]
    jmap.cards[0].span_steps = 2
    steps = jmap.steps()
    jmap.cards.append(Card(step=steps[1].id, lane=jmap.lanes[0].id, order=0, title="under"))
    layout = layout_map(project, jmap)
    cards = boxes(layout, "card")
    wide, under = cards[jmap.cards[0].id], cards[jmap.cards[1].id]
    assert wide.w > 1.9 * under.w
    assert under.y >= wide.bottom


def test_hostile_text_is_cut_and_reported() -> None:
    project = _tiny([("x" * 400, 0)])
    project.maps[0].cards[0].body = "parola " * 5000
    layout = layout_map(project, project.maps[0])
    fields = {(o.element, o.field) for o in layout.overflows}
    card = project.maps[0].cards[0].id
    assert (card, "title") in fields and (card, "body") in fields
    card_texts = [
        p for i in layout.items if i.element == card for p in i.primitives if isinstance(p, Text)
    ]
    assert sum(len(t.lines) for t in card_texts) <= 3 + 4 + 2


def test_curve_points_stay_inside_the_lane_and_the_curve_never_overshoots() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    layout = layout_map(project, jmap)
    curve_lane = next(lane for lane in jmap.lanes if lane.display == "curve")
    lane = boxes(layout, "lane")[curve_lane.id]
    for item in layout.items:
        if item.kind == "curve_point":
            assert lane.y < item.bounds.y and item.bounds.bottom < lane.bottom
        if item.kind == "curve":
            ys = [
                y
                for p in item.primitives
                if isinstance(p, Path)
                for op in p.ops
                if op[0] != "Z"
                for y in op[2::2]
            ]
            point_ys = [
                b.y + b.h / 2 for i in layout.items if i.kind == "curve_point" for b in [i.bounds]
            ]
            if ys:
                assert min(ys) >= min(point_ys) - 0.01 and max(ys) <= max(point_ys) + 0.01


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_connections_do_not_cross_other_cards(key: str, lang: str) -> None:
    project = templates.new_project(key, lang)
    for jmap in project.maps:
        _check_routes(project, jmap)


def _check_routes(project: Project, jmap: JourneyMap) -> None:
    layout = layout_map(project, jmap)
    cards = boxes(layout, "card")
    for conn in jmap.connections:
        item = next(i for i in layout.items if i.element == conn.id)
        line = next(p for p in item.primitives if isinstance(p, Line))
        for (x1, y1), (x2, y2) in zip(line.points, line.points[1:], strict=False):
            seg = Rect(
                min(x1, x2) - 0.01, min(y1, y2) - 0.01, abs(x2 - x1) + 0.02, abs(y2 - y1) + 0.02
            )
            for card_id, box in cards.items():
                if card_id in (conn.source, conn.target):
                    continue
                inner = box.adjusted(1, 1, -1, -1)
                assert not seg.intersects(inner), (conn.label, card_id)


def test_changing_one_card_measures_one_card() -> None:
    project = templates.new_project("sample", "it")
    jmap = project.maps[0]
    layouter = MapLayouter()
    first = layouter.layout(project, jmap)
    measured = layouter.measured
    assert measured >= len(jmap.cards) * 0.9
    jmap.cards[3].title = "Un titolo cambiato durante il workshop"
    second = layouter.layout(project, jmap)
    assert layouter.measured == measured + 1
    assert "Un titolo cambiato durante il" in texts(second)[0:] or any(
        "cambiato" in t for t in texts(second)
    )
    assert first.width == second.width


def test_options_hide_lanes_and_chrome() -> None:
    project = templates.new_project("service-blueprint", "it")
    jmap = project.maps[0]
    full = layout_map(project, jmap)
    client = layout_map(
        project,
        jmap,
        options=LayoutOptions(
            hide_lane_kinds=frozenset({"backstage", "support"}), legend=False, title_block=False
        ),
    )
    hidden = {lane.id for lane in jmap.lanes if lane.kind in ("backstage", "support")}
    assert hidden and not hidden & set(boxes(client, "lane"))
    assert client.height < full.height
    assert not [i for i in client.items if i.kind in ("legend", "title")]
    hidden_cards = {c.id for c in jmap.cards if c.lane in hidden}
    assert not hidden_cards & set(boxes(client, "card"))


def test_unknown_vocabulary_is_shown_as_written() -> None:
    project = _tiny([("Piccione", 0)])
    project.maps[0].cards[0].channel = "carrier_pigeon"
    layout = layout_map(project, project.maps[0])
    assert "carrier pigeon" in " ".join(texts(layout))


def test_empty_map_lays_out() -> None:
    project = Project(title="Vuoto")
    project.maps.append(JourneyMap(name="m"))
    layout = layout_map(project, project.maps[0])
    assert layout.width > 0 and layout.height > 0


def _tiny(cards: list[tuple[str, int]], steps: int = 1) -> Project:
    project = Project(title="t")
    jmap = JourneyMap(
        name="m",
        stages=[Stage(name="S", steps=[Step(name=f"s{i}") for i in range(steps)])],
        lanes=[Lane(name="L", kind="actions")],
    )
    step = jmap.stages[0].steps[0].id
    for title, order in cards:
        jmap.cards.append(Card(step=step, lane=jmap.lanes[0].id, order=order, title=title))
    project.maps.append(jmap)
    return project
