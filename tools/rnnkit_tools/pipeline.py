"""One submission graded as a pipeline of small steps, each reading and adding to one `Submission`, in
the manner of nbgrader's preprocessors:

    find → read → take_solutions → verdicts (+ the feedback run beside them) → feedback notebook

A step either lets the submission go on or ends it with a row that says why (a missing, empty, nested,
misnamed, too large or unreadable notebook, a symbolic link). Whatever a submission holds, the result
is a row: nothing is read before its size is known, no text from it is kept with a character that
cannot be written (lone surrogates are replaced), and an exception in a step is the grader's own
failure, which `grade.attempt` tries once more.
"""
import json
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import nbformat

from . import feedback, verdict
from .sandbox import Sandbox
from .verdict import Lesson, Verdict

MAX_SUBMISSION_BYTES = 64 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text) -> str:
    """Text that can be written anywhere: a lone surrogate (from JSON or a file name) becomes U+FFFD."""
    text = str(text)
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text) if _SURROGATE.search(text) else text


def scrub(value):
    """A JSON value with every string in it cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): scrub(v) for k, v in value.items()}
    return value


@dataclass
class Result:
    """One student's result on one notebook."""

    student: str
    notebook: str
    exercises: List[Verdict]
    status: str = "ok"
    notes: List[str] = field(default_factory=list)
    seconds: float = 0.0
    sandbox: str = ""
    key: str = ""
    feedback: Optional[dict] = None  # the feedback notebook, until it is rendered

    @property
    def points(self) -> float:
        return sum(e.points for e in self.exercises)

    @property
    def max_points(self) -> float:
        return sum(e.max_points for e in self.exercises)

    def row(self) -> dict:
        data = asdict(self)
        data.pop("feedback")
        return scrub(data)

    @classmethod
    def from_row(cls, data: dict) -> "Result":
        data = dict(data)
        data["exercises"] = [Verdict(**e) for e in data["exercises"]]
        return cls(**data)


@dataclass
class Task:
    """One submission to grade: the student (as the gradebook names them), the file, the lesson."""

    student: str
    path: Path
    lesson: Lesson
    solution: Path
    key: str


@dataclass
class Submission:
    """What the steps know about one submission so far."""

    task: Task
    sandbox: Sandbox
    timeout: int
    run_kernel: bool
    cells: List[dict] = field(default_factory=list)
    sources: Dict[str, Optional[str]] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)


def blank(student: str, lesson: Lesson, status: str, message: str) -> Result:
    """A row for a submission that could not be graded at all: every exercise 0 with the reason."""
    message = clean(message)
    return Result(clean(student), lesson.name,
                  [Verdict(t.id, t.points, status="not-run", message=message) for t in lesson.tasks],
                  status=status, notes=[message])


def find(s: Submission) -> Optional[Result]:
    """The file itself: a link is not followed, a missing one is looked for where students misplace it,
    and its size is known before anything reads it."""
    task = s.task
    path = task.path
    if path.is_symlink() or path.parent.is_symlink():
        return blank(task.student, task.lesson, "refused", "a symbolic link, not a folder and a file: it was not followed")
    if not path.exists():
        return misplaced(task)
    if not path.is_file():
        return blank(task.student, task.lesson, "refused", "not a plain file (a folder, a pipe or a device)")
    if path.stat().st_size > MAX_SUBMISSION_BYTES:
        return blank(task.student, task.lesson, "too-large",
                     f"the notebook is larger than {MAX_SUBMISSION_BYTES >> 20} MB: it was not read")
    return None


def misplaced(task: Task) -> Result:
    """A row for a notebook that is not where the grader looks: one folder down, under another name, or absent."""
    folder, name = task.path.parent, task.path.name
    try:
        down = sorted(p for p in folder.glob(f"*/{name}") if not p.is_symlink())
        if down:
            return blank(task.student, task.lesson, "nested", f"found {down[0].relative_to(folder)} one folder down; the "
                                                              f"grader reads {name} in the student's folder itself")
        wanted = _normal(task.lesson.name)
        number = task.lesson.name.split("-")[0]
        for other in sorted(folder.glob("*.ipynb")):
            stem = _normal(other.stem)
            if wanted in stem or stem.startswith(number):
                return blank(task.student, task.lesson, "misnamed", f"found {other.name}; the grader reads {name}: "
                                                                    "rename it to grade it")
    except OSError:
        pass
    return blank(task.student, task.lesson, "missing", "no submission")


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", clean(name).lower()).strip("-")


