"""Build the fallback font's static faces from fontpkg-noto-sans.

The bundled font (Atkinson Hyperlegible) has no Greek or Cyrillic. Noto Sans
has both, but fontpkg-noto-sans ships only variable TTFs, which reportlab
cannot instance (it would embed the default weight for every face). This script
cuts the four static faces the layout uses (regular, bold, italic, bold
italic) out of the variable files, keeping only the characters the bundled
font lacks, and writes them to resources/fonts/. Run it again after upgrading
fontpkg-noto-sans:

    pip install fontpkg-noto-sans fonttools
    python packaging/make_fallback_fonts.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# (output name, variable file, weight, Atkinson face whose coverage it completes)
FACES = [
    ("NotoSansFallback-Regular", "NotoSans[wdth,wght].ttf", 400, "AtkinsonHyperlegible-Regular"),
    ("NotoSansFallback-Bold", "NotoSans[wdth,wght].ttf", 700, "AtkinsonHyperlegible-Bold"),
    ("NotoSansFallback-Italic", "NotoSans-Italic[wdth,wght].ttf", 400,
     "AtkinsonHyperlegible-Italic"),
    ("NotoSansFallback-BoldItalic", "NotoSans-Italic[wdth,wght].ttf", 700,
     "AtkinsonHyperlegible-BoldItalic"),
]


def _atkinson_file(name: str) -> Path:
    root = Path(atkinson.ROOT)
    for candidate in (root / "files" / f"{name}.ttf", root / f"{name}.ttf"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)


def build(name: str, source: str, weight: int, main: str) -> Path:
    font = TTFont(Path(noto.ROOT) / "files" / source)
    covered = set(TTFont(_atkinson_file(main)).getBestCmap())
    keep = sorted(c for c in font.getBestCmap() if c not in covered or c == 0x20)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": weight, "wdth": 100})
    # A family name of its own, so Qt never confuses it with an installed Noto Sans.
    style = name.split("-", 1)[1]
    for record in static["name"].names:
        if record.nameID in (1, 16):
            record.string = "JourneyDesk Fallback"
        elif record.nameID in (2, 17):
            record.string = {"BoldItalic": "Bold Italic"}.get(style, style)
        elif record.nameID in (4,):
            record.string = f"JourneyDesk Fallback {style}"
        elif record.nameID == 6:
            record.string = name
    out = OUT / f"{name}.ttf"
    static.save(out)
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        print(build(*face))
    meta = json.loads((Path(noto.ROOT) / "metadata.json").read_text("utf-8"))
    (OUT / "VERSION").write_text(
        f"Noto Sans {meta.get('version', '')} (OFL-1.1), from fontpkg-noto-sans {_version()}, "
        "cut by packaging/make_fallback_fonts.py\n",
        "utf-8",
    )
    shutil.copyfile(Path(noto.ROOT) / "LICENSE", OUT / "OFL.txt")


def _version() -> str:
    from importlib import metadata

    return metadata.version("fontpkg-noto-sans")


if __name__ == "__main__":
    main()
