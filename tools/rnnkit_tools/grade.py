"""`./kit grade SUBMISSIONS`: every submission run in its own fresh kernel, scored by the solution
notebooks' locked test cells, written to a gradebook. The batch never stops and no row is lost.

Layout (nbgrader's): SUBMISSIONS/<student>/<notebook>.ipynb. Before a submission runs, every test
cell is restored from the solution notebook by its grade_id, hidden tests included, and a deleted
test cell is put back after the cell that precedes it in the solution. A test cell scores its
points when it runs without an error, and 0 otherwise (nbgrader's rule for code tests).
"""
import copy
import csv
import shutil
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import nbformat

from . import paths
from .check import test_cells
from .execute import execute


# A student's points must not depend on the kernel's start-up race: more, longer starts than `./kit check`
# uses, since with --jobs several kernels start under load (3 hung starts in a row were seen with --jobs 2).
START_RETRIES = 5
START_TIMEOUT = 30


@dataclass
class Exercise:
    grade_id: str
    max_points: float
    points: float = 0.0
    status: str = "not-run"
    message: str = ""


@dataclass
class Result:
    """One student's result on one notebook."""

    student: str
    notebook: str
    status: str = "ok"
    notes: List[str] = field(default_factory=list)
    exercises: List[Exercise] = field(default_factory=list)
    seconds: float = 0.0
    executed: Optional[dict] = None

    @property
    def points(self) -> float:
        return sum(e.points for e in self.exercises)

    @property
    def max_points(self) -> float:
        return sum(e.max_points for e in self.exercises)


def graded_cells(nb) -> Dict[str, dict]:
    """grade_id → cell, for every cell carrying nbgrader metadata with a grade_id."""
    cells = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            cells[grade_id] = cell
    return cells


def exercises_of(solution) -> List[Exercise]:
    return [Exercise(grade_id, float(solution.cells[i].metadata["nbgrader"].get("points", 0)))
            for i, grade_id in test_cells(solution).items()]


def restore_tests(submission, solution) -> List[str]:
    """Puts the solution's test cells into the submission in place (by grade_id); returns notes on
    what the student had changed: edited or deleted tests, reordered or deleted solution cells."""
    notes = []
    tests = {grade_id: solution.cells[i] for i, grade_id in test_cells(solution).items()}
    order = [c.metadata["nbgrader"]["grade_id"] for c in solution.cells if c.get("metadata", {}).get("nbgrader")]
    present = graded_cells(submission)
    for grade_id, test in tests.items():
        if grade_id in present:
            if present[grade_id].source != test.source:
                notes.append(f"test cell '{grade_id}' had been edited: restored")
            present[grade_id].source = test.source
            present[grade_id].metadata = copy.deepcopy(test.metadata)
            present[grade_id].cell_type = "code"
            continue
        notes.append(f"test cell '{grade_id}' had been deleted: restored")
        restored = copy.deepcopy(test)
        restored.outputs, restored.execution_count = [], None
        before = order[: order.index(grade_id)]
        anchor = next((present[g] for g in reversed(before) if g in present), None)
        position = submission.cells.index(anchor) + 1 if anchor is not None else len(submission.cells)
        submission.cells.insert(position, restored)
        present = graded_cells(submission)
    for grade_id in order:
        if grade_id not in present:
            notes.append(f"solution cell '{grade_id}' is missing")
    seen = [g for g in (c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in submission.cells) if g in order]
    if seen != [g for g in order if g in seen]:
        notes.append("graded cells are out of order")
    return notes


def score(result: Result, executed, stopped_cell: Optional[int], run_detail: str) -> None:
    """Fills in each exercise's points from the executed notebook's test cells. The cell that was
    running when the run stopped fails with the reason; the cells after it did not run."""
    index = {grade_id: i for i, grade_id in test_cells(executed).items()}
    for ex in result.exercises:
        i = index.get(ex.grade_id)
        cell = executed.cells[i] if i is not None else None
        if cell is None or (stopped_cell is not None and i > stopped_cell) or cell.get("execution_count") is None:
            ex.status, ex.message = "not-run", run_detail or "the cell did not run"
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if i == stopped_cell:
            ex.status, ex.message = "failed", run_detail
        elif errors:
            ex.status = "failed"
            ex.message = errors[0].get("evalue", "") or errors[0].get("ename", "error")
        else:
            ex.status, ex.points = "passed", ex.max_points


