"""Time and peak memory of loading the largest files the limits allow.

Each case is written to a temporary file by one process, then loaded by a fresh
``python`` (``read_project``: the size check, the JSON reader with its value count,
validation and the cross-reference checks), which reports the seconds the load took
and its peak resident memory (``ru_maxrss``) before and after. Cases:

- ``cards``: the benchmark's map (bench/generate.py) with as many cards as the value
  limit allows, bodies lengthened to fill the size limit: the worst legit shape;
- ``[] at the value limit``: empty arrays under an unknown key, just under the limit;
- ``99 MiB of []``: refused by the value count (was 2.9 GB and 35 s);
- ``99 MiB text``: one long unknown text, the fewest values.

Run: ``python bench/bench_limits.py [--case NAME]``. Needs about 3 GB of free memory
for the ``cards`` case.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MIB = 1024 * 1024

MEASURE = """
import resource, sys, time
from journeydesk.io import ProjectFileError, read_project
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
try:
    project = read_project(sys.argv[1])
    outcome = f"loaded, {sum(len(m.cards) for m in project.maps):,} cards"
except ProjectFileError as exc:
    outcome = "refused: " + exc.summary()[:110]
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{seconds:.2f}|{before / 1024:.0f}|{peak / 1024:.0f}|{outcome}")
"""


def head() -> str:
    return '{"format": "journeydesk", "format_version": 1, '


def cards_file(path: Path) -> None:
    from generate import make_big_project

    from journeydesk.io import MAX_FILE_BYTES, dump_bytes, jsonsafe

    per_card = jsonsafe.count_values(dump_bytes(make_big_project(1000)).decode()) / 1000
    n = int(jsonsafe.MAX_VALUES / per_card * 0.97)
    project = make_big_project(n)
    size = len(dump_bytes(project))
    room = (MAX_FILE_BYTES - 256 * 1024 - size) // n  # characters to add to each body
    if room > 0:
        for card in project.maps[0].cards:
            card.body = (card.body + " " + "x" * room)[: len(card.body) + room]
    data = dump_bytes(project)
    path.write_bytes(data)


def empty_arrays_file(path: Path, values: int) -> None:
    inner = "[" + ",".join(["[]"] * 50_000) + "]"
    # 1 root + 1 key + per inner array: 1 + 2 * 50,000 (each empty one counts twice)
    count = max(1, (values - 2) // (1 + 100_000))
    path.write_text(head() + '"x_big": [' + ",".join([inner] * count) + "]}")


def long_empty_arrays_file(path: Path) -> None:
    inner = "[" + ",".join(["[]"] * 100_000) + "]"
    count = (99 * MIB) // len(inner)
    path.write_text(head() + '"x_big": [' + ",".join([inner] * count) + "]}")


def long_text_file(path: Path) -> None:
    path.write_text(head() + '"x_text": ' + json.dumps("lorem ipsum " * (99 * MIB // 12)) + "}")


CASES = {
    "cards at the limits": cards_file,
    "[] at the value limit": lambda p: empty_arrays_file(p, 2_000_000),
    "99 MiB of []": long_empty_arrays_file,
    "99 MiB text": long_text_file,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=list(CASES), action="append")
    parser.add_argument("--write", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:  # in a process of its own: the measuring one inherits no memory peak
        CASES[args.write[0]](Path(args.write[1]))
        return 0
    print(f"{'case':24} {'MiB':>6} {'s':>6} {'RSS MiB':>8} {'peak MiB':>9}  outcome")
    for name in args.case or list(CASES):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "case.journey"
            subprocess.run([sys.executable, __file__, "--write", name, str(path)], check=True)
            size = path.stat().st_size / MIB
            out = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            seconds, before, peak, outcome = out.split("|", 3)
            print(f"{name:24} {size:6.1f} {seconds:>6} {before:>8} {peak:>9}  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
