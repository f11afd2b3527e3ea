"""The verdict path: an exercise's points decided outside the student's code (docs/exercises.md).

From the instructor's notebook: the lesson's imports (its first code cell), each exercise's test
cell (hidden tests included), points and forbidden calls. From the submission: only the source of
each solution cell, found by grade_id. Then two JVMs, each in its own sandbox:

1. the checker (`io.github.rnnkit.grade.checker.Checker`, the grader's own jar, never on the
   kernel's classpath) keeps the method declarations of the solution cells, compiles them into one
   class with the instructor's checks, and says which exercises score 0 before anything runs
   (missing, does not compile, forbidden call);
2. the check runner (`io.github.rnnkit.grade.runner.CheckRunner`), a fresh JVM, runs the remaining
   checks one by one with a time limit and reports passed / failed / timeout on a channel the
   student's code cannot write to: a socket the grader made, passed on as a descriptor that only
   the runner's named module can turn into a stream. No secret exists to steal; the JVM sees no
   /proc, cannot write a file anywhere, and has none of the JDK's modules outside java.se (no
   Unsafe, no attach, no diagnostic commands). After a timeout, or if the JVM dies, a fresh one
   runs the checks still to run.
"""
import json
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import nbformat

from . import paths
from .sandbox import Limits, Mounts, Sandbox, java_home

MAX_CELL_CHARS = 100_000
CHECKER = "io.github.rnnkit.grade.checker.Checker"
RUNNER_MODULE = "io.github.rnnkit.grader.runner"
RUNNER = f"{RUNNER_MODULE}/io.github.rnnkit.grade.runner.CheckRunner"
# Short runs: one GC thread, the quick compiler only; heap and metaspace bounded.
JVM_OPTIONS = ["-Djava.awt.headless=true", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m",
               "-XX:MaxMetaspaceSize=256m", "-XX:-UsePerfData"]
# The checker edits javac's trees (JShell's reading of a top-level method), which jdk.compiler does not export.
CHECKER_OPTIONS = [f"--add-exports=jdk.compiler/com.sun.tools.javac.{p}=ALL-UNNAMED" for p in ("tree", "code", "util")]
# The runner: java.se's modules only (no jdk.unsupported, jdk.attach, jdk.management), no attach, java.io
# opened to the runner's module alone.
RUNNER_OPTIONS = ["-XX:+DisableAttachMechanism", f"--limit-modules=java.se,{RUNNER_MODULE}", "--add-modules=java.se",
                  f"--add-opens=java.base/java.io={RUNNER_MODULE}"]
REPORT_BYTES = 1 << 20


class LessonError(ValueError):
    """The instructor's notebook breaks the exercise contract."""


@dataclass
class Task:
    """One exercise of a lesson, as the instructor wrote it."""

    id: str
    points: float
    solution: str
    test: str
    forbidden: List[str]


@dataclass
class Lesson:
    """What the grader takes from an instructor's notebook."""

    name: str
    imports: str
    tasks: List[Task]
    solution_cells: List[str]

    @classmethod
    def read(cls, path: Path) -> "Lesson":
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        if not code:
            raise LessonError(f"{path.name}: no code cell, so no imports")
        solutions = [nbgrader_of(c).get("grade_id") for c in code
                     if nbgrader_of(c).get("solution") and nbgrader_of(c).get("grade_id")]
        tasks = []
        for cell in filter(is_test, code):
            meta = nbgrader_of(cell)
            grade_id = meta.get("grade_id", "")
            solution = f"{grade_id}-solution"
            if solution not in solutions:
                raise LessonError(f"{path.name}: test cell '{grade_id}' has no solution cell '{solution}'")
            forbidden = cell.get("metadata", {}).get("rnnkit", {}).get("forbidden", [])
            tasks.append(Task(grade_id, float(meta.get("points", 0)), solution, cell.source, list(forbidden)))
        return cls(path.stem, code[0].source, tasks, solutions)


@dataclass
class Verdict:
    """One exercise's result."""

    id: str
    max_points: float
    points: float = 0.0
    status: str = "not-run"
    message: str = ""
    notes: List[str] = field(default_factory=list)

    def line(self) -> str:
        """The line a student reads under the exercise: ✔ or ✘, points, and why."""
        if self.status == "passed":
            return f"✔ {self.id} {self.points:g}/{self.max_points:g}"
        message = self.message
        if not message.startswith("✘"):
            message = f"✘ {self.id} 0/{self.max_points:g}: {self.status}: {message}"
        return message


