"""`./kit grade SUBMISSIONS`: a gradebook whose points the students' code cannot decide.

Layout (nbgrader's): SUBMISSIONS/<student>/<notebook>.ipynb; every folder is a student, dot names
included. For each submission of each lesson:

1. only the solution cells are taken from it (by grade_id); the verdict path (`verdict`) compiles
   their method declarations with the instructor's checks and runs them in a fresh, sandboxed JVM:
   that alone decides the points;
2. the lesson, with those solution cells in it and every other cell the instructor's, runs in a
   sandboxed kernel (`feedback`), which makes the feedback page and decides nothing.

Rows are written as each submission finishes (`results.jsonl`, then the CSVs rewritten), so an
interrupted batch keeps what it has and a second run resumes it. A submission whose grading fails
for a reason of the grader's is tried once more; then its row says so.
"""
import csv
import hashlib
import json
import multiprocessing
import os
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import nbformat

from . import feedback, paths, verdict
from .sandbox import Sandbox
from .verdict import Lesson, Verdict

GRADER_VERSION = 2
MAX_SUBMISSION_BYTES = 64 << 20


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
        return data

    @classmethod
    def from_row(cls, data: dict) -> "Result":
        data = dict(data)
        data["exercises"] = [Verdict(**e) for e in data["exercises"]]
        return cls(**data)


@dataclass
class Task:
    student: str
    path: Path
    lesson: Lesson
    solution: Path
    key: str


def blank(student: str, lesson: Lesson, status: str, message: str) -> Result:
    """A row for a submission that could not be graded at all: every exercise 0 with the reason."""
    return Result(student, lesson.name, [Verdict(t.id, t.points, status="not-run", message=message) for t in lesson.tasks],
                  status=status, notes=[message])


def read_submission(path: Path) -> List[dict]:
    """The submission's cells, as leniently as Jupyter reads them: any nbformat, invalid metadata,
    cell ids on 4.4, a test cell turned into Markdown. Raises ValueError when it is not a notebook."""
    data = json.loads(path.read_bytes())
    if not isinstance(data, dict):
        raise ValueError("the file is JSON but not a notebook")
    if isinstance(data.get("cells"), list):
        return [c for c in data["cells"] if isinstance(c, dict)]
    if isinstance(data.get("worksheets"), list):  # nbformat 3
        return [c for w in data["worksheets"] if isinstance(w, dict) for c in w.get("cells", []) if isinstance(c, dict)]
    raise ValueError("the file has no cells")


def grade_one(task: Task, sandbox: Sandbox, timeout: int, run_kernel: bool) -> Result:
    """Grades one submission. Whatever the submission holds, the result is a row; an exception
    here is the grader's own failure (the caller tries once more)."""
    lesson = task.lesson
    began = time.monotonic()
    if task.path.is_symlink() or task.path.parent.is_symlink():
        result = blank(task.student, lesson, "refused", "a symbolic link, not a folder and a file: it was not followed")
    elif not task.path.exists():
        result = blank(task.student, lesson, "missing", "no submission")
    elif not task.path.is_file():
        result = blank(task.student, lesson, "refused", "not a plain file (a folder, a pipe or a device)")
    elif task.path.stat().st_size > MAX_SUBMISSION_BYTES:
        result = blank(task.student, lesson, "too-large", f"the notebook is larger than {MAX_SUBMISSION_BYTES >> 20} MB")
    else:
        try:
            cells = read_submission(task.path)
        except (ValueError, UnicodeDecodeError, RecursionError) as e:
            result = blank(task.student, lesson, "unreadable", f"the notebook could not be read: {type(e).__name__}: "
                                                               f"{str(e).splitlines()[0] if str(e) else ''}")
        else:
            result = grade_cells(task, cells, sandbox, timeout, run_kernel)
    result.seconds = time.monotonic() - began
    result.sandbox = sandbox.description
    result.key = task.key
    return result


def grade_cells(task: Task, cells: List[dict], sandbox: Sandbox, timeout: int, run_kernel: bool) -> Result:
    lesson = task.lesson
    sources, notes = verdict.solution_sources(cells, lesson)
    notes += feedback.edited_tests(cells, task.solution)
    lesson_nb = feedback.lesson_with(nbformat.read(task.solution, as_version=4), sources)
    with tempfile.TemporaryDirectory(prefix="rnnkit-grade-") as tmp, ThreadPoolExecutor(max_workers=1) as beside:
        work = Path(tmp)
        # The kernel run (feedback) and the verdict path (points) share nothing: they run side by side.
        kernel = beside.submit(feedback.run_in_kernel, lesson_nb, sandbox, work, timeout) if run_kernel else None
        verdicts = verdict.verdicts(lesson, sources, sandbox, work, timeout)
        result = Result(task.student, lesson.name, verdicts, notes=notes)
        executed = kernel.result() if kernel is not None \
            else {"cells": None, "status": "not-run", "detail": "graded with --verdicts-only"}
    if executed["status"] != "ok":
        result.notes.append(f"feedback run: {executed['status']}: {executed['detail']}".strip(": "))
    header = feedback.header(result.student, lesson.name, result.exercises, result.notes, sandbox.description)
    result.feedback = feedback.feedback_notebook(lesson_nb, executed, {v.id: v for v in verdicts}, header)
    return result


