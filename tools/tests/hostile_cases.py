"""The second hostile class (issue 20): six classes of attack, each case a submission and the sound
outcome it must get. Used by test_grade_hostile.py, and as a script that prints the table of how many
cases of each class were graded soundly, so the same cases measure a grader before and after a change:

    python tools/tests/hostile_cases.py [CLASS ...]       # classes 1-6, default all

Each class is graded in batches of its own (an attack that stops a batch costs only its own class), with
an honest classmate in each batch whose full marks are part of every case's sound outcome."""
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from grading import book, cell, lesson_of, scores, solution, source, student, submit, with_cell  # noqa: E402
from rnnkit_tools import grade, paths  # noqa: E402

TANH = "04-tanh"


class Case:
    """One hostile submission: who hands it in, what it is, and the sound outcome."""

    def __init__(self, klass: int, who: str, what: str, lesson: str, build: Callable[[Path], None],
                 sound: Callable[[dict], Optional[str]]):
        self.klass, self.who, self.what, self.lesson, self.build, self.sound = klass, who, what, lesson, build, sound


def full(lesson: str) -> str:
    return f"{sum(t.points for t in lesson_of(lesson).tasks):g}"


def mine(graded: dict, who: str, lesson: str) -> Dict[str, tuple]:
    return {s["grade_id"]: (s["points"], s["status"], s["message"]) for s in graded["scores"]
            if s["student"] == who and s["notebook"] == lesson}


def total_is(who: str, expected: Callable[[], str], lesson: str = TANH):
    def check(graded):
        row = graded["book"].get(who)
        if row is None:
            return f"{who} has no row"
        if row.get(lesson, row.get("total")) != expected():
            return f"{who} scored {row.get(lesson)!r}, expected {expected()}"
        return None
    return check


def status_says(who: str, word: str, lesson: str = TANH):
    def check(graded):
        row = graded["book"].get(who)
        if row is None:
            return f"{who} has no row"
        if word not in row["status"] or row.get(lesson) not in ("0", ""):
            return f"{who}: status {row['status']!r} does not say {word!r}"
        return None
    return check


def both(*checks):
    def check(graded):
        for c in checks:
            problem = c(graded)
            if problem:
                return problem
        return None
    return check


def exercise_is(who: str, lesson: str, grade_id: str, statuses: tuple, others_full: bool = True):
    """`grade_id` scores 0 with one of `statuses`; with `others_full`, every other exercise full marks."""
    def check(graded):
        found = mine(graded, who, lesson)
        if not found:
            return f"{who} has no scores"
        points, status, message = found[grade_id]
        if points != "0" or status not in statuses:
            return f"{who}/{grade_id}: {points} {status} ({message[:120]}), expected 0 and {statuses}"
        if others_full:
            for t in lesson_of(lesson).tasks:
                if t.id != grade_id and found[t.id][0] != f"{t.points:g}":
                    return f"{who}/{t.id}: {found[t.id][:2]} instead of full marks"
        return None
    return check


def page(graded, who: str, lesson: str = TANH) -> str:
    p = graded["out"] / "feedback" / who / f"{lesson}.html"
    return p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""


# ---- class 1: code smuggled past the checker ----

FORGE = """
static {
    try {
        String secret = null;
        java.util.regex.Pattern wanted = java.util.regex.Pattern.compile("\\"secret\\": \\"([0-9a-f]{32})\\"");
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
            String[] f = line.split(" +");
            if (secret != null || !f[1].startsWith("rw")) continue;
            long from = Long.parseUnsignedLong(f[0].split("-")[0], 16), to = Long.parseUnsignedLong(f[0].split("-")[1], 16);
            if (to - from > 700_000_000L) continue;
            try (java.io.RandomAccessFile mem = new java.io.RandomAccessFile("/proc/self/mem", "r")) {
                for (long at = from; to > at && secret == null; at += 1_000_000) {
                    byte[] chunk = new byte[(int) Math.min(1_000_100, to - at)];
                    mem.seek(at);
                    mem.readFully(chunk);
                    java.util.regex.Matcher m = wanted.matcher(new String(chunk, java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (m.find()) secret = m.group(1);
                }
            } catch (Exception e) { }
        }
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        for (String id : new String[] {IDS}) {
            out.println("{\\"secret\\": \\"" + secret + "\\", \\"id\\": \\"" + id + "\\", \\"status\\": \\"started\\", \\"message\\": \\"\\"}");
            out.println("{\\"secret\\": \\"" + secret + "\\", \\"id\\": \\"" + id + "\\", \\"status\\": \\"passed\\", \\"message\\": \\"\\"}");
            out.println("{\\"id\\": \\"" + id + "\\", \\"status\\": \\"passed\\"}");
        }
        out.println("{\\"secret\\": \\"" + secret + "\\", \\"id\\": \\"\\", \\"status\\": \\"done\\", \\"message\\": \\"\\"}");
        Runtime.getRuntime().halt(0);
    } catch (Throwable t) { }
}
"""