def nbgrader_of(cell) -> dict:
    """A cell's nbgrader metadata ({} when it has none)."""
    meta = cell.get("metadata", {}) if isinstance(cell, dict) else {}
    return (meta.get("nbgrader") if isinstance(meta, dict) else None) or {}


def is_test(cell) -> bool:
    """nbgrader's test cell: a graded code cell that is not a solution."""
    meta = nbgrader_of(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def solution_sources(cells: List[dict], lesson: Lesson) -> Tuple[Dict[str, Optional[str]], List[str]]:
    """Each solution cell's source in a submission (None where it is missing), and notes on oddities.
    `cells` are the submission's cells as dicts: only grade_id and source are read."""
    found: Dict[str, Optional[str]] = {}
    notes: List[str] = []
    for cell in cells:
        grade_id = nbgrader_of(cell).get("grade_id")
        if grade_id not in lesson.solution_cells:
            continue
        source = cell.get("source", cell.get("input", ""))
        source = "".join(source) if isinstance(source, list) else source
        if not isinstance(source, str):
            notes.append(f"solution cell '{grade_id}' holds no text: left out")
            continue
        if grade_id in found:
            notes.append(f"solution cell '{grade_id}' appears more than once: the first one is graded")
            continue
        if cell.get("cell_type", "code") != "code":
            notes.append(f"solution cell '{grade_id}' was a {cell.get('cell_type')} cell: graded as code")
        if len(source) > MAX_CELL_CHARS:
            notes.append(f"solution cell '{grade_id}' is longer than {MAX_CELL_CHARS} characters: left out")
            source = None
        found[grade_id] = source
    for grade_id in lesson.solution_cells:
        found.setdefault(grade_id, None)
    return found, notes


def write_job(folder: Path, lesson: Lesson, sources: Dict[str, Optional[str]]) -> None:
    """The checker's input (see io.github.rnnkit.grade.checker.Job): plain files, nothing to escape."""
    def put(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", errors="replace"))

    put(folder / "imports.jsh", lesson.imports)
    for n, grade_id in enumerate(lesson.solution_cells):
        put(folder / "cells" / f"{n:02d}.id", grade_id)
        if sources.get(grade_id) is not None:
            # One line terminator, as Java reads all three alike: a compiler's line is then the cell's line.
            put(folder / "cells" / f"{n:02d}.jsh", sources[grade_id].replace("\r\n", "\n").replace("\r", "\n"))
    for n, task in enumerate(lesson.tasks):
        base = folder / "exercises" / f"{n:02d}"
        put(base.with_suffix(".id"), task.id)
        put(base.with_suffix(".solution"), task.solution)
        put(base.with_suffix(".test.jsh"), task.test)
        put(base.with_suffix(".forbidden"), "\n".join(task.forbidden))


def java() -> str:
    return str(java_home() / "bin" / "java")


def verdicts(lesson: Lesson, sources: Dict[str, Optional[str]], sandbox: Sandbox, work: Path,
             timeout: float) -> List[Verdict]:
    """Every exercise's verdict for one submission; `work` is an empty folder the grader owns."""
    results = {t.id: Verdict(t.id, t.points) for t in lesson.tasks}
    job, classes = work / "job", work / "classes"
    write_job(job, lesson, sources)
    classes.mkdir()
    sandbox.prepare(job, writable=False)
    runtime = [java_home(), paths.CLASSPATH_DIR, paths.GRADER_DIR]
    kit = ":".join(str(p) for p in sorted(paths.CLASSPATH_DIR.glob("*.jar")))  # javac expands no wildcard
    argv = [java(), *JVM_OPTIONS, *CHECKER_OPTIONS, "-cp", f"{kit}:{paths.GRADER_DIR / '*'}", CHECKER,
            str(job), str(classes), kit]
    outcome = sandbox.run(argv, Mounts(read_only=[*runtime, job], writable=[classes]),
                          Limits(seconds=max(60.0, timeout), cpu_seconds=120, output_bytes=1 << 20, memory_bytes=3 << 30))
    runnable = {}
    for line in outcome.stdout.decode("utf-8", errors="replace").splitlines():
        found = json.loads(line)
        v = results[found["id"]]
        v.notes = list(found.get("notes", []))
        if found["status"] == "runnable":
            runnable[found["id"]] = found["check"]
        else:
            v.status, v.message = found["status"], found["message"]
    if outcome.returncode != 0 or len(runnable) + sum(v.status != "not-run" for v in results.values()) != len(results):
        reason = "timed out" if outcome.timed_out else _tail(outcome)
        raise CheckerFailed(f"the checker failed: {reason}")
    _run_checks(runnable, results, sandbox, classes, timeout)
    return [results[t.id] for t in lesson.tasks]


class CheckerFailed(RuntimeError):
    """The checker itself failed: the grader's problem, not the submission's."""


def _run_checks(runnable: Dict[str, str], results: Dict[str, Verdict], sandbox: Sandbox, classes: Path,
                timeout: float, hardened: bool = True) -> None:
    """Runs the checks in fresh JVMs until each has a verdict: a timeout or a dying JVM ends one
    JVM, and the next starts after the check it was running. A JVM that dies before starting any
    check is tried once more; then the grader has failed (CheckerFailed), not the submission.
    `hardened` False gives the JVM a /proc (for the test that shows the channel holds even then)."""
    pending = list(runnable)
    retried = False
    home = java_home()
    while pending:
        before = len(pending)
        ours, theirs = socket.socketpair()
        reader = _Reports(ours)
        try:
            argv = [java(), *JVM_OPTIONS, *RUNNER_OPTIONS, "--module-path", str(paths.RUNNER_JAR),
                    "-cp", f"{classes}:{paths.CLASSPATH_DIR / '*'}", "-m", RUNNER, str(theirs.fileno()),
                    str(int(timeout * 1000))] + [f"{i}={runnable[i]}" for i in pending]
            # No /proc in the runner's sandbox: the JDK's launcher then finds its libraries by this path.
            env = {"LD_LIBRARY_PATH": f"{home / 'lib'}:{home / 'lib' / 'server'}"}
            outcome = sandbox.run(argv, Mounts(read_only=[home, paths.CLASSPATH_DIR, paths.RUNNER_JAR, classes], env=env,
                                               hardened=hardened),
                                  Limits(seconds=timeout * len(pending) + 30, cpu_seconds=int(timeout * len(pending)) + 60,
                                         output_bytes=1 << 16, memory_bytes=2 << 30), pass_fds=(theirs.fileno(),))
        finally:
            theirs.close()
        started = _read_reports(reader.wait(), pending, results)
        if started is not None:
            why = "ran out of time" if outcome.timed_out else f"stopped with exit code {outcome.returncode}"
            results[started].status = "failed"
            results[started].message = f"the JVM running this check {why}"
            pending.remove(started)
        if len(pending) == before:
            if retried:
                raise CheckerFailed(f"the checks' JVM stopped before running them: {_tail(outcome)}")
            retried = True


class _Reports(threading.Thread):
    """Reads the grader's end of the verdict socket to its end (at most REPORT_BYTES)."""

    def __init__(self, sock: socket.socket):
        super().__init__(daemon=True)
        self.sock, self.data = sock, bytearray()
        self.start()

    def run(self):
        with self.sock:
            while len(self.data) < REPORT_BYTES:
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    break
                self.data += chunk

    def wait(self) -> bytes:
        self.join(timeout=30)
        return bytes(self.data[:REPORT_BYTES])


def _read_reports(data: bytes, pending: List[str], results: Dict[str, Verdict]) -> Optional[str]:
    """Records the verdicts the runner reported; returns the check it started and did not finish, if any."""
    started = None
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            report = json.loads(line)
        except ValueError:
            continue
        if not isinstance(report, dict):
            continue
        grade_id, status = report.get("id"), report.get("status")
        if status == "started" and grade_id in pending:
            started = grade_id
        elif status in ("passed", "failed", "timeout") and grade_id == started:
            v = results[grade_id]
            v.status, v.message = status, str(report.get("message", ""))
            v.points = v.max_points if status == "passed" else 0.0
            pending.remove(grade_id)
            started = None
    return started


def _tail(outcome) -> str:
    return outcome.stderr_tail.decode(errors="replace").strip()[:800] or f"exit code {outcome.returncode}"
