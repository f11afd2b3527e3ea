"""Grading figures (a benchmark, never a test): seconds per submission, and a class of N
submissions of one lesson graded with --jobs J. Half the class hands in the solution, half the
untouched student version, so both paths through the checks are timed."""
import shutil
import tempfile
import time
from pathlib import Path

from . import grade, paths


def main(lesson: str = "03-sigmoid-bound", students: int = 30, jobs: int = 2) -> int:
    solution = paths.SOLUTIONS / f"{lesson}.ipynb"
    student = paths.NOTEBOOKS / f"{lesson}.ipynb"
    with tempfile.TemporaryDirectory(prefix="rnnkit-grade-bench-") as tmp:
        root = Path(tmp)
        only = root / "solutions"
        only.mkdir()
        shutil.copy2(solution, only / solution.name)
        for i in range(students):
            folder = root / "submitted" / f"student{i:02d}"
            folder.mkdir(parents=True)
            shutil.copy2(solution if i % 2 == 0 else student, folder / solution.name)
        began = time.monotonic()
        results = grade.grade(root / "submitted", root / "grades", jobs=jobs, solutions=only)
        wall = time.monotonic() - began
    per = [r.seconds for r in results]
    print(f"\n{students} submissions of {lesson}, --jobs {jobs}: {wall:.1f} s wall clock, "
          f"{wall / students:.2f} s per submission; one submission alone takes "
          f"{min(per):.1f}–{max(per):.1f} s (median {sorted(per)[len(per) // 2]:.1f} s)")
    return 0
