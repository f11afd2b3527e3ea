"""Executes lessons in the real kernel and says what a student would find wrong with each."""
from pathlib import Path
from typing import List

from . import movable, paths
from .execute import IMAGE_TYPES, STARTUP_TIMEOUT, Report, execute
from .release import NOT_IMPLEMENTED

LOG_DIR = paths.REPO / "target" / "kernel-logs"


def plot_cells_without_image(report: Report) -> List[int]:
    """Code cells that call Show.chart but show no image."""
    missing = []
    for index, cell in enumerate(report.notebook.cells):
        if cell.cell_type == "code" and "Show.chart(" in cell.source:
            outputs = cell.get("outputs", [])
            if not any(t in out.get("data", {}) for out in outputs for t in IMAGE_TYPES):
                missing.append(index)
    return missing


def test_cells(nb) -> dict:
    """Index → grade_id of the graded test cells (nbgrader: grade true, solution false)."""
    found = {}
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            found[index] = meta.get("grade_id", f"cell-{index}")
    return found


def exercise_problems(report: Report, student: bool) -> List[str]:
    """A solution passes every check (its ✔ line shows); a student version fails every check,
    each with "not implemented yet", and nothing else."""
    found = []
    errors = {err.cell: err for err in report.errors}
    for index, grade_id in test_cells(report.notebook).items():
        err = errors.get(index)
        if student and (err is None or NOT_IMPLEMENTED not in err.evalue):
            found.append(f"check '{grade_id}' (cell {index}) should fail with '{NOT_IMPLEMENTED}'"
                         + (f", got: {err.evalue.splitlines()[0]}" if err else ", but it passed"))
        if not student:
            text = "".join(o.get("text", "") for o in report.notebook.cells[index].get("outputs", []))
            if err is None and f"✔ {grade_id}" not in text:
                found.append(f"check '{grade_id}' (cell {index}) did not print '✔ {grade_id}'")
    return found


def problems(report: Report, student: bool = False) -> List[str]:
    """Everything that makes a lesson fail: a run that did not finish, errors (in a student
    version, anything but the exercise checks' "not implemented yet"), stderr, missing plots, movable
    figures that are not whole or break the Vega-Lite schemas."""
    found = []
    if report.status != "ok":
        found.append(f"{report.status}: {report.detail}")
        return found
    if report.cells_run != report.code_cells:
        found.append(f"only {report.cells_run} of {report.code_cells} code cells ran")
    expected_failures = set(test_cells(report.notebook)) if student else set()
    for err in report.errors:
        if err.cell in expected_failures and NOT_IMPLEMENTED in err.evalue:
            continue
        found.append(f"error in cell {err.cell}: {err.ename}: {err.evalue or err.traceback.strip()}")
    found.extend(exercise_problems(report, student))
    for cell in sorted(set(report.stderr)):
        found.append(f"cell {cell} wrote to stderr")
    for cell in report.stray_values:
        found.append(f"cell {cell} ends in a bare value (end it with a statement such as Show.chart(c);)")
    if report.images == 0:
        found.append("no image in the whole notebook")
    for cell in plot_cells_without_image(report):
        found.append(f"cell {cell} calls Show.chart but shows no image")
    found.extend(movable.problems(report.notebook))
    return found


def is_student(notebook: Path) -> bool:
    return paths.SOLUTIONS not in Path(notebook).resolve().parents


def check(notebooks, cell_timeout: int = 120, startup_timeout: int = STARTUP_TIMEOUT) -> int:
    """Runs each notebook, prints a line per notebook and the failures; returns the failure count."""
    failed = 0
    for nb in notebooks:
        nb = Path(nb)
        name = nb.relative_to(paths.REPO) if nb.is_relative_to(paths.REPO) else nb
        log = LOG_DIR / (str(name).replace("/", "__") + ".log")
        report = execute(nb, cell_timeout=cell_timeout, startup_timeout=startup_timeout, kernel_log=log)
        found = problems(report, student=is_student(nb))
        verdict = "FAIL" if found else "ok  "
        print(f"{verdict} {name}  {report.seconds:5.1f} s  {report.cells_run}/{report.code_cells} cells  "
              f"{report.images} images  {report.html_tables} tables  {report.starts} start(s)", flush=True)
        for line in found:
            print(f"       - {line}", flush=True)
        if found:
            print(f"       (kernel log: {log})", flush=True)
            failed += 1
    passed = len(list(notebooks)) - failed
    print(f"notebooks: {passed} passed, {failed} failed", flush=True)
    return failed
