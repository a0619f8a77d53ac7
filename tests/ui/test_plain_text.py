"""Text from a project file reaches every widget as plain text.

Qt renders a tooltip, a label, a message box or an item's tooltip as rich text
when ``Qt.mightBeRichText`` says it looks like HTML: a card titled
``<img src="/some/file.png">`` would show that local file on hover (and
``/dev/zero`` would exhaust memory, a FIFO would hang the app).

These tests put markup into every string field of a project (the model is
walked generically, so a field added later is covered too), open it in the
main window and look at every text the window, its panels, the inspector's
forms, the storyline, the presenter view, the export dialogs and message boxes
show: a text holding a marker must either be something Qt shows as plain text,
or rich text that shows the markup literally (escaped) and holds no image.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGraphicsView,
    QLabel,
    QMenu,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from journeydesk import templates
from journeydesk.canvas.plain import action_text, plain_text
from journeydesk.io import write_project
from journeydesk.model import Project
from journeydesk.model.project import (
    ExportProfile,
    MapLink,
    ScaleLabel,
    Scene,
    ScoreDefinition,
    Separator,
    VocabularyEntry,
)
from journeydesk.ui.main_window import MainWindow

MARK = "JDMK"
MARK_RE = re.compile(MARK + r"\d+:")
MNEMONIC_RE = re.compile(r"</b>&(?!&)")
"""The ``&`` of the markup taken as the mark of a shortcut key in a button or action text."""


# --- a project with markup in every text field --------------------------------


_adapters: dict[tuple[type, str], TypeAdapter[Any]] = {}


def _adapter(cls: type[BaseModel], name: str) -> TypeAdapter[Any]:
    key = (cls, name)
    if key not in _adapters:
        info = cls.model_fields[name]
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        _adapters[key] = TypeAdapter(annotation)
    return _adapters[key]


def _valid(cls: type[BaseModel], name: str, value: Any) -> bool:
    try:
        _adapter(cls, name).validate_python(value)
    except ValidationError:
        return False
    return True


SKIP_FIELDS = {
    ("Asset", "data"),  # the image itself
    ("ScoreDefinition", "key"),  # cards' scores refer to it
}


def poison(project: Project, image: Path) -> dict[str, str]:
    """Put markup in every string field (and list of strings, and label per
    language) that accepts it; return {marker: where in the model}."""
    counter = itertools.count(1)
    where: dict[str, str] = {}

    def markup(path: str, long: bool) -> str:
        mark = f"{MARK}{next(counter)}:"
        where[mark] = path
        if long:
            return f'<img src="{image.as_posix()}">{mark}<b>x</b>&y'
        return f"<b>{mark}</b>&y"  # fields too short for a path

    def candidate(value: Any, path: str, long: bool) -> Any:
        if value is None or isinstance(value, str):
            return markup(path, long)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [markup(f"{path}[{i}]", long) for i in range(max(1, len(value)))]
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return {k: markup(f"{path}.{k}", long) for k in sorted(set(value) | {"en", "it"})}
        return None

    def fill(obj: BaseModel, name: str, value: Any, path: str) -> None:
        for long in (True, False):
            before = dict(where)
            new = candidate(value, path, long)
            if new is not None and _valid(type(obj), name, new):
                setattr(obj, name, new)
                return
            where.clear()
            where.update(before)

    def walk(obj: Any, path: str) -> None:
        if isinstance(obj, list):
            for i, item in enumerate(obj):
                walk(item, f"{path}[{i}]")
            return
        if not isinstance(obj, BaseModel):
            return
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, BaseModel) or (
                isinstance(value, list) and value and isinstance(value[0], BaseModel)
            ):
                walk(value, f"{path}.{name}")
            elif (type(obj).__name__, name) not in SKIP_FIELDS:
                fill(obj, name, value, f"{path}.{name}")

    walk(project, "project")
    return where


def hostile_project(image: Path) -> tuple[Project, dict[str, str]]:
    """The sample, with one of everything the sample lacks, all text poisoned."""
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.separators.append(Separator(kind="visibility", after_lane=jmap.lanes[1].id))
    # a stored storyline that lacks the last stage ("Add a Scene for <stage>")
    jmap.storyline.scenes += [Scene(kind="stage", stage=s.id) for s in jmap.stages[:-1]]
    jmap.storyline.scenes.append(Scene(kind="custom"))
    jmap.cards[0].links.append(MapLink(map=project.maps[1].id))
    jmap.curves[0].scale.labels.append(ScaleLabel(value=1, label=""))
    project.export_profiles.append(ExportProfile(name=""))
    project.score_definitions.append(ScoreDefinition(key="reach"))
    for name in type(project.vocabularies).model_fields:
        getattr(project.vocabularies, name).append(VocabularyEntry(key=f"own_{name}"))
    project.authors.append("")
    where = poison(project, image)
    return project, where


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real picture a rich-text tooltip would load and show."""
    path = tmp_path_factory.mktemp("img") / "secret.png"
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(0xFF0000)
    assert picture.save(str(path))
    return path


