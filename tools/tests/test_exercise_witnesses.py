"""The wrong-answer fixture, proven without the grader (docs/exercises.md, "The wrong-answer
fixture"). In one JVM, with the lesson's imports and the kit on the classpath:

- every wrong answer differs from the instructor's reference on its witness, a valid input on which
  a check can tell them apart (a different value, a NaN, an exception, or an input changed by the
  call); the reference itself answers every witness, throwing nothing but the
  IllegalArgumentException a task asks for;
- every exercise's correct alternative agrees with the reference on every witness of that
  exercise (so a witness shows a wrong idea, not a rounding difference any answer would have);
- run directly (no grader, nothing forbidden), the reference and the alternatives pass their
  checks, every wrong answer fails its own, and every shortcut passes: only its exercise's
  forbidden list stands between it and full marks.

The grader's side (each wrong answer loses points, each shortcut scores 0 as forbidden, each
alternative keeps full marks) is test_grade_wrong_answers.py."""
import json

import pytest

from exercise_harness import LessonCode, Program, agree, differ
from rnnkit_tools import paths

FIXTURES = {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((paths.REPO / "tools" / "tests" / "wrong_answers").glob("*.json"))}
LESSONS = [p.stem for p in paths.lessons(paths.SOLUTIONS)]
MIN_WITNESSED = 5


def wrong_answers(lesson):
    for solution_id, answers in FIXTURES[lesson]["wrong"].items():
        for i, answer in enumerate(answers):
            yield solution_id, i, answer


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    codes = [LessonCode.read(lesson) for lesson in LESSONS]
    program = Program(codes)
    plan = {"witness": [], "alternative": [], "checks": []}
    for code in codes:
        lesson = code.name
        base = program.base(lesson)
        for task in code.tasks:
            program.call(f"check/{lesson}/{task.id}/reference", base, program.check(lesson, task.id))
        fixture = FIXTURES.get(lesson, {"wrong": {}, "alternative": {}})
        witnesses = {}
        for solution_id, i, answer in wrong_answers(lesson) if lesson in FIXTURES else []:
            task = code.task_of(solution_id)
            variant = program.variant(lesson, answer["source"])
            tag = f"{lesson}/{solution_id}/{i}"
            program.call(f"check/{tag}", variant, program.check(lesson, task.id))
            if "witness" in answer:
                method = program.witness(lesson, answer["witness"])
                witnesses.setdefault(solution_id, []).append(method)
                program.call(f"reference/{tag}", base, method)
                program.call(f"wrong/{tag}", variant, method)
                plan["witness"].append((lesson, solution_id, i))
        for solution_id, alternative in fixture.get("alternative", {}).items():
            task = code.task_of(solution_id)
            variant = program.variant(lesson, alternative["source"])
            program.call(f"check/{lesson}/{solution_id}/alternative", variant, program.check(lesson, task.id))
            for method in witnesses.get(solution_id, []):
                program.call(f"alternative/{lesson}/{solution_id}/{method}", variant, method)
                program.call(f"base/{lesson}/{solution_id}/{method}", base, method)
            plan["alternative"].append((lesson, solution_id, witnesses.get(solution_id, [])))
    return program.run(tmp_path_factory.mktemp("witnesses")), plan


def test_every_exercise_has_five_witnessed_wrong_answers_and_one_alternative():
    short = []
    for lesson in LESSONS:
        code = LessonCode.read(lesson)
        fixture = FIXTURES.get(lesson, {"wrong": {}, "alternative": {}})
        for task in code.tasks:
            answers = fixture["wrong"].get(task.solution, [])
            witnessed = [a for a in answers if a.get("witness")]
            if len(witnessed) < MIN_WITNESSED or task.solution not in fixture.get("alternative", {}):
                short.append(f"{lesson} {task.id}: {len(witnessed)} witnessed wrong answers, "
                             f"alternative {'present' if task.solution in fixture.get('alternative', {}) else 'missing'}")
            for a in answers:
                assert a["why"] and a["source"] and (a.get("witness") or a.get("shortcut")), (lesson, task.id, a["why"])
    assert short == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_reference_answers_every_witness(ran, lesson):
    results, plan = ran
    bad = []
    for lesson_, solution_id, i in plan["witness"]:
        if lesson_ != lesson:
            continue
        got = results[f"reference/{lesson}/{solution_id}/{i}"]
        if got.error or (got.threw and got.threw != "java.lang.IllegalArgumentException"):
            bad.append(f"{solution_id} #{i}: {got.describe()}")
    assert bad == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_wrong_answer_differs_from_the_reference_on_its_witness(ran, lesson):
    results, plan = ran
    same = []
    for lesson_, solution_id, i in plan["witness"]:
        if lesson_ != lesson:
            continue
        tag = f"{lesson}/{solution_id}/{i}"
        reference, wrong = results[f"reference/{tag}"], results[f"wrong/{tag}"]
        if not differ(reference, wrong):
            why = FIXTURES[lesson]["wrong"][solution_id][i]["why"]
            same.append(f"{solution_id} #{i} ({why}): reference {reference.describe(120)}, wrong {wrong.describe(120)}")
    assert same == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_alternative_agrees_with_the_reference_on_every_witness_of_its_exercise(ran, lesson):
    results, plan = ran
    apart = []
    for lesson_, solution_id, methods in plan["alternative"]:
        if lesson_ != lesson:
            continue
        for method in methods:
            mine = results[f"alternative/{lesson}/{solution_id}/{method}"]
            reference = results[f"base/{lesson}/{solution_id}/{method}"]
            if not agree(reference, mine):
                apart.append(f"{solution_id} {method}: reference {reference.describe(120)}, alternative {mine.describe(120)}")
    assert apart == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_run_directly_the_checks_pass_the_reference_alternatives_and_shortcuts_and_fail_every_wrong_answer(ran, lesson):
    results, _ = ran
    code = LessonCode.read(lesson)
    problems = []
    for task in code.tasks:
        got = results[f"check/{lesson}/{task.id}/reference"]
        if not got.returned:
            problems.append(f"reference {task.id}: {got.describe()}")
        alternative = results.get(f"check/{lesson}/{task.solution}/alternative")
        if alternative is not None and not alternative.returned:
            problems.append(f"alternative {task.id}: {alternative.describe()}")
    for solution_id, i, answer in wrong_answers(lesson) if lesson in FIXTURES else []:
        got = results[f"check/{lesson}/{solution_id}/{i}"]
        if answer.get("shortcut") and not got.returned:
            problems.append(f"shortcut {solution_id} #{i} ({answer['why']}) fails its check, so it shows no hole: {got.describe()}")
        if not answer.get("shortcut") and got.returned:
            problems.append(f"wrong answer {solution_id} #{i} ({answer['why']}) passes its check")
    assert problems == []
