"""What every benchmark shares: scales, the reference loop, robust per-event costs, memory, calls.

**Flatness.** A workload runs at three sizes, ×1, ×10 and ×100. Each size is timed in *samples*
of the same number of events (a tenth of the ×1 size, or one epoch), the ×1 size repeated five
times so that it has fifty; a size's cost is the median cost per event over its samples. The
workload is O(1) per operation when the three costs stay within :data:`FLAT` of each other. A
cost that grew with the history or the population would put the ×100 median past the ×1 one
by far more than 20 %.

**The reference loop.** Shared machines change speed under a benchmark: another process, a
throttled core, a busy neighbour on the same host. On the machine these benchmarks were written
on, the same loop took 8 ms or 14 ms for seconds at a time. So just before each sample a fixed
loop of ordinary interpreter work runs (:func:`reference`, about 0.2 ms), and the sample's cost
is taken relative to it: a machine twice as slow for a while takes twice as long for both. The
costs are reported in µs at the curve's median reference time (``normalizedMicroseconds``, the
one judged) and as measured (``medianMicroseconds``). Where the three sizes' samples are the same
work (an epoch; a chunk of calls on populations of different sizes), the sizes also run in
turns (:func:`alternate`), so that they share every stretch of the machine's time.

**Quiet timing.** Timed code runs with Python's cyclic garbage collector off, as benchmark
harnesses usually do: the contracts create no reference cycles, and a full collection over
millions of live objects would measure the collector, not the contract.

**Work, not time.** Where a cost could depend on a population (holders, delegators, stakes),
the benchmark also counts the Python function calls per event with ``sys.setprofile``: a count
that does not move with the population is the machine-independent reason the time does not.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from types import FrameType
from typing import Any, TypeVar

JSON = dict[str, Any]
T = TypeVar("T")

FLAT = 1.2  # the largest allowed ratio between the per-event costs of the three sizes
SAMPLES_PER_RUN = 10  # a run of the ×1 size is timed in this many samples (×10 in ten times more)
REPEAT_SMALLEST = 5  # and repeated, for fifty samples


@dataclass(frozen=True)
class Scale:
    """How large each workload runs: ``full`` is what the benchmarks are for, ``small`` a quick
    check (about a hundredth), ``tiny`` the smoke test's (every code path, in seconds)."""

    name: str

    def pick(self, full: T, small: T, tiny: T) -> T:
        return {"full": full, "small": small, "tiny": tiny}[self.name]


FULL, SMALL, TINY = Scale("full"), Scale("small"), Scale("tiny")


@contextmanager
def quiet() -> Iterator[None]:
    """Collector off for the block, after one full collection."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def clock() -> float:
    return time.perf_counter()


_REFERENCE_TABLE = {n: 3 * n for n in range(64)}


def reference() -> float:
    """Seconds of a fixed loop of dictionary reads and integer arithmetic (about 0.2 ms)."""
    table = _REFERENCE_TABLE
    began = time.perf_counter()
    total = 0
    for n in range(2_000):
        total += table[n & 63] * n // 7
    return time.perf_counter() - began


@dataclass(frozen=True)
class Sample:
    seconds: float
    events: int
    reference: float  # seconds the reference loop took just before

    @property
    def microseconds_per_event(self) -> float:
        return self.seconds / self.events * 1e6

    @property
    def relative_cost(self) -> float:
        """Cost per event in reference loops: what the machine's speed does not change."""
        return self.seconds / self.reference / self.events


def timed(events: int, run: Callable[[], object]) -> Sample:
    """Run the reference loop, then ``run`` (``events`` events), timed."""
    before = reference()
    began = time.perf_counter()
    run()
    return Sample(time.perf_counter() - began, events, before)


Tagged = tuple[str, Sample]  # which curve a sample belongs to, and the sample
Stream = Iterator[Tagged]


def collect(stream: Stream) -> dict[str, list[Sample]]:
    """Run a stream to its end with the collector off: its samples by curve."""
    collected: dict[str, list[Sample]] = {}
    with quiet():
        for tag, sample in stream:
            collected.setdefault(tag, []).append(sample)
    return collected


def alternate(streams: list[Stream]) -> list[dict[str, list[Sample]]]:
    """Run streams of equal length in turns, a sample each, collector off.

    For sizes whose samples are the same work at every size (an epoch): the three sizes then
    share every stretch of the machine's time, and each is as warm or as cold in the caches as
    the others when its turn comes.
    """
    collected: list[dict[str, list[Sample]]] = [{} for _ in streams]
    running = list(range(len(streams)))
    with quiet():
        while running:
            for k in list(running):
                try:
                    tag, sample = next(streams[k])
                except StopIteration:
                    running.remove(k)
                    continue
                collected[k].setdefault(tag, []).append(sample)
    return collected


def row(size: int, samples: list[Sample], nominal: float, **extra: Any) -> JSON:
    """One size of a curve: its total, and its mean, median and normalized cost per event."""
    seconds = sum(s.seconds for s in samples)
    events = sum(s.events for s in samples)
    return {
        "size": size,
        "samples": len(samples),
        "events": events,
        "seconds": round(seconds, 4),
        "meanMicroseconds": round(seconds / events * 1e6, 3),
        "medianMicroseconds": round(
            statistics.median(s.microseconds_per_event for s in samples), 3
        ),
        "normalizedMicroseconds": round(
            statistics.median(s.relative_cost for s in samples) * nominal * 1e6, 3
        ),
        **extra,
    }