def read(s: Submission) -> Optional[Result]:
    """The cells, as leniently as Jupyter reads them, every string cleaned; an empty or unreadable file ends here."""
    task = s.task
    with open(task.path, "rb") as f:
        data = f.read(MAX_SUBMISSION_BYTES + 1)
    if len(data) > MAX_SUBMISSION_BYTES:
        return blank(task.student, task.lesson, "too-large", f"the notebook grew past {MAX_SUBMISSION_BYTES >> 20} MB")
    if not data.strip():
        return blank(task.student, task.lesson, "empty", "the notebook file is empty")
    try:
        s.cells = cells_of(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        return blank(task.student, task.lesson, "unreadable",
                     f"the notebook could not be read: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    if not s.cells:
        return blank(task.student, task.lesson, "empty", "the notebook has no cells")
    return None


def cells_of(data: bytes) -> List[dict]:
    """A notebook's cells as Jupyter reads them: any nbformat, invalid metadata, cell ids on 4.4, a test
    cell turned into Markdown. Raises ValueError when it is not a notebook."""
    nb = scrub(json.loads(data))
    if not isinstance(nb, dict):
        raise ValueError("the file is JSON but not a notebook")
    if isinstance(nb.get("cells"), list):
        return [c for c in nb["cells"] if isinstance(c, dict)]
    if isinstance(nb.get("worksheets"), list):  # nbformat 3
        return [c for w in nb["worksheets"] if isinstance(w, dict) for c in w.get("cells", []) if isinstance(c, dict)]
    raise ValueError("the file has no cells")


def take_solutions(s: Submission) -> Optional[Result]:
    """Only the solution cells are taken, by grade_id; notes on test cells the student changed."""
    s.sources, s.notes = verdict.solution_sources(s.cells, s.task.lesson)
    s.notes += feedback.edited_tests(s.cells, s.task.solution)
    return None


def grade_cells(s: Submission) -> Result:
    """The verdicts (which decide the points) and, beside them, the feedback run in the student's sandbox
    (which decides nothing); then the feedback notebook."""
    task, sandbox = s.task, s.sandbox
    lesson_nb = feedback.lesson_with(nbformat.read(task.solution, as_version=4), s.sources)
    with tempfile.TemporaryDirectory(prefix="rnnkit-grade-") as tmp, ThreadPoolExecutor(max_workers=1) as beside:
        work = Path(tmp)
        kernel = beside.submit(feedback.run_in_kernel, lesson_nb, sandbox, work, s.timeout) if s.run_kernel else None
        verdicts = verdict.verdicts(task.lesson, s.sources, sandbox, work, s.timeout)
        result = Result(task.student, task.lesson.name, verdicts, notes=s.notes)
        executed = kernel.result() if kernel is not None \
            else {"cells": None, "status": "not-run", "detail": "graded with --verdicts-only"}
    if executed["status"] == "start-failed":
        result.status = "kernel-not-started"
    if executed["status"] != "ok":
        result.notes.append(f"feedback run: {executed['status']}: {executed['detail']}".strip(": "))
    header = feedback.header(result.student, task.lesson.name, result.exercises, result.notes, sandbox.description)
    result.feedback = feedback.feedback_notebook(lesson_nb, executed, {v.id: v for v in verdicts}, header)
    return result


STEPS: List[Callable[[Submission], Optional[Result]]] = [find, read, take_solutions]


def grade_one(task: Task, sandbox: Sandbox, timeout: int, run_kernel: bool) -> Result:
    """Grades one submission. Whatever the submission holds, the result is a row; an exception here is the
    grader's own failure (the caller tries once more)."""
    began = time.monotonic()
    s = Submission(task, sandbox, timeout, run_kernel)
    result = None
    for step in STEPS:
        result = step(s)
        if result is not None:
            break
    result = result or grade_cells(s)
    result.seconds = time.monotonic() - began
    result.sandbox = sandbox.description
    result.key = task.key
    return result
