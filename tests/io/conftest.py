"""Make this folder's helper modules (journey_samples) importable.

The suite runs with ``--import-mode=importlib``, which puts no test folder on
``sys.path``; tests here and in tests/model import ``journey_samples``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