def curve(
    name: str,
    unit: str,
    size_label: str,
    sizes: list[int],
    samples: list[list[Sample]],
    extras: list[JSON] | None = None,
) -> JSON:
    """A scaling curve and its spread: the largest over the smallest normalized cost."""
    references = [s.reference for per_size in samples for s in per_size]
    nominal = statistics.median(references)
    deciles = statistics.quantiles(references, n=10)
    rows = [
        row(size, per_size, nominal, **(extra or {}))
        for size, per_size, extra in zip(sizes, samples, extras or [{}] * len(sizes), strict=True)
    ]
    costs = [r["normalizedMicroseconds"] for r in rows]
    return {
        "name": name,
        "unit": unit,
        "sizeLabel": size_label,
        "rows": rows,
        "flatRatio": round(max(costs) / min(costs), 3),
        "referenceMicroseconds": round(nominal * 1e6, 1),
        "referenceSpread": round(deciles[-1] / deciles[0], 3),
    }


FLOOR = 3.0  # the largest allowed ratio of a contract's cost per operation to its floor's
SPEEDUP = 50  # the smallest allowed speed-up over a naive baseline, at the workload's density


def versus(name: str, unit: str, samples: dict[str, list[Sample]], checked: str) -> JSON:
    """The contract against its floor (:mod:`tests.bench.floors`) on the same operations.

    The samples tagged ``contract`` and ``floor`` were taken in turns, each after its reference
    loop; each side's cost is its median relative cost at the median reference time, and the
    ratio of the two is what the machine's speed does not change.
    """
    contract, floor = samples["contract"], samples["floor"]
    nominal = statistics.median(s.reference for s in contract + floor)
    costs = [
        statistics.median(s.relative_cost for s in side) * nominal * 1e6
        for side in (contract, floor)
    ]
    return {
        "name": name,
        "unit": unit,
        "samples": len(contract),
        "events": sum(s.events for s in contract),
        "contractMicroseconds": round(costs[0], 3),
        "floorMicroseconds": round(costs[1], 3),
        "ratio": round(costs[0] / costs[1], 3),
        "referenceMicroseconds": round(nominal * 1e6, 1),
        "checked": checked,
    }


def floor_target(found: JSON) -> JSON:
    return target(
        f"{found['name']}: cost per {found['unit']} within {FLOOR:g}× of its floor",
        found["ratio"],
        FLOOR,
        scaled=True,
    )


def report_floor(workload: str, found: JSON) -> None:
    print(
        f"  {workload:<11} {found['name']:<34} contract {found['contractMicroseconds']:10.3f} µs, "
        f"floor {found['floorMicroseconds']:10.3f} µs per {found['unit']}: "
        f"×{found['ratio']} ({found['samples']} samples)",
        flush=True,
    )


def report(workload: str, found: JSON) -> None:
    scale, label = (1000.0, "ms") if found["unit"] == "epoch" else (1.0, "µs")
    for r in found["rows"]:
        print(
            f"  {workload:<11} {found['name']:<34} {found['sizeLabel']} {r['size']:>9,}: "
            f"{r['normalizedMicroseconds'] / scale:8.3f} {label}/{found['unit']} "
            f"(measured median {r['medianMicroseconds'] / scale:.3f}, {r['samples']} samples)",
            flush=True,
        )


def target(
    name: str, measured: float, limit: float, *, at_least: bool = False, scaled: bool = False
) -> JSON:
    """A stated target: ``measured`` ≤ ``limit`` (or ≥ when ``at_least``).

    ``scaled`` targets are stated for the full sizes (absolute times, speed-ups that grow with
    the population); at other scales they are reported, not enforced.
    """
    met = measured >= limit if at_least else measured <= limit
    return {
        "name": name,
        "measured": measured,
        "limit": limit,
        "atLeast": at_least,
        "met": met,
        "fullScaleOnly": scaled,
    }


def flat_targets(curves: list[JSON]) -> list[JSON]:
    return [
        target(f"{c['name']}: per-{c['unit']} cost flat across ×1/×10/×100", c["flatRatio"], FLAT)
        for c in curves
    ]


def peak_bytes(build: Callable[[], object]) -> int:
    """Peak traced allocation while ``build`` runs and its result is alive."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = build()
        _, peak = tracemalloc.get_traced_memory()
        del kept
    finally:
        tracemalloc.stop()
    return peak


def memory_per_unit(unit: str, sizes: list[int], build: Callable[[int], object]) -> JSON:
    """Bytes of state per holder (or delegation, stake, output), at three population sizes.

    The state's fixed part (validators, pools, the schedule) cancels in the *marginal* bytes per
    unit between consecutive sizes; the two marginals must agree within :data:`FLAT`.
    """
    runs = [{"size": size, "peakBytes": peak_bytes(partial(build, size))} for size in sizes]
    marginals = [
        (later["peakBytes"] - earlier["peakBytes"]) / (later["size"] - earlier["size"])
        for earlier, later in pairwise(runs)
    ]
    ratio = max(marginals) / min(marginals)
    return {
        "unit": unit,
        "runs": runs,
        "marginalBytesPerUnit": [round(m, 1) for m in marginals],
        "ratio": round(ratio, 3),
    }


def count_calls(run: Callable[[], object]) -> int:
    """Python and built-in function calls made while ``run`` runs."""
    calls = 0

    def profiler(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profiler)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def peak_rss_bytes() -> int:
    """The process's peak resident memory (Linux reports KiB, macOS bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024
