"""The Linux desktop integration in packaging/: the menu entry, the MIME type,
the icons made from the SVG, and install.sh/uninstall.sh into a temporary home.

The install tests use a stand-in bundle (a shell script as the program), so
they run in seconds; tests/test_bundle.py installs the real one.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME = "application/x-journeydesk"
INSTALL_HINT = "run bash packaging/bootstrap.sh --test"

sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} is not installed: {INSTALL_HINT}", pytrace=False)
    return path


def run(args: list[str | Path], env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 60) -> str:
    proc = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def make_icons_in_a_process(out: Path) -> str:
    """packaging/make_icons.py OUT, as the build runs it: its QGuiApplication must
    not be this test process's (Qt widget tests need a QApplication)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return run([sys.executable, ROOT / "packaging" / "make_icons.py", out], env=env, timeout=120)


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


# --- the files themselves ----------------------------------------------------


def test_the_desktop_entry_is_valid_and_opens_projects() -> None:
    path = LINUX / "journeydesk.desktop"
    run([need("desktop-file-validate"), path])
    entry = desktop_entry(path)
    assert entry["Exec"] == "journeydesk %f"
    assert entry["MimeType"] == f"{MIME};"
    assert entry["Icon"] == "journeydesk"
    assert entry["Categories"] == "Office;"
    assert entry["Name[it]"] and entry["Comment[it]"] and entry["GenericName[it]"]


def test_the_mime_type_declares_the_journey_glob_and_magic() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(LINUX / "journeydesk-mime.xml").getroot()
    (mime,) = root.findall("m:mime-type", ns)
    assert mime.get("type") == MIME
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.journey"]
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text
                for c in mime.findall("m:comment", ns)}
    assert comments[None] == "JourneyDesk project" and comments["it"]
    assert mime.find("m:sub-class-of", ns) is not None
    match = mime.find("m:magic/m:match", ns)
    assert match is not None and match.get("value") == '"format": "journeydesk"'
    # The templates, as JourneyDesk writes them, carry that magic near the start.
    head = (ROOT / "resources" / "templates" / "blank.en.journey").read_bytes()[:256]
    assert b'"format": "journeydesk"' in head


