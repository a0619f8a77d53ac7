"""A map and the map derived from it (as-is and to-be): which stage
continues which, which cards are new, changed or removed, and each curve's
score in a stage."""

from __future__ import annotations

from journeydesk.model.project import JourneyMap, Project, Stage

# --- comparison: a map and the map derived from it ------------------------------


def comparison_pair(project: Project, jmap: JourneyMap) -> tuple[JourneyMap, JourneyMap] | None:
    """``(before, after)``: the map this one is based on and this one, or (for a
    map others derive from) this one and the first map based on it; None when
    the map has no counterpart."""
    if jmap.based_on:
        base = project.map_by_id(jmap.based_on)
        if base is not None and base is not jmap:
            return base, jmap
    derived = next((m for m in project.maps if m.based_on == jmap.id and m is not jmap), None)
    return (jmap, derived) if derived is not None else None


def match_stages(before: JourneyMap, after: JourneyMap) -> dict[str, str]:
    """Which stage of ``before`` each stage of ``after`` continues, one to one:
    ``{after_stage_id: before_stage_id}``.

    Stages carry no reference to the stage they come from; cards do
    (``derived_from``). So: 1. the pairs of stages most derived cards join
    (a future card in stage A derived from a current card in stage B votes for
    A–B; strongest pairs first); 2. stages left over with the same name
    (ignoring case); 3. if as many stages are left on both sides, they pair up
    in order. A stage left without a partner is new (or gone)."""
    stage_of_before = {st.id: s.id for s in before.stages for st in s.steps}
    stage_of_after = {st.id: s.id for s in after.stages for st in s.steps}
    card_stage = {c.id: stage_of_before.get(c.step) for c in before.cards}
    votes: dict[tuple[str, str], int] = {}
    for c in after.cards:
        a = stage_of_after.get(c.step)
        b = card_stage.get(c.derived_from or "")
        if a and b:
            votes[(a, b)] = votes.get((a, b), 0) + 1
    a_index = {s.id: i for i, s in enumerate(after.stages)}
    b_index = {s.id: i for i, s in enumerate(before.stages)}
    matched: dict[str, str] = {}
    for (a, b), _n in sorted(
        votes.items(), key=lambda kv: (-kv[1], a_index[kv[0][0]], b_index[kv[0][1]])
    ):
        if a not in matched and b not in matched.values():
            matched[a] = b
    free_b = [s for s in before.stages if s.id not in matched.values()]
    for s in after.stages:
        if s.id in matched:
            continue
        same = next(
            (b for b in free_b if b.name.strip().casefold() == s.name.strip().casefold()), None
        )
        if same is not None:
            matched[s.id] = same.id
            free_b.remove(same)
    free_a = [s for s in after.stages if s.id not in matched]
    if len(free_a) == len(free_b):
        matched.update({a.id: b.id for a, b in zip(free_a, free_b, strict=True)})
    return matched


CHANGE_FIELDS = ("title", "body", "kind", "channel", "sentiment")
"""A derived card differing from its source in one of these is "changed"."""


def card_changes(before: JourneyMap, after: JourneyMap) -> dict[str, str]:
    """``{card id: "new" | "changed" | "removed"}``: cards of ``after`` with no
    source (new) or differing from it (changed), cards of ``before`` no card of
    ``after`` derives from (removed). Unchanged cards are not listed."""
    sources = {c.id: c for c in before.cards}
    kept: set[str] = set()
    marks: dict[str, str] = {}
    for c in after.cards:
        src = sources.get(c.derived_from or "")
        if src is None:
            marks[c.id] = "new"
            continue
        kept.add(src.id)
        if any(getattr(c, f) != getattr(src, f) for f in CHANGE_FIELDS):
            marks[c.id] = "changed"
    for c in before.cards:
        if c.id not in kept:
            marks[c.id] = "removed"
    return marks


def stage_scores(jmap: JourneyMap, stage: Stage) -> list[tuple[int, float | None]]:
    """Each curve's mean score over the stage's steps (None: no point there),
    as ``(curve index, score)`` on the curve's own scale."""
    steps = {s.id for s in stage.steps}
    out: list[tuple[int, float | None]] = []
    for k, curve in enumerate(jmap.curves):
        pts = [p.score for p in curve.points if p.step in steps]
        out.append((k, sum(pts) / len(pts) if pts else None))
    return out
