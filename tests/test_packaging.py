"""The wheel ships every package and works when installed away from the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED_TEMPLATES = {"blank", "sample", "day-in-the-life", "service-blueprint"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _package_folders(top: str, dotted: str) -> set[str]:
    found = set()
    for init in (ROOT / top).rglob("__init__.py"):
        rel = init.parent.relative_to(ROOT / top)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        found.add(".".join([dotted, *rel.parts]))
    return found


def test_every_package_folder_is_listed_in_pyproject() -> None:
    setuptools = _pyproject()["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    assert setuptools["package-dir"] == {
        "journeydesk": "journeydesk", "journeydesk.resources": "resources"}
    on_disk = (_package_folders("journeydesk", "journeydesk")
               | _package_folders("resources", "journeydesk.resources"))
    missing = sorted(on_disk - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    stale = sorted(listed - on_disk)
    assert not stale, f"listed in pyproject.toml but no such package folder: {stale}"


# --- build the wheel, install it in a fresh venv, use it -------------------

_NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", ".hypothesis", ".import_linter_cache", "out")


def _run(args: list[str | Path], *, cwd: Path, env: dict[str, str], timeout: float
         ) -> subprocess.CompletedProcess[str]:
    cmd = [str(a) for a in args]
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(cmd)} took more than {timeout} s")
    assert proc.returncode == 0, (
        f"{' '.join(cmd)} exited with {proc.returncode}\n"
        f"stdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
    )
    return proc


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_installed_wheel_works_outside_the_source_tree(
        tmp_path: Path, pristine_env: dict[str, str]) -> None:
    # pip and build run with the real environment, so they find pip's cache
    # (this test's XDG_CACHE_HOME is an empty temporary folder).
    tool_env = {k: v for k, v in pristine_env.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    tool_env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    # Build from a copy, so a stale build/ folder in the checkout cannot
    # slip files into the wheel and the build writes nothing into the checkout.
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=_NOT_COPIED)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, src],
         cwd=tmp_path, env=tool_env, timeout=240)
    wheels = list(dist.glob("journeydesk-*.whl"))
    assert len(wheels) == 1, wheels
    shutil.rmtree(src)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path, env=tool_env, timeout=120)
    py = venv / "bin" / "python"
    _run([py, "-m", "pip", "install", "--quiet", wheels[0]],
         cwd=tmp_path, env=tool_env, timeout=420)

    # The app itself runs from an empty folder, with this test's user folders.
    work = tmp_path / "work"
    work.mkdir()
    app_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    app_env["QT_QPA_PLATFORM"] = "offscreen"
    app_env.pop("DISPLAY", None)

    where = _run([py, "-c", "import journeydesk; print(journeydesk.__file__)"],
                 cwd=work, env=app_env, timeout=60).stdout.strip()
    assert Path(where).is_relative_to(venv), f"journeydesk imported from {where}, not the venv"

    jd = venv / "bin" / "journeydesk"

    def run_jd(*args: str) -> str:
        return _run([jd, *args], cwd=work, env=app_env, timeout=60).stdout

    version = run_jd("--version")
    assert _pyproject()["project"]["version"] in version, version

    # The notices from the installed metadata (no pyproject.toml here): the
    # requirements' closure, and the licence texts shipped in the wheel.
    notices = _run([py, "-m", "journeydesk.notices"], cwd=work, env=app_env, timeout=120).stdout
    for name in ("PySide6", "reportlab", "python-pptx", "imageio-ffmpeg", "FFmpeg",
                 "GNU LESSER GENERAL PUBLIC LICENSE"):
        assert name in notices, name

    run_jd("new", "-o", "X.journey")
    assert (work / "X.journey").is_file()
    run_jd("validate", "X.journey")

    listing = [line for line in run_jd("new", "--list-templates").splitlines() if line.strip()]
    keys = [line.split()[0] for line in listing]
    for key in keys:
        for lang in ("en", "it"):
            out = f"{key}.{lang}.journey"
            run_jd("new", "-t", key, "--lang", lang, "-o", out)
            run_jd("validate", out)
    assert set(keys) >= EXPECTED_TEMPLATES, f"templates listed: {listing}"
