"""The exercise contract, graded by `./kit grade` (docs/exercises.md): for every lesson, the solution
scores full marks and the released student version 0 with "not implemented yet"; for every lesson's
tools/tests/wrong_answers/<lesson>.json, submission i (the solution with each exercise's i-th wrong
answer in its solution cell) loses points on every exercise it replaced, a library shortcut scoring
0 as forbidden; and the submission holding every exercise's correct alternative keeps full marks.
All of it is one batch, one `./kit grade --verdicts-only` run (the points come from the verdicts
alone; the kernel run beside them only feeds the feedback pages): one student folder per kind of
submission, holding every lesson. A stage of ./kit test of its own (it grades about a hundred
submissions). That each wrong answer is wrong (a witness input on which it differs from the
reference) is proven without the grader, in test_exercise_witnesses.py."""
import json
import re
import subprocess
import sys
import time

import pytest

from grading import book, cell, lesson_of, scores, solution, source, student, submit, with_cell
from rnnkit_tools import paths

pytestmark = pytest.mark.stage

LESSONS = [p.stem for p in paths.lessons(paths.SOLUTIONS)]
FIXTURES = {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((paths.REPO / "tools" / "tests" / "wrong_answers").glob("*.json"))}
ROUNDS = max((len(answers) for f in FIXTURES.values() for answers in f["wrong"].values()), default=0)
MIN_WRONG = 5


def alternative_submission(lesson: str):
    """The solution with every exercise's correct alternative in its solution cell."""
    nb = solution(lesson)
    for solution_id, alternative in FIXTURES[lesson].get("alternative", {}).items():
        nb = with_cell(nb, solution_id, alternative["source"])
    return nb


def wrong_submission(lesson: str, i: int):
    """The solution with every exercise's i-th wrong answer, and the solution cells replaced."""
    nb = solution(lesson)
    replaced = []
    for solution_id, answers in FIXTURES[lesson]["wrong"].items():
        if i < len(answers):
            nb = with_cell(nb, solution_id, answers[i]["source"])
            replaced.append(solution_id)
    return nb, replaced


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("contract")
    subs, out = root / "submitted", root / "grades"
    submitted = set()
    for lesson in LESSONS:
        submitted |= {("solution", lesson), ("student", lesson)}
        submit(subs, "solution", lesson, solution(lesson))
        submit(subs, "student", lesson, student(lesson))
    for lesson in FIXTURES:
        submitted.add(("alternative", lesson))
        submit(subs, "alternative", lesson, alternative_submission(lesson))
        for i in range(ROUNDS):
            nb, replaced = wrong_submission(lesson, i)
            if replaced:
                submitted.add((f"wrong-{i}", lesson))
                submit(subs, f"wrong-{i}", lesson, nb)
    began = time.monotonic()
    ran = subprocess.run([sys.executable, str(paths.REPO / "tools" / "kit.py"), "grade", str(subs), "--out", str(out),
                          "--jobs", "2", "--timeout", "30", "--verdicts-only"], cwd=str(paths.REPO))
    assert ran.returncode == 0, "./kit grade failed"
    rows = {(s["student"], s["notebook"], s["grade_id"]): s for s in scores(out)}
    for who, row in book(out).items():  # a later round need not hold every lesson: only those may be missing
        problems = [] if row["status"] == "ok" else row["status"].split("; ")
        assert [p for p in problems if (who, p.split(": ")[0]) in submitted or not p.endswith(": missing")] == [], row
    print(summary(rows, time.monotonic() - began))
    return rows