@pytest.fixture(scope="module")
def hostile_file(image: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, where = hostile_project(image)
    FIELDS.update(where)
    path = tmp_path_factory.mktemp("project") / "hostile.journey"
    write_project(project, path)
    return path


@pytest.fixture
def window(qtbot, hostile_file: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow()
    assert w.open_path(str(hostile_file))
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.document is not None:
        w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


# --- what Qt would show, and whether it is plain -----------------------------


def shows_markup(text: str, rich: bool | None = None) -> bool:
    """Would Qt show this text's markup as markup (an image, bold...)?

    ``rich`` None: Qt decides, as for tooltips and AutoText labels. Escaped
    rich text is fine: it shows the characters ``<b>`` and loads no image."""
    if rich is None:
        rich = QtGuiQt.mightBeRichText(text)
    if not rich:
        return False
    doc = QTextDocument()
    doc.setHtml(text)
    shown = doc.toPlainText()
    return "<b>" not in shown or "\ufffc" in shown or _has_image(doc)


def _has_image(doc: QTextDocument) -> bool:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                return True
            it += 1
        block = block.next()
    return False


def _marked(text: object) -> bool:
    return isinstance(text, str) and MARK_RE.search(text) is not None


FIELDS: dict[str, str] = {}
"""Marker -> the model field it was put in (filled by the hostile_file fixture)."""


def _check(found: list[str], where: str, text: object, rich: bool | None = None) -> None:
    if _marked(text) and shows_markup(str(text), rich):
        marks = MARK_RE.findall(str(text))
        fields = ", ".join(dict.fromkeys(FIELDS.get(m, m) for m in marks))
        found.append(f"{where} shows markup from {fields}: {str(text)[:80]!r}")


def _model_texts(found: list[str], view: QAbstractItemView, name: str) -> None:
    model = view.model()
    if model is None:
        return
    roles = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)

    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # a list model: private in QAbstractListModel
            return 1

    def rows(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 500)):
            for col in range(columns(parent)):
                index = model.index(row, col, parent)
                for role in roles:
                    _check(found, f"{name} item {row},{col} {role.name}", model.data(index, role))
                if col == 0 and depth < 4:
                    rows(index, depth + 1)

    rows(QModelIndex(), 0)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns(QModelIndex()) if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in roles:
                _check(
                    found,
                    f"{name} header {section} {role.name}",
                    model.headerData(section, orientation, role),
                )


