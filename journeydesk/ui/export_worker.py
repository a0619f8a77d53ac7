"""Exports in a worker thread, shared by the export dialogs.

A job is ``job(progress, cancel) -> report``: it calls ``progress(fraction)``
(0..1) as it goes and asks ``cancel()`` often enough to stop soon after the
user asks. ``run_job`` runs it in a ``QThread`` while the caller's window keeps
running (a local event loop), and returns ``(report, error)``: the report, or
None with an error text, or None and no error when the job was cancelled. No
exception reaches the user as a traceback: a failure is a line of text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot

Job = Callable[[Callable[[float], None], Callable[[], bool]], object]


def _cancelled_types() -> tuple[type[BaseException], ...]:
    """What the exporters raise when ``cancel()`` stopped them."""
    from journeydesk.export.pdf.poster import ExportCancelled
    from journeydesk.export.png import PngCancelled
    from journeydesk.export.video import VideoCancelled

    return (ExportCancelled, PngCancelled, VideoCancelled)


class Worker(QObject):
    """Runs a job once (in whatever thread ``run`` is called from)."""

    progressed = Signal(int)  # thousandths
    finished = Signal(object, str)  # report or None, error text ("" when cancelled)

    def __init__(self, job: Job, cancelled: threading.Event | None = None) -> None:
        super().__init__()
        self._job = job
        self.cancelled = cancelled or threading.Event()

    def run(self) -> None:
        try:
            report = self._job(
                lambda f: self.progressed.emit(round(min(1.0, max(0.0, f)) * 1000)),
                self.cancelled.is_set,
            )
        except _cancelled_types():
            self.finished.emit(None, "")
        except (OSError, ValueError) as exc:
            self.finished.emit(None, str(exc) or type(exc).__name__)
        except Exception as exc:  # a bug of ours: still a line of text, never a traceback
            self.finished.emit(None, f"internal error ({type(exc).__name__}: {exc})")
        else:
            if getattr(report, "cancelled", False):  # slides and decks stop and say so
                self.finished.emit(None, "")
            else:
                self.finished.emit(report, "")


class _Relay(QObject):
    """Lives in the caller's thread, so the worker's signals arrive there."""

    def __init__(self, progress: Callable[[int], None], done: Callable[[object, str], None]):
        super().__init__()
        self._progress = progress
        self._done = done

    @Slot(int)
    def progressed(self, value: int) -> None:
        self._progress(value)

    @Slot(object, str)
    def finished(self, report: object, error: str) -> None:
        self._done(report, error)


def run_job(
    parent: QObject,
    job: Job,
    progress: Callable[[int], None],
    cancelled: threading.Event,
) -> tuple[object | None, str]:
    """Run ``job`` in a worker thread; ``progress(thousandths)`` is called in this
    thread; setting ``cancelled`` asks the job to stop. Returns when it is done."""
    thread = QThread(parent)
    worker = Worker(job, cancelled)
    worker.moveToThread(thread)
    outcome: dict[str, object] = {"report": None, "error": ""}

    def done(report: object, error: str) -> None:
        outcome["report"], outcome["error"] = report, error
        thread.quit()

    relay = _Relay(progress, done)
    worker.progressed.connect(relay.progressed)
    worker.finished.connect(relay.finished)
    thread.started.connect(worker.run)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    loop.exec()  # the window keeps running (and Cancel works) while the worker draws
    thread.wait()
    thread.deleteLater()
    worker.deleteLater()
    return outcome["report"], str(outcome["error"] or "")


__all__ = ["Job", "Worker", "run_job"]