def grade_one(student: str, submission: Path, solution_path: Path, cell_timeout: int) -> Result:
    """Grades one submission in a temporary folder; never raises for anything the submission does."""
    solution = nbformat.read(solution_path, as_version=4)
    result = Result(student, solution_path.stem, exercises=exercises_of(solution))
    began = time.monotonic()
    try:
        if not submission.exists():
            result.status = "missing"
            for ex in result.exercises:
                ex.message = "no submission"
            return result
        try:
            nb = nbformat.read(submission, as_version=4)
            nbformat.validate(nb)
        except Exception as e:
            result.status = "unreadable"
            for ex in result.exercises:
                ex.message = f"the notebook could not be read: {type(e).__name__}: {str(e).splitlines()[0]}"
            return result
        result.notes = restore_tests(nb, solution)
        with tempfile.TemporaryDirectory(prefix="rnnkit-grade-") as tmp:
            work = Path(tmp) / submission.name
            nbformat.write(nb, work)
            report = execute(work, cell_timeout=cell_timeout, startup_timeout=START_TIMEOUT, retries=START_RETRIES)
        executed = report.notebook if report.notebook is not None else nb
        result.executed = executed
        if report.status != "ok":
            result.status = report.status
            result.notes.append(report.detail)
        score(result, executed, report.stopped_cell, report.detail if report.status != "ok" else "")
        return result
    except Exception as e:  # the batch goes on whatever happens to one submission
        result.status = "grader-error"
        result.notes.append(f"{type(e).__name__}: {e}")
        return result
    finally:
        result.seconds = time.monotonic() - began


def write_feedback(result: Result, folder: Path) -> None:
    from nbconvert import HTMLExporter

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{result.notebook}.html"
    if result.executed is None:
        lines = "".join(f"<li>{_escape(n)}</li>" for n in [result.status, *result.notes])
        target.write_text(f"<!DOCTYPE html><html><body><h1>{_escape(result.notebook)}</h1>"
                          f"<p>This submission could not be run.</p><ul>{lines}</ul></body></html>\n")
        return
    nb = nbformat.from_dict(result.executed)
    summary = [f"**Score: {result.points:g} / {result.max_points:g}** (status: {result.status})", ""]
    summary += [f"- `{e.grade_id}`: {e.points:g}/{e.max_points:g} {e.status}" for e in result.exercises]
    summary += [f"- note: {n}" for n in result.notes]
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("\n".join(summary)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # nbconvert 6.5 calls a deprecated nbformat API
        body, _ = HTMLExporter().from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_tables(results: List[Result], notebooks: List[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "scores.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "notebook", "grade_id", "points", "max_points", "status", "message"])
        for r in results:
            for e in r.exercises:
                w.writerow([r.student, r.notebook, e.grade_id, f"{e.points:g}", f"{e.max_points:g}", e.status,
                            " ".join(e.message.split())])
    with open(out / "gradebook.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", *notebooks, "total", "max", "status"])
        for student in sorted({r.student for r in results}):
            mine = {r.notebook: r for r in results if r.student == student}
            statuses = [f"{nb}: {mine[nb].status}" for nb in notebooks if mine[nb].status != "ok"]
            w.writerow([student, *(f"{mine[nb].points:g}" for nb in notebooks),
                        f"{sum(r.points for r in mine.values()):g}", f"{sum(r.max_points for r in mine.values()):g}",
                        "; ".join(statuses) or "ok"])


def grade(submissions: Path, out: Path, cell_timeout: int = 60, jobs: int = 1,
          solutions: Path = paths.SOLUTIONS) -> List[Result]:
    lessons = [p for p in paths.lessons(solutions) if test_cells(nbformat.read(p, as_version=4))]
    students = sorted(p.name for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
    tasks = [(s, submissions / s / p.name, p) for s in students for p in lessons]
    results: List[Result] = []
    print(f"Grading {len(students)} students × {len(lessons)} notebooks with {jobs} job(s)…", flush=True)
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(grade_one, s, sub, sol, cell_timeout): (s, sol.stem) for s, sub, sol in tasks}
        for done, future in enumerate(as_completed(futures), start=1):
            student, notebook = futures[future]
            try:
                r = future.result()
            except Exception as e:  # a worker that died still leaves its row
                r = Result(student, notebook, status="grader-error", notes=[f"{type(e).__name__}: {e}"],
                           exercises=exercises_of(nbformat.read(solutions / f"{notebook}.ipynb", as_version=4)))
            results.append(r)
            write_feedback(r, out / "feedback" / r.student)
            print(f"[{done}/{len(tasks)}] {r.student}/{r.notebook}: {r.points:g}/{r.max_points:g} {r.status} "
                  f"({r.seconds:.1f} s)", flush=True)
    results.sort(key=lambda r: (r.student, r.notebook))
    write_tables(results, [p.stem for p in lessons], out)
    print(f"Wrote {out / 'gradebook.csv'}, {out / 'scores.csv'} and {out / 'feedback'}/", flush=True)
    return results
