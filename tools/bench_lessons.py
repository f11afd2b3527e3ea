"""`./kit bench --lessons`: each solution lesson's Run All time, executed once through the kit's own
runner (rnnkit_tools.execute: a fresh kernel from the kit's kernelspec, every cell in order). Runs
with the Python that has Jupyter; `./kit setup` must have installed the kernelspec.

Run All is the time from the first cell starting to the last cell finishing, as the kernel's own
messages date them (nbclient's cell metadata); the kernel's start is the rest of the run."""
import os
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rnnkit_tools import paths  # noqa: E402
from rnnkit_tools.execute import execute  # noqa: E402

TARGET = 15.0  # seconds of Run All per lesson


def run_all_seconds(nb) -> float:
    """From the first code cell's start to the last one's end (nbclient records both per cell)."""
    times = [c.metadata.get("execution", {}) for c in nb.cells if c.cell_type == "code"]
    began = [t["iopub.status.busy"] for t in times if "iopub.status.busy" in t]
    ended = [t["iopub.status.idle"] for t in times if "iopub.status.idle" in t]
    if not began or not ended:
        return float("nan")
    stamp = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (max(map(stamp, ended)) - min(map(stamp, began))).total_seconds()


def main() -> int:
    print(f"{'lesson':<22} {'cells':>5} {'Run All':>8} {'kernel start, stop':>18} {'total':>7}  status  (target: Run All ≤ {TARGET:.0f} s)")
    worst = 0.0
    for lesson in paths.lessons(paths.SOLUTIONS):
        report = execute(lesson)
        run_all = run_all_seconds(report.notebook) if report.notebook is not None else float("nan")
        worst = max(worst, run_all)
        status = report.status if report.clean else f"{report.status}, {len(report.errors)} error(s)"
        starts = f", {report.starts} starts" if report.starts > 1 else ""
        print(f"{lesson.stem:<22} {report.code_cells:>5} {run_all:>7.1f}s {report.seconds - run_all:>17.1f}s "
              f"{report.seconds:>6.1f}s  {status}{starts}  (load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"slowest lesson: Run All {worst:.1f} s (target ≤ {TARGET:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
