"""Inspector rows for the parts of the model the main forms left out, so that
everything a project file holds can be seen, and most of it edited, in the app:

- a card's links to other maps (sub-journeys): listed, opened, labelled,
  removed and added; how many lanes it spans; what it was derived from and
  the cards it relates to (shown);
- an emotion point's curve (moving it to another curve is one undo step);
- an emotion curve's lane and scale (lowest and highest score, score names);
- a separator's place (the lane it is drawn under);
- a research source's kind and date;
- when the project was created and last saved (shown).

Every edit is a command (one undo step); ``Inspector`` calls these builders
from its forms and rebuilds them when the fields they show change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journeydesk.document import verbs, verbs_structure
from journeydesk.document.curve_points import curve_of_point, point_in_step
from journeydesk.document.links import linkable_maps
from journeydesk.model import (
    Card,
    CurvePoint,
    EmotionCurve,
    JourneyMap,
    Project,
    Scale,
    ScaleLabel,
    Separator,
    Source,
)
from journeydesk.model.base import MAX_NAME


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _row(*widgets: QWidget, stretch_first: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if (n == 0 and stretch_first) else 0)
    return row


class InspectorExtras(QObject):
    """The extra rows, built into an ``Inspector``'s current form."""

    def __init__(self, inspector: Any) -> None:
        super().__init__(inspector)
        self.inspector = inspector

    # --- helpers ----------------------------------------------------------

    @property
    def doc(self) -> Any:
        return self.inspector.document

    def _map_of(self, element_id: str) -> JourneyMap | None:
        project: Project = self.doc.project
        for jmap in project.maps:
            if jmap.id == element_id or any(c.id == element_id for c in jmap.cards):
                return jmap
            if any(p.id == element_id for c in jmap.curves for p in c.points):
                return jmap
            if any(c.id == element_id for c in jmap.curves):
                return jmap
            if any(s.id == element_id for s in jmap.separators):
                return jmap
        return None

    def curve_name(self, jmap: JourneyMap, curve: EmotionCurve) -> str:
        names = {p.id: p.name for p in self.doc.project.personas}
        n = jmap.curves.index(curve) + 1
        return (
            curve.label
            or names.get(curve.persona or "", "")
            or self.tr("Curve %1").replace("%1", str(n))
        )

    # --- a card -----------------------------------------------------------

    def card_rows(self, card: Card) -> None:
        insp = self.inspector
        jmap = self._map_of(card.id)
        lanes = len(jmap.lanes) if jmap is not None else 1
        spans = QSpinBox()
        spans.setRange(1, max(1, lanes))
        spans.setValue(card.span_lanes)
        label = self.tr("Lanes spanned")
        cid = card.id
        spans.valueChanged.connect(lambda v: insp.set_value(cid, "span_lanes", int(v), label, True))
        insp._bind(card, "span_lanes", label, spans, spans.value, spans.setValue)
        if card.derived_from is not None:
            base = next(
                (c for m in self.doc.project.maps for c in m.cards if c.id == card.derived_from),
                None,
            )
            text = (base.title or self.tr("(untitled card)")) if base else card.derived_from
            insp.form.addRow(self.tr("Derived from card"), _plain(text))
        if card.relates_to:
            titles = {c.id: c.title for m in self.doc.project.maps for c in m.cards}
            related = [titles.get(r) or self.tr("(untitled card)") for r in card.relates_to]
            insp.form.addRow(self.tr("Related cards"), _plain("\n".join(related)))
        self.links_section(card)

    def links_section(self, card: Card) -> None:
        """The maps this card links to: open, label, remove; and add one."""
        insp = self.inspector
        insp._table_keys.add((card.id, "links"))
        insp._section(self.tr("Linked maps"))
        doc = self.doc
        for link in card.links:
            target = doc.project.map_by_id(link.map)
            name = (target.name or self.tr("(unnamed map)")) if target else self.tr("(missing map)")
            title = _plain(name)
            label = QLineEdit(link.label)
            label.setMaxLength(MAX_NAME)
            label.setPlaceholderText(self.tr("label (optional)"))
            label.setAccessibleName(self.tr("Label of the link to %1").replace("%1", name))
            label.editingFinished.connect(
                lambda e=label, m=link.map: verbs.set_link_label(
                    doc, doc.element(card.id), m, e.text()
                )
            )
            open_button = QPushButton(self.tr("Open"))
            open_button.setObjectName("open_link")
            open_button.setAccessibleName(self.tr("Open the linked map %1").replace("%1", name))
            open_button.setEnabled(target is not None)
            open_button.clicked.connect(
                lambda _c=False, m=link.map: insp.linkFollowed.emit(m, card.id)
            )
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove the link to %1").replace("%1", name))
            remove.clicked.connect(
                lambda _c=False, m=link.map: verbs.unlink_card(doc, doc.element(card.id), m)
            )
            insp.form.addRow(_row(title, open_button, remove))
            insp.form.addRow("", label)
        linked = {link.map for link in card.links}
        choices = [(m, n) for m, n in linkable_maps(doc.project, card) if m not in linked]
        pick = QComboBox()
        pick.setObjectName("field_links")
        pick.setAccessibleName(self.tr("Map to link this card to"))
        for map_id, name in choices:
            pick.addItem(name or self.tr("(unnamed map)"), map_id)
        add = QPushButton(self.tr("Link to Map"))
        add.setObjectName("add_link")
        add.setEnabled(bool(choices))
        if not choices:
            add.setToolTip(self.tr("Add another map to the project to link to it"))
        add.clicked.connect(
            lambda: (
                verbs.link_card(doc, doc.element(card.id), pick.currentData())
                if pick.currentData()
                else None
            )
        )
        insp.form.addRow(_row(pick, add))

    # --- an emotion point --------------------------------------------------

    def point_curve(self, point: CurvePoint) -> None:
        """The curve a point is on; another curve moves it there (one undo
        step). Curves with a point in that step already cannot take it."""
        insp = self.inspector
        jmap = self._map_of(point.id)
        if jmap is None:
            return
        mine = curve_of_point(jmap, point.id)
        insp._table_keys.add((jmap.id, "curves"))
        combo = QComboBox()
        combo.setObjectName("field_curve")
        label = self.tr("Curve")
        combo.setAccessibleName(label)
        model = combo.model()
        for curve in jmap.curves:
            combo.addItem(self.curve_name(jmap, curve), curve.id)
            taken = curve is not mine and point_in_step(curve, point.step) is not None
            if taken and isinstance(model, QStandardItemModel):
                item = model.item(combo.count() - 1)
                item.setEnabled(False)
                item.setToolTip(self.tr("This curve already has a point in this step"))
        combo.setCurrentIndex(max(0, combo.findData(mine.id if mine else None)))
        pid, mid = point.id, jmap.id

        def chosen(index: int) -> None:
            target = self.doc.project.map_by_id(mid)
            curve_id = combo.itemData(index)
            if target is None or not curve_id:
                return
            verbs_structure.move_point_to_curve(self.doc, target, pid, curve_id)

        combo.currentIndexChanged.connect(chosen)
        insp.form.addRow(label, combo)

    # --- an emotion curve -------------------------------------------------

    def curve_rows(self, curve: EmotionCurve) -> None:
        insp = self.inspector
        jmap = self._map_of(curve.id)
        if jmap is None:
            return
        lanes = [
            (ln.id, ln.name or self.tr("(unnamed lane)"))
            for ln in jmap.lanes
            if ln.display == "curve"
        ]
        insp.choice(
            curve, "lane", self.tr("Lane"), [(None, self.tr("(the first curve lane)")), *lanes]
        )
        insp._table_keys.add((curve.id, "scale"))
        cid = curve.id
        label = self.tr("Scale")
        low, high = QDoubleSpinBox(), QDoubleSpinBox()
        for box, value, name in (
            (low, curve.scale.min, self.tr("Lowest score")),
            (high, curve.scale.max, self.tr("Highest score")),
        ):
            box.setRange(-100, 100)
            box.setDecimals(1)
            box.setValue(value)
            box.setAccessibleName(name)
            box.setToolTip(name)

        def commit() -> None:
            current = self.doc.element(cid)
            lo, hi = low.value(), high.value()
            if not isinstance(current, EmotionCurve) or not lo < hi:
                return  # a scale runs upwards; the boxes keep what was typed
            if (lo, hi) == (current.scale.min, current.scale.max):
                return
            scale = Scale(
                min=lo,
                max=hi,
                labels=[x for x in current.scale.labels if lo <= x.value <= hi],
            )
            insp.set_value(cid, "scale", scale, label, False)

        low.editingFinished.connect(commit)
        high.editingFinished.connect(commit)
        row = _row(low, _plain("…"), high, stretch_first=False)
        low.setObjectName("field_scale_min")
        high.setObjectName("field_scale_max")
        insp.form.addRow(label, row)
        self._score_names(curve)

    def _score_names(self, curve: EmotionCurve) -> None:
        """The curve's own names for scores ("-2 = Furious; 2 = Delighted");
        empty: the drawing names the whole scores in the map's language."""
        insp = self.inspector
        cid = curve.id
        label = self.tr("Score names")
        edit = QLineEdit("; ".join(f"{x.value:g} = {x.label}" for x in curve.scale.labels))
        edit.setObjectName("field_scale_labels")
        edit.setAccessibleName(label)
        edit.setMaxLength(MAX_NAME * 4)
        edit.setPlaceholderText(self.tr("-2 = Very negative; 0 = Neutral; 2 = Very positive"))

        def commit() -> None:
            current = self.doc.element(cid)
            if not isinstance(current, EmotionCurve):
                return
            names: dict[float, str] = {}
            for part in edit.text().split(";"):
                value, sep, name = part.partition("=")
                try:
                    number = float(value.strip().replace("−", "-"))
                except ValueError:
                    continue
                if sep and name.strip() and current.scale.min <= number <= current.scale.max:
                    names[number] = name.strip()[:MAX_NAME]
            labels = [ScaleLabel(value=v, label=n) for v, n in sorted(names.items())]
            if labels != current.scale.labels:
                scale = current.scale.model_copy(update={"labels": labels})
                insp.set_value(cid, "scale", scale, label, False)

        edit.editingFinished.connect(commit)
        insp.form.addRow(label, edit)

    # --- a separator ------------------------------------------------------

    def separator_rows(self, separator: Separator) -> None:
        jmap = self._map_of(separator.id)
        if jmap is None:
            return
        lanes = [(ln.id, ln.name or self.tr("(unnamed lane)")) for ln in jmap.lanes]
        self.inspector.choice(separator, "after_lane", self.tr("Under lane"), lanes)

    # --- a research source -------------------------------------------------

    def source_rows(self, source: Source) -> None:
        insp = self.inspector
        kind = insp.line(source, "kind", self.tr("Kind"))
        kind.setMaxLength(100)
        kind.setPlaceholderText(self.tr("survey, interview, report…"))
        kind.textEdited.disconnect()
        sid = source.id
        kind.textEdited.connect(
            lambda text: insp.set_value(sid, "kind", text.strip()[:100] or None, self.tr("Kind"))
        )
        insp._bindings[-1].get = lambda: kind.text().strip() or None
        date = QLineEdit()
        date.setObjectName("field_date")
        date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        date.setMaxLength(10)
        date.setText(source.date.isoformat() if source.date else "")
        label = self.tr("Date")
        date.setAccessibleName(label)

        def commit() -> None:
            text = date.text().strip()
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                date.setStyleSheet("color: #C0392B")
                return
            date.setStyleSheet("")
            insp.set_value(sid, "date", value, label, False)

        date.editingFinished.connect(commit)
        insp.form.addRow(label, date)

    # --- the project ------------------------------------------------------

    def project_rows(self, project: Project) -> None:
        for value, label in (
            (project.created, self.tr("Created")),
            (project.modified, self.tr("Last saved")),
        ):
            if value is not None:
                self.inspector.form.addRow(label, _plain(value.strftime("%Y-%m-%d %H:%M")))
