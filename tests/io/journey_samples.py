"""A small, valid, fully cross-referenced project built with the model.

Every id is fixed, so the files made from it (tests/hostile/) and the JSON
paths the tests expect stay the same from run to run. The indices the hostile
corpus relies on:

- ``$.maps[0]``: current state; stages[0] has steps SP1, SP2; stages[1] SP3;
  stages[2] SP4. lanes L1 actions, L2 touchpoints, L3 emotion curve,
  L4 opportunities. cards[0] C1 (action), cards[1] C2 (touchpoint with owner
  and evidence), cards[2] C3 (pain point, spans 2 steps), cards[3] C4
  (opportunity with scores). curves[0] has 4 points; connections[0] C1→C2.
- ``$.maps[1]``: future state based on maps[0]; cards[0] derived from C3.
- ``$.assets[0]``: a real 1×1 PNG, the photo of ``$.personas[0]``.
- ``$.comments[0]`` targets C2.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib

from journeydesk.io import dump_bytes
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
    Reply,
    Scale,
    Scene,
    ScoreDefinition,
    Separator,
    Source,
    Stage,
    Step,
    Storyline,
    Team,
)


def fixed_id(n: int) -> str:
    """A valid lower-case UUID whose last group is ``n`` in decimal digits."""
    return f"00000000-0000-4000-8000-{n:012d}"


PROJECT = fixed_id(1)
P1, T1, T2, S1, M1, A1 = (fixed_id(n) for n in (101, 201, 202, 301, 401, 501))
MAP1, MAP2 = fixed_id(1000), fixed_id(2000)
ST1, ST2, ST3 = fixed_id(1101), fixed_id(1102), fixed_id(1103)
SP1, SP2, SP3, SP4 = fixed_id(1201), fixed_id(1202), fixed_id(1203), fixed_id(1204)
L1, L2, L3, L4 = fixed_id(1301), fixed_id(1302), fixed_id(1303), fixed_id(1304)
C1, C2, C3, C4 = fixed_id(1401), fixed_id(1402), fixed_id(1403), fixed_id(1404)
E1 = fixed_id(1501)
K1 = fixed_id(1601)
CP1, CP2, CP3, CP4 = fixed_id(1701), fixed_id(1702), fixed_id(1703), fixed_id(1704)
X1, X2 = fixed_id(1801), fixed_id(1802)
SEP1 = fixed_id(1901)
SC1 = fixed_id(1951)
ST21, SP21, L21, C21 = fixed_id(2101), fixed_id(2201), fixed_id(2301), fixed_id(2401)
CM1, R1 = fixed_id(3001), fixed_id(3002)

WHEN = dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.UTC)


def png_bytes(width: int = 1, height: int = 1) -> bytes:
    """A real PNG (RGBA, all transparent) of the given size."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x00" * (4 * width) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_header_only(width: int, height: int) -> bytes:
    """Signature and IHDR of a PNG claiming ``width``×``height``; no pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    )


def sample_project() -> Project:
    import base64

    current = JourneyMap(
        id=MAP1,
        name="Acquisto online — stato attuale",
        type="journey",
        state="current",
        personas=[P1],
        objective="Capire perché il 38 % abbandona il carrello",
        stages=[
            Stage(
                id=ST1,
                name="Ricerca",
                narration="Marta cerca le scarpe più adatte alla sua corsa.",
                kpis=[KpiValue(metric=M1, value=12, target=40)],
                steps=[
                    Step(id=SP1, name="Cerca su Google"),
                    Step(id=SP2, name="Confronta i prezzi"),
                ],
            ),
            Stage(id=ST2, name="Acquisto", steps=[Step(id=SP3, name="Paga")]),
            Stage(id=ST3, name="Dopo l'acquisto", steps=[Step(id=SP4, name="Attende la consegna")]),
        ],
        lanes=[
            Lane(id=L1, name="Azioni", kind="actions"),
            Lane(id=L2, name="Punti di contatto", kind="touchpoints"),
            Lane(id=L3, name="Curva emotiva", kind="emotion", display="curve", persona=P1),
            Lane(id=L4, name="Opportunità", kind="opportunities"),
        ],
        cards=[
            Card(id=C1, step=SP1, lane=L1, kind="action", title="Cerca «scarpe da corsa»"),
            Card(
                id=C2,
                step=SP2,
                lane=L2,
                kind="touchpoint",
                title="Pagina prodotto",
                body='Le taglie non sono chiare; "guida alle taglie" è in fondo.',
                channel="web",
                owners=[Owner(team=T1, role="responsabile del sito")],
                sentiment="problematic",
                evidence=[
                    Evidence(
                        id=E1,
                        confidence="observed",
                        method="interview",
                        source=S1,
                        quote="Non capivo se la 42 mi andava bene.",
                        figure="38 % abbandona a questo passo",
                    )
                ],
                tags=["taglie", "mobile"],
            ),
            Card(
                id=C3,
                step=SP3,
                lane=L1,
                kind="pain_point",
                title="Il pagamento fallisce",
                span_steps=2,
                tags=["pagamento"],
            ),
            Card(
                id=C4,
                step=SP4,
                lane=L4,
                kind="opportunity",
                title="Tracciamento via SMS",
                scores={"impact": 4, "effort": 2, "reach": 7},
                status="idea",
                relates_to=[C3],
            ),
        ],
        curves=[
            EmotionCurve(
                id=K1,
                persona=P1,
                lane=L3,
                label="Marta",
                scale=Scale(min=-2, max=2),
                points=[
                    CurvePoint(id=CP1, step=SP1, score=1, emotion="curiosa"),
                    CurvePoint(id=CP2, step=SP2, score=-1, emotion="confusa"),
                    CurvePoint(id=CP3, step=SP3, offset=0.25, score=-2, emotion="frustrata"),
                    CurvePoint(id=CP4, step=SP4, score=1.5, emotion="sollevata"),
                ],
            )
        ],
        connections=[
            Connection(id=X1, source=C1, target=C2),
            Connection(id=X2, source=C2, target=C3, kind="handoff"),
        ],
        separators=[Separator(id=SEP1, kind="interaction", after_lane=L2)],
        storyline=Storyline(scenes=[Scene(id=SC1, kind="stage", stage=ST1, title="Ricerca")]),
    )
    future = JourneyMap(
        id=MAP2,
        name="Acquisto online — stato futuro",
        state="future",
        based_on=MAP1,
        stages=[Stage(id=ST21, name="Acquisto", steps=[Step(id=SP21, name="Paga in un clic")])],
        lanes=[Lane(id=L21, name="Azioni", kind="actions")],
        cards=[Card(id=C21, step=SP21, lane=L21, kind="action", derived_from=C3)],
    )
    return Project(
        id=PROJECT,
        title="Negozio Rossi — percorso d'acquisto",
        description="Mappa del percorso del cliente per l'e-commerce.",
        language="it",
        authors=["Giulia Bianchi"],
        created=WHEN,
        modified=WHEN,
        personas=[
            Persona(
                id=P1,
                name="Marta, 34 anni",
                segment="Cliente abituale",
                quote="«Voglio sapere quando arriva.»",
                goals=["Comprare in fretta"],
                pains=["Spese di spedizione nascoste"],
                photo=A1,
            )
        ],
        teams=[Team(id=T1, name="Marketing"), Team(id=T2, name="Logistica")],
        sources=[
            Source(
                id=S1,
                title="Interviste clienti, marzo 2024",
                kind="interview",
                date=dt.date(2024, 3, 15),
            )
        ],
        metrics=[MetricDefinition(id=M1, name="NPS", direction="higher_is_better", target=40)],
        score_definitions=[
            ScoreDefinition(key="reach", label={"en": "Reach", "it": "Portata"}, min=0, max=10)
        ],
        maps=[current, future],
        assets=[
            Asset(
                id=A1,
                name="marta.png",
                type="image/png",
                width=1,
                height=1,
                data=base64.b64encode(png_bytes(1, 1)).decode("ascii"),
            )
        ],
        comments=[
            Comment(
                id=CM1,
                target=C2,
                author="Luca",
                created=WHEN,
                text="Abbiamo i dati di Analytics su questo?",
                replies=[Reply(id=R1, author="Giulia", created=WHEN, text="Sì, li aggiungo.")],
            )
        ],
    )


def sample_document() -> dict:
    """The sample as the plain JSON data of its file (a fresh copy each call)."""
    return json.loads(dump_bytes(sample_project()))


def sample_bytes() -> bytes:
    return dump_bytes(sample_project())
