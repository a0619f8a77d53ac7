"""Make tests/io/journey_samples.py (the shared valid sample project) importable.

The suite runs with ``--import-mode=importlib``, which puts no test folder on
``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_SAMPLES = str(Path(__file__).resolve().parents[1] / "io")
if _SAMPLES not in sys.path:
    sys.path.insert(0, _SAMPLES)
