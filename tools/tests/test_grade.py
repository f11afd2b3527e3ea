"""The grader's parts that need no JVM: reading submissions as leniently as Jupyter does, the
gradebook (CSVs, journal, resume), the student folders, and the sandbox itself."""
import json
import os
import re
import subprocess
import sys
import time

import nbformat
import pytest

from grading import book, cell, lesson_of, solution, source, student, submit
from rnnkit_tools import grade, verdict
from rnnkit_tools.sandbox import Limits, Mounts, Sandbox, SandboxUnavailable
from rnnkit_tools.verdict import Verdict

LESSON = "04-tanh"


@pytest.fixture(scope="module")
def sandbox():
    return Sandbox()


# ---- reading a submission ----

def test_a_notebook_jupyter_opens_is_read_with_its_cell_ids_on_nbformat_4_4(tmp_path):
    nb = solution(LESSON)
    nb["nbformat_minor"] = 4
    for n, c in enumerate(nb["cells"]):
        c["id"] = f"cell-{n}"
    (tmp_path / "x.ipynb").write_text(json.dumps(nb))
    cells = grade.read_submission(tmp_path / "x.ipynb")
    sources, notes = verdict.solution_sources(cells, lesson_of(LESSON))
    assert all(sources[t.solution] == source(cell(nb, t.solution)) for t in lesson_of(LESSON).tasks)
    assert notes == []


def test_an_nbformat_3_notebook_gives_its_solution_cells(tmp_path):
    nb4 = nbformat.reads(json.dumps(solution(LESSON)), 4)  # joins each source's lines, as a reader would
    nb3 = nbformat.convert(nb4, 3)
    (tmp_path / "x.ipynb").write_text(nbformat.writes(nb3, version=3))
    sources, _ = verdict.solution_sources(grade.read_submission(tmp_path / "x.ipynb"), lesson_of(LESSON))
    first = lesson_of(LESSON).tasks[0].solution
    assert sources[first].strip() == source(cell(solution(LESSON), first)).strip()


@pytest.mark.parametrize("text", ['{"cells": [ this is not json', '[1, 2, 3]', '{"metadata": {}}'])
def test_what_is_not_a_notebook_is_refused_with_a_reason(tmp_path, text):
    (tmp_path / "x.ipynb").write_text(text)
    with pytest.raises(ValueError):
        grade.read_submission(tmp_path / "x.ipynb")


def test_a_solution_cell_kept_twice_or_turned_into_markdown_is_graded_and_noted():
    nb = student(LESSON)
    first = lesson_of(LESSON).tasks[0].solution
    copy_ = dict(cell(nb, first), cell_type="markdown")
    nb["cells"].insert(0, copy_)
    sources, notes = verdict.solution_sources(nb["cells"], lesson_of(LESSON))
    assert sources[first] == source(copy_)
    assert any("appears more than once" in n for n in notes)
    assert any("was a markdown cell" in n for n in notes)


def test_a_missing_solution_cell_is_none():
    nb = student(LESSON)
    first = lesson_of(LESSON).tasks[0].solution
    nb["cells"].remove(cell(nb, first))
    sources, _ = verdict.solution_sources(nb["cells"], lesson_of(LESSON))
    assert sources[first] is None


# ---- student folders and the gradebook ----

def test_every_folder_is_a_student_dot_names_and_symlinks_included(tmp_path):
    subs = tmp_path / "subs"
    for name in (".hidden", "alice", "zoë"):
        (subs / name).mkdir(parents=True)
    (subs / "linked").symlink_to(subs / "alice")
    (subs / "notes.txt").write_text("not a student")
    out = subs / "grades"
    out.mkdir()
    assert grade.students_of(subs, out) == [".hidden", "alice", "linked", "zoë"]


def test_csv_cells_a_spreadsheet_would_run_are_quoted(tmp_path):
    book = grade.Gradebook(tmp_path, [LESSON])
    book.add(grade.Result("=HYPERLINK(1)", LESSON, [Verdict("x", 1, 0, "failed", "-1 is not 1")]))
    text = (tmp_path / "scores.csv").read_text()
    assert "'=HYPERLINK(1)" in text and "'-1 is not 1" in text


