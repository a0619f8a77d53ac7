"""The Italian UI: every string of the code translated, the compiled file current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from journeydesk.ui import i18n

TS = i18n.TS_DIR / "journeydesk_it.ts"
QM = i18n.TS_DIR / "journeydesk_it.qm"


def _sources(ts: Path) -> set[str]:
    return set(re.findall(r"<source>(.*?)</source>", ts.read_text("utf-8"), re.S))


def test_the_ts_has_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    i18n.update(fresh)
    missing = _sources(fresh) - _sources(TS)
    assert not missing, (
        "strings in the code but not in the .ts (run python -m journeydesk.ui.i18n update, "
        f"translate, build): {sorted(missing)[:20]}"
    )


def test_the_committed_qm_is_current(tmp_path: Path) -> None:
    built = tmp_path / "it.qm"
    i18n.build(TS, built)
    assert built.read_bytes() == QM.read_bytes(), (
        "journeydesk_it.qm is stale: run python -m journeydesk.ui.i18n build"
    )


def test_italian_is_complete() -> None:
    text = TS.read_text("utf-8")
    unfinished = re.findall(r"<source>(.*?)</source>\s*<translation type=\"unfinished\"",
                            text, re.S)
    assert not unfinished, f"{len(unfinished)} strings without Italian: {unfinished[:10]}"


def test_the_window_speaks_italian(qapp) -> None:  # type: ignore[no-untyped-def]
    translators = i18n.install_translators(qapp, "it")
    try:
        assert translators
        from journeydesk.ui.main_window import MainWindow

        w = MainWindow()
        titles = [a.text() for a in w.menuBar().actions()]
        assert "&Modifica" in titles and "&Visualizza" in titles, titles
        w.deleteLater()
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_resolve_language() -> None:
    assert i18n.resolve_language("it") == "it"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("system") in ("en", "it")


def test_no_translated_string_hides_inside_an_f_string() -> None:
    """lupdate cannot see ``self.tr("...")`` inside an f-string's braces: such
    a string would stay English in the Italian UI with no test noticing."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "journeydesk"
    pattern = re.compile(r"""\bf(["']).*\{[^}]*\b(?:tr|translate)\(""")
    hidden = [
        f"{path.relative_to(root.parent)}:{n}"
        for path in root.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hidden == []