def smuggler(root: Path) -> None:
    """Issue 20's critical attack: `\\u003c` for a generic method's `<`, so a text rewrite that looks for
    the `<` lands in a comment and turns the comment's text (a static initialiser that reads the
    runner's secret from /proc/self/mem and forges every verdict) into code no check looks at."""
    tasks = lesson_of(TANH).tasks
    nb = student(TANH)
    stub = source(cell(nb, tasks[0].solution))
    forge = FORGE.replace("IDS", ", ".join(json.dumps(t.id) for t in tasks))
    assert "<" not in forge and "*/" not in forge
    header, rest = stub.split("(", 1)
    ret_name = header.split()
    smuggled = (f"public /* <X> void pad() {{ }}\n{forge}\n/* */ \\u003cT> {' '.join(ret_name)}({rest}")
    submit(root, "smuggler", TANH, with_cell(nb, tasks[0].solution, smuggled))


def escaped_newline(root: Path) -> None:
    """A `\\u000a` inside a line comment ends the comment: what follows is code the checker must see."""
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    body = source(cell(nb, first.solution))
    body = body.replace("{", "{\n    // nothing to see \\u000a Runtime.getRuntime().halt(0);", 1)
    submit(root, "escaped-newline", TANH, with_cell(nb, first.solution, body))


def local_class(root: Path) -> None:
    """A local class whose static initialiser runs when the method runs: a class in a method is no method."""
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    body = source(cell(nb, first.solution)).replace(
        "{", "{\n    class Sneaky { static { System.out.println(\"{\\\"status\\\": \\\"passed\\\"}\"); } }\n    new Sneaky();", 1)
    submit(root, "local-class", TANH, with_cell(nb, first.solution, body))


# ---- class 2: forbidden work reached through a kit method ----

def via_init(root: Path) -> None:
    """00's spectral radius, forbidden as Matrices.spectralRadius, read back from Init.withSpectralRadius."""
    lesson = "00-start-here"
    task = next(t for t in lesson_of(lesson).tasks if t.id == "spectral-radius")
    text = ("double spectralRadius2x2(double[][] W) {\n"
            "    io.github.rnnkit.rnn.RnnParams p = io.github.rnnkit.rnn.RnnParams.of(new double[][] {{0}, {0}}, W,\n"
            "            new double[2], new double[][] {{0, 0}}, new double[1]);\n"
            "    double[][] scaled = io.github.rnnkit.rnn.Init.withSpectralRadius(p, 1.0).W();\n"
            "    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) if (W[i][j] != 0) return Math.abs(W[i][j] / scaled[i][j]);\n"
            "    return 0;\n}\n")
    submit(root, "via-init", lesson, with_cell(solution(lesson), task.solution, text))


def via_forward(root: Path) -> None:
    """01's stable softmax, forbidden as Softmax, computed by an RNN whose output is softmax(c) (Forward.probs)."""
    lesson = "01-forward-pass"
    task = next(t for t in lesson_of(lesson).tasks if t.id == "stable-softmax")
    text = ("double[] stableSoftmax(double[] o) {\n"
            "    RnnParams p = RnnParams.of(new double[][] {{0}}, new double[][] {{0}}, new double[] {0},\n"
            "            new double[o.length][1], o.clone());\n"
            "    return new Rnn(p, Activations.TANH).forward(new double[][] {{0}}, null).probs()[0];\n}\n")
    submit(root, "via-forward", lesson, with_cell(solution(lesson), task.solution, text))


