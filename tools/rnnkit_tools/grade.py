"""`./kit grade SUBMISSIONS`: a gradebook whose points the students' code cannot decide.

Layout (nbgrader's): SUBMISSIONS/<student>/<notebook>.ipynb; every folder is a student, dot names
included. Each submission of each lesson goes through the steps of `pipeline` (find the file, read
it, take its solution cells, the verdicts that alone decide the points beside the sandboxed feedback
run that decides nothing, the feedback notebook); then its row is written and its page rendered.

Rows are written as each submission finishes (`results.jsonl`, then the CSVs rewritten), so an
interrupted batch keeps what it has and a second run resumes it (never keeping a row that failed for
the grader's reasons). A submission whose grading fails for a reason of the grader's is tried once
more; then its row says so. Whatever fails while a row is written stays in that row: names and text
are written with replacement characters, and no file is read before its size is known.
"""
import csv
import hashlib
import json
import multiprocessing
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Dict, List, Optional

from . import feedback, paths
from .pipeline import MAX_SUBMISSION_BYTES, Result, Task, blank, cells_of, clean, grade_one  # noqa: F401 (the API)
from .sandbox import Sandbox
from .verdict import Lesson

GRADER_VERSION = 3
RENDER_SECONDS = 120
RETRIED = ("grader-error", "kernel-not-started")  # rows a second run grades again


def read_submission(path: Path) -> List[dict]:
    """The submission's cells (see pipeline.cells_of), read only up to the size the grader accepts."""
    with open(path, "rb") as f:
        data = f.read(MAX_SUBMISSION_BYTES + 1)
    if len(data) > MAX_SUBMISSION_BYTES:
        raise ValueError(f"the notebook is larger than {MAX_SUBMISSION_BYTES >> 20} MB")
    return cells_of(data)


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
    """What a result depends on: the submission, the solution, the kit's and the grader's classes, the grader.
    A file larger than the grader reads is known by its size and time, never read."""
    try:
        linked = path.is_symlink() or path.parent.is_symlink()
        if linked or not path.is_file():
            submitted = b"symlink" if linked else b"missing: " + _listing(path.parent)
        elif path.stat().st_size > MAX_SUBMISSION_BYTES:
            submitted = f"large {path.stat().st_size} {path.stat().st_mtime_ns}".encode()
        else:
            submitted = path.read_bytes()
    except OSError:
        submitted = b"unreadable"
    jars = [*paths.CLASSPATH_DIR.glob("*.jar"), *paths.GRADER_DIR.glob("*.jar")]
    kit = b"".join(sorted(p.name.encode() + str(p.stat().st_mtime_ns).encode() for p in jars))
    return digest(os.fsencode(student), submitted, solution.read_bytes(), kit, f"{GRADER_VERSION}{run_kernel}".encode())


def _listing(folder: Path) -> bytes:
    """What a folder holds, by name and time, two levels down: a missing notebook's row depends on it."""
    try:
        return b"".join(sorted(os.fsencode(str(p)) + str(p.stat().st_mtime_ns).encode()
                               for p in [*folder.glob("*"), *folder.glob("*/*")] if p.is_file()))
    except OSError:
        return b""


def students_of(submissions: Path, out: Path) -> List[str]:
    """Every folder is a student, dot names included; a symbolic link is a student whose rows say
    why they were not graded. The output folder is skipped if it sits inside. Names are the folders'
    own (a byte that is not UTF-8 kept as Python keeps it); `display_names` makes them writable."""
    found = []
    for entry in sorted(submissions.iterdir(), key=lambda p: os.fsencode(p.name)):
        try:
            if entry.resolve() == out.resolve() and not entry.is_symlink():
                continue
            if entry.is_dir() or entry.is_symlink():
                found.append(entry.name)
            else:
                say(f"not a student folder, skipped: {entry.name}")
        except OSError as e:
            say(f"a folder that cannot be read, skipped: {entry.name}: {e}")
    return found


def display_names(folders: List[str]) -> Dict[str, str]:
    """Each folder's name as the gradebook writes it: a byte that is not UTF-8 becomes U+FFFD, and a name
    that then collides with another gets the bytes' escapes instead."""
    names: Dict[str, str] = {}
    taken = set()
    for folder in folders:
        name = clean(folder)
        if name in taken:
            name = os.fsencode(folder).decode("utf-8", errors="backslashreplace")
        names[folder] = name
        taken.add(name)
    return names