def attempt(task: Task, sandbox: Sandbox, timeout: int, run_kernel: bool) -> Result:
    """grade_one, tried once more if the grader itself fails; then a row that says so."""
    failure = None
    for _ in range(2):
        try:
            return grade_one(task, sandbox, timeout, run_kernel)
        except Exception as e:  # the grader's own failure: the batch goes on
            failure = e
    result = blank(task.student, task.lesson, "grader-error",
                   f"grading failed twice: {type(failure).__name__}: {str(failure)[:500]}")
    result.sandbox, result.key = sandbox.description, task.key
    return result


def digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def task_key(student: str, path: Path, solution: Path, run_kernel: bool) -> str:
    """What a result depends on: the submission, the solution, the kit's classes, the grader."""
    try:
        linked = path.is_symlink() or path.parent.is_symlink()
        submitted = b"symlink" if linked else path.read_bytes() if path.is_file() else b"missing"
    except OSError:
        submitted = b"unreadable"
    kit = b"".join(sorted(p.name.encode() + str(p.stat().st_mtime_ns).encode() for p in paths.CLASSPATH_DIR.glob("*.jar")))
    return digest(student.encode(), submitted, solution.read_bytes(), kit, f"{GRADER_VERSION}{run_kernel}".encode())


def students_of(submissions: Path, out: Path) -> List[str]:
    """Every folder is a student, dot names included; a symbolic link is a student whose rows say
    why they were not graded. The output folder is skipped if it sits inside."""
    found = []
    for entry in sorted(submissions.iterdir(), key=lambda p: p.name):
        if entry.resolve() == out.resolve() and not entry.is_symlink():
            continue
        if entry.is_dir() or entry.is_symlink():
            found.append(entry.name)
        else:
            print(f"not a student folder, skipped: {entry.name}", flush=True)
    return found


class Gradebook:
    """results.jsonl (one line per finished submission, appended as it finishes) and the CSVs
    made from it, rewritten whole after each line so they are never half-written."""

    def __init__(self, out: Path, notebooks: List[str]):
        self.out, self.notebooks = out, notebooks
        self.journal = out / "results.jsonl"
        self.results: Dict[tuple, Result] = {}
        self.lock = threading.Lock()
        out.mkdir(parents=True, exist_ok=True)

    def earlier(self) -> Dict[str, Result]:
        """Results of an earlier run, by key, whose feedback page exists."""
        found = {}
        if self.journal.exists():
            for line in self.journal.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    r = Result.from_row(json.loads(line))
                except (ValueError, TypeError, KeyError):
                    continue  # a line cut short by an interruption
                if self.page(r).exists():
                    found[r.key] = r
        return found

    def page(self, r: Result) -> Path:
        return self.out / "feedback" / r.student / f"{r.notebook}.html"

    def add(self, r: Result, append: bool = True) -> None:
        with self.lock:
            self.results[(r.student, r.notebook)] = r
            if append:
                with open(self.journal, "a", encoding="utf-8") as f:
                    f.write(json.dumps(r.row(), ensure_ascii=False) + "\n")
                    f.flush()
                    os.fsync(f.fileno())
            self._write_tables()

    def _write_tables(self) -> None:
        results = sorted(self.results.values(), key=lambda r: (r.student, r.notebook))
        scores = [["student", "notebook", "grade_id", "points", "max_points", "status", "message"]]
        for r in results:
            for e in r.exercises:
                scores.append([r.student, r.notebook, e.id, f"{e.points:g}", f"{e.max_points:g}", e.status,
                               " ".join(e.message.split())])
        book = [["student", *self.notebooks, "total", "max", "status", "sandbox"]]
        for student in sorted({r.student for r in results}):
            mine = {r.notebook: r for r in results if r.student == student}
            statuses = [f"{nb}: {mine[nb].status}" for nb in self.notebooks if nb in mine and mine[nb].status != "ok"]
            sandboxes = sorted({r.sandbox for r in mine.values()})
            book.append([student, *(f"{mine[nb].points:g}" if nb in mine else "" for nb in self.notebooks),
                         f"{sum(r.points for r in mine.values()):g}", f"{sum(r.max_points for r in mine.values()):g}",
                         "; ".join(statuses) or "ok", "; ".join(sandboxes)])
        _write_csv(self.out / "scores.csv", scores)
        _write_csv(self.out / "gradebook.csv", book)