def unsafe_texts(*roots: QWidget) -> list[str]:
    """Every marked text under ``roots`` that Qt would show as markup."""
    found: list[str] = []
    widgets: list[QWidget] = []
    for root in roots:
        widgets += [root, *root.findChildren(QWidget)]
    for widget in dict.fromkeys(widgets):
        name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
        _check(found, f"{name} tooltip", widget.toolTip())
        _check(found, f"{name} what's this", widget.whatsThis())
        if isinstance(widget, QLabel):
            fmt = widget.textFormat()
            rich = None if fmt == Qt.TextFormat.AutoText else fmt != Qt.TextFormat.PlainText
            _check(found, f"{name} text", widget.text(), rich)
        shown = widget.toPlainText() if isinstance(widget, QTextEdit) else ""
        if _marked(shown) and "<b>" not in shown:
            found.append(f"{name} shows rich text: {shown[:120]!r}")
        if isinstance(widget, QAbstractItemView):
            _model_texts(found, widget, name)
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                _check(found, f"{name} item {type(item).__name__} tooltip", item.toolTip())
        if isinstance(widget, QAbstractButton):
            _check_mnemonic(found, f"{name} text", widget.text())
        for action in widget.actions():
            _check(found, f"{name} action tooltip", action.toolTip())
            _check(found, f"{name} action what's this", action.whatsThis())
            _check_mnemonic(found, f"{name} action text", action.text())
    return found


def _check_mnemonic(found: list[str], where: str, text: str) -> None:
    if _marked(text) and MNEMONIC_RE.search(text):
        found.append(f"{where} takes a file's & for a shortcut key: {text[:80]!r}")


# --- the helper -------------------------------------------------------------


@settings(max_examples=60)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>&;/ab= \"'\nimgsrcp!-lt")) | st.characters(),
        max_size=40,
    )
)
def test_plain_text_shows_exactly_the_characters(text: str) -> None:
    shown = plain_text(text)
    if QtGuiQt.mightBeRichText(shown):
        doc = QTextDocument()
        doc.setHtml(shown)
        assert doc.toPlainText() == text.replace("\r\n", "\n")
        assert not _has_image(doc)
    else:
        assert shown == text


def test_plain_text_leaves_plain_text_alone() -> None:
    assert plain_text("A card\nwith two lines") == "A card\nwith two lines"
    assert plain_text("") == ""
    assert action_text("Tom & Jerry") == "Tom && Jerry"


# --- the window -------------------------------------------------------------


def test_poisoning_reaches_every_kind_of_text(image: Path) -> None:
    _project, where = hostile_project(image)
    paths = set(where.values())
    for expected in (
        "project.title",
        "project.personas[0].segment",
        "project.maps[0].cards[0].title",
        "project.maps[0].storyline.scenes[0].narration",
        "project.comments[0].replies[0].text",
        "project.vocabularies.channels[0].label.en",
        "project.maps[0].curves[0].scale.labels[0].label",
        "project.metrics[0].unit",
    ):
        assert expected in paths, expected


