"""A big, realistic project for benchmarks: ``make_big_project(n_cards=5000)``.

12 stages of 3–4 steps, 10 lanes (one of them a curve lane), cards with
titles and bodies of workshop length (Italian and English, some accents and
typographic quotes), owners, evidence, tags and scores on some, two emotion
curves, 200 connections, a few comments. Deterministic for a given seed.
Pure model code: no Qt.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
import struct
import uuid
import zlib

from journeydesk.model import (
    Asset,
    Card,
    Comment,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    KpiValue,
    Lane,
    MetricDefinition,
    Owner,
    Persona,
    Project,
    Separator,
    Source,
    Stage,
    Step,
    Team,
)

_WORD_TEXT = (
    "il cliente cerca confronta prezzi negozio consegna pagamento carrello reso "
    "assistenza telefono app sito ordine spedizione attesa perché però città più già "
    "così qualità «offerta» promozione the customer compares prices checkout delivery "
    "support waits order tracking email notification store staff queue wants to know "
    "when it arrives feels confused relieved frustrated happy "
)
_WORDS = _WORD_TEXT.split()
_LANES = (
    ("Azioni", "actions", "cards"),
    ("Pensieri", "thoughts", "cards"),
    ("Emozioni", "emotion", "curve"),
    ("Punti di contatto", "touchpoints", "cards"),
    ("Canali", "channels", "cards"),
    ("Punti critici", "pain_points", "cards"),
    ("Opportunità", "opportunities", "cards"),
    ("Front-office", "frontstage", "cards"),
    ("Back-office", "backstage", "cards"),
    ("Processi di supporto", "support", "cards"),
)
_KIND_OF_LANE = {
    "actions": "action",
    "thoughts": "thought",
    "touchpoints": "touchpoint",
    "channels": "touchpoint",
    "pain_points": "pain_point",
    "opportunities": "opportunity",
    "frontstage": "action",
    "backstage": "process",
    "support": "process",
}
_CHANNELS = ("web", "app", "store", "phone", "email", "chat", "social", "delivery")


def _text(rng: random.Random, lo: int, hi: int) -> str:
    words = rng.choices(_WORDS, k=rng.randint(lo, hi))
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def make_big_project(
    n_cards: int = 5000,
    n_stages: int = 12,
    seed: int = 0,
    n_connections: int = 200,
    n_images: int = 0,
) -> Project:
    """``n_images`` cards show one of a few small embedded PNGs (a tenth as many
    assets as cards showing them)."""
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    when = dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.UTC)
    personas = [
        Persona(
            id=new_id(),
            name=name,
            segment=seg,
            quote=_text(rng, 8, 16),
            goals=[_text(rng, 4, 8) for _ in range(3)],
            pains=[_text(rng, 4, 8)],
        )
        for name, seg in (("Marta, 34 anni", "Cliente abituale"), ("Paolo, 61", "Nuovo cliente"))
    ]
    teams = [
        Team(id=new_id(), name=n)
        for n in ("Marketing", "Logistica", "Assistenza clienti", "IT", "Negozi", "Finanza")
    ]
    sources = [
        Source(
            id=new_id(),
            title=f"Interviste {i + 1}",
            kind="interview",
            date=dt.date(2024, 1 + i, 10),
            reference=_text(rng, 3, 6),
        )
        for i in range(8)
    ]
    metrics = [
        MetricDefinition(id=new_id(), name=n, unit=u, target=t)
        for n, u, t in (("NPS", "", 40), ("CSAT", "%", 85), ("Conversione", "%", 3.5))
    ]

    stages = []
    for s in range(n_stages):
        steps = [Step(id=new_id(), name=_text(rng, 2, 4)) for _ in range(rng.randint(3, 4))]
        stages.append(
            Stage(
                id=new_id(),
                name=f"Fase {s + 1}: {_text(rng, 1, 3)}",
                description=_text(rng, 10, 25),
                narration=_text(rng, 30, 60),
                kpis=[
                    KpiValue(metric=m.id, value=round(rng.uniform(0, 100), 1)) for m in metrics[:2]
                ],
                steps=steps,
            )
        )
    all_steps = [step for stage in stages for step in stage.steps]
    lanes = [
        Lane(
            id=new_id(),
            name=n,
            kind=k,
            display=d,  # type: ignore[arg-type]
            persona=personas[0].id if d == "curve" else None,
        )
        for n, k, d in _LANES
    ]
    card_lanes = [lane for lane in lanes if lane.display == "cards"]

    cards = []
    for i in range(n_cards):
        lane = card_lanes[i % len(card_lanes)]
        step_n = rng.randrange(len(all_steps))
        kind = _KIND_OF_LANE[lane.kind]
        card = Card(
            id=new_id(),
            step=all_steps[step_n].id,
            lane=lane.id,
            order=i // 1000,
            span_steps=2 if rng.random() < 0.05 and step_n + 1 < len(all_steps) else 1,
            kind=kind,
            title=_text(rng, 3, 9),
            body=_text(rng, 10, 45),
            tags=rng.sample(("mobile", "negozio", "urgente", "ricerca", "q3"), k=rng.randint(0, 2)),
        )
        if kind == "touchpoint":
            card.channel = rng.choice(_CHANNELS)
            card.owners = [Owner(team=rng.choice(teams).id, role=_text(rng, 1, 3))]
            card.sentiment = rng.choice(("positive", "neutral", "problematic"))
        if rng.random() < 0.3:
            card.evidence = [
                Evidence(
                    id=new_id(),
                    confidence=rng.choice(("observed", "assumed", "proposed")),
                    method="interview",
                    source=rng.choice(sources).id,
                    quote=_text(rng, 6, 20),
                    figure=f"{rng.randint(1, 99)} % {_text(rng, 2, 4)}",
                )
            ]
        if kind == "opportunity":
            card.scores = {"impact": rng.randint(1, 5), "effort": rng.randint(1, 5)}
            card.status = "idea"
        cards.append(card)

    curves = [
        EmotionCurve(
            id=new_id(),
            persona=p.id,
            lane=lanes[2].id,
            label=p.name,
            points=[
                CurvePoint(
                    id=new_id(),
                    step=step.id,
                    score=round(rng.uniform(-2, 2), 2),
                    emotion=rng.choice(("curiosa", "confusa", "felice")),
                    label=_text(rng, 1, 3),
                )
                for step in all_steps
            ],
        )
        for p in personas
    ]
    connections = []
    for _ in range(n_connections):
        a, b = rng.sample(cards, 2)
        connections.append(
            Connection(id=new_id(), source=a.id, target=b.id, kind=rng.choice(("flow", "handoff")))
        )
    jmap = JourneyMap(
        id=new_id(),
        name="Percorso d'acquisto — stato attuale",
        type="service_blueprint",
        personas=[p.id for p in personas],
        objective=_text(rng, 10, 20),
        stages=stages,
        lanes=lanes,
        cards=cards,
        curves=curves,
        connections=connections,
        separators=[Separator(id=new_id(), kind="visibility", after_lane=lanes[7].id)],
    )
    comments = [
        Comment(
            id=new_id(),
            target=rng.choice(cards).id,
            author="Luca",
            created=when,
            text=_text(rng, 5, 20),
        )
        for _ in range(50)
    ]
    assets = []
    if n_images:
        for n in range(max(1, n_images // 10)):
            side = 48 + 16 * (n % 4)
            assets.append(
                Asset(
                    id=new_id(),
                    name=f"foto {n + 1}",
                    type="image/png",
                    width=side,
                    height=side,
                    data=base64.b64encode(tiny_png(side, n)).decode("ascii"),
                )
            )
        for k, card in enumerate(rng.sample(cards, min(n_images, len(cards)))):
            card.image = assets[k % len(assets)].id
    return Project(
        id=new_id(),
        title="Benchmark: percorso d'acquisto",
        assets=assets,
        language="it",
        created=when,
        modified=when,
        personas=personas,
        teams=teams,
        sources=sources,
        metrics=metrics,
        maps=[jmap],
        comments=comments,
    )


def tiny_png(side: int, n: int) -> bytes:
    """A ``side`` × ``side`` RGB PNG of two colour bands (no imaging library)."""
    top = bytes((200, 80 + n * 37 % 150, 60)) * side
    bottom = bytes((40, 90, 150 + n * 13 % 100)) * side
    raw = b"".join(b"\0" + (top if y < side // 2 else bottom) for y in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


#: The shapes every scale bench measures (issue #14): ``current`` is the
#: original 12 stages of 3-4 steps; ``wide`` about 900 steps (the sample's
#: stages cloned to thousands of cards: 1,800 curve points); ``dense`` seven
#: or so steps with many cards in every cell. All with two emotion curves (a
#: point per step each), a connection per 25 cards and an image per 50.
SHAPES = ("current", "wide", "dense")
_STAGES = {"current": 12, "wide": 258, "dense": 2}


def make_shape(shape: str, n_cards: int = 5000, seed: int = 0) -> Project:
    if shape not in _STAGES:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(SHAPES)}")
    return make_big_project(
        n_cards,
        n_stages=_STAGES[shape],
        seed=seed,
        n_connections=n_cards // 25,
        n_images=n_cards // 50,
    )


def shape_summary(project: Project) -> str:
    jmap = project.maps[0]
    steps = sum(len(s.steps) for s in jmap.stages)
    points = sum(len(c.points) for c in jmap.curves)
    return (
        f"{len(jmap.cards)} cards, {len(jmap.stages)} stages, {steps} steps, "
        f"{points} curve points, {len(jmap.connections)} connections, "
        f"{sum(1 for c in jmap.cards if c.image)} images"
    )


if __name__ == "__main__":
    from journeydesk.io import dump_bytes
    from journeydesk.model import check_project

    for shape in SHAPES:
        project = make_shape(shape)
        assert not check_project(project), check_project(project)[:5]
        print(f"{shape}: {shape_summary(project)}, {len(dump_bytes(project)) / 1e6:.1f} MB")
