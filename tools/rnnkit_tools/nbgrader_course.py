"""The kit's lessons as an nbgrader course, and nbgrader's scores beside `./kit grade`'s.

An instructor who grades with nbgrader needs one nbgrader_config.py (COURSE_CONFIG: the Java stub that
`./kit release` writes, the kit's kernel, time limits for the Java kernel, and an executor that never
interrupts it) and a course folder with one assignment per lesson:
source/<lesson>/<lesson>.ipynb. The nbgrader round trip test builds exactly that.

Scores are compared as CSV files of one shape, a row per student, notebook and exercise
(student, notebook, grade_id, points, max_points): `./kit grade`'s scores.csv, and the same rows read from
nbgrader's gradebook (write_scores). Totals per student and notebook are compared with `nbgrader export`'s
grades.csv as well.
"""
import csv
from pathlib import Path
from typing import Dict, List, Tuple

from . import paths, release

COURSE_ID = "rnnkit"
COURSE_CONFIG = f"""\
c = get_config()
c.CourseDirectory.course_id = "{COURSE_ID}"
c.ClearSolutions.code_stub = {{"{release.LANGUAGE}": {release.CODE_STUB!r}}}
c.Execute.kernel_name = "{paths.KERNEL_NAME}"
c.Execute.startup_timeout = 30
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = False
"""
COLUMNS = ["student", "notebook", "grade_id", "points", "max_points"]
Key = Tuple[str, str, str]


def make_course(root: Path, solutions: List[Path]) -> None:
    """A course folder with nbgrader_config.py and one assignment per lesson, named after it."""
    (root / "nbgrader_config.py").write_text(COURSE_CONFIG, encoding="utf-8")
    for lesson in solutions:
        folder = root / "source" / lesson.stem
        folder.mkdir(parents=True)
        (folder / lesson.name).write_bytes(lesson.read_bytes())


def write_scores(root: Path, out: Path) -> None:
    """Every grade cell of every student in the course's gradebook, as a scores CSV (0 when not submitted)."""
    from nbgrader.api import Gradebook, MissingEntry

    rows = []
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb:
        for assignment in gb.assignments:
            for notebook in assignment.notebooks:
                for student in gb.students:
                    for cell in notebook.grade_cells:
                        try:
                            score = gb.find_grade(cell.name, notebook.name, assignment.name, student.id).score
                        except MissingEntry:
                            score = None
                        rows.append([student.id, notebook.name, cell.name, f"{score or 0:g}", f"{cell.max_score:g}"])
    with open(out, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([COLUMNS] + sorted(rows))


def read_scores(path: Path) -> Dict[Key, Tuple[float, float]]:
    """(student, notebook, grade_id) → (points, max_points) of a scores CSV."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["student"], r["notebook"], r["grade_id"]): (float(r["points"]), float(r["max_points"]))
                for r in csv.DictReader(f)}


def read_export(path: Path) -> Dict[Tuple[str, str], Tuple[float, float]]:
    """(student, assignment) → (score, max_score) of `nbgrader export`'s grades.csv."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["student_id"], r["assignment"]): (float(r["score"]), float(r["max_score"]))
                for r in csv.DictReader(f)}


def totals(scores: Dict[Key, Tuple[float, float]]) -> Dict[Tuple[str, str], Tuple[float, float]]:
    summed: Dict[Tuple[str, str], Tuple[float, float]] = {}
    for (student, notebook, _), (points, most) in scores.items():
        before = summed.get((student, notebook), (0.0, 0.0))
        summed[(student, notebook)] = (before[0] + points, before[1] + most)
    return summed


def differences(nbgrader: dict, kit: dict) -> List[str]:
    """Every key whose (points, max_points) differ, or that only one side has."""
    return [f"{' / '.join(key)}: nbgrader {nbgrader.get(key, 'nothing')}, ./kit grade {kit.get(key, 'nothing')}"
            for key in sorted(set(nbgrader) | set(kit)) if nbgrader.get(key) != kit.get(key)]


def table(nbgrader: dict, kit: dict, notebooks=None) -> str:
    """Totals per student and notebook (all, or those named), side by side, as Markdown."""
    ours, theirs = totals(kit), totals(nbgrader)
    lines = ["| student | notebook | nbgrader | ./kit grade | max |", "|---|---|---|---|---|"]
    for key in sorted(k for k in set(ours) | set(theirs) if notebooks is None or k[1] in notebooks):
        lines.append(f"| {key[0]} | {key[1]} | {theirs.get(key, (0, 0))[0]:g} | {ours.get(key, (0, 0))[0]:g} "
                     f"| {max(ours.get(key, (0, 0))[1], theirs.get(key, (0, 0))[1]):g} |")
    return "\n".join(lines)