def say(text: str) -> None:
    """A line on the console, whatever characters it holds."""
    print(clean(text), flush=True)


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
        """Results of an earlier run, by key, whose feedback page exists; never a row that failed for the
        grader's reasons (those are graded again)."""
        found = {}
        if self.journal.exists():
            for line in self.journal.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    r = Result.from_row(json.loads(line))
                except (ValueError, TypeError, KeyError):
                    continue  # a line cut short by an interruption
                if self.page(r).exists() and r.status not in RETRIED:
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
            writer.writerow(["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r") else c for c in map(clean, row)])
    os.replace(tmp, path)


class Renderer:
    """Feedback pages rendered off the grading loop, each in a worker process of its own (spawned: a forked
    one would inherit the pipes of running sandboxes), killed when a page takes longer than RENDER_SECONDS
    and replaced; a page that cannot be rendered says what was scored in plain HTML."""

    def __init__(self, workers: int):
        self.idle: List["_Worker"] = [_Worker() for _ in range(workers)]
        self.free = threading.Semaphore(workers)
        self.lock = threading.Lock()
        self.waiting = ThreadPoolExecutor(max_workers=workers)
        self.pending = []

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
        tmp.write_text(clean(html), encoding="utf-8")
        os.replace(tmp, target)

    def _render(self, nb: dict) -> Optional[str]:
        with self.free:
            with self.lock:
                worker = self.idle.pop()
            html, worker = worker.render(nb, RENDER_SECONDS)
            with self.lock:
                self.idle.append(worker)
            return html

    def close(self) -> None:
        for f in self.pending:
            f.result()
        self.waiting.shutdown()
        for worker in self.idle:
            worker.stop()


class _Worker:
    """One render process, spoken to over a pipe; it ends when the grader does."""

    def __init__(self):
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_render_loop, args=(theirs, os.getpid()), daemon=True)
        self.process.start()
        theirs.close()

    def render(self, nb: dict, seconds: float):
        """The page's HTML (None when it failed or took too long), and the worker to use next time."""
        try:
            self.conn.send(nb)
            if self.conn.poll(seconds):
                ok, html = self.conn.recv()
                return (html if ok else None), self
        except (EOFError, OSError):
            pass
        self.stop()
        return None, _Worker()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _render_loop(conn, grader: int) -> None:
    """The render process: a page per request until the pipe closes or the grader is gone."""
    def watch():
        while os.getppid() == grader:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    while True:
        try:
            nb = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send((True, feedback.render(nb)))
        except Exception as e:  # a notebook nbconvert cannot render
            conn.send((False, f"{type(e).__name__}"))


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
    names = display_names(students)
    tasks = [task_of(names[s], submissions / s / p.name, lesson, p, run_kernel) for s in students for p, lesson in lessons]
    earlier = book.earlier()
    todo = [t for t in tasks if t.key not in earlier]
    for t in tasks:
        if t.key in earlier:
            book.add(earlier[t.key], append=False)
    say(f"Grading {len(students)} students × {len(lessons)} notebooks with {jobs} job(s) in a sandbox: "
        f"{sandbox.description}" + (f"; {len(tasks) - len(todo)} results kept from the last run" if earlier else ""))
    renderer = Renderer(max(1, min(jobs, 2)))
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(attempt, t, sandbox, cell_timeout, run_kernel): t for t in todo}
            for done, future in enumerate(as_completed(futures), start=1):
                record(futures[future], future, book, renderer, sandbox, f"[{done}/{len(todo)}]")
    finally:
        renderer.close()
    say(f"Wrote {out / 'gradebook.csv'}, {out / 'scores.csv'} and {out / 'feedback'}/")
    return sorted(book.results.values(), key=lambda r: (r.student, r.notebook))


def task_of(student: str, path: Path, lesson: Lesson, solution: Path, run_kernel: bool) -> Task:
    """A task; one whose key cannot be made still gets one (its row will say what failed)."""
    try:
        key = task_key(student, path, solution, run_kernel)
    except Exception as e:  # the grader's own failure, contained to this row
        key = digest(os.fsencode(student), str(path).encode("utf-8", "replace"), repr(e).encode("utf-8", "replace"))
    return Task(student, path, lesson, solution, key)


def record(task: Task, future, book: "Gradebook", renderer: Renderer, sandbox: Sandbox, count: str) -> None:
    """Writes one finished submission's row and page; whatever goes wrong stays in that row."""
    try:
        r = future.result()
        renderer.submit(r, book.page(r))
        book.add(r)
    except Exception as e:  # the grader's own failure: this row says so, the batch goes on
        r = blank(task.student, task.lesson, "grader-error", f"the row could not be written: {type(e).__name__}: {e}")
        r.sandbox, r.key = sandbox.description, task.key
        renderer.submit(r, book.page(r))
        book.add(r)
    say(f"{count} {r.student}/{r.notebook}: {r.points:g}/{r.max_points:g} {r.status} ({r.seconds:.1f} s)")