def test_a_journal_line_cut_short_is_ignored_and_a_finished_row_with_its_page_is_kept(tmp_path):
    book = grade.Gradebook(tmp_path, [LESSON])
    kept = grade.Result("alice", LESSON, [Verdict("x", 2, 2, "passed")], key="k1")
    book.add(kept)
    book.add(grade.Result("bob", LESSON, [Verdict("x", 2, 0, "failed")], key="k2"))
    with open(tmp_path / "results.jsonl", "a") as f:
        f.write('{"student": "carol", "notebook"')
    book.page(kept).parent.mkdir(parents=True)
    book.page(kept).write_text("<html></html>")
    earlier = grade.Gradebook(tmp_path, [LESSON]).earlier()
    assert list(earlier) == ["k1"] and earlier["k1"].points == 2


def test_a_submission_whose_grading_fails_twice_gets_a_row_that_says_so(tmp_path, sandbox):
    solution_copy = tmp_path / f"{LESSON}.ipynb"
    solution_copy.write_bytes((grade.paths.SOLUTIONS / f"{LESSON}.ipynb").read_bytes())
    lesson = verdict.Lesson.read(solution_copy)
    submitted = submit(tmp_path / "subs", "alice", LESSON, solution(LESSON))
    solution_copy.unlink()  # the grader's own input vanishes: its failure, not the student's
    result = grade.attempt(grade.Task("alice", submitted, lesson, solution_copy, "key"), sandbox, 20, False)
    assert result.status == "grader-error" and result.points == 0
    assert result.notes[0].startswith("grading failed twice: FileNotFoundError")


# ---- the sandbox ----

def run_in(sandbox, script: str, mounts: Mounts = None, **limits):
    return sandbox.run([sys.executable, "-c", script], mounts or Mounts(read_only=[*sys_paths()]),
                       Limits(**{"seconds": 30, **limits}))


def sys_paths():
    from rnnkit_tools.sandbox import python_paths
    return python_paths()


def test_the_sandbox_runs_as_an_unprivileged_user_without_network(sandbox):
    out = run_in(sandbox, "import os, socket\nprint(os.getuid())\n"
                          "try:\n    socket.create_connection(('1.1.1.1', 53), timeout=3); print('online')\n"
                          "except OSError as e:\n    print('offline')")
    uid, net = out.stdout.decode().split()
    assert int(uid) != 0 and net == "offline"


def test_the_sandbox_sees_only_what_it_is_given(sandbox, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("answers")
    out = run_in(sandbox, f"import os\nprint(os.path.exists({str(secret)!r}), os.path.exists({str(grade.paths.SOLUTIONS)!r}))")
    assert out.stdout.decode().split() == ["False", "False"]


def test_a_detached_process_dies_with_the_sandbox(sandbox, tmp_path):
    witness = tmp_path / "witness"
    witness.mkdir()
    sandbox.prepare(witness, writable=True)
    script = (f"import subprocess\nsubprocess.Popen(['setsid', 'sh', '-c', 'sleep 2; touch {witness}/late'])\n"
              "import time\ntime.sleep(30)")
    out = run_in(sandbox, script, Mounts(read_only=sys_paths(), writable=[witness]), seconds=1)
    assert out.timed_out
    time.sleep(3)
    assert not (witness / "late").exists()


def test_the_sandbox_cannot_signal_the_grader(sandbox):
    out = run_in(sandbox, f"import os, signal\ntry:\n    os.kill({os.getpid()}, signal.SIGTERM); print('sent')\n"
                          "except OSError:\n    print('refused')\nprint(len([p for p in os.listdir('/proc') if p.isdigit()]))")
    said, visible = out.stdout.decode().split()
    assert said == "refused" and int(visible) < 5


def test_output_and_files_are_capped(sandbox, tmp_path):
    room = tmp_path / "room"
    room.mkdir()
    sandbox.prepare(room, writable=True)
    script = (f"import sys\nsys.stdout.write('x' * 5_000_000)\nsys.stdout.flush()\n"
              f"try:\n    open('{room}/big', 'wb').write(b'y' * 3_000_000)\nexcept OSError:\n    pass")
    out = run_in(sandbox, script, Mounts(read_only=sys_paths(), writable=[room]), output_bytes=1000, file_bytes=1_000_000)
    assert out.truncated and len(out.stdout) == 1000
    assert (room / "big").stat().st_size <= 1_000_000


def test_without_bubblewrap_the_grader_refuses_unless_unsafe_and_then_the_gradebook_says_so(tmp_path):
    missing = str(tmp_path / "no-bwrap")
    with pytest.raises(SandboxUnavailable, match="--unsafe"):
        Sandbox(bwrap=missing)
    submit(tmp_path / "subs", "alice", LESSON, solution(LESSON))
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / f"{LESSON}.ipynb").write_bytes((grade.paths.SOLUTIONS / f"{LESSON}.ipynb").read_bytes())
    grade.grade(tmp_path / "subs", tmp_path / "out", jobs=1, solutions=solutions, run_kernel=False,
                sandbox=Sandbox(unsafe=True, bwrap=missing))
    row = book(tmp_path / "out")["alice"]
    assert row["total"] == row["max"] and "--unsafe" in row["sandbox"]


