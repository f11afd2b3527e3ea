"""A hostile class, graded for real: the attacks of issue 13 and more, built from a real lesson's
notebooks, and the second hostile class of issue 20 (its cases and sound outcomes in hostile_cases.py).
Each submission must score what its work deserves (0 where nothing was answered), and
nothing outside its own row and feedback may change: not the kit, not another student's row or
page, not the CSVs after the grader has exited.

Two batches keep it lean: the attacks that act from a running notebook are graded with the kernel
run (the sandbox is what is tested), the rest on the verdict path alone."""
import copy
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

import hostile_cases
from grading import (book, cell, hidden_lines, lesson_of, page_text, run, scores, solution, solution_lines, source,
                     student, submit, with_cell)
from rnnkit_tools import paths

LESSON = "04-tanh"
OTHER_LESSONS = [p.stem for p in paths.lessons(paths.SOLUTIONS) if p.stem != LESSON]
KIT = [paths.REPO / ".kit", paths.NOTEBOOKS, paths.REPO / "tools" / "rnnkit_tools"]


def fingerprint(folders) -> dict:
    """Every file under the folders, by its bytes."""
    found = {}
    for folder in folders:
        for p in sorted(Path(folder).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                found[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def full_marks() -> str:
    return f"{sum(t.points for t in lesson_of(LESSON).tasks):g}"


def attacked(statements: str) -> dict:
    """The student version with Java statements added to its first solution cell: they run in the
    feedback kernel; the verdict path leaves them out."""
    first = lesson_of(LESSON).tasks[0].solution
    nb = student(LESSON)
    return with_cell(nb, first, source(cell(nb, first)) + "\n" + statements)


def java(path) -> str:
    return json.dumps(str(path))


def class_folders(root: Path):
    """SUBMISSIONS, the output folder, and a solutions folder holding only the lesson."""
    solutions = root / "solutions"
    solutions.mkdir()
    shutil.copy2(paths.SOLUTIONS / f"{LESSON}.ipynb", solutions)
    return root / "submitted", root / "grades", solutions


# ---- the attacks that act from a running notebook: graded with the kernel run ----

@pytest.fixture(scope="module")
def kernel_batch(tmp_path_factory):
    subs, out, solutions = class_folders(tmp_path_factory.mktemp("hostile-kernel"))
    submit(subs, "alice", LESSON, solution(LESSON))
    submit(subs, "mallory-setsid", LESSON, attacked(
        f'new ProcessBuilder("setsid", "sh", "-c", "sleep 2; echo 9,9,9 >> " + {java(out / "gradebook.csv")}'
        f' + "; echo hacked >> " + {java(out / "scores.csv")}).start();'))
    submit(subs, "mallory-reader", LESSON, attacked(
        'String kit = System.getenv("RJK_CLASSPATH").replace("/.kit/classpath/*", "");\n'
        f'for (String dir : new String[] {{kit + "/notebooks/solutions", {java(paths.SOLUTIONS)}, {java(solutions)}}}) {{\n'
        '    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {\n'
        '        for (var f : files.toList()) System.out.println(java.nio.file.Files.readString(f));\n'
        '    } catch (Exception e) { System.out.println("cannot list " + dir + ": " + e); }\n'
        '}'))
    targets = [solutions / f"{LESSON}.ipynb", paths.CLASSPATH_DIR / "evil.jar", paths.SOLUTIONS / "evil.ipynb",
               out / "feedback" / "alice" / f"{LESSON}.html", out / "results.jsonl", out / "gradebook.csv"]
    submit(subs, "mallory-writer", LESSON, attacked(
        "for (String target : new String[] {" + ", ".join(java(t) for t in targets) + "}) {\n"
        '    try { java.nio.file.Files.writeString(java.nio.file.Path.of(target), "pwned"); System.out.println("wrote " + target); }\n'
        '    catch (Exception e) { System.out.println("refused " + target); }\n'
        '}'))
    submit(subs, "mallory-killer", LESSON, attacked(
        'new ProcessBuilder("sh", "-c", "kill -9 -1").start().waitFor();\n'
        'ProcessHandle.allProcesses().forEach(ProcessHandle::destroyForcibly);'))
    submit(subs, "mallory-printer", LESSON, attacked('System.out.print("x".repeat(50_000_000));'))
    kit = fingerprint([*KIT, solutions])
    began = time.monotonic()
    run(subs, out, solutions, jobs=2, run_kernel=True, timeout=60)
    seconds = time.monotonic() - began
    written = {name: (out / name).read_bytes() for name in ("gradebook.csv", "scores.csv", "results.jsonl")}
    time.sleep(4)  # longer than the setsid attack waits
    after = {name: (out / name).read_bytes() for name in written}
    return {"out": out, "book": book(out), "scores": scores(out), "kit_before": kit, "targets": targets,
            "kit_after": fingerprint([*KIT, solutions]), "written": written, "after": after, "seconds": seconds}


def test_every_attacker_gets_a_row_with_zero_and_the_victim_full_marks(kernel_batch):
    totals = {s: row["total"] for s, row in kernel_batch["book"].items()}
    assert totals == {"alice": full_marks(), "mallory-killer": "0", "mallory-printer": "0", "mallory-reader": "0",
                      "mallory-setsid": "0", "mallory-writer": "0"}


def test_a_detached_process_cannot_change_the_csvs_after_the_grader_exits(kernel_batch):
    assert kernel_batch["after"] == kernel_batch["written"]


def test_no_kit_file_changes_and_no_file_appears_in_the_kit(kernel_batch):
    assert kernel_batch["kit_after"] == kernel_batch["kit_before"]
    assert not (paths.CLASSPATH_DIR / "evil.jar").exists() and not (paths.SOLUTIONS / "evil.ipynb").exists()


def test_another_students_feedback_stays_the_graders(kernel_batch):
    text = page_text(kernel_batch["out"] / "feedback" / "alice" / f"{LESSON}.html")
    assert f"Score: {full_marks()} / {full_marks()}" in text and "pwned" not in text


def test_the_attacks_ran_and_were_refused(kernel_batch):
    feedback = kernel_batch["out"] / "feedback"
    writer = page_text(feedback / "mallory-writer" / f"{LESSON}.html")
    assert writer.count("refused /") == len(kernel_batch["targets"]) and "wrote /" not in writer
    assert "cannot list" in page_text(feedback / "mallory-reader" / f"{LESSON}.html")


def test_no_page_shows_another_lessons_solution_or_a_hidden_test(kernel_batch):
    # a line of another lesson's answer that this lesson's student version shows anyway is no secret here
    shown = json.dumps(student(LESSON))
    secrets = hidden_lines(LESSON) + [line for other in OTHER_LESSONS for line in solution_lines(other)
                                      if json.dumps(line)[1:-1] not in shown]
    assert secrets
    for page in (kernel_batch["out"] / "feedback").rglob("*.html"):
        text = page_text(page)
        assert [s for s in secrets if s in text] == [], page


def test_a_50_mb_print_makes_a_small_page(kernel_batch):
    page = kernel_batch["out"] / "feedback" / "mallory-printer" / f"{LESSON}.html"
    assert page.stat().st_size < 3_000_000
    assert "output cut at" in page_text(page)


def test_killing_every_process_in_reach_ends_only_the_attackers_own_run(kernel_batch):
    rows = {(s["student"], s["grade_id"]) for s in kernel_batch["scores"]}
    assert len(rows) == len(kernel_batch["book"]) * len(lesson_of(LESSON).tasks)
    assert "feedback run" in page_text(kernel_batch["out"] / "feedback" / "mallory-killer" / f"{LESSON}.html")


# ---- everything else: the verdict path alone ----

def first_variable(nb: dict) -> str:
    """A variable the lesson's first code cell declares."""
    code = next(source(c) for c in nb["cells"] if c["cell_type"] == "code")
    found = re.search(r"^(?:var|[A-Za-z][\w.<>\[\]]*)\s+(\w+)\s*=[^=]", code, re.M)
    assert found, "the lesson's first code cell declares no variable to reassign"
    return found.group(1)


def every_solution_cell(nb: dict, change) -> dict:
    nb = copy.deepcopy(nb)
    for task in lesson_of(LESSON).tasks:
        c = cell(nb, task.solution)
        c["source"] = change(source(c))
    return nb


def first_method(body: str) -> dict:
    """The solution, with the first exercise's method body replaced (its signature kept)."""
    first = lesson_of(LESSON).tasks[0].solution
    nb = solution(LESSON)
    header = source(cell(nb, first)).split("{", 1)[0]
    return with_cell(nb, first, header + "{\n" + body + "\n}\n")


@pytest.fixture(scope="module")
def verdict_batch(tmp_path_factory):
    subs, out, solutions = class_folders(tmp_path_factory.mktemp("hostile-verdicts"))
    tasks = lesson_of(LESSON).tasks
    variable = first_variable(solution(LESSON))
    shadow = "import io.github.rnnkit.grade.*;\nclass NoCheck { static void check(Object... a) { } }\nNoCheck Exercise = new NoCheck();\n"
    submit(subs, "shadow", LESSON, every_solution_cell(student(LESSON), lambda s: shadow + s))
    submit(subs, "reassign-unanswered", LESSON, every_solution_cell(student(LESSON), lambda s: s + f"\n{variable} = null;"))
    submit(subs, "reassign-answered", LESSON, every_solution_cell(solution(LESSON), lambda s: s + f"\n{variable} = null;"))
    prefilled = student(LESSON)
    for t in tasks:
        c = cell(prefilled, t.id)
        c["outputs"] = [{"output_type": "stream", "name": "stdout", "text": f"✔ {t.id} {t.points:g}/{t.points:g}\n"}]
        c["execution_count"] = 1
    submit(subs, "prefilled", LESSON, prefilled)
    markdown = solution(LESSON)
    cell(markdown, tasks[0].id)["cell_type"] = "markdown"
    submit(subs, "test-as-markdown", LESSON, markdown)
    ids = solution(LESSON)
    ids["nbformat_minor"] = 4
    for n, c in enumerate(ids["cells"]):
        c["id"] = f"c{n}"
    submit(subs, "cell-ids-on-4.4", LESSON, ids)
    submit(subs, ".dotted", LESSON, solution(LESSON))
    submit(subs, "zoë 李", LESSON, solution(LESSON))
    submit(subs, "nbformat-3", LESSON, nbformat.writes(nbformat.convert(nbformat.reads(json.dumps(solution(LESSON)), 4), 3), version=3))
    reordered = solution(LESSON)
    reordered["cells"] = [c for c in reordered["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                          not in {t.id for t in tasks}][::-1]
    submit(subs, "reordered-tests-deleted", LESSON, reordered)
    gutted = solution(LESSON)
    gutted["cells"] = [c for c in gutted["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                       not in {t.solution for t in tasks}]
    submit(subs, "solutions-deleted", LESSON, gutted)
    submit(subs, "forger", LESSON, first_method(
        'System.out.println("{\\"secret\\": \\"\\", \\"id\\": \\"' + tasks[0].id + '\\", \\"status\\": \\"passed\\"}");\n'
        'throw new RuntimeException("forged");'))
    submit(subs, "exit", LESSON, first_method("System.exit(0);\nthrow new RuntimeException();"))
    submit(subs, "looper", LESSON, first_method("while (true) { }"))
    submit(subs, "reflector", LESSON, first_method(
        'try { Class.forName("java.lang.Runtime").getMethod("exit", int.class); } catch (Exception e) { }\n'
        'throw new RuntimeException();'))
    submit(subs, "huge-cell", LESSON, with_cell(solution(LESSON), tasks[0].solution,
                                                source(cell(solution(LESSON), tasks[0].solution)) + "\n//" + "x" * 200_000))
    linked = subs / "linked-file"
    linked.mkdir()
    (linked / f"{LESSON}.ipynb").symlink_to(paths.SOLUTIONS / f"{LESSON}.ipynb")
    (subs / "linked-folder").symlink_to(subs / "cell-ids-on-4.4")
    (subs / "pipe").mkdir()
    os.mkfifo(subs / "pipe" / f"{LESSON}.ipynb")
    submit(subs, "broken-json", LESSON, '{"cells": [ this is not json')
    (subs / "empty").mkdir()
    kit = fingerprint(KIT)
    first_book, first_scores = run(subs, out, solutions, jobs=2, run_kernel=False, timeout=10)
    journal = (out / "results.jsonl").read_bytes()
    second_book, _ = run(subs, out, solutions, jobs=2, run_kernel=False, timeout=10)
    return {"out": out, "book": first_book, "scores": first_scores, "second": second_book, "kit": kit,
            "journal": journal, "journal_after": (out / "results.jsonl").read_bytes()}


def points(batch, who: str) -> dict:
    return {s["grade_id"]: (s["points"], s["status"]) for s in batch["scores"] if s["student"] == who}


def test_an_unanswered_submission_scores_zero_whatever_its_cells_shadow_or_reassign(verdict_batch):
    for who in ("shadow", "reassign-unanswered", "prefilled"):
        assert verdict_batch["book"][who]["total"] == "0", who
        assert all("not implemented yet" in s["message"] for s in verdict_batch["scores"] if s["student"] == who), who
    assert set(points(verdict_batch, "solutions-deleted").values()) == {("0", "missing")}


def test_what_a_solution_cell_may_not_hold_is_left_out_with_a_note(verdict_batch):
    page = page_text(verdict_batch["out"] / "feedback" / "shadow" / f"{LESSON}.html")
    assert "left out a variable (`NoCheck Exercise = new NoCheck();`)" in page


def test_honest_oddities_still_score_full_marks(verdict_batch):
    for who in ("reassign-answered", "test-as-markdown", "cell-ids-on-4.4", ".dotted", "zoë 李", "nbformat-3",
                "reordered-tests-deleted"):
        row = verdict_batch["book"][who]
        assert (row["total"], row["status"]) == (full_marks(), "ok"), who
    assert "was changed" not in page_text(verdict_batch["out"] / "feedback" / "nbformat-3" / f"{LESSON}.html")
    assert "was changed" in page_text(verdict_batch["out"] / "feedback" / "test-as-markdown" / f"{LESSON}.html")


def test_tricks_inside_a_method_lose_that_exercise_only(verdict_batch):
    tasks = lesson_of(LESSON).tasks
    expected = {"forger": "failed", "exit": "forbidden", "looper": "timeout", "reflector": "forbidden",
                "huge-cell": "missing"}
    for who, status in expected.items():
        mine = points(verdict_batch, who)
        assert mine[tasks[0].id] == ("0", status), who
        assert all(mine[t.id] == (f"{t.points:g}", "passed") for t in tasks[1:]), who


def test_links_are_not_followed_and_broken_or_empty_submissions_get_their_rows(verdict_batch):
    statuses = {who: verdict_batch["book"][who]["status"]
                for who in ("linked-file", "linked-folder", "pipe", "broken-json", "empty")}
    assert statuses == {"linked-file": f"{LESSON}: refused", "linked-folder": f"{LESSON}: refused",
                        "pipe": f"{LESSON}: refused", "broken-json": f"{LESSON}: unreadable", "empty": f"{LESSON}: missing"}
    assert all(verdict_batch["book"][who]["total"] == "0" for who in statuses)


def test_a_second_run_resumes_from_the_journal_without_grading_again(verdict_batch):
    assert verdict_batch["second"] == verdict_batch["book"]
    assert verdict_batch["journal_after"] == verdict_batch["journal"]


def test_the_verdict_path_changes_no_kit_file(verdict_batch):
    assert fingerprint(KIT) == verdict_batch["kit"]


def test_feedback_shows_no_hidden_test(verdict_batch):
    visible = " ".join(source(cell(student(LESSON), lesson_of(LESSON).tasks[0].id)).split()[:6])
    page = page_text(verdict_batch["out"] / "feedback" / "exit" / f"{LESSON}.html")
    assert visible in page  # the page does show the visible check, so absence below means something
    for p in (verdict_batch["out"] / "feedback").rglob("*.html"):
        text = page_text(p)
        assert [h for h in hidden_lines(LESSON) if h in text] == [], p


# ---- an interrupted batch ----

def test_a_killed_grader_leaves_its_finished_rows_and_no_process_behind(tmp_path):
    subs, out, solutions = class_folders(tmp_path)
    for who in ("a", "b", "c", "d"):
        submit(subs, who, LESSON, solution(LESSON))
    script = ("import sys; sys.path.insert(0, %r)\nfrom pathlib import Path\nfrom rnnkit_tools import grade\n"
              "grade.grade(Path(%r), Path(%r), jobs=1, solutions=Path(%r), run_kernel=False)"
              % (str(paths.REPO / "tools"), str(subs), str(out), str(solutions)))
    scratch = tmp_path / "scratch"  # the grader's working folders, so its sandboxes can be found by name
    scratch.mkdir()
    grader = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, start_new_session=True,
                              env={**os.environ, "TMPDIR": str(scratch)})
    session = os.getsid(grader.pid)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "gradebook.csv").exists():
        time.sleep(0.2)
    grader.send_signal(signal.SIGKILL)
    grader.wait()
    left = ["?"]
    for _ in range(30):  # a render worker notices within a second or two of starting that the grader is gone
        time.sleep(1)
        left = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True).stdout.split()
        left += subprocess.run(["pgrep", "-s", str(session)], capture_output=True, text=True).stdout.split()
        if not left:
            break
    assert left == []
    kept = book(out)
    assert 1 <= len(kept) < 4 and all(row["total"] == full_marks() for row in kept.values())
    final = run(subs, out, solutions, jobs=1)[0]
    assert sorted(final) == ["a", "b", "c", "d"] and all(row["total"] == full_marks() for row in final.values())


# ---- the second hostile class (issue 20): each case with its sound outcome (tools/tests/hostile_cases.py) ----

SECOND_CLASS = hostile_cases.cases()


@pytest.fixture(scope="module")
def second_class(tmp_path_factory):
    return hostile_cases.outcomes(tmp_path_factory.mktemp("hostile-2"), SECOND_CLASS)


@pytest.mark.parametrize("case", SECOND_CLASS, ids=[f"class{c.klass}-{c.who}" for c in SECOND_CLASS])
def test_the_second_hostile_class_is_graded_soundly(second_class, case):
    assert second_class[case.who] is None, f"{case.what}: {second_class[case.who]}"
