"""A lesson's exercises as plain Java, run in one JVM without the grader: the tests that prove a
wrong answer wrong, or a library shortcut a shortcut, use it (docs/exercises.md, "The
wrong-answer fixture").

For each lesson it writes a class `R<n>` holding every solution cell of the instructor's notebook
(the reference answers, as instance methods), the witnesses asked for (`Object w<k>()`: an
expression, or a block that returns) and every test cell (`void c<k>()`, the check as the grader
runs it, hidden tests included). A variant (a wrong answer, a correct alternative, a shortcut) is a
class extending its lesson's `R<n>` whose methods replace the reference ones they match, so a
witness or a check called on it runs the variant where it differs and the reference elsewhere,
as the grader does when it swaps one solution cell. `harness/Run.java` makes the calls and writes
each result as JSON; `differ` and `agree` compare two results with the kit's relative error.
"""
import json
import math
import re
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import nbformat

from rnnkit_tools import paths, verdict
from rnnkit_tools.sandbox import java_home

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "harness" / "Run.java"
SCREEN = HERE / "harness" / "Screen.java"
CHECKER = paths.REPO / "grader" / "src" / "main" / "java" / "io" / "github" / "rnnkit" / "grade" / "checker" / "Checker.java"
PACKAGE = "harness"


def kernel_imports() -> str:
    """The kernel's default imports, as the grader's Checker adds them (read from its source, so they cannot drift)."""
    found = re.search(r'KERNEL_IMPORTS = ("(?:[^"]|"\s*\+\s*")*");', CHECKER.read_text(encoding="utf-8"))
    assert found, "Checker.KERNEL_IMPORTS not found"
    return "".join(re.findall(r'"([^"]*)"', found.group(1)))


@dataclass
class LessonCode:
    """What the harness takes from an instructor's notebook."""

    name: str
    imports: str
    solutions: Dict[str, str]          # solution grade_id -> source
    tasks: List[verdict.Task]

    @classmethod
    def read(cls, lesson: str) -> "LessonCode":
        path = paths.SOLUTIONS / f"{lesson}.ipynb"
        nb = nbformat.read(path, as_version=4)
        found = verdict.Lesson.read(path)
        imports = "\n".join(line for line in found.imports.splitlines() if line.strip().startswith("import "))
        solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}
        return cls(lesson, imports, solutions, found.tasks)

    def task_of(self, solution_id: str) -> verdict.Task:
        return next(t for t in self.tasks if t.solution == solution_id)


@dataclass
class Outcome:
    """What one call did: returned `value` (JSON as Run.java writes it), threw `threw`, or neither."""

    value: object = None
    threw: Optional[str] = None
    message: str = ""
    error: Optional[str] = None

    @property
    def returned(self) -> bool:
        return self.threw is None and self.error is None

    def describe(self, limit: int = 300) -> str:
        if self.error:
            return f"harness error: {self.error}"
        if self.threw:
            return f"threw {self.threw}: {self.message}"[:limit]
        text = json.dumps(self.value)
        return text if len(text) <= limit else text[:limit] + "…"