def test_icons_for_every_platform_come_from_the_svg(tmp_path: Path) -> None:
    from PIL import Image

    made = [Path(line) for line in make_icons_in_a_process(tmp_path).splitlines()]
    for size in make_icons.HICOLOR_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "journeydesk.png"
        assert png in made
        with Image.open(png) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            assert image.getpixel((size // 2, size // 2))[3] == 255  # type: ignore[index]
            assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]
    svg = tmp_path / "hicolor" / "scalable" / "apps" / "journeydesk.svg"
    assert svg.read_bytes() == make_icons.SOURCE.read_bytes()

    ico = (tmp_path / "journeydesk.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(make_icons.ICO_SIZES))
    with Image.open(tmp_path / "journeydesk.ico") as image:
        assert image.format == "ICO"
        assert set(image.info["sizes"]) == {(s, s) for s in make_icons.ICO_SIZES}

    icns = (tmp_path / "journeydesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    with Image.open(tmp_path / "journeydesk.icns") as image:
        assert image.format == "ICNS"
        assert (512, 512, 2) in image.info["sizes"]  # type: ignore[operator]
        assert (16, 16, 1) in image.info["sizes"]  # type: ignore[operator]


# --- install.sh and uninstall.sh ---------------------------------------------


def fake_bundle(where: Path, icons: Path) -> Path:
    """A folder laid out like dist/journeydesk/ by build_bundle.sh, with a shell
    script as the program."""
    bundle = where / "journeydesk"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "journeydesk"
    exe.write_text('#!/bin/sh\n[ "$1" = --version ] && echo "journeydesk 9.9.9" && exit 0\n'
                   'echo "OPEN $*"\n', encoding="utf-8")
    exe.chmod(0o755)
    share = bundle / "share"
    (share / "applications").mkdir(parents=True)
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / "journeydesk.desktop", share / "applications" / "journeydesk.desktop")
    shutil.copy(LINUX / "journeydesk-mime.xml", share / "mime" / "packages" / "journeydesk.xml")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, bundle / script)
    return bundle


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    make_icons_in_a_process(out)
    return out


def desktop_env(home: Path) -> dict[str, str]:
    """A user whose home is HOME, on a GNOME-like desktop (xdg-mime asks gio)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("XDG_") and k not in ("HOME", "KDE_SESSION_VERSION")}
    env.update(HOME=str(home), XDG_CURRENT_DESKTOP="GNOME",
               PATH="/usr/local/bin:/usr/bin:/bin")
    return env


def tree(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*"))}


def test_install_then_uninstall_in_a_fresh_home(tmp_path: Path, icons: Path) -> None:
    for tool in ("xdg-mime", "gio", "update-mime-database", "update-desktop-database"):
        need(tool)
    bundle = fake_bundle(tmp_path / "built", icons)
    home = tmp_path / "home"
    home.mkdir()
    env = desktop_env(home)
    project = tmp_path / "mailed.journey"
    shutil.copy(ROOT / "resources" / "templates" / "blank.en.journey", project)
    renamed = tmp_path / "attachment"  # no extension: known by its content
    shutil.copy(project, renamed)

    out = run(["bash", bundle / "install.sh"], env=env)
    assert "installed JourneyDesk 9.9.9" in out
    data = home / ".local" / "share"
    app = data / "journeydesk" / "app" / "journeydesk"
    entry_path = data / "applications" / "journeydesk.desktop"
    run([need("desktop-file-validate"), entry_path])
    entry = desktop_entry(entry_path)
    assert entry["Exec"] == f'"{app}" %f'
    assert entry["TryExec"] == str(app)
    hicolor = data / "icons" / "hicolor"
    for size in make_icons.HICOLOR_SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / "journeydesk.png").is_file()
    assert (hicolor / "scalable" / "apps" / "journeydesk.svg").is_file()

    assert run(["xdg-mime", "query", "filetype", project], env=env).strip() == MIME
    assert run(["xdg-mime", "query", "filetype", renamed], env=env).strip() == MIME
    assert run(["xdg-mime", "query", "default", MIME], env=env).strip() == "journeydesk.desktop"
    # What the file manager then runs: the launcher and the bundle get the file.
    assert run([home / ".local" / "bin" / "journeydesk", project], env=env).strip() == (
        f"OPEN {project}")

    run(["bash", data / "journeydesk" / "app" / "uninstall.sh"], env=env)
    assert tree(home) == {}
    assert run(["xdg-mime", "query", "default", MIME], env=env).strip() == ""


def test_uninstall_leaves_what_was_there_before(tmp_path: Path, icons: Path) -> None:
    bundle = fake_bundle(tmp_path / "built", icons)
    home = tmp_path / "home"
    data = home / "data"  # XDG_DATA_HOME is honoured
    (data / "applications").mkdir(parents=True)
    (data / "applications" / "other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other %f\n"
        "MimeType=text/x-other;\n", encoding="utf-8")
    (data / "mime" / "packages").mkdir(parents=True)
    (data / "mime" / "packages" / "other.xml").write_text(
        '<?xml version="1.0"?>\n<mime-info xmlns="http://www.freedesktop.org/standards/'
        'shared-mime-info"><mime-type type="text/x-other"><glob pattern="*.other"/>'
        "</mime-type></mime-info>\n", encoding="utf-8")
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "mine").write_text("keep\n", encoding="utf-8")
    env = desktop_env(home)
    env["XDG_DATA_HOME"] = str(data)
    run(["update-mime-database", data / "mime"], env=env)
    run(["update-desktop-database", data / "applications"], env=env)
    before = tree(home)

    run(["bash", bundle / "install.sh"], env=env)
    assert (data / "journeydesk" / "app" / "journeydesk").is_file()
    # Installing again replaces the first install.
    out = run(["bash", bundle / "install.sh"], env=env)
    assert "replacing the earlier install" in out
    run(["bash", bundle / "uninstall.sh"], env=env)

    assert tree(home) == before


def test_install_under_a_prefix_and_refuse_what_is_not_ours(tmp_path: Path, icons: Path) -> None:
    bundle = fake_bundle(tmp_path / "built", icons)
    home = tmp_path / "home"
    home.mkdir()
    env = desktop_env(home)
    prefix = tmp_path / "opt"
    out = run(["bash", bundle / "install.sh", "--prefix", prefix], env=env)
    assert "not among the desktop's data folders" in out
    assert (prefix / "bin" / "journeydesk").is_file()
    assert (prefix / "share" / "applications" / "journeydesk.desktop").is_file()
    run(["bash", bundle / "uninstall.sh", "--prefix", prefix], env=env)
    assert tree(prefix) == {} and tree(home) == {}

    # A journeydesk command that some other install put there is not replaced.
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "journeydesk").write_text("#!/bin/sh\n", encoding="utf-8")
    proc = subprocess.run(["bash", str(bundle / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1 and "is not ours" in proc.stderr
    assert not (home / ".local" / "share" / "journeydesk").exists()


def test_readme_gives_the_bundle_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    lines, inside = [], False
    for line in readme.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line.strip())
    for command in ("bash packaging/bootstrap.sh && bash packaging/build_bundle.sh",
                    "bash dist/journeydesk/install.sh",
                    "bash ~/.local/share/journeydesk/app/uninstall.sh"):
        assert command in lines, command
    assert readme.count("not tested here") >= 2  # macOS and Windows, honestly
