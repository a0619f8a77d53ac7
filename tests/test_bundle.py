"""Smoke build of the desktop bundle: build it once with the README's command,
then run the built program as a user without Python would.

The headless commands run with an empty PATH, no virtual environment, no
DISPLAY and no QT_QPA_PLATFORM (the exports must switch Qt offscreen
themselves). Then the bundle is installed into a temporary home with its own
install.sh, and `gio open` starts it on a project file the way a file
manager's double-click does, on a private Xvfb display.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.model import Scene

ROOT = Path(__file__).resolve().parents[1]
BUILD_TIMEOUT = 1500
INSTALL_HINT = "run bash packaging/bootstrap.sh --test"

# Building takes a minute or two on two cores; whichever test comes first pays.
# CI runs the whole suite, slow tests included; -m "not slow" skips them locally.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT + 300)]


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} is not installed: {INSTALL_HINT}", pytrace=False)
    return path


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, pristine_env: dict[str, str]) -> Path:
    """dist/journeydesk/, built by packaging/build_bundle.sh into a temporary folder."""
    where = tmp_path_factory.mktemp("bundle")
    # The real environment: PyInstaller keeps its cache of processed libraries
    # in the user's cache folder, which the test's private one would throw away.
    env = {k: v for k, v in pristine_env.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    cmd = ["bash", str(ROOT / "packaging" / "build_bundle.sh"),
           "--dist", str(where / "dist"), "--work", str(where / "work")]
    started = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=BUILD_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"building the bundle took more than {BUILD_TIMEOUT} s", pytrace=False)
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    print(f"bundle built in {time.monotonic() - started:.0f} s: {proc.stdout.strip()}")
    out = where / "dist" / "journeydesk"
    assert (out / "journeydesk").is_file()
    return out


@pytest.fixture
def no_python_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment with nothing of Python in it: PATH is an empty folder."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PATH", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY",
                        "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_PLUGIN_PATH")
           and not k.startswith("PYTEST")}
    env.update(PATH=str(empty), LANG="C.UTF-8", HOME=str(tmp_path / "home"))
    # os.environ already holds this test's private JOURNEYDESK_* and XDG_* folders.
    return env


def run(bundle: Path, *args: str | Path, env: dict[str, str], cwd: Path,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    cmd = [str(bundle / "journeydesk"), *(str(a) for a in args)]
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, (f"{' '.join(cmd[1:])} exited {proc.returncode}\n"
                                  f"{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return proc


def test_version_new_and_validate_without_python(
        bundle: Path, no_python_env: dict[str, str], tmp_path: Path) -> None:
    env = no_python_env
    out = run(bundle, "--version", env=env, cwd=tmp_path).stdout
    assert out.strip() == f"journeydesk {pyproject_version()}"

    run(bundle, "new", "-o", "sample.journey", "--lang", "en", env=env, cwd=tmp_path)
    assert "valid (" in run(bundle, "validate", "sample.journey", env=env, cwd=tmp_path).stdout
    listing = run(bundle, "new", "--list-templates", env=env, cwd=tmp_path).stdout
    assert {line.split()[0] for line in listing.splitlines() if line.strip()} >= {
        "sample", "blank", "day-in-the-life", "service-blueprint"}
    run(bundle, "new", "-t", "service-blueprint", "--lang", "it", "-o", "it.journey",
        env=env, cwd=tmp_path)
    run(bundle, "validate", "it.journey", env=env, cwd=tmp_path)

    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "journeydesk", "format_version": 999}', encoding="utf-8")
    proc = subprocess.run([str(bundle / "journeydesk"), "validate", str(bad)], env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1 and proc.stderr.startswith(str(bad)), proc.stderr
    assert "Traceback" not in proc.stderr


def test_export_pdf_embeds_the_bundled_font(
        bundle: Path, no_python_env: dict[str, str], tmp_path: Path) -> None:
    from pypdf import PdfReader

    env = no_python_env
    run(bundle, "new", "-o", "sample.journey", "--lang", "en", env=env, cwd=tmp_path)
    run(bundle, "export", "pdf", "sample.journey", "-o", "poster.pdf", "--paper", "A3",
        env=env, cwd=tmp_path)
    reader = PdfReader(tmp_path / "poster.pdf")
    assert len(reader.pages) >= 1
    fonts = subprocess.run([need("pdffonts"), str(tmp_path / "poster.pdf")], capture_output=True,
                           text=True, timeout=60, check=True).stdout
    atkinson = [line for line in fonts.splitlines() if "AtkinsonHyperlegible" in line]
    assert atkinson, fonts
    assert all(" yes " in line for line in atkinson), fonts  # embedded


def test_export_video_uses_the_bundled_ffmpeg(
        bundle: Path, no_python_env: dict[str, str], tmp_path: Path) -> None:
    import imageio_ffmpeg

    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.storyline.scenes = [
        Scene(kind="title", title=jmap.name, duration=0.5),
        Scene(kind="stage", stage=jmap.stages[0].id, duration=0.5, narration="Hello."),
    ]
    write_project(project, tmp_path / "short.journey")
    run(bundle, "export", "video", "short.journey", "-o", "short.mp4", "--size", "1280x720",
        "--crossfade", "0", env=no_python_env, cwd=tmp_path, timeout=300)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "short.mp4"))
    assert frames == 30 and abs(seconds - 1.0) < 0.1, (frames, seconds)
    assert (tmp_path / "short.srt").read_text("utf-8").count("Hello.") == 1
    assert list((bundle / "_internal" / "imageio_ffmpeg" / "binaries").glob("ffmpeg*"))


def test_the_bundle_carries_its_licences(bundle: Path) -> None:
    for where in (bundle, bundle / "_internal"):
        notices = (where / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
        assert notices.startswith(f"JourneyDesk {pyproject_version()}: third-party notices")
        for name in ("PySide6", "Qt", "FFmpeg", "reportlab", "Atkinson Hyperlegible",
                     "Python", "PyInstaller bootloader", "GNU LESSER GENERAL PUBLIC LICENSE"):
            assert name in notices, name
        assert "GNU GENERAL PUBLIC LICENSE" in (where / "LICENSE").read_text("utf-8")
    # Only the languages JourneyDesk speaks of Qt's own translations.
    qm = {p.name for p in (bundle / "_internal" / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert "qtbase_it.qm" in qm and "qtbase_de.qm" not in qm


# --- installed, and opened the way a file manager opens a file ----------------


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """DISPLAY of a private Xvfb server."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [need("Xvfb"), "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24",
         "-nolisten", "tcp", "-noreset"],  # no reset between xdotool's connections
        pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            number = pipe.readline().decode().strip()  # Xvfb writes it once ready
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def wait_for_window(env: dict[str, str], title: str, log: Path, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run([need("xdotool"), "search", "--onlyvisible", "--name", title],
                               env=env, capture_output=True, text=True, timeout=10)
        if found.stdout.split():
            return found.stdout.split()[0]
        time.sleep(0.25)
    pytest.fail(f"no window named {title!r} in {timeout} s:\n{log.read_text(errors='replace')}",
                pytrace=False)


def test_installed_bundle_opens_a_project_like_a_double_click(
        bundle: Path, xvfb: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PATH", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QT_QPA_PLATFORM",
                        "WAYLAND_DISPLAY", "XDG_DATA_HOME", "XDG_CURRENT_DESKTOP")}
    # In Italian: Qt must find its own translations inside the bundle too.
    env.update(HOME=str(home), PATH="/usr/bin:/bin", DISPLAY=xvfb, LANG="C.UTF-8",
               LANGUAGE="it", XDG_RUNTIME_DIR=str(runtime), XDG_SESSION_TYPE="x11")
    proc = subprocess.run(["bash", str(bundle / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    app = home / ".local" / "share" / "journeydesk" / "app"

    project = tmp_path / "Mailed by a colleague.journey"
    write_project(templates.new_project("day-in-the-life", "en"), project)
    assert subprocess.run(["xdg-mime", "query", "default", "application/x-journeydesk"],
                          env=env, capture_output=True, text=True, timeout=30
                          ).stdout.strip() == "journeydesk.desktop"

    # What a file manager does on a double-click: the default app for the type.
    # (The app inherits gio's output: a file, not a pipe this test would wait on.)
    with open(tmp_path / "app.log", "wb") as log:
        subprocess.run([need("gio"), "open", str(project)], env=env, stdout=log, stderr=log,
                       timeout=60, stdin=subprocess.DEVNULL)
    window = wait_for_window(env, "Mailed by a colleague.journey", tmp_path / "app.log")
    pid = int(subprocess.run([need("xdotool"), "getwindowpid", window], env=env,
                             capture_output=True, text=True, timeout=10).stdout)
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
        exe = Path(f"/proc/{pid}/exe").resolve()
        assert exe == (app / "journeydesk").resolve()
        # Python and Qt come from the installed bundle, not from any Python here.
        libs = {line.split()[-1] for line in maps.splitlines() if ".so" in line}
        ours = [lib for lib in libs if "libpython" in lib or "libQt6Core" in lib]
        assert len(ours) == 2 and all(lib.startswith(str(app)) for lib in ours), ours
        mapped = {line.split()[-1] for line in maps.splitlines()}
        for name in ("PySide6/Qt/plugins/platforms/libqxcb.so",
                     "PySide6/Qt/translations/qtbase_it.qm",
                     "journeydesk/resources/translations/journeydesk_it.qm"):
            assert str(app / "_internal" / name) in mapped, name
    finally:
        os.kill(pid, signal.SIGTERM)

    proc = subprocess.run(["bash", str(app / "uninstall.sh")], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert not (home / ".local" / "share" / "journeydesk").exists()