def summary(rows, seconds: float) -> str:
    """Per lesson: wrong answers graded, how many lost points, and the alternatives' score."""
    lines = [f"wrong-answer fixture graded by ./kit grade in {seconds:.0f} s:",
             f"{'lesson':<18} {'wrong':>5} {'rejected':>8} {'alternatives':>13}"]
    for lesson in sorted(FIXTURES):
        tasks = {t.solution: t for t in lesson_of(lesson).tasks}
        wrong = rejected = 0
        for solution_id, answers in FIXTURES[lesson]["wrong"].items():
            for i in range(len(answers)):
                wrong += 1
                rejected += float(rows[(f"wrong-{i}", lesson, tasks[solution_id].id)]["points"]) < tasks[solution_id].points
        got = sum(float(rows[("alternative", lesson, t.id)]["points"]) for t in tasks.values())
        lines.append(f"{lesson:<18} {wrong:>5} {rejected:>8} {got:>6g} of {sum(t.points for t in tasks.values()):g}")
    return "\n".join(lines)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_solution_scores_full_marks(graded, lesson):
    for task in lesson_of(lesson).tasks:
        row = graded[("solution", lesson, task.id)]
        assert (row["status"], row["points"]) == ("passed", f"{task.points:g}"), row


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_released_version_scores_zero_with_not_implemented_yet(graded, lesson):
    for task in lesson_of(lesson).tasks:
        row = graded[("student", lesson, task.id)]
        assert row["points"] == "0" and "not implemented yet" in row["message"], row


@pytest.mark.parametrize("lesson", sorted(FIXTURES))
def test_every_wrong_answer_loses_points_on_its_exercise(graded, lesson):
    lesson_ = lesson_of(lesson)
    by_solution = {t.solution: t for t in lesson_.tasks}
    kept = []
    for i in range(ROUNDS):
        _, replaced = wrong_submission(lesson, i)
        for solution_id in replaced:
            task = by_solution[solution_id]
            row = graded[(f"wrong-{i}", lesson, task.id)]
            if float(row["points"]) >= task.points:
                kept.append(f"{solution_id} #{i}: {FIXTURES[lesson]['wrong'][solution_id][i]['why']}")
    assert kept == [], "wrong answers that kept their points"


@pytest.mark.parametrize("lesson", sorted(FIXTURES))
def test_every_library_shortcut_scores_zero_as_forbidden(graded, lesson):
    by_solution = {t.solution: t for t in lesson_of(lesson).tasks}
    allowed = []
    for solution_id, answers in FIXTURES[lesson]["wrong"].items():
        for i, answer in enumerate(answers):
            if answer.get("shortcut"):
                row = graded[(f"wrong-{i}", lesson, by_solution[solution_id].id)]
                if (row["status"], row["points"]) != ("forbidden", "0"):
                    allowed.append(f"{solution_id} #{i}: {answer['why']}: {row['status']} {row['points']}")
    assert allowed == []


@pytest.mark.parametrize("lesson", sorted(FIXTURES))
def test_every_correct_alternative_keeps_full_marks(graded, lesson):
    alternatives = FIXTURES[lesson].get("alternative", {})
    for task in lesson_of(lesson).tasks:
        if task.solution in alternatives:
            row = graded[("alternative", lesson, task.id)]
            assert (row["status"], row["points"]) == ("passed", f"{task.points:g}"), (alternatives[task.solution]["why"], row)


@pytest.mark.parametrize("lesson", sorted(FIXTURES))
def test_every_exercise_has_wrong_answers_and_an_alternative(lesson):
    answers = FIXTURES[lesson]["wrong"]
    assert FIXTURES[lesson]["lesson"] == lesson
    assert {t.solution for t in lesson_of(lesson).tasks} == set(answers) == set(FIXTURES[lesson]["alternative"])
    assert all(len(a) >= MIN_WRONG and all(w["why"] and w["source"] for w in a) for a in answers.values())


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_test_cell_checks_its_own_id_and_points(lesson):
    nb = solution(lesson)
    for task in lesson_of(lesson).tasks:
        call = re.match(r'\s*Exercise\.check\("([^"]+)",\s*(\d+)', source(cell(nb, task.id)))
        assert call and call.group(1) == task.id and float(call.group(2)) == task.points, task.id
