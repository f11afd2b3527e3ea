"""The grader's parts that need no JVM: reading submissions as leniently as Jupyter does, the
gradebook (CSVs, journal, resume), the student folders, and the sandbox itself."""
import json
import os
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
    nb4 = nbformat.from_dict(solution(LESSON))
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