# ---- class 3: one student stops the batch ----

def lone_surrogate(root: Path) -> None:
    nb = solution(TANH)
    cell(nb, lesson_of(TANH).tasks[0].solution)["cell_type"] = "CELL_TYPE"
    text = json.dumps(nb).replace('"CELL_TYPE"', '"\\ud800"')
    (root / "surrogate").mkdir(parents=True)
    (root / "surrogate" / f"{TANH}.ipynb").write_text(text, encoding="ascii")


def non_utf8_folder(root: Path) -> None:
    folder = os.fsencode(str(root)) + b"/caf\xff"
    os.makedirs(folder)
    with open(folder + f"/{TANH}.ipynb".encode(), "w", encoding="utf-8") as f:
        json.dump(solution(TANH), f)


def sparse_notebook(root: Path) -> None:
    (root / "sparse").mkdir(parents=True)
    with open(root / "sparse" / f"{TANH}.ipynb", "wb") as f:
        f.truncate(64 << 30)


def batch_completes(who_row: Optional[str], word: Optional[str] = None):
    """The honest classmate has full marks, and `who_row` (if given) has a row (whose status says `word`)."""
    def check(graded):
        if graded.get("crashed"):
            return f"the batch stopped: {graded['crashed']}"
        alice = graded["book"].get("alice")
        if alice is None or alice["total"] != full(TANH):
            return f"the classmate scored {alice and alice['total']}"
        if who_row is not None:
            rows = [s for s in graded["book"] if s not in ("alice",)]
            if not rows:
                return "the attacker has no row"
            if word and not any(word in graded["book"][s]["status"] for s in rows):
                return f"no row says {word}: {[graded['book'][s]['status'] for s in rows]}"
        return None
    return check


# ---- class 4: the feedback page ----

