"""Third-party notices, generated from the installed packages.

The text names every package JourneyDesk runs on (the closure of its
requirements, as installed), its version and licence, followed by the licence
texts the packages ship; then the parts that are not Python packages: Qt
inside PySide6, the ffmpeg binary inside imageio-ffmpeg and the bundled font.
``packaging/build_bundle.sh`` writes it into the desktop bundle
(``python -m journeydesk.notices --bundle -o FILE``); the About dialog shows
that file in the bundle, and generates the text afresh elsewhere. No Qt here.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from journeydesk import __version__, source_project

APP = "journeydesk"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
RULE = "=" * 78


@dataclass
class Notice:
    name: str
    version: str
    licence: str
    home: str = ""
    note: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)
    """(where the text comes from, the text)"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _applies(marker: str) -> bool:
    """Whether a requirement's environment marker holds here, extras off."""
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:  # packaging is not a dependency: then skip only extras
        return "extra" not in marker
    try:
        return bool(Marker(marker).evaluate({"extra": ""}))
    except Exception:
        return "extra" not in marker


def requirement_names(dist: metadata.Distribution) -> list[str]:
    requires = dist.requires or []
    if canonical(str(dist.metadata["Name"])) == APP:
        # From a source checkout, its pyproject.toml: an editable install's
        # metadata keeps the requirements of the day it was installed.
        project = source_project()
        if project is not None:
            requires = [str(r) for r in project.get("dependencies", [])]
    names = []
    for line in requires:
        spec, _, marker = line.partition(";")
        match = _NAME.match(spec)
        if match and _applies(marker.strip()):
            names.append(match.group(1))
    return names


def runtime_closure(root: str = APP) -> list[metadata.Distribution]:
    """The installed distributions ``root`` needs at run time (itself left out),
    sorted by name. A requirement that is not installed is skipped."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = canonical(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo.extend(requirement_names(dist))
    seen.pop(canonical(root), None)
    return sorted(seen.values(), key=lambda d: canonical(d.metadata["Name"]))


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return str(expression).strip()
    free = _field(meta, "License").strip()
    if free and "\n" not in free and len(free) <= 80:
        return free
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.count("::") >= 2
    ]
    if classifiers:
        return " / ".join(classifiers)
    return free.splitlines()[0][:80] if free else "see the licence text below"


def _home(meta: metadata.PackageMetadata) -> str:
    home = _field(meta, "Home-page")
    if home:
        return str(home)
    for url in meta.get_all("Project-URL") or []:
        label, _, link = str(url).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return link.strip()
    return ""


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files a distribution ships (its dist-info's first), de-duplicated."""
    files = [f for f in dist.files or [] if _LICENCE_FILE.search(str(f))]
    files.sort(key=lambda f: (".dist-info/" not in str(f), str(f)))
    texts: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in files:
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text is None:
            continue
        text = text.strip()
        if text and text not in seen:
            seen.add(text)
            texts.append((str(entry), text))
    return texts


def package_notice(dist: metadata.Distribution) -> Notice:
    meta = dist.metadata
    return Notice(
        name=str(meta["Name"]),
        version=dist.version,
        licence=licence_of(meta),
        home=_home(meta),
        texts=licence_texts(dist),
    )


def _resource_text(name: str) -> str:
    return (
        resources.files("journeydesk.resources").joinpath("licenses", name).read_text("utf-8")
    ).strip()