def _write_csv(path: Path, rows: List[List[str]]) -> None:
    """Writes a CSV whole (a temporary file, then a rename); a cell a spreadsheet would take for a
    formula is prefixed with a quote."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for row in rows:
            writer.writerow(["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r") else c for c in map(str, row)])
    os.replace(tmp, path)


def _die_with(grader: int) -> None:
    """A render worker ends when the grader does, even when the grader was killed outright."""
    def watch():
        while os.getppid() == grader:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class Renderer:
    """Feedback pages rendered in worker processes, off the grading loop; a pool whose worker died
    is replaced, and a page that still cannot be rendered says what was scored in plain HTML."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = self._pool()
        self.waiting = ThreadPoolExecutor(max_workers=workers)
        self.pending: List[Future] = []
        self.lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        # Spawned, not forked: a forked worker would inherit the pipes of sandboxes running at that
        # moment and keep them open, so their readers would never see the end.
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_die_with, initargs=(os.getpid(),))

    def submit(self, r: Result, target: Path) -> None:
        nb, r.feedback = r.feedback, None
        self.pending.append(self.waiting.submit(self._write, nb, target, r))

    def _write(self, nb: Optional[dict], target: Path, r: Result) -> None:
        html = self._render(nb) if nb is not None else None
        if html is None:
            title = r.notebook + (f": {r.status}" if nb is None else ": the feedback page could not be rendered")
            html = feedback.page(title, [f"{r.points:g} / {r.max_points:g}",
                                         *(f"{e.id}: {e.status} {e.message}" for e in r.exercises), *r.notes])
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, target)

    def _render(self, nb: dict) -> Optional[str]:
        for _ in range(2):
            with self.lock:
                pool = self.pool
            try:
                return pool.submit(feedback.render, nb).result(timeout=300)
            except BrokenProcessPool:
                with self.lock:
                    if self.pool is pool:
                        self.pool = self._pool()
            except Exception:  # a notebook nbconvert cannot render
                return None
        return None

    def close(self) -> None:
        for f in self.pending:
            f.result()
        self.waiting.shutdown()
        self.pool.shutdown()


def grade(submissions: Path, out: Path, cell_timeout: int = 60, jobs: int = 1, solutions: Path = paths.SOLUTIONS,
          unsafe: bool = False, run_kernel: bool = True, sandbox: Optional[Sandbox] = None) -> List[Result]:
    """Grades every student folder of `submissions` against every lesson of `solutions` that has
    exercises; writes out/gradebook.csv, out/scores.csv, out/results.jsonl and out/feedback/.
    Feedback pages are rendered in spawned processes, which import the caller's main module: a
    script calling this does so under `if __name__ == "__main__":`."""
    sandbox = sandbox or Sandbox(unsafe=unsafe)
    lessons = [(p, Lesson.read(p)) for p in paths.lessons(solutions)]
    lessons = [(p, lesson) for p, lesson in lessons if lesson.tasks]
    book = Gradebook(out, [lesson.name for _, lesson in lessons])
    students = students_of(submissions, out)
    tasks = [Task(s, submissions / s / p.name, lesson, p, task_key(s, submissions / s / p.name, p, run_kernel))
             for s in students for p, lesson in lessons]
    earlier = book.earlier()
    todo = [t for t in tasks if t.key not in earlier]
    for t in tasks:
        if t.key in earlier:
            book.add(earlier[t.key], append=False)
    print(f"Grading {len(students)} students × {len(lessons)} notebooks with {jobs} job(s) in a sandbox: "
          f"{sandbox.description}" + (f"; {len(tasks) - len(todo)} results kept from the last run" if earlier else ""),
          flush=True)
    renderer = Renderer(max(1, min(jobs, 2)))
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(attempt, t, sandbox, cell_timeout, run_kernel): t for t in todo}
            for done, future in enumerate(as_completed(futures), start=1):
                r = future.result()
                renderer.submit(r, book.page(r))
                book.add(r)
                print(f"[{done}/{len(todo)}] {r.student}/{r.notebook}: {r.points:g}/{r.max_points:g} {r.status} "
                      f"({r.seconds:.1f} s)", flush=True)
    finally:
        renderer.close()
    print(f"Wrote {out / 'gradebook.csv'}, {out / 'scores.csv'} and {out / 'feedback'}/", flush=True)
    return sorted(book.results.values(), key=lambda r: (r.student, r.notebook))