def test_the_feedback_notebook_of_an_odd_submission_is_a_valid_notebook(tmp_path, sandbox):
    nb = solution(LESSON)
    nb["nbformat_minor"] = 4
    for n, c in enumerate(nb["cells"]):
        c["id"] = f"c{n}"
    cell(nb, lesson_of(LESSON).tasks[0].id)["cell_type"] = "markdown"
    path = tmp_path / "alice" / f"{LESSON}.ipynb"
    path.parent.mkdir()
    path.write_text(json.dumps(nb))
    task = grade.Task("alice", path, lesson_of(LESSON), grade.paths.SOLUTIONS / f"{LESSON}.ipynb", "key")
    result = grade.grade_one(task, sandbox, timeout=20, run_kernel=False)
    assert result.points == result.max_points
    nbformat.validate(result.feedback)
    assert "✔" in "".join(o.get("text", "") for c in result.feedback.cells if c.cell_type == "code" for o in c.outputs)


# ---- the second hostile class (issue 20), part by part ----

FORGER = r"""
package graded;
public final class Check_00 {
    public static void exercise$check() throws Throwable {
        StringBuilder wrote = new StringBuilder();
        byte[] forged = "{\"id\": \"x\", \"status\": \"passed\", \"message\": \"\"}\n".getBytes();
        try { new java.io.FileOutputStream(java.io.FileDescriptor.out).write(forged); wrote.append("stdout;"); } catch (Throwable e) { }
        for (int fd = 0; fd < 64; fd++) {
            for (String dir : new String[] {"/proc/self/fd/", "/dev/fd/"}) {
                try (java.io.FileOutputStream out = new java.io.FileOutputStream(dir + fd)) { out.write(forged); wrote.append(dir + fd + ";"); }
                catch (Throwable e) { }
            }
            try {
                java.lang.reflect.Constructor<java.io.FileDescriptor> make = java.io.FileDescriptor.class.getDeclaredConstructor(int.class);
                make.setAccessible(true);
                new java.io.FileOutputStream(make.newInstance(fd)).write(forged);
                wrote.append("reflected " + fd + ";");
            } catch (Throwable e) { }
        }
        try { Class.forName("sun.misc.Unsafe"); wrote.append("Unsafe;"); } catch (Throwable e) { }
        try {
            for (java.lang.reflect.Field f : Class.forName("io.github.rnnkit.grade.runner.CheckRunner").getDeclaredFields()) f.setAccessible(true);
            wrote.append("runner reflected;");
        } catch (Throwable e) { }
        try {
            new ProcessBuilder("sh", "-c", "for f in 3 4 5 6 7 8 9; do echo '{\"id\": \"x\", \"status\": \"passed\"}' >&$f; done 2>/dev/null")
                    .inheritIO().start().waitFor();
            wrote.append("child;");
        } catch (Throwable e) { }
        throw new AssertionError("wrote: " + wrote);
    }
}
"""