def qt_notice() -> Notice | None:
    try:
        dist = metadata.distribution("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        return None
    return Notice(
        name="Qt",
        version=dist.version,
        licence="LGPL-3.0-only",
        home="https://www.qt.io/",
        note=(
            "The Qt libraries and plugins inside PySide6-Essentials, used under the GNU Lesser "
            "General Public License version 3 (its text follows; it adds permissions to the GNU "
            "GPL version 3, JourneyDesk's own licence). The Qt source code is at "
            "https://download.qt.io/official_releases/qt/. You may replace the Qt and PySide6 "
            "libraries of the bundle (the files libQt6*, PySide6/ and shiboken6/ inside "
            "_internal/) with modified versions built from that source."
        ),
        texts=[("LGPL-3.0", _resource_text("LGPL-3.0.txt"))],
    )


def _run(args: list[str]) -> str:
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=20,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def ffmpeg_notice() -> Notice | None:
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    try:
        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except Exception:
        return None
    banner = _run([exe, "-hide_banner", "-version"]).splitlines()
    version = banner[0].split()[2] if banner and len(banner[0].split()) > 2 else "unknown"
    configuration = next((line for line in banner if line.startswith("configuration:")), "")
    statement = _run([exe, "-hide_banner", "-L"])
    gpl3 = "version 3 of the License" in statement
    return Notice(
        name="FFmpeg",
        version=version,
        licence="GPL-3.0-or-later" if gpl3 else "GPL-2.0-or-later",
        home="https://ffmpeg.org/",
        note=(
            f"The ffmpeg program ({Path(exe).name}) that the imageio-ffmpeg wheel carries, "
            "used to encode storyline videos; JourneyDesk runs it as a separate program. Its "
            "corresponding source is that FFmpeg release, at https://ffmpeg.org/download.html, "
            "with the libraries its build configuration names (below)."
            + (f"\n\n{configuration}" if configuration else "")
        ),
        texts=[("ffmpeg -L", statement)] if statement else [],
    )


def font_notice() -> Notice | None:
    try:
        dist = metadata.distribution("fontpkg-atkinson-hyperlegible")
    except metadata.PackageNotFoundError:
        return None
    return Notice(
        name="Atkinson Hyperlegible (font)",
        version=dist.version,
        licence="OFL-1.1",
        home="https://www.brailleinstitute.org/freefont/",
        note=(
            "The typeface of the editor, the PDF posters and the slides (four TTF files, "
            "from the fontpkg-atkinson-hyperlegible package), embedded in exported PDFs."
        ),
    )


def fallback_font_notice() -> Notice | None:
    """The fallback font's static faces ship inside journeydesk.resources.fonts."""
    try:
        folder = resources.files("journeydesk.resources").joinpath("fonts")
        licence = folder.joinpath("OFL.txt").read_text("utf-8").strip()
        version = folder.joinpath("VERSION").read_text("utf-8").strip()
    except (OSError, ModuleNotFoundError):
        return None
    return Notice(
        name="Noto Sans (font)",
        version=version.split()[2] if len(version.split()) > 2 else "",
        licence="OFL-1.1",
        home="https://notofonts.github.io/",
        note=(
            "The fallback typeface for Greek, Cyrillic and the other characters Atkinson "
            f"Hyperlegible lacks: {version}. Four static TTF files, embedded in exported PDFs, "
            "SVG and HTML files when used."
        ),
        texts=[("OFL-1.1", licence)],
    )


def python_notice() -> Notice:
    texts = []
    for candidate in (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ):
        if candidate.is_file():
            texts.append(("Python LICENSE.txt", candidate.read_text("utf-8").strip()))
            break
    return Notice(
        name="Python",
        version=".".join(str(n) for n in sys.version_info[:3]),
        licence="PSF-2.0",
        home="https://www.python.org/",
        note="The Python interpreter and standard library inside the desktop bundle.",
        texts=texts,
    )


def pyinstaller_notice() -> Notice | None:
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return None
    return Notice(
        name="PyInstaller bootloader",
        version=dist.version,
        licence="GPL-2.0-or-later WITH Bootloader-exception",
        home="https://pyinstaller.org/",
        note=(
            "The small program that starts the desktop bundle. Its licence's exception "
            "allows bundling it with programs under any licence."
        ),
    )


def notices(bundle: bool = False) -> list[Notice]:
    """Every notice: the packages, then the parts that are not Python packages."""
    found = [package_notice(d) for d in runtime_closure()]
    extras = [qt_notice(), ffmpeg_notice(), font_notice(), fallback_font_notice()]
    if bundle:
        extras += [python_notice(), pyinstaller_notice()]
    return found + [n for n in extras if n is not None]


def _summary(items: list[Notice]) -> Iterator[str]:
    width = max((len(n.name) for n in items), default=4) + 2
    vwidth = max((len(n.version) for n in items), default=7) + 2
    for n in items:
        yield f"  {n.name.ljust(width)}{n.version.ljust(vwidth)}{n.licence}"


def render(items: list[Notice], *, bundle: bool = False) -> str:
    """The notices as one plain text."""
    where = "The JourneyDesk desktop bundle" if bundle else "JourneyDesk"
    lines = [
        f"JourneyDesk {__version__}: third-party notices",
        RULE,
        "",
        "JourneyDesk is free software: you can redistribute it and/or modify it under",
        "the terms of the GNU General Public License as published by the Free Software",
        "Foundation, either version 3 of the License, or (at your option) any later",
        "version (GPL-3.0-or-later). It comes with NO WARRANTY.",
        "",
        f"{where} uses the following software, each under its own licence:",
        "",
        *_summary(items),
        "",
        "This file is generated from the installed packages (journeydesk.notices).",
    ]
    for n in items:
        lines += ["", "", RULE, f"{n.name} {n.version}", f"Licence: {n.licence}"]
        if n.home:
            lines.append(f"Home: {n.home}")
        if n.note:
            lines += ["", n.note]
        for origin, text in n.texts:
            lines += ["", f"--- {origin} ---", "", text]
    return "\n".join(lines).rstrip() + "\n"


def notices_text(bundle: bool = False) -> str:
    return render(notices(bundle), bundle=bundle)


def bundled_notices() -> str | None:
    """The notices file shipped in a frozen bundle, when running from one."""
    if not getattr(sys, "frozen", False):
        return None
    roots = [Path(getattr(sys, "_MEIPASS", "")), Path(sys.executable).resolve().parent]
    for root in roots:
        path = root / NOTICES_FILE
        if path.is_file():
            return path.read_text("utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m journeydesk.notices",
        description="Write the third-party notices of the installed JourneyDesk.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument("--bundle", action="store_true",
                        help="for the desktop bundle: also Python and the PyInstaller bootloader")
    ns = parser.parse_args(argv)
    text = notices_text(ns.bundle)
    if ns.output:
        Path(ns.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