class Program:
    """Lessons, witnesses, variants and checks, compiled together and run in one JVM."""

    def __init__(self, lessons: List[LessonCode]):
        self.lessons = {l.name: (n, l) for n, l in enumerate(lessons)}
        self.witnesses: Dict[str, List[str]] = {l.name: [] for l in lessons}
        self.variants: List[Tuple[str, str, str]] = []   # (class, lesson, source)
        self.calls: List[Tuple[str, str, str]] = []      # (tag, class, method)

    def base(self, lesson: str) -> str:
        return f"R{self.lessons[lesson][0]:02d}"

    def witness(self, lesson: str, text: str) -> str:
        """The method that evaluates `text` (an expression, or a `{ … }` block that returns) in `lesson`."""
        self.witnesses[lesson].append(text)
        return f"w{len(self.witnesses[lesson]) - 1}"

    def check(self, lesson: str, grade_id: str) -> str:
        """The method that runs the test cell `grade_id` of `lesson`."""
        n = next(i for i, t in enumerate(self.lessons[lesson][1].tasks) if t.id == grade_id)
        return f"c{n}"

    def variant(self, lesson: str, source: str) -> str:
        """A class running `source` (solution cells' methods) in place of the reference methods it matches."""
        name = f"V{len(self.variants):04d}"
        self.variants.append((name, lesson, source))
        return name

    def replace_variant(self, name: str, source: str) -> None:
        self.variants = [(n, lesson, source if n == name else text) for n, lesson, text in self.variants]

    def call(self, tag: str, cls: str, method: str) -> None:
        self.calls.append((tag, cls, method))

    def _header(self, lesson: str) -> str:
        return f"package {PACKAGE};\n{kernel_imports()}\n{self.lessons[lesson][1].imports}\n"

    def _sources(self) -> Dict[str, str]:
        files = {}
        for lesson, (n, code) in self.lessons.items():
            body = [s for s in code.solutions.values()]
            for k, text in enumerate(self.witnesses[lesson]):
                text = text.strip()
                if text.startswith("{"):
                    body.append(f"public Object w{k}() throws Throwable {text}")
                else:
                    body.append(f"public Object w{k}() throws Throwable {{\nreturn (Object) ({text});\n}}")
            for k, task in enumerate(code.tasks):
                body.append(f"public void c{k}() throws Throwable {{\n{task.test}\n}}")
            files[self.base(lesson)] = (self._header(lesson) + f"public class {self.base(lesson)} {{\n"
                                        + "\n".join(body) + "\n}\n")
        for name, lesson, source in self.variants:
            files[name] = (self._header(lesson) + f"public class {name} extends {self.base(lesson)} {{\n"
                           + source + "\n}\n")
        files["Run"] = RUNNER.read_text(encoding="utf-8")
        files["Screen"] = SCREEN.read_text(encoding="utf-8")
        return files

    def run(self, work: Path, timeout: float = 900) -> Dict[str, Outcome]:
        """Compiles everything under `work` and makes every call; tag -> outcome. Compiler errors raise,
        naming the class (a variant's number is its order of `variant` calls)."""
        src, classes = work / "src", work / "classes"
        (src / PACKAGE).mkdir(parents=True, exist_ok=True)
        classes.mkdir(parents=True, exist_ok=True)
        files = []
        for name, text in self._sources().items():
            f = src / PACKAGE / f"{name}.java"
            f.write_text(text, encoding="utf-8")
            files.append(str(f))
        javac = java_home() / "bin" / "javac"
        classpath = f"{paths.CLASSPATH_DIR}/*"
        listing = work / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        built = subprocess.run([str(javac), "-d", str(classes), "-cp", classpath, "-encoding", "UTF-8", "-nowarn",
                                "-proc:none", "-Xmaxerrs", "200", f"@{listing}"], capture_output=True, text=True)
        if built.returncode != 0:
            raise CompileError(built.stdout + built.stderr, src / PACKAGE)
        plan = work / "plan.tsv"
        plan.write_text("\n".join(f"{t}\t{PACKAGE}.{c}\t{m}" for t, c, m in self.calls), encoding="utf-8")
        ran = subprocess.run([str(java_home() / "bin" / "java"), "-Djava.awt.headless=true", "-XX:+UseSerialGC",
                              "-Xss8m", "-cp", f"{classes}:{classpath}", f"{PACKAGE}.Run", str(plan)],
                             capture_output=True, text=True, timeout=timeout)
        if ran.returncode != 0:
            raise RuntimeError(f"the harness JVM failed: {ran.stderr[-2000:]}")
        results = {}
        for line in ran.stdout.splitlines():
            found = json.loads(line)
            if found.get("timeout"):
                results[found["tag"]] = Outcome(error="timed out")
            elif "error" in found:
                results[found["tag"]] = Outcome(error=found["error"])
            elif "threw" in found:
                results[found["tag"]] = Outcome(threw=found["threw"], message=found["message"])
            else:
                results[found["tag"]] = Outcome(value=found["value"])
        return results


class CompileError(AssertionError):
    """javac refused the generated sources; `errors` lists (class, source line) of each error."""

    def __init__(self, output: str, folder: Path):
        super().__init__(output)
        self.errors = []
        for cls, line in re.findall(r"/(\w+)\.java:(\d+): error", output):
            lines = (folder / f"{cls}.java").read_text(encoding="utf-8").splitlines()
            self.errors.append((cls, lines[int(line) - 1]))


def _number(v) -> Optional[float]:
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return None
    return None


def distance(a, b) -> float:
    """The kit's relative error max |x − y| / max(1e-8, |x| + |y|) over two JSON values of the same
    shape; NaN against NaN and an infinity against the same infinity count as equal; a different
    shape, kind or string is infinitely far."""
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return math.inf
        return max((distance(x, y) for x, y in zip(a, b)), default=0.0)
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        if math.isnan(x) or math.isnan(y):
            return 0.0 if math.isnan(x) and math.isnan(y) else math.inf
        if math.isinf(x) or math.isinf(y):
            return 0.0 if x == y else math.inf
        return abs(x - y) / max(1e-8, abs(x) + abs(y))
    return 0.0 if a == b else math.inf


def differ(a: Outcome, b: Outcome, tolerance: float = 1e-6) -> bool:
    """Two outcomes a check could tell apart: one threw and the other did not, they threw different
    exceptions, or their values are further apart than `tolerance`."""
    if a.error or b.error:
        return False
    if a.returned != b.returned:
        return True
    if not a.returned:
        return a.threw != b.threw
    return distance(a.value, b.value) > tolerance


def agree(a: Outcome, b: Outcome, tolerance: float = 1e-9) -> bool:
    """Two outcomes that are the same answer: the same exception, or values within `tolerance`."""
    if a.error or b.error or a.returned != b.returned:
        return False
    if not a.returned:
        return a.threw == b.threw
    return distance(a.value, b.value) <= tolerance


def method_names(source: str) -> List[str]:
    """The names of the methods a solution cell declares (top-level declarations only)."""
    names, depth = [], 0
    for line in source.splitlines():
        if depth == 0:
            found = re.match(r"\s*(?:static\s+)?[\w<>\[\],.? ]+?\s+(\w+)\s*\(", line)
            if found and found.group(1) not in ("if", "for", "while", "return", "new"):
                names.append(found.group(1))
        depth += line.count("{") - line.count("}")
    return names


def dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"