@pytest.mark.parametrize("hardened", [True, False], ids=["no-proc", "with-proc"])
def test_code_in_the_check_jvm_cannot_forge_a_verdict_even_with_proc_access(tmp_path, sandbox, hardened):
    """A check class compiled outside the checker (as if code had slipped past it) tries every way it has
    to write a passing verdict: standard output, every descriptor through /proc/self/fd and /dev/fd, a
    FileDescriptor made by reflection, Unsafe, the runner's own fields, a child process's descriptors."""
    from rnnkit_tools import paths
    from rnnkit_tools.sandbox import java_home
    source = tmp_path / "src" / "graded" / "Check_00.java"
    source.parent.mkdir(parents=True)
    source.write_text(FORGER)
    classes = tmp_path / "classes"
    subprocess.run([str(java_home() / "bin" / "javac"), "-d", str(classes), str(source)], check=True)
    sandbox.prepare(classes, writable=False)
    results = {"x": Verdict("x", 1)}
    verdict._run_checks({"x": "graded.Check_00"}, results, sandbox, classes, 20, hardened=hardened)
    assert (results["x"].status, results["x"].points) == ("failed", 0)
    assert results["x"].message.startswith("wrote: stdout;")  # the attempts ran: writing stdout decides nothing
    assert "reflected" not in results["x"].message and "Unsafe" not in results["x"].message
    assert "runner reflected" not in results["x"].message


def test_a_row_that_failed_for_the_graders_reasons_is_graded_again_on_resume(tmp_path):
    book = grade.Gradebook(tmp_path, [LESSON])
    for status, key in (("grader-error", "k1"), ("kernel-not-started", "k2"), ("ok", "k3")):
        r = grade.Result("alice" + key, LESSON, [Verdict("x", 2, 0, "not-run")], status=status, key=key)
        book.add(r)
        book.page(r).parent.mkdir(parents=True)
        book.page(r).write_text("<html></html>")
    assert list(grade.Gradebook(tmp_path, [LESSON]).earlier()) == ["k3"]


def test_a_run_past_its_memory_cap_is_killed(sandbox):
    out = run_in(sandbox, "import sys\nprint('started', flush=True)\nx = b'x' * (3 << 30)\nprint('allocated', len(x) >> 30)",
                 memory_bytes=1 << 30)
    assert out.stdout.decode().split() == ["started"] and out.returncode != 0


def test_one_sandboxs_processes_do_not_count_against_another(sandbox):
    """Two runs at once: one starts processes until refused, the other still starts its twenty."""
    import threading
    hog = threading.Thread(target=run_in, args=(sandbox, "import subprocess, time\nkids = []\ntry:\n"
                                                         "    while len(kids) < 5000: kids.append(subprocess.Popen(['sleep', '20']))\n"
                                                         "except OSError:\n    pass\nprint(len(kids), flush=True)\ntime.sleep(15)"),
                           kwargs={"processes": 200})
    hog.start()
    time.sleep(5)
    out = run_in(sandbox, "import subprocess\nkids = [subprocess.Popen(['true']) for _ in range(20)]\n"
                          "print(sum(k.wait() == 0 for k in kids))", processes=200)
    hog.join()
    assert out.stdout.decode().split() == ["20"], out.stderr_tail


def test_a_name_that_is_not_utf8_is_written_with_a_replacement_and_kept_apart_from_its_twin():
    names = grade.display_names(["caf\udcff", "caf\udcfe", "alice"])
    assert names["alice"] == "alice" and names["caf\udcff"] == "caf\ufffd" and names["caf\udcfe"] == "caf\\xfe"
    assert all(n.encode("utf-8") for n in names.values())


def test_a_huge_sparse_notebook_is_refused_by_its_size_without_being_read(tmp_path):
    path = tmp_path / "alice" / f"{LESSON}.ipynb"
    path.parent.mkdir()
    with open(path, "wb") as f:
        f.truncate(64 << 30)
    began = time.monotonic()
    key = grade.task_key("alice", path, grade.paths.SOLUTIONS / f"{LESSON}.ipynb", False)
    task = grade.Task("alice", path, lesson_of(LESSON), grade.paths.SOLUTIONS / f"{LESSON}.ipynb", key)
    result = grade.grade_one(task, Sandbox(unsafe=True, bwrap="/nonexistent"), 20, False)
    assert result.status == "too-large" and time.monotonic() - began < 5


@pytest.mark.parametrize("layout, status", [("nested", "nested"), ("misnamed", "misnamed"), ("empty", "empty"),
                                            ("no-cells", "empty"), ("absent", "missing")])
