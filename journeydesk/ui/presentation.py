"""Presentation mode: the storyline full screen, one scene at a time.

Right, Space and Page Down go forward; Left, Backspace and Page Up go back;
Home and End jump; Esc leaves. With a second screen the slides go full screen
there and a presenter view on the first shows the narration, a timer, and the
current and next scenes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_label
from journeydesk.layout.storyline import scene_title, scenes_for, slide_layout
from journeydesk.model import JourneyMap, Project, Scene
from journeydesk.render.qpainter import ImageCache, draw

SLIDE_SIZE = (1920, 1080)

FORWARD = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
BACK = {Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp, Qt.Key.Key_Up}


class Deck:
    """The scenes of a map and their slide images, drawn when first shown."""

    def __init__(
        self,
        project: Project,
        jmap: JourneyMap,
        language: str | None = None,
        compare: bool | None = None,
    ) -> None:
        self.project = project
        self.jmap = jmap
        self.language = language or project.language
        self.scenes: list[Scene] = scenes_for(project, jmap, compare)
        self._images: dict[int, QImage] = {}
        self._assets = ImageCache(project.assets)

    def __len__(self) -> int:
        return len(self.scenes)

    def image(self, n: int) -> QImage:
        if n not in self._images:
            w, h = SLIDE_SIZE
            layout = slide_layout(
                self.project, self.jmap, self.scenes[n], w, h, language=self.language
            )
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("#FFFFFF"))
            painter = QPainter(image)
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            for item in layout.sorted_items():
                draw(painter, item.primitives, self._assets)
            painter.end()
            self._images[n] = image
        return self._images[n]

    def title(self, n: int) -> str:
        return scene_title(self.project, self.jmap, self.scenes[n], self.language)


class SlideView(QWidget):
    """One slide, scaled to fit, letterboxed in black."""

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            scale = min(self.width() / self.image.width(), self.height() / self.image.height())
            w, h = self.image.width() * scale, self.image.height() * scale
            painter.drawImage(
                QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), self.image
            )
        painter.end()


class Presentation(QWidget):
    """The audience's window; keys drive both it and the presenter view."""

    changed = Signal(int)
    finished = Signal()

    def __init__(self, deck: Deck, start: int = 0) -> None:
        super().__init__()
        self.deck = deck
        self.index = 0
        self.setWindowTitle(self.tr("Presentation — JourneyDesk"))
        self.view = SlideView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presenter: PresenterView | None = None
        self.go(start)

    def go(self, n: int) -> None:
        if not len(self.deck):
            return
        self.index = max(0, min(len(self.deck) - 1, n))
        self.view.show_image(self.deck.image(self.index))
        self.changed.emit(self.index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in FORWARD:
            self.go(self.index + 1)
        elif key in BACK:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.deck) - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.presenter is not None:
            self.presenter.close()
        self.finished.emit()
        super().closeEvent(event)


class PresenterView(QWidget):
    """Narration, a timer, the current and the next scene (on the first screen)."""

    def __init__(self, presentation: Presentation) -> None:
        super().__init__()
        self.presentation = presentation
        self.setWindowTitle(self.tr("Presenter View — JourneyDesk"))
        self.current = SlideView()
        self.next = SlideView()
        self.next.setMaximumWidth(480)
        self.title = plain_label()
        self.title.setStyleSheet("font-size: 20px; font-weight: bold")
        self.clock = QLabel()
        self.clock.setStyleSheet("font-size: 28px")
        self.clock.setAccessibleName(self.tr("Time since the start"))
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setAccessibleName(self.tr("Narration"))
        self.notes.setStyleSheet("font-size: 22px")
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Next")))
        right.addWidget(self.next, 1)
        right.addWidget(self.clock)
        top = QHBoxLayout()
        top.addWidget(self.current, 3)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top, 3)
        layout.addWidget(self.notes, 2)
        self.started = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        presentation.changed.connect(self.show_scene)
        self.show_scene(presentation.index)
        self._tick()

    def _tick(self) -> None:
        seconds = int(time.monotonic() - self.started)
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def show_scene(self, n: int) -> None:
        deck = self.presentation.deck
        self.current.show_image(deck.image(n))
        self.next.show_image(deck.image(n + 1) if n + 1 < len(deck) else None)
        self.title.setText(
            self.tr("%1 of %2: %3")
            .replace("%1", str(n + 1))
            .replace("%2", str(len(deck)))
            .replace("%3", deck.title(n))
        )
        self.notes.setPlainText(deck.scenes[n].narration)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The presenter's keyboard drives the show too.
        self.presentation.keyPressEvent(event)


def _place(widget: QWidget, screen: QScreen, full: bool) -> None:
    """Put ``widget`` on ``screen``, covering it (or its free area). The
    geometry is set by hand: with no window manager (a kiosk, a bare X
    session) nobody else would size a full-screen window to its screen."""
    area = screen.geometry() if full else screen.availableGeometry()
    widget.setGeometry(area)
    widget.winId()  # the native window, so that it can be told its screen
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.setGeometry(area)
    if full:
        widget.showFullScreen()
    else:
        widget.show()


def start_presentation(
    project: Project,
    jmap: JourneyMap,
    start: int = 0,
    compare: bool | None = None,
    origin: QScreen | None = None,
) -> Presentation:
    """Show the storyline from its scene ``start`` (among the visible ones).

    ``origin`` is the screen of the window it is started from (by default the
    active window's). With a second screen, the slides go full screen there
    and a presenter view opens on ``origin``; with one screen, the slides
    fill ``origin``."""
    deck = Deck(project, jmap, compare=compare)
    show = Presentation(deck, start)
    if origin is None:
        active = QApplication.activeWindow()
        origin = active.screen() if active is not None else QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not origin]
    if others:
        _place(show, others[0], full=True)
        presenter = PresenterView(show)
        show.presenter = presenter
        _place(presenter, origin, full=False)
    else:
        _place(show, origin, full=True)
    show.activateWindow()
    show.setFocus()
    return show
