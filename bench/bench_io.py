"""Load and save speed of project files, as ratios against a floor.

The floor is measured in the same run, on the same bytes:

- load floor: ``json.loads(data)`` + ``Project.model_validate_json(data)``
  (parse once as plain JSON and once through pydantic; our loader does a safe
  parse, migrations, validation and the cross-reference checks);
- save floor: ``project.model_dump_json(indent=2)`` + write + fsync to a
  plain file (ours writes a temp file, fsyncs, replaces and fsyncs the folder).

Best of N runs with ``time.perf_counter``. Run: ``python bench/bench_io.py
[--cards N] [--runs N] [--profile]``. Prints milliseconds and ratios; exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_big_project

from journeydesk.io import dump_bytes, load_bytes, read_project, write_project
from journeydesk.model import Project


def best_of(runs: int, cases: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best time of each case in ms, the cases taking turns in every round.

    Interleaving puts the floor and our code under the same machine load, so
    their ratio holds even when other work comes and goes.
    """
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(runs):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: seconds * 1000.0 for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile one load_bytes")
    args = parser.parse_args(argv)

    project = make_big_project(n_cards=args.cards)
    data = dump_bytes(project)
    assert load_bytes(data) == project, "the generated project does not survive a round trip"

    with tempfile.TemporaryDirectory(prefix="jd-bench-") as tmp:
        folder = Path(tmp)
        ours_path = folder / "ours.journey"
        floor_path = folder / "floor.journey"
        ours_path.write_bytes(data)

        def load_floor() -> None:
            json.loads(data)
            Project.model_validate_json(data)

        def save_floor() -> None:
            text = project.model_dump_json(indent=2)
            with open(floor_path, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())

        read_path = folder / "read.journey"
        read_path.write_bytes(data)

        load = best_of(
            args.runs,
            {
                "load floor: json.loads + model_validate_json": load_floor,
                "load_bytes (bytes in memory)": lambda: load_bytes(data),
                "read_project (from a file)": lambda: read_project(read_path),
            },
        )
        save = best_of(
            args.runs,
            {
                "save floor: model_dump_json + write + fsync": save_floor,
                "write_project (atomic)": lambda: write_project(project, ours_path),
            },
        )
        assert ours_path.read_bytes() == data

    print(f"project: {args.cards} cards, file {len(data):,} bytes ({len(data) / 1048576:.2f} MiB)")
    print(f"best of {args.runs} interleaved runs")
    for table in (load, save):
        floor = next(iter(table.values()))
        for name, ms in table.items():
            print(f"  {name:48} {ms:9.1f} ms   {ms / floor:5.2f}× floor")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        load_bytes(data)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
