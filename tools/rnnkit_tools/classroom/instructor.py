"""The instructor's path through nbgrader's exchange, run by root on the class's machine, acting as the
instructor for every step that touches the course folder or the exchange (nbgrader checks that the
exchange's course folder is its user's own):

    release LESSON [--due WHEN]   the kit's solution → source/ → `nbgrader generate_assignment` → `release_assignment`
    due LESSON WHEN               the due date in nbgrader's gradebook (lateness is measured against it)
    collect LESSON                forged or linked submissions set aside, then `nbgrader collect --update`
    autograde LESSON              `./kit grade` (verdicts from the checking JVM, in its sandbox) on the collected
                                  notebooks; its points written into nbgrader's gradebook; its feedback pages
                                  (never the hidden tests) put where `nbgrader release_feedback` takes them
    feedback LESSON               `nbgrader release_feedback`
    export [--out DIR]            `nbgrader export` (nbgrader's CSV) and a CSV for Moodle's gradebook (lms.py)

Nothing a student submitted is ever removed: set-aside submissions go to the course's quarantine/ folder,
and every collected notebook stays in submitted/.
"""
import csv
import json
import pwd
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

from .. import paths
from . import lms, users
from .layout import ClassError, ClassState, Layout


def lesson_name(given: str) -> str:
    """A lesson by its name or its number ("01", "01-forward-pass", "01-forward-pass.ipynb")."""
    stems = [p.stem for p in paths.lessons(paths.SOLUTIONS)]
    given = given[:-len(".ipynb")] if given.endswith(".ipynb") else given
    found = [s for s in stems if s == given or s.split("-", 1)[0] == given]
    if len(found) != 1:
        raise ClassError(f"unknown lesson {given!r}: expected one of {', '.join(stems)} (or its number)")
    return found[0]