def test_card_tooltip_shows_the_markup_and_loads_no_image(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    card = project.maps[0].cards[0]
    assert "<img" in card.title
    (item,) = [i for i in window.scene.element_items(card.id) if i.kind == "card"]
    tip = item.toolTip()
    assert MARK_RE.search(tip)
    doc = QTextDocument()
    doc.setHtml(tip)  # what QToolTip does with text Qt takes for rich text
    assert not _has_image(doc)
    assert card.title.split("\n")[0][:20] in doc.toPlainText()


def test_window_panels_and_canvas(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    assert project is not None
    found: list[str] = []
    for row in range(len(project.maps)):
        window.context.set_map(project.maps[row].id)
        for dock in (window.comments_dock, window.storyline_dock, window.inspector_dock):
            dock.raise_()
        window.find_bar.open_bar()
        found += unsafe_texts(window)
        jmap = project.maps[row]
        card_items = [i for i in window.scene.element_items(jmap.cards[0].id) if i.kind == "card"]
        assert window.view.edit_actions is not None
        menu = window.view.edit_actions.context_menu(QPoint(0, 0), card_items[0])
        found += unsafe_texts(menu, *menu.findChildren(QMenu))
        menu.deleteLater()
    assert not found, "\n".join(sorted(set(found)))


def _inspected(window: MainWindow, qtbot, ids: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    jmap = window.current_map()
    window.inspector.show_selection(ids, jmap.id if jmap is not None else None)
    return unsafe_texts(window.inspector) + _table_rows(window.inspector)


def _table_rows(root: QWidget) -> list[str]:
    """Make each row of each table current in turn: a table's Remove button
    explains itself (its tooltip) about the current row."""
    from journeydesk.ui.inspector_table import RecordTable

    found: list[str] = []
    for records in root.findChildren(RecordTable):
        for row in range(records.table.rowCount()):
            records.table.setCurrentCell(row, 0)
            found += unsafe_texts(records.remove_button)
    return found


def test_inspector_forms_of_every_kind(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    found: list[str] = []
    window.inspector_dock.raise_()
    ids = [project.id, jmap.id]
    ids += [e.id for e in (*project.personas, *project.teams, *project.sources, *project.metrics)]
    ids += [jmap.stages[0].id, jmap.steps()[0].id, jmap.lanes[0].id, jmap.separators[0].id]
    ids += [jmap.curves[0].id, jmap.curves[0].points[0].id, jmap.connections[0].id]
    cards = [c for c in jmap.cards if c.evidence or c.owners or c.links or c.scores]
    ids += [c.id for c in {c.kind: c for c in jmap.cards}.values()] + [c.id for c in cards[:6]]
    for element_id in dict.fromkeys(ids):
        found += _inspected(window, qtbot, [element_id])
    # several selected: the fields they share
    found += _inspected(window, qtbot, [c.id for c in jmap.cards[:3]])
    found += _inspected(window, qtbot, [jmap.cards[0].id, jmap.lanes[0].id])
    # every vocabulary of the project form
    window.inspector.show_selection([project.id], jmap.id)
    editor = window.inspector.form_widget.findChild(QWidget, "vocabularies") or None
    chooser = None
    for combo in window.inspector.form_widget.findChildren(QWidget):
        if combo.accessibleName() == "Vocabulary":
            chooser = combo
    assert chooser is not None, editor
    for n in range(chooser.count()):  # type: ignore[attr-defined]
        chooser.setCurrentIndex(n)  # type: ignore[attr-defined]
        found += unsafe_texts(window.inspector)
    assert not found, "\n".join(sorted(set(found)))


def test_storyline_panel_and_presenter_view(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.ui.presentation import Deck, Presentation, PresenterView

    project = window.project
    assert project is not None
    window.storyline_dock.raise_()
    found: list[str] = []
    panel = window.storyline
    for row in range(panel.list.count()):
        panel.list.setCurrentRow(row)
        found += unsafe_texts(panel)
    deck = Deck(project, project.maps[0])
    show = Presentation(deck)
    presenter = PresenterView(show)
    try:
        for n in range(len(deck)):
            show.go(n)
            found += unsafe_texts(presenter, show)
    finally:
        presenter.timer.stop()
        presenter.close()
        show.close()
    assert not found, "\n".join(sorted(set(found)))


def test_export_dialogs(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.ui.export_dialog import ExportDialog
    from journeydesk.ui.storyline_export_dialog import StorylineExportDialog

    project = window.project
    assert project is not None
    found: list[str] = []
    dialog = ExportDialog(project, window.current_map(), window, window.path, window.document)
    for n in range(dialog.profile.count()):  # a profile's paper is the file's text too
        dialog.profile.setCurrentIndex(n)
        found += unsafe_texts(dialog)
    dialog.close()
    story = StorylineExportDialog(project, window.current_map(), window, window.path)
    found += unsafe_texts(story)
    story.close()
    assert not found, "\n".join(sorted(set(found)))


# --- message boxes ----------------------------------------------------------


def _box_problems(box: QWidget) -> list[str]:
    return unsafe_texts(box)


@pytest.mark.allow_modal
def test_load_error_box_shows_a_bad_key_as_written(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, image: Path, expect_modal
) -> None:
    project = templates.new_project("blank", "en")
    data = project.model_dump(mode="json")
    bad_key = f'<img src="{image.as_posix()}">{MARK}1:<b>x</b>'
    data["score_definitions"] = [{"key": "reach", "label": {bad_key: "x"}}]
    data["title"] = 5  # and a value of the wrong type
    path = tmp_path / f"<b>{MARK}2:<i>x.journey"  # a file name is anyone's text too
    path.write_text(json.dumps(data), encoding="utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    found: list[str] = []
    seen: list[str] = []

    def look(box: QMessageBox) -> None:
        seen.append(box.informativeText())
        found.extend(_box_problems(box))

    expect_modal(QMessageBox, look, title="Cannot open project")
    assert not w.open_path(str(path))
    assert seen and MARK in seen[0]
    assert not found, "\n".join(found)


def test_export_warnings_box(window: MainWindow) -> None:
    from journeydesk.export.notes import small_text_warning

    project = window.project
    assert project is not None
    name = project.maps[0].name

    class Report:
        def __init__(self) -> None:
            self.path = None
            self.warnings = [small_text_warning(name, 4.0, "A4", 6.0)]

    box = window.report_export(Report())
    assert box is not None
    try:
        assert MARK in box.text()
        assert not _box_problems(box), _box_problems(box)
    finally:
        box.close()


def test_question_boxes_quote_names_plainly(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The static QMessageBox and QInputDialog functions have no format switch:
    the text they are given must already be plain."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    project = window.project
    assert project is not None
    navigator = window.navigator
    navigator.select_map(project.maps[0].id)
    navigator.delete_current()
    assert asked and MARK in asked[0], asked
    assert not shows_markup(asked[0]), asked[0]


def test_undo_action_shows_an_ampersand_of_a_name(window: MainWindow) -> None:
    """A QAction's text takes ``&`` for the mark of a shortcut key: a card named
    "Tom & Jerry" must read so in the Edit menu, not "Tom _Jerry"."""
    project = window.project
    assert project is not None and window.document is not None
    card = project.maps[0].cards[0]
    window.inspector.set_value(card.id, "title", "<b>Tom & Jerry</b>", "Title", merge=False)
    window.inspector.set_value(card.id, "body", "", "Text", merge=False)  # "... card 'Tom & Jerry'"
    stack = window.document.undo_stack
    assert "<b>Tom & Jerry</b>" in stack.undoText()
    assert window.undo_action.text() == f"&Undo {stack.undoText().replace('&', '&&')}"
    assert window.undo_action.toolTip().startswith("<")  # escaped: Qt takes it for rich text
    assert not shows_markup(window.undo_action.toolTip())
    assert "Undo Edit text of card '<b>Tom & Jerry</b>'" in _shown(window.undo_action.toolTip())
    stack.undo()
    assert window.redo_action.text() == f"&Redo {stack.redoText().replace('&', '&&')}"
    assert not shows_markup(window.redo_action.toolTip())
    stack.redo()


def _shown(text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def test_recent_files_name_a_file_plainly(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeydesk.ui.files import add_recent

    gone = tmp_path / f"<b>{MARK}1:<img src=x>&y.journey"  # a file name is anyone's text
    add_recent(gone)
    window.files.fill_recent_menu()
    actions = [a for a in window.files.recent_menu.actions() if MARK in a.toolTip()]
    assert actions
    found = [a.toolTip() for a in actions if shows_markup(a.toolTip())]
    assert "&&y" in actions[0].text()
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text))
    )
    window.files.open_recent(str(gone))
    assert warned and MARK in warned[0]
    found += [text for text in warned if shows_markup(text)]
    assert not found, found


def test_template_chooser_and_recovery_dialog(
    window: MainWindow, hostile_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt
    import shutil

    from journeydesk.io.recovery import Snapshot
    from journeydesk.ui.files import RecoveryDialog, TemplateChooser, user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    shutil.copy(hostile_file, folder / "mine.journey")
    chooser = TemplateChooser("en", window)
    chooser.select("user:mine")
    found = unsafe_texts(chooser)
    chooser.close()

    project = window.project
    assert project is not None
    snapshot = Snapshot(
        key="a" * 32,
        path=hostile_file,
        original=f"/nowhere/<b>{MARK}1:</b>.journey",
        title=project.title,
        saved_at=dt.datetime.now(dt.UTC),
        pid=None,
    )
    dialog = RecoveryDialog([snapshot], window.files, window)
    found += unsafe_texts(dialog)
    asked: list[str] = []

    def question(_p: object, _t: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog.discard()
    dialog.close()
    assert asked and MARK in asked[0]
    found += [text for text in asked if shows_markup(text)]
    assert not found, "\n".join(found)


def test_a_file_name_shows_as_written_in_the_title_and_the_revert_question(  # type: ignore[no-untyped-def]
    qtbot, hostile_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    path = tmp_path / f"<b>{MARK}1:<i>[*]&y.journey"
    shutil.copy(hostile_file, path)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(str(path))
    w.show()
    qtbot.waitExposed(w)
    handle = w.windowHandle()
    assert handle is not None
    assert handle.title().startswith(path.name)  # "[*]" of the name kept, not the unsaved mark
    asked: list[str] = []

    def question(_p: object, _t: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert w.project is not None and w.document is not None
    w.inspector.set_value(w.project.id, "title", "changed", "Title", merge=False)
    assert not w.files.revert()
    assert asked and MARK in asked[0]
    assert not shows_markup(asked[0]), asked[0]
    w.document.undo_stack.setClean()


@pytest.mark.allow_modal
def test_import_error_names_the_file_and_its_problems_plainly(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, image: Path, monkeypatch: pytest.MonkeyPatch, expect_modal
) -> None:
    from PySide6.QtWidgets import QFileDialog

    bad = tmp_path / f"<b>{MARK}1:<img src=x>.journey"
    data = templates.new_project("blank", "en").model_dump(mode="json")
    data["score_definitions"] = [{"key": "reach", "label": {f"<b>{MARK}2:</b>": "x"}}]
    bad.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    found: list[str] = []
    texts: list[str] = []

    def look(box: QMessageBox) -> None:
        texts.append(box.text())
        found.extend(unsafe_texts(box))

    expect_modal(QMessageBox, look, title="Cannot import")
    window.navigator.import_map()
    assert texts and MARK in texts[0]
    assert not found, found


def test_hovering_a_card_shows_its_tooltip_without_the_picture(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real path: a tooltip event on the map shows the card's tooltip; the
    card's title names a red picture, and the tooltip on screen has no red."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QColor, QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    project = window.project
    assert project is not None
    card = project.maps[0].cards[0]
    # A short name (relative to the working folder) fits on one line of the card.
    monkeypatch.chdir(image.parent)
    window.inspector.set_value(card.id, "title", f'<img src="{image.name}">', "Title")
    window.inspector.set_value(card.id, "body", "", "Text")
    (item,) = [i for i in window.scene.element_items(card.id) if i.kind == "card"]
    assert f'<img src="{image.name}">' in item.toolTip() or image.name in _shown(item.toolTip())
    window.view.centerOn(item)
    pos = window.view.mapFromScene(item.sceneBoundingRect().center())
    viewport = window.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    try:
        assert QToolTip.text() == item.toolTip()
        tips = [w for w in QApplication.topLevelWidgets()
                if type(w).__name__ == "QTipLabel" or w.inherits("QTipLabel")]
        assert tips
        picture = tips[0].grab().toImage()
        red = [
            (x, y)
            for y in range(0, picture.height(), 2)
            for x in range(0, picture.width(), 2)
            if (c := QColor(picture.pixel(x, y))).red() > 200 and c.green() < 60 and c.blue() < 60
        ]
        assert not red, f"the tooltip shows the picture the title names ({len(red)} red pixels)"
    finally:
        QToolTip.hideText()
