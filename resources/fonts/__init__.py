"""The fallback font: static faces of Noto Sans cut from fontpkg-noto-sans by
packaging/make_fallback_fonts.py (Greek, Cyrillic and the other characters the
bundled font lacks); OFL.txt is its licence."""
