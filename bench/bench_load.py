"""Reading and validating a project file, as a ratio to ``json.loads`` of the same bytes.

The "read and validate" phase of ``bench_open.py``, alone: ``load_bytes`` (the fast
path for an ordinary file, io/project_file.py ``_load_ordinary``) and
``careful_load_bytes`` (the path every refusal comes from, and before issue #14's
fourth round the only one) against the floor, ``json.loads(data)``. Every shape of
``generate.py`` at 5,000 and 20,000 cards; CPU time of this process
(``time.process_time``), best of N, the three taking turns in every round so that
machine load hits them alike. A cyclic collection is run before each timed call
(outside the timing), so no call pays for the garbage of the one before.

Nothing is cached between runs: the one cache of the fast path (the JSON reader's
cache of object keys) is emptied at the start of every load.

Run: ``python bench/bench_load.py [--cards 5000 20000] [--shape ...] [--runs N]
[--profile]``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SHAPES, make_shape

from journeydesk.io import dump_bytes, load_bytes
from journeydesk.io.project_file import _load_ordinary, careful_load_bytes


def best_of(runs: int, cases: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best CPU time of each case in ms, the cases taking turns in every round."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(runs):
        for name, fn in cases.items():
            gc.collect()
            start = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - start)
    return {name: seconds * 1000.0 for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--shape", choices=SHAPES, nargs="+", default=list(SHAPES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one load_bytes each")
    args = parser.parse_args(argv)

    print("CPU ms, best of", args.runs, "| ratio = ours / json.loads")
    print(
        f"{'shape':8} {'cards':>6} {'MiB':>5} {'json.loads':>10} {'load_bytes':>10} "
        f"{'careful':>8} {'ratio':>6} {'careful ratio':>13}"
    )
    for cards in args.cards:
        for shape in args.shape:
            project = make_shape(shape, cards)
            data = dump_bytes(project)
            assert _load_ordinary(data) == project, "the fast path did not take the file"
            assert careful_load_bytes(data) == project
            del project
            ms = best_of(
                args.runs,
                {
                    "floor": lambda data=data: json.loads(data),
                    "ours": lambda data=data: load_bytes(data),
                    "careful": lambda data=data: careful_load_bytes(data),
                },
            )
            print(
                f"{shape:8} {cards:>6} {len(data) / 1048576:>5.1f} {ms['floor']:>10.0f} "
                f"{ms['ours']:>10.0f} {ms['careful']:>8.0f} {ms['ours'] / ms['floor']:>5.2f}x "
                f"{ms['careful'] / ms['floor']:>12.2f}x"
            )
            if args.profile:
                profiler = cProfile.Profile()
                profiler.runcall(load_bytes, data)
                pstats.Stats(profiler).sort_stats("tottime").print_stats(12)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
