"""The inspector's rows that are more than one field: the project's tables of
teams, sources, metrics, scores and vocabularies; a map's personas and
emotion curves; a stage's KPIs; a card's scores, owners and evidence; an
emotion point's score. The field specs (``inspector_specs``) name them as
``Hook`` rows; each edit is a verb.

Texts are in the ``Inspector`` translation context: the widget is an
``Inspector`` at run time, which is the context Qt looks them up in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from journeydesk.canvas.plain import plain_label
from journeydesk.document import verbs, verbs_maps, verbs_structure
from journeydesk.document.language import shown_language
from journeydesk.document.verbs import describe
from journeydesk.model import (
    Card,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    KpiValue,
    Lane,
    MetricDefinition,
    Owner,
    Project,
    Source,
    Stage,
    Team,
)
from journeydesk.model.base import MAX_NAME, MAX_TEXT

from .inspector_fields import (
    FIELD_ROLE,
    InspectorFields,
    Options,
    _Binding,
    _parse_date,
    choice_combo,
)
from .inspector_table import RecordTable as _Table
from .inspector_table import number_text as _number_text
from .inspector_table import parse_number as _parse_number
from .inspector_vocab import ScoresEditor, VocabulariesEditor

USAGE_FIELDS = frozenset(
    {"kind", "channel", "status", "method", "default_card_kind", "hide_lane_kinds"}
)
"""Fields whose values the vocabulary tables count: an edit of one rebuilds them."""


class InspectorSections(InspectorFields):
    """The inspector's multi-field rows (see the module's docstring)."""

    def _hook_scores_table(self, project: Project) -> None:
        """Score definitions: the built-in ones (relabel, re-range) and the project's."""
        assert self.document is not None
        self._section(QCoreApplication.translate("Inspector", "Scores"))
        self._table_keys.add((project.id, "score_definitions"))
        self._usage_fields.add("scores")
        self.form.addRow(ScoresEditor(self.document))

    def _element_cell(
        self,
        table: _Table,
        row: int,
        col: int,
        element: Any,
        field: str,
        label: str,
        number: bool = False,
        limit: int = MAX_NAME,
    ) -> None:
        assert self.document is not None
        value = getattr(element, field)
        self._table_keys.add((element.id, field))
        eid = element.id
        if number:
            table.text_cell(
                row,
                col,
                _number_text(value),
                lambda text: self.set_value(eid, field, _parse_number(text), label, False),
            )
        else:
            table.text_cell(
                row,
                col,
                value or "",
                lambda text: self.set_value(eid, field, str(text)[:limit], label, False),
            )

    def _remove_with_references(self, element: Any) -> None:
        """Remove a team, source or metric, and what refers to it, as one step."""
        assert self.document is not None
        doc = self.document
        text = (
            QCoreApplication.translate("Inspector", "Delete %1 %2")
            .replace("%1", self.kind_name(element))
            .replace("%2", describe(element))
            .strip()
        )
        verbs_maps.remove_project_item(doc, element.id, text)

    def _hook_teams(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            team = Team(name=QCoreApplication.translate("Inspector", "New team"))
            verbs.add_team(self.document, team)

        table = self._table(
            QCoreApplication.translate("Inspector", "Teams"),
            [
                QCoreApplication.translate("Inspector", "Name"),
                QCoreApplication.translate("Inspector", "Description"),
            ],
            add,
            lambda row: self._remove_with_references(project.teams[row]),
        )
        for team in project.teams:
            row = table.add_row()
            self._element_cell(
                table, row, 0, team, "name", QCoreApplication.translate("Inspector", "Name")
            )
            self._element_cell(
                table,
                row,
                1,
                team,
                "description",
                QCoreApplication.translate("Inspector", "Description"),
                limit=MAX_TEXT,
            )

    def _hook_sources(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            source = Source(title=QCoreApplication.translate("Inspector", "New source"))
            verbs.add_source(self.document, source)

        table = self._table(
            QCoreApplication.translate("Inspector", "Research sources"),
            [
                QCoreApplication.translate("Inspector", "Title"),
                QCoreApplication.translate("Inspector", "Reference"),
                QCoreApplication.translate("Inspector", "Note"),
            ],
            add,
            lambda row: self._remove_with_references(project.sources[row]),
        )
        for source in project.sources:
            row = table.add_row()
            self._element_cell(
                table, row, 0, source, "title", QCoreApplication.translate("Inspector", "Title")
            )
            self._element_cell(
                table,
                row,
                1,
                source,
                "reference",
                QCoreApplication.translate("Inspector", "Reference"),
                limit=MAX_TEXT,
            )
            self._element_cell(
                table,
                row,
                2,
                source,
                "note",
                QCoreApplication.translate("Inspector", "Note"),
                limit=MAX_TEXT,
            )

    def _hook_metrics(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            metric = MetricDefinition(name=QCoreApplication.translate("Inspector", "New metric"))
            verbs.add_metric(self.document, metric)

        table = self._table(
            QCoreApplication.translate("Inspector", "Metrics"),
            [
                QCoreApplication.translate("Inspector", "Name"),
                QCoreApplication.translate("Inspector", "Unit"),
                QCoreApplication.translate("Inspector", "Direction"),
                QCoreApplication.translate("Inspector", "Target"),
            ],
            add,
            lambda row: self._remove_with_references(project.metrics[row]),
        )
        directions: Options = [
            ("higher_is_better", QCoreApplication.translate("Inspector", "Higher is better")),
            ("lower_is_better", QCoreApplication.translate("Inspector", "Lower is better")),
            ("on_target", QCoreApplication.translate("Inspector", "On target")),
        ]
        for metric in project.metrics:
            row = table.add_row()
            self._element_cell(
                table, row, 0, metric, "name", QCoreApplication.translate("Inspector", "Name")
            )
            self._element_cell(
                table, row, 1, metric, "unit", QCoreApplication.translate("Inspector", "Unit")
            )
            combo = QComboBox()
            for key, text in directions:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(metric.direction)))
            mid = metric.id
            combo.currentIndexChanged.connect(
                lambda i, c=combo, m=mid: self.set_value(
                    m,
                    "direction",
                    c.itemData(i),
                    QCoreApplication.translate("Inspector", "Direction"),
                    False,
                )
            )
            self._table_keys.add((metric.id, "direction"))
            table.combo_cell(row, 2, combo)
            self._element_cell(
                table,
                row,
                3,
                metric,
                "target",
                QCoreApplication.translate("Inspector", "Target"),
                number=True,
            )

    def _hook_vocabularies(self, project: Project) -> None:
        """The open vocabularies, one at a time (the last one chosen stays)."""
        assert self.document is not None
        self._section(QCoreApplication.translate("Inspector", "Vocabularies"))
        self._table_keys.add((project.id, "vocabularies"))
        self._usage_fields |= USAGE_FIELDS

        def chosen(name: str) -> None:
            self.vocabulary_shown = name

        self.form.addRow(VocabulariesEditor(self.document, self.vocabulary_shown, chosen))

    def _hook_curves(self, jmap: JourneyMap) -> None:
        """The map's emotion curves, one per persona, and a way to add one for
        a persona who has none yet (in the first curve lane; a curve lane is
        added with it when the map has none)."""
        assert self.document is not None
        project = self.document.project
        self._table_keys.add((jmap.id, "curves"))
        names = {
            p.id: p.name or QCoreApplication.translate("Inspector", "(unnamed persona)")
            for p in project.personas
        }
        nobody = QCoreApplication.translate("Inspector", "(no persona)")
        shown = [
            (c.label or names.get(c.persona or "", nobody))
            + (f" — {names[c.persona]}" if c.label and c.persona in names else "")
            for c in jmap.curves
        ]
        curves = QLabel("\n".join(shown) or QCoreApplication.translate("Inspector", "(none)"))
        curves.setTextFormat(Qt.TextFormat.PlainText)
        curves.setWordWrap(True)
        self.form.addRow(QCoreApplication.translate("Inspector", "Emotion curves"), curves)
        missing = [p for p in project.personas if all(c.persona != p.id for c in jmap.curves)]
        if not missing:
            return
        row = QHBoxLayout()
        pick = QComboBox()
        pick.setAccessibleName(
            QCoreApplication.translate("Inspector", "Persona for a new emotion curve")
        )
        for persona in missing:
            pick.addItem(names[persona.id], persona.id)
        add = QPushButton(QCoreApplication.translate("Inspector", "Add Curve"))
        add.setAccessibleName(
            QCoreApplication.translate("Inspector", "Add an emotion curve for this persona")
        )
        row.addWidget(pick, 1)
        row.addWidget(add)
        mid = jmap.id

        def add_curve() -> None:
            doc = self.document
            target = self._safe(mid)
            persona_id = pick.currentData()
            if doc is None or not isinstance(target, JourneyMap) or persona_id is None:
                return
            text = QCoreApplication.translate("Inspector", "Add emotion curve for %1").replace(
                "%1", f"'{names[persona_id]}'"
            )
            lane = next((ln for ln in target.lanes if ln.display == "curve"), None)
            new_lane, index = None, None
            if lane is None:
                lane = new_lane = Lane(
                    name=QCoreApplication.translate("Inspector", "Emotion curve"),
                    kind="emotion",
                    display="curve",
                )
                # Under what the customer does, thinks and feels, as maps usually have it.
                above = [
                    n
                    for n, ln in enumerate(target.lanes)
                    if ln.kind in ("actions", "thoughts", "feelings")
                ]
                index = (above[-1] + 1) if above else 0
            curve = EmotionCurve(persona=persona_id, lane=lane.id, label=names[persona_id])
            verbs_structure.add_curve(doc, target, curve, new_lane, index, text)

        add.clicked.connect(add_curve)
        self.form.addRow("", row)

    def _hook_scores(self, card: Card) -> None:
        assert self.document is not None
        cid = card.id
        label = QCoreApplication.translate("Inspector", "Scores")
        for key, definition in self.document.project.scores().items():
            lang = shown_language()
            name = definition.label.get(lang) or definition.label.get("en") or key
            box = QDoubleSpinBox()
            box.setDecimals(1)
            box.setRange(definition.min - 1, definition.max)
            box.setSpecialValueText(
                QCoreApplication.translate("Inspector", "—")
            )  # below the range: no score

            def get(box: QDoubleSpinBox = box, key: str = key, lo: float = definition.min) -> Any:
                current = dict(getattr(self._safe(cid), "scores", {}))
                if box.value() < lo:
                    current.pop(key, None)
                else:
                    current[key] = float(box.value())
                return current

            def put(
                value: dict[str, float],
                box: QDoubleSpinBox = box,
                key: str = key,
                lo: float = definition.min,
            ) -> None:
                box.setValue(value.get(key, lo - 1))

            box.valueChanged.connect(lambda _v, g=get: self.set_value(cid, "scores", g(), label))
            box.setAccessibleName(name)
            self._bindings.append(_Binding(cid, "scores", box, get, put))
            self.form.addRow(plain_label(name), box)

    def _owners_table(self, card: Card, project: Project) -> None:
        label = QCoreApplication.translate("Inspector", "Owners")
        cid = card.id
        self._table_keys.add((card.id, "owners"))

        def replace(index: int, **update: Any) -> None:
            owners = [o.model_copy() for o in card.owners]
            owners[index] = owners[index].model_copy(update=update)
            self.set_value(cid, "owners", owners, label, False)

        def add() -> None:
            if project.teams:
                self.set_value(
                    cid, "owners", [*card.owners, Owner(team=project.teams[0].id)], label, False
                )

        def remove(row: int) -> None:
            self.set_value(
                cid, "owners", [o for i, o in enumerate(card.owners) if i != row], label, False
            )

        table = self._table(
            label,
            [
                QCoreApplication.translate("Inspector", "Team"),
                QCoreApplication.translate("Inspector", "Role"),
            ],
            add,
            remove,
        )
        table.add_button.setEnabled(bool(project.teams))
        if not project.teams:
            table.add_button.setToolTip(
                QCoreApplication.translate("Inspector", "Define teams in the project first")
            )
        for index, owner in enumerate(card.owners):
            row = table.add_row()
            combo = choice_combo([(t.id, t.name or t.id) for t in project.teams], owner.team)
            combo.currentIndexChanged.connect(
                lambda i, c=combo, n=index: replace(n, team=c.itemData(i))
            )
            table.combo_cell(row, 0, combo)

            def set_role(t: Any, n: int = index) -> None:
                replace(n, role=str(t)[:MAX_NAME])

            table.text_cell(row, 1, owner.role, set_role)

    def _evidence_table(self, card: Card, project: Project) -> None:
        assert self.document is not None
        label = QCoreApplication.translate("Inspector", "Evidence")
        vocab = self._vocabulary()
        from journeydesk.model.vocab import BUILT_IN

        def add() -> None:
            assert self.document is not None
            verbs.add_evidence(self.document, card, Evidence(), self._edit_text(card, label))

        def remove(row: int) -> None:
            assert self.document is not None
            verbs.remove(self.document, [card.evidence[row].id], self._edit_text(card, label))

        table = self._table(
            label,
            [
                QCoreApplication.translate("Inspector", "Confidence"),
                QCoreApplication.translate("Inspector", "Method"),
                QCoreApplication.translate("Inspector", "Source"),
                QCoreApplication.translate("Inspector", "Quote"),
                QCoreApplication.translate("Inspector", "Figure"),
                QCoreApplication.translate("Inspector", "Note"),
            ],
            add,
            remove,
        )
        confidences: Options = [
            ("observed", QCoreApplication.translate("Inspector", "Observed")),
            ("assumed", QCoreApplication.translate("Inspector", "Assumed")),
            ("proposed", QCoreApplication.translate("Inspector", "Proposed")),
        ]
        methods: Options = (
            [(None, QCoreApplication.translate("Inspector", "(none)"))]
            + [
                (t.key, vocab.label("evidence_methods", t.key))
                for t in BUILT_IN["evidence_methods"]
            ]
            + [
                (e.key, vocab.label("evidence_methods", e.key))
                for e in project.vocabularies.evidence_methods
            ]
        )
        sources: Options = [(None, QCoreApplication.translate("Inspector", "(none)"))] + [
            (s.id, s.title or s.id) for s in project.sources
        ]
        for ev in card.evidence:
            row = table.add_row()
            for col, field, options, title in (
                (
                    0,
                    "confidence",
                    confidences,
                    QCoreApplication.translate("Inspector", "Confidence"),
                ),
                (1, "method", methods, QCoreApplication.translate("Inspector", "Method")),
                (2, "source", sources, QCoreApplication.translate("Inspector", "Source")),
            ):
                combo = choice_combo(options, getattr(ev, field))
                combo.currentIndexChanged.connect(
                    lambda i, c=combo, e=ev.id, f=field, t=title: self.set_value(
                        e, f, c.itemData(i), t, False
                    )
                )
                self._table_keys.add((ev.id, field))
                table.combo_cell(row, col, combo)
            self._element_cell(
                table,
                row,
                3,
                ev,
                "quote",
                QCoreApplication.translate("Inspector", "Quote"),
                limit=MAX_TEXT,
            )
            self._element_cell(
                table, row, 4, ev, "figure", QCoreApplication.translate("Inspector", "Figure")
            )
            self._element_cell(
                table,
                row,
                5,
                ev,
                "note",
                QCoreApplication.translate("Inspector", "Note"),
                limit=MAX_TEXT,
            )

    def _hook_based_on(self, jmap: JourneyMap) -> None:
        assert self.document is not None
        if jmap.based_on is not None:
            base = self.document.project.map_by_id(jmap.based_on)
            based = QLabel(base.name if base is not None else jmap.based_on)
            based.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(QCoreApplication.translate("Inspector", "Derived from"), based)

    def _hook_map_personas(self, jmap: JourneyMap) -> None:
        assert self.document is not None
        checklist = QListWidget()
        checklist.setMaximumHeight(110)
        label = QCoreApplication.translate("Inspector", "Personas")
        for persona in self.document.project.personas:
            item = QListWidgetItem(
                persona.name or QCoreApplication.translate("Inspector", "(unnamed persona)")
            )
            item.setData(FIELD_ROLE, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            checklist.addItem(item)
        mid = jmap.id

        def get() -> list[str]:
            ticked = {
                checklist.item(i).data(FIELD_ROLE)
                for i in range(checklist.count())
                if checklist.item(i).checkState() == Qt.CheckState.Checked
            }
            current = getattr(self._safe(mid), "personas", [])
            # Keep the map's order; add newly ticked ones in project order.
            kept = [p for p in current if p in ticked]
            order = [checklist.item(i).data(FIELD_ROLE) for i in range(checklist.count())]
            return kept + [p for p in order if p in ticked and p not in kept]

        def put(value: list[str]) -> None:
            for i in range(checklist.count()):
                item = checklist.item(i)
                on = item.data(FIELD_ROLE) in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

        checklist.itemChanged.connect(
            lambda _item: self.set_value(mid, "personas", get(), label, False)
        )
        self._bind(jmap, "personas", label, checklist, get, put)

    def _hook_kpis(self, stage: Stage) -> None:
        assert self.document is not None
        project = self.document.project
        label = QCoreApplication.translate("Inspector", "KPIs")
        sid = stage.id
        self._table_keys.add((stage.id, "kpis"))

        def replace(index: int, **update: Any) -> None:
            kpis = [k.model_copy() for k in stage.kpis]
            kpis[index] = kpis[index].model_copy(update=update)
            self.set_value(sid, "kpis", kpis, label, False)

        def add() -> None:
            used = {k.metric for k in stage.kpis}
            free = [m for m in project.metrics if m.id not in used]
            if free:
                self.set_value(
                    sid, "kpis", [*stage.kpis, KpiValue(metric=free[0].id)], label, False
                )

        def remove(row: int) -> None:
            self.set_value(
                sid, "kpis", [k for i, k in enumerate(stage.kpis) if i != row], label, False
            )

        table = self._table(
            label,
            [
                QCoreApplication.translate("Inspector", "Metric"),
                QCoreApplication.translate("Inspector", "Value"),
                QCoreApplication.translate("Inspector", "Target"),
                QCoreApplication.translate("Inspector", "As of"),
            ],
            add,
            remove,
        )
        table.add_button.setEnabled(bool(project.metrics))
        if not project.metrics:
            table.add_button.setToolTip(
                QCoreApplication.translate("Inspector", "Define metrics in the project first")
            )
        for index, kpi in enumerate(stage.kpis):
            row = table.add_row()
            combo = choice_combo([(m.id, m.name or m.id) for m in project.metrics], kpi.metric)
            combo.currentIndexChanged.connect(
                lambda i, c=combo, n=index: replace(n, metric=c.itemData(i))
            )
            table.combo_cell(row, 0, combo)

            def set_kpi_value(t: Any, n: int = index) -> None:
                replace(n, value=_parse_number(t))

            def set_kpi_target(t: Any, n: int = index) -> None:
                replace(n, target=_parse_number(t))

            def set_kpi_date(t: Any, n: int = index) -> None:
                value = _parse_date(t)
                if value is not None or not str(t).strip():
                    replace(n, as_of=value)  # text that is no date changes nothing

            table.text_cell(row, 1, _number_text(kpi.value), set_kpi_value)
            table.text_cell(row, 2, _number_text(kpi.target), set_kpi_target)
            table.text_cell(row, 3, kpi.as_of.isoformat() if kpi.as_of else "", set_kpi_date)

    def _hook_score(self, point: CurvePoint) -> None:
        assert self.document is not None
        curve = self.document.location(point.id).owner
        lo, hi = (-2.0, 2.0)
        if isinstance(curve, EmotionCurve):
            lo, hi = curve.scale.min, curve.scale.max
        self.spin(
            point,
            "score",
            QCoreApplication.translate("Inspector", "Score"),
            lo,
            hi,
            decimals=1,
            step=1.0,
        )

    def _hook_owners(self, card: Card) -> None:
        assert self.document is not None
        self._owners_table(card, self.document.project)

    def _hook_evidence(self, card: Card) -> None:
        assert self.document is not None
        self._evidence_table(card, self.document.project)
