"""reportlab's C accelerator is installed and picked up.

Since reportlab 4 the accelerator is a separate package (``rl-accel``); without it
every number written into a PDF is formatted in pure Python, which made the A0
poster of a 5,000-card map several times slower (issue #14).
"""

from __future__ import annotations


def test_reportlab_uses_the_c_accelerator() -> None:
    from reportlab.lib import rl_accel

    # rl_accel binds each function from the C module when it imports, else its
    # pure-Python fallback (defined in reportlab.lib.rl_accel itself).
    for name in ("fp_str", "escapePDF", "calcChecksum", "add32", "hex32"):
        fn = getattr(rl_accel, name)
        assert getattr(fn, "__module__", None) == "_rl_accel", name


def test_pdf_numbers_are_formatted_by_the_accelerator() -> None:
    from reportlab.pdfgen import canvas

    # the canvas formats every coordinate through the fp_str it imported
    assert canvas.fp_str.__module__ == "_rl_accel"
    assert canvas.fp_str(1.5, 2.25) == "1.5 2.25"