class Course:
    """One class's course, as its instructor sees it."""

    def __init__(self, course: str):
        self.layout = Layout(course)
        self.state: ClassState = self.layout.require_state()
        self.folder = self.layout.course_dir(self.state.instructor)

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        return users.run_as(self.state.instructor, [str(self.layout.bin / "nbgrader"), *args], self.layout,
                            cwd=self.folder)

    def as_instructor(self, *args: str, stdin: str = "") -> str:
        script = self.layout.lib / "as_instructor.py"
        return users.run_as(self.state.instructor, [str(self.layout.python), str(script), self.layout.course, *args],
                            self.layout, cwd=self.folder, stdin=stdin).stdout

    def outbound(self, lesson: str) -> Path:
        return self.layout.exchange / self.layout.course / "outbound" / lesson

    def require_released(self, lesson: str) -> None:
        if not self.outbound(lesson).is_dir():
            raise ClassError(f"{lesson} has not been released in the class '{self.layout.course}': "
                             f"./kit class release {lesson} first")

    # --- release ---------------------------------------------------------------------------------------

    def release(self, lesson: str, due: Optional[str] = None) -> None:
        solution = paths.SOLUTIONS / f"{lesson}.ipynb"
        source = self.folder / "source" / lesson
        source.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(solution, source / solution.name)
        users.give(self.folder / "source", self.state.instructor)
        self.nbgrader("generate_assignment", lesson, "--force")
        self.nbgrader("release_assignment", lesson, "--force")
        if due:
            self.set_due(lesson, due)
        print(f"Released {lesson} to the class '{self.layout.course}' ({self.outbound(lesson)}); students fetch it "
              "from Nbgrader › Assignment List.")

    def set_due(self, lesson: str, when: str) -> None:
        self.require_released(lesson)
        stamp = "none" if when == "none" else parse_when(when)
        self.as_instructor("due", lesson, stamp)
        print(f"{lesson}: due {stamp if stamp == 'none' else stamp + ' UTC'}.")

    # --- collect ---------------------------------------------------------------------------------------

    def set_aside(self, lesson: str) -> List[str]:
        """Moves to quarantine/ every inbound submission of the lesson that nbgrader would take on a name's
        word: one whose folder is not owned by the student it names, one by a user outside the class, or one
        holding a symbolic link (collect would copy what it points to, with the instructor's rights)."""
        inbound = self.layout.exchange / self.layout.course / "inbound"
        quarantine = self.folder / "quarantine"
        reasons = []
        for entry in sorted(inbound.iterdir()):
            parts = entry.name.split("+")
            if len(parts) < 3 or parts[1] != lesson:
                continue
            claimed = parts[0]
            try:
                owner = pwd.getpwuid(entry.lstat().st_uid).pw_name
            except KeyError:
                owner = str(entry.lstat().st_uid)
            why = None
            if entry.is_symlink() or not entry.is_dir():
                why = "not a folder"
            elif owner != claimed:
                why = f"it names {claimed} but belongs to {owner}"
            elif claimed not in self.state.students:
                why = f"{claimed} is not a student of the class"
            elif any(p.is_symlink() for p in entry.rglob("*")):
                why = "it holds a symbolic link"
            if why:
                quarantine.mkdir(exist_ok=True)
                shutil.move(str(entry), str(quarantine / entry.name))
                users.give(quarantine, self.state.instructor)
                reasons.append(f"{entry.name}: {why}")
        return reasons

    def collect(self, lesson: str) -> Dict[str, str]:
        """Collects the newest submission of each student; returns student → its timestamp."""
        self.require_released(lesson)
        for line in self.set_aside(lesson):
            print(f"set aside (in {self.folder / 'quarantine'}): {line}")
        self.nbgrader("collect", lesson, "--update")
        collected = {}
        for student in self.state.students:
            stamp = self.folder / "submitted" / student / lesson / "timestamp.txt"
            if stamp.exists():
                collected[student] = stamp.read_text().strip()
                print(f"collected: {student}, submitted {collected[student]}")
            else:
                print(f"no submission: {student}")
        return collected

    # --- autograde -------------------------------------------------------------------------------------

    def autograde(self, lesson: str, timeout: int = 60) -> Dict[str, dict]:
        """Grades the collected notebooks with `./kit grade` and records the results; returns per student
        its points per exercise, status, seconds the grader took and the notes."""
        self.require_released(lesson)
        released = self.folder / "source" / lesson / f"{lesson}.ipynb"
        if released.read_bytes() != (paths.SOLUTIONS / f"{lesson}.ipynb").read_bytes():
            raise ClassError(f"the kit's solution of {lesson} changed since it was released: ./kit grade would judge "
                             f"against the new one. Release it again (./kit class release {lesson}), or restore "
                             f"notebooks/solutions/{lesson}.ipynb from {released}.")
        submitted = {s: self.folder / "submitted" / s / lesson for s in self.state.students
                     if (self.folder / "submitted" / s / lesson / "timestamp.txt").exists()}
        if not submitted:
            raise ClassError(f"no submission of {lesson} has been collected: ./kit class collect {lesson} first")
        for student in self.state.students:
            if student not in submitted:
                print(f"no submission: {student} (0 points in the exports)")
        kept = self.folder / "autograded-kit" / lesson
        with tempfile.TemporaryDirectory(prefix="rnnkit-class-grade-") as tmp:
            grades = Path(tmp) / "grades"
            subs = Path(tmp) / "submissions"
            for student, folder in submitted.items():
                (subs / student).mkdir(parents=True)
                notebook = folder / f"{lesson}.ipynb"
                if notebook.exists() or notebook.is_symlink():
                    shutil.copy2(notebook, subs / student / notebook.name, follow_symlinks=False)
            done = subprocess.run([sys.executable, str(paths.REPO / "tools" / "kit.py"), "grade", str(subs),
                                   "--out", str(grades), "--timeout", str(timeout)], capture_output=True, text=True)
            if done.returncode != 0 or not (grades / "scores.csv").exists():
                raise ClassError(f"./kit grade failed (exit {done.returncode}); nothing was recorded:\n"
                                 f"{(done.stdout + done.stderr).strip()[-3000:]}")
            results = read_results(grades, lesson)
            if kept.exists():
                shutil.rmtree(kept)
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(grades, kept)
        users.give(self.folder / "autograded-kit", self.state.instructor)
        wanted = {"roster": self.state.students, "students": {s: {"timestamp": (submitted[s] / "timestamp.txt").read_text().strip(),
                                   "points": results[s]["points"]} for s in submitted}}
        self.as_instructor("record", lesson, stdin=json.dumps(wanted))
        self.place_feedback(lesson, submitted, kept)
        late = {r["student"]: r["seconds_late"] for r in self.report()["submissions"] if r["assignment"] == lesson}
        for student in submitted:
            r = results[student]
            print(f"graded: {student}: {r['total']:g}/{r['max']:g} {r['status']}, "
                  f"{'%.0f s late' % late[student] if late.get(student) else 'on time'}"
                  + (f" (grader: {r['seconds']:.1f} s)" if r["seconds"] is not None else "")
                  + "".join(f"\n    {e}" for e in r["failed"]))
            r["seconds_late"] = late.get(student, 0)
        return results

    def place_feedback(self, lesson: str, submitted: Dict[str, Path], grades: Path) -> None:
        """The kit's feedback page of each submission, where nbgrader's release_feedback looks for it, with
        the submission's timestamp and secret (which name the page in the exchange)."""
        for student, folder in submitted.items():
            page = grades / "feedback" / student / f"{lesson}.html"
            target = self.folder / "feedback" / student / lesson
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            shutil.copyfile(page, target / page.name)
            for name in ("timestamp.txt", "submission_secret.txt"):
                if (folder / name).exists():
                    shutil.copyfile(folder / name, target / name)
        users.give(self.folder / "feedback", self.state.instructor)

    def release_feedback(self, lesson: str) -> None:
        pages = list((self.folder / "feedback").glob(f"*/{lesson}/{lesson}.html"))
        if not pages:
            raise ClassError(f"no feedback for {lesson} yet: ./kit class autograde {lesson} first")
        self.nbgrader("release_feedback", lesson)
        print(f"Released feedback on {lesson} to {len(pages)} students; they fetch it from the Assignment List.")

    # --- export ----------------------------------------------------------------------------------------

    def report(self) -> dict:
        return json.loads(self.as_instructor("report"))

    def export(self, out: Path) -> Dict[str, Path]:
        self.nbgrader("export")
        out.mkdir(parents=True, exist_ok=True)
        files = {"nbgrader": out / "nbgrader-grades.csv", "moodle": out / "moodle-grades.csv"}
        shutil.copyfile(self.folder / "grades.csv", files["nbgrader"])
        lms.write(self.report(), self.state.students, files["moodle"])
        print(f"Wrote {files['nbgrader']} (nbgrader's CSV) and {files['moodle']} (Moodle's gradebook import).")
        return files