def javascript_link(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    text = source(cell(nb, first.solution)) + (
        '\nShow.markdown("[click for hints](javascript:alert(document.domain)) and <a href=\\"javascript:alert(1)\\">here</a>");'
        '\nShow.html("<a href=\\"javascript:alert(2)\\">more</a><img src=x onerror=alert(3)>");')
    submit(root, "js-link", TANH, with_cell(nb, first.solution, text))


def no_script_links(who: str):
    def check(graded):
        html = page(graded, who)
        if not html:
            return "no page"
        found = re.findall(r"""(?:href|src)\s*=\s*["']?\s*javascript:|<img[^>]*onerror""", html, re.I)
        return f"the page keeps {found[:3]}" if found else None
    return check


def huge_markdown(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    text = source(cell(nb, first.solution)) + '\nShow.markdown("*a".repeat(436_500));'
    submit(root, "huge-markdown", TANH, with_cell(nb, first.solution, text))


def pages_in_time(who: str, limit: float):
    def check(graded):
        if graded["seconds"] > limit:
            return f"the batch took {graded['seconds']:.0f} s (limit {limit:.0f} s)"
        if "Score:" not in re.sub(r"<[^>]+>", "", page(graded, "alice")):
            return "the classmate's page is not rendered"
        return None if page(graded, who) else "no page for the attacker"
    return check


# ---- class 5: sandboxes share limits ----

FORK_ALL = """
java.util.List<Process> kids = new java.util.ArrayList<>();
try { for (int i = 0; i < 300; i++) kids.add(new ProcessBuilder("sleep", "90").start()); }
catch (Exception e) { System.out.println("started " + kids.size() + " processes: " + e.getMessage()); }
int threads = 0;
try { for (; threads < 3000; threads++) new Thread(() -> { try { Thread.sleep(90_000); } catch (InterruptedException e) { } }).start(); }
catch (Throwable e) { System.out.println("started " + threads + " threads: " + e); }
Thread.sleep(45_000);
"""

ALLOCATE = """
Process hog = new ProcessBuilder("python3", "-c", "x = b'x' * (3 << 30); print('allocated', 3 * 1024, 'MiB')").redirectErrorStream(true).start();
System.out.println(new String(hog.getInputStream().readAllBytes()) + " exit " + hog.waitFor());
"""


def forker(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = student(TANH)
    submit(root, "a-forker", TANH, with_cell(nb, first.solution, source(cell(nb, first.solution)) + "\n" + FORK_ALL))
    for who in ("bob", "carol", "dave"):
        submit(root, who, TANH, solution(TANH))


def classmates_unharmed(graded):
    """Each classmate has full marks, and their feedback run went as usual (its kernel started and ran)."""
    for who in ("alice", "bob", "carol", "dave"):
        row = graded["book"].get(who)
        if row is None or row["total"] != full(TANH) or row["status"] != "ok":
            return f"{who}: {row and (row['total'], row['status'])}"
        text = re.sub(r"<[^>]+>", " ", page(graded, who))
        if "feedback run:" in text:
            return f"{who}'s feedback run failed: {text[text.index('feedback run:'):][:200]}"
    return None


def hog(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = student(TANH)
    submit(root, "hog", TANH, with_cell(nb, first.solution, source(cell(nb, first.solution)) + "\n" + ALLOCATE))


def memory_capped(graded):
    text = re.sub(r"<[^>]+>", "", page(graded, "hog"))
    if "allocated 3072 MiB" in text:
        return "the child allocated 3 GiB"
    return None if "exit" in text else "the allocation did not run"


# ---- class 6: smaller ----

def finalizer(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    body = source(cell(nb, first.solution)).replace(
        "{", "{\n    new Object() { protected void finalize() { long end = System.nanoTime() + 20_000_000_000L; "
             "while (System.nanoTime() - end < 0) { } } };\n    System.gc();", 1)
    submit(root, "finalizer", TANH, with_cell(nb, first.solution, body))


def long_constant(root: Path) -> None:
    first = lesson_of(TANH).tasks[0]
    nb = solution(TANH)
    text = source(cell(nb, first.solution)) + '\nString big() {\n    return "' + "x" * 70_000 + '";\n}\n'
    submit(root, "long-constant", TANH, with_cell(nb, first.solution, text))


def empty_notebook(root: Path) -> None:
    (root / "empty-nb").mkdir(parents=True)
    (root / "empty-nb" / f"{TANH}.ipynb").write_text("")


def misnamed(root: Path) -> None:
    (root / "misnamed").mkdir(parents=True)
    (root / "misnamed" / f"{TANH} (1).ipynb").write_text(json.dumps(solution(TANH)))


def nested(root: Path) -> None:
    (root / "nested" / "homework").mkdir(parents=True)
    (root / "nested" / "homework" / f"{TANH}.ipynb").write_text(json.dumps(solution(TANH)))


def cases() -> List[Case]:
    tanh_ids = [t.id for t in lesson_of(TANH).tasks]
    return [
        Case(1, "smuggler", "\\u003c and a comment: a static initialiser forging verdicts", TANH, smuggler,
             total_is("smuggler", lambda: "0")),
        Case(1, "escaped-newline", "\\u000a ends a line comment: halt() after it", TANH, escaped_newline,
             exercise_is("escaped-newline", TANH, tanh_ids[0], ("forbidden",))),
        Case(1, "local-class", "a local class with a static initialiser", TANH, local_class,
             exercise_is("local-class", TANH, tanh_ids[0], ("forbidden", "does-not-compile"))),
        Case(2, "via-init", "00 spectral radius read back from Init.withSpectralRadius", "00-start-here", via_init,
             exercise_is("via-init", "00-start-here", "spectral-radius", ("forbidden",))),
        Case(2, "via-forward", "01 stable softmax from Forward.probs", "01-forward-pass", via_forward,
             exercise_is("via-forward", "01-forward-pass", "stable-softmax", ("forbidden",))),
        Case(3, "surrogate", "a lone surrogate as a cell_type", TANH, lone_surrogate, batch_completes("surrogate")),
        Case(3, "caf\\xff", "a folder name with a non-UTF-8 byte", TANH, non_utf8_folder, batch_completes("caf")),
        Case(3, "sparse", "a 64 GiB sparse notebook", TANH, sparse_notebook, batch_completes("sparse", "too-large")),
        Case(4, "js-link", "javascript: links in Markdown and HTML outputs", TANH, javascript_link, no_script_links("js-link")),
        Case(4, "huge-markdown", "an 873,000-character Markdown output", TANH, huge_markdown,
             pages_in_time("huge-markdown", 300)),
        Case(5, "a-forker", "every process it can start, beside three classmates (--jobs 2)", TANH, forker,
             classmates_unharmed),
        Case(5, "hog", "a child process allocating 3 GiB", TANH, hog, memory_capped),
        Case(6, "finalizer", "finalize() + System.gc()", TANH, finalizer,
             exercise_is("finalizer", TANH, tanh_ids[0], ("forbidden", "does-not-compile"))),
        Case(6, "long-constant", "a 70,000-character string constant in one cell", TANH, long_constant,
             exercise_is("long-constant", TANH, tanh_ids[0], ("does-not-compile",))),
        Case(6, "empty-nb", "an empty notebook file", TANH, empty_notebook, status_says("empty-nb", "empty")),
        Case(6, "misnamed", "the notebook under another name", TANH, misnamed, status_says("misnamed", "misnamed")),
        Case(6, "nested", "the notebook one folder down", TANH, nested, status_says("nested", "nested")),
    ]


KERNEL_CLASSES = {4, 5}
ALONE = {"surrogate", "caf\\xff", "sparse", "a-forker", "hog"}  # each in a batch of its own


def grade_batch(root: Path, batch: List[Case], run_kernel: bool, jobs: int, timeout: int) -> dict:
    subs, out, solutions = root / "submitted", root / "grades", root / "solutions"
    solutions.mkdir(parents=True)
    for lesson in sorted({c.lesson for c in batch} | {TANH}):
        shutil.copy2(paths.SOLUTIONS / f"{lesson}.ipynb", solutions)
    subs.mkdir()
    submit(subs, "alice", TANH, solution(TANH))
    for case in batch:
        case.build(subs)
    began = time.monotonic()
    crashed = None
    try:
        grade.grade(subs, out, cell_timeout=timeout, jobs=jobs, solutions=solutions, run_kernel=run_kernel)
    except BaseException as e:  # an attack that stops the batch: measured, not raised
        crashed = f"{type(e).__name__}: {str(e)[:200]}"
    graded = {"out": out, "seconds": time.monotonic() - began, "crashed": crashed,
              "book": book(out) if (out / "gradebook.csv").exists() else {},
              "scores": scores(out) if (out / "scores.csv").exists() else []}
    return graded


def batches(selected: List[Case]) -> List[List[Case]]:
    found = []
    for klass in sorted({c.klass for c in selected}):
        mine_ = [c for c in selected if c.klass == klass]
        found += [[c] for c in mine_ if c.who in ALONE]
        rest = [c for c in mine_ if c.who not in ALONE]
        if rest:
            found.append(rest)
    return found


def outcomes(root: Path, selected: List[Case]) -> Dict[str, Optional[str]]:
    """Grades the cases; case → None when graded soundly, else what went wrong."""
    found = {}
    for n, batch in enumerate(batches(selected)):
        kernel = batch[0].klass in KERNEL_CLASSES
        graded = grade_batch(root / f"batch{n}", batch, run_kernel=kernel, jobs=2, timeout=30 if kernel else 10)
        for case in batch:
            try:
                found[case.who] = case.sound(graded)
            except Exception as e:  # a row the grader never wrote
                found[case.who] = f"{type(e).__name__}: {e}"
            if graded["crashed"] and found[case.who] is None:
                found[case.who] = f"the batch stopped: {graded['crashed']}"
    return found


def main(argv: List[str]) -> int:
    import tempfile

    wanted = {int(a) for a in argv} or {1, 2, 3, 4, 5, 6}
    selected = [c for c in cases() if c.klass in wanted]
    with tempfile.TemporaryDirectory(prefix="rnnkit-hostile-") as tmp:
        found = outcomes(Path(tmp), selected)
    for case in selected:
        print(f"class {case.klass}  {'sound' if found[case.who] is None else 'UNSOUND':8s} {case.who:16s} "
              f"{case.what}" + ("" if found[case.who] is None else f"\n          -> {found[case.who]}"), flush=True)
    for klass in sorted(wanted):
        mine_ = [c for c in selected if c.klass == klass]
        print(f"class {klass}: {sum(found[c.who] is None for c in mine_)}/{len(mine_)} graded soundly")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