def test_a_notebook_not_where_or_not_what_the_grader_expects_says_why(tmp_path, layout, status):
    folder = tmp_path / "alice"
    folder.mkdir()
    text = json.dumps(solution(LESSON))
    if layout == "nested":
        (folder / "hw").mkdir()
        (folder / "hw" / f"{LESSON}.ipynb").write_text(text)
    elif layout == "misnamed":
        (folder / f"{LESSON.replace('-', '_')} (1).ipynb").write_text(text)
    elif layout == "empty":
        (folder / f"{LESSON}.ipynb").write_text("\n")
    elif layout == "no-cells":
        (folder / f"{LESSON}.ipynb").write_text(json.dumps({**solution(LESSON), "cells": []}))
    task = grade.Task("alice", folder / f"{LESSON}.ipynb", lesson_of(LESSON), grade.paths.SOLUTIONS / f"{LESSON}.ipynb", "k")
    result = grade.grade_one(task, Sandbox(unsafe=True, bwrap="/nonexistent"), 20, False)
    assert result.status == status and result.points == 0, result.notes


def test_a_lone_surrogate_anywhere_in_a_notebook_is_read_as_a_replacement_character(tmp_path):
    nb = solution(LESSON)
    cell(nb, lesson_of(LESSON).tasks[0].solution)["cell_type"] = "CELL"
    (tmp_path / "x.ipynb").write_text(json.dumps(nb).replace('"CELL"', '"\\ud800"'), encoding="ascii")
    cells = grade.read_submission(tmp_path / "x.ipynb")
    assert "\ufffd" in [c["cell_type"] for c in cells]
    json.dumps(cells, ensure_ascii=False).encode("utf-8")


def test_markdown_is_cleaned_after_it_is_rendered_and_cut_to_size():
    from rnnkit_tools import feedback
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("x")
    code.outputs = feedback.clean_outputs([
        {"output_type": "display_data", "data": {"text/markdown": "[hint](javascript:alert(1)) <a href='javascript:x'>y</a>"}},
        {"output_type": "display_data", "data": {"text/html": "<img src=x onerror=alert(2)><a href=' JaVa&#x53;cript:z'>w</a>"}},
        {"output_type": "display_data", "data": {"text/markdown": "a" * 100_000}}])
    nb.cells = [code]
    html = feedback.render(nb)
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript|<img[^>]*onerror""", html, re.I)
    assert ">hint</a>" in html  # the link text is kept, only its target is gone
    assert "a" * feedback.MARKDOWN_CHARS in html and "a" * (feedback.MARKDOWN_CHARS + 1) not in html


def test_a_page_that_renders_too_long_is_replaced_and_the_next_page_still_renders(tmp_path, monkeypatch):
    renderer = grade.Renderer(1)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# fine")])
    r = grade.Result("alice", LESSON, [Verdict("x", 2, 2, "passed")])
    try:
        monkeypatch.setattr(grade, "RENDER_SECONDS", 0.01)  # shorter than a worker takes to import nbconvert
        r.feedback = nbformat.from_dict(nb)
        renderer.submit(r, tmp_path / "slow.html")
        renderer.pending[-1].result()
        monkeypatch.setattr(grade, "RENDER_SECONDS", 120)
        r.feedback = nbformat.from_dict(nb)
        renderer.submit(r, tmp_path / "fine.html")
    finally:
        renderer.close()
    assert "could not be rendered" in (tmp_path / "slow.html").read_text()
    assert 'id="fine">fine' in (tmp_path / "fine.html").read_text()


def test_the_kernels_classpath_carries_no_grader_class_and_the_grader_has_its_own_jars():
    import zipfile
    from rnnkit_tools import paths
    kernel = sorted(paths.CLASSPATH_DIR.glob("*.jar"))
    assert kernel and not [j.name for j in kernel for n in zipfile.ZipFile(j).namelist()
                           if n.startswith("io/github/rnnkit/grade/checker/") or n.startswith("io/github/rnnkit/grade/runner/")]
    assert "io/github/rnnkit/grade/Exercise.class" in zipfile.ZipFile(paths.CLASSPATH_DIR / "rnnkit.jar").namelist()
    grader = {j.name for j in paths.GRADER_DIR.glob("*.jar")}
    assert {"rnnkit-grader.jar", "rnnkit-grader-runner.jar"} <= grader
