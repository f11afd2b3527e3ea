"""Building submissions for the grader's tests from a real lesson, and reading what the grader wrote.
Exercise ids, points and solution cells are read from the lesson, never typed here."""
import copy
import csv
import html
import json
import re
from pathlib import Path
from typing import Dict, List

from rnnkit_tools import grade, paths, verdict


def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def solution(lesson: str) -> dict:
    return notebook(paths.SOLUTIONS / f"{lesson}.ipynb")


def student(lesson: str) -> dict:
    return notebook(paths.NOTEBOOKS / f"{lesson}.ipynb")


def lesson_of(lesson: str) -> verdict.Lesson:
    return verdict.Lesson.read(paths.SOLUTIONS / f"{lesson}.ipynb")


def cell(nb: dict, grade_id: str) -> dict:
    return next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def source(c: dict) -> str:
    return "".join(c["source"]) if isinstance(c["source"], list) else c["source"]


def with_cell(nb: dict, grade_id: str, text: str) -> dict:
    """A copy of the notebook whose cell `grade_id` holds `text`."""
    nb = copy.deepcopy(nb)
    cell(nb, grade_id)["source"] = text
    return nb


def submit(root: Path, who: str, lesson: str, nb) -> Path:
    """Writes SUBMISSIONS/<who>/<lesson>.ipynb; `nb` is a notebook dict or the file's text."""
    folder = root / who
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{lesson}.ipynb"
    target.write_text(nb if isinstance(nb, str) else json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return target


def run(submissions: Path, out: Path, solutions: Path, jobs: int = 2, run_kernel: bool = False, timeout: int = 20):
    grade.grade(submissions, out, cell_timeout=timeout, jobs=jobs, solutions=solutions, run_kernel=run_kernel)
    return book(out), scores(out)


def book(out: Path) -> Dict[str, dict]:
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


def scores(out: Path) -> List[dict]:
    with open(out / "scores.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def page_text(page: Path) -> str:
    """A feedback page as the reader sees it: tags dropped, entities decoded, spaces collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    return " ".join(text.split())


def hidden_lines(lesson: str) -> List[str]:
    """The hidden tests' lines of a lesson that appear nowhere in its student version."""
    return lines_between(lesson, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def solution_lines(lesson: str) -> List[str]:
    """The lines of a lesson's answers (between the solution markers) that its student version lacks."""
    return lines_between(lesson, "BEGIN SOLUTION", "END SOLUTION")


def lines_between(lesson: str, begin: str, end: str) -> List[str]:
    released = json.dumps(student(lesson))
    found = []
    for c in solution(lesson)["cells"]:
        inside = False
        for line in source(c).splitlines():
            if end in line:
                inside = False
            elif inside and len(line.strip()) > 25 and json.dumps(line.strip())[1:-1] not in released:
                found.append(" ".join(line.split()))
            elif begin in line:
                inside = True
    return found