def read_results(grades: Path, lesson: str) -> Dict[str, dict]:
    """Per student, from ./kit grade's files: points per exercise, total, max, status, grading seconds, and
    a line per exercise that did not pass."""
    results: Dict[str, dict] = {}
    with open(grades / "scores.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["notebook"] != lesson:
                continue
            r = results.setdefault(row["student"], {"points": {}, "statuses": {}, "failed": [], "total": 0.0,
                                                    "max": 0.0, "status": "ok", "seconds": None})
            r["points"][row["grade_id"]] = float(row["points"])
            r["statuses"][row["grade_id"]] = row["status"]
            r["total"] += float(row["points"])
            r["max"] += float(row["max_points"])
            if row["status"] != "passed":
                r["failed"].append(f"{row['grade_id']}: {row['status']} {row['message'][:160]}")
    with open(grades / "gradebook.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["student"] in results:
                statuses = dict(part.split(": ", 1) for part in row["status"].split("; ") if ": " in part)
                results[row["student"]]["status"] = statuses.get(lesson, "ok")
    journal = grades / "results.jsonl"  # the grader's own timing, where its version writes one
    for line in journal.read_text(encoding="utf-8").splitlines() if journal.exists() else []:
        row = json.loads(line)
        if row.get("notebook") == lesson and row.get("student") in results:
            results[row["student"]]["seconds"] = row.get("seconds", 0.0)
    return results


def parse_when(when: str) -> str:
    """'now' or an ISO 8601 date and time (UTC unless it says otherwise) as nbgrader's UTC timestamp text."""
    if when == "now":
        moment = datetime.now(timezone.utc)
    else:
        try:
            moment = datetime.fromisoformat(when)
        except ValueError:
            raise ClassError(f"--due: expected 'now', 'none' or an ISO 8601 date and time such as "
                             f"2026-05-01T17:00, got {when!r}") from None
        moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
