"""Grading figures (a benchmark, never a test): for each lesson, a class of N submissions graded
with --jobs J, half handing in the solution and half the untouched student version, so both
paths through the checks are timed. Prints wall-clock seconds per submission, and the spread of
one submission's own time, and CPU seconds per submission (every process of the grading counted),
which a loaded machine bends less than wall-clock time; with `verdicts_only`, without the kernel
run that makes feedback."""
import re
import resource
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import List, Optional

from . import grade, paths
from .sandbox import Sandbox


def bench_lesson(lesson: Path, students: int, jobs: int, run_kernel: bool) -> str:
    with tempfile.TemporaryDirectory(prefix="rnnkit-grade-bench-") as tmp:
        root = Path(tmp)
        only = root / "solutions"
        only.mkdir()
        shutil.copy2(lesson, only / lesson.name)
        for i in range(students):
            folder = root / "submitted" / f"student{i:02d}"
            folder.mkdir(parents=True)
            shutil.copy2(lesson if i % 2 == 0 else paths.NOTEBOOKS / lesson.name, folder / lesson.name)
        sandbox = CountingSandbox()
        began, cpu = time.monotonic(), cpu_seconds()
        results = grade.grade(root / "submitted", root / "grades", jobs=jobs, solutions=only, run_kernel=run_kernel,
                              sandbox=sandbox)
        wall, cpu = time.monotonic() - began, cpu_seconds() - cpu + sandbox.cpu
    alone = [r.seconds for r in results]
    return (f"{lesson.stem:18s} {students} submissions, --jobs {jobs}{' --verdicts-only' if not run_kernel else ''}: "
            f"{wall:6.1f} s wall clock, {wall / students:5.2f} s per submission; one submission "
            f"{min(alone):.1f}–{max(alone):.1f} s (median {statistics.median(alone):.1f} s); "
            f"CPU {cpu / students:5.2f} s per submission")


class CountingSandbox(Sandbox):
    """The grader's sandbox, each command timed by GNU time inside it: CPU spent in a sandbox does
    not reach this process's own accounts (bubblewrap's PID namespace reaps it)."""

    def __init__(self):
        super().__init__()
        self.cpu = 0.0
        self.lock = threading.Lock()

    def run(self, argv, mounts, limits, stdin=b"", cwd=None, pass_fds=()):
        outcome = super().run(["/usr/bin/time", "-f", "rnnkit-cpu %U %S", *argv], mounts, limits, stdin, cwd, pass_fds)
        found = re.findall(rb"rnnkit-cpu ([0-9.]+) ([0-9.]+)", outcome.stderr_tail)
        with self.lock:
            self.cpu += sum(float(u) + float(s) for u, s in found)
        return outcome


def cpu_seconds() -> float:
    """User and system CPU time of this process and of the processes it has waited for outside a
    sandbox (the render workers): with the sandboxes' own, a figure the machine's load bends less."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(lesson: Optional[str] = None, students: int = 30, jobs: int = 2, run_kernel: bool = True) -> int:
    lessons: List[Path] = [p for p in paths.lessons(paths.SOLUTIONS) if lesson in (None, p.stem)]
    lines = [bench_lesson(p, students, jobs, run_kernel) for p in lessons]
    print("\n" + "\n".join(lines))
    return 0
