"""No open shortcuts (docs/exercises.md, "Forbidden calls"): what the library exports that computes
an exercise's answer is forbidden by that exercise, and the grader says so.

1. Cores, closed by the grader. Each exercise's `metadata.rnnkit.forbidden` names its core (the
   library code that computes its answer); the grader forbids with it every kit method that can
   reach it, through its own call graph of the lesson jar. This module reads a second call graph
   of the kit, independently (javap; virtual calls to every override, lambdas to their bodies:
   kit_calls), and requires the grader's to reach whatever this one reaches.
2. Found, not listed by hand. For every exercise, every one-line answer the kit's signatures allow
   (kit_shortcuts: up to two kit calls on the exercise's arguments, constants and the kit's static
   fields) is screened on the arguments of the fixture's witnesses; those that agree with the
   reference there run the exercise's check directly; those that pass it are graded by the
   grader, and each must score 0, as forbidden. The enumeration must find the shortcuts known to
   exist, or it proves nothing."""
import json
from typing import Dict, List, Tuple

import pytest

import kit_calls
import kit_shortcuts as ks
from exercise_harness import CompileError, LessonCode, Program
from grading import run, solution, submit, with_cell
from rnnkit_tools import paths

LESSONS = [p.stem for p in paths.lessons(paths.SOLUTIONS)]
FIXTURES = {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((paths.REPO / "tools" / "tests" / "wrong_answers").glob("*.json"))}
# one-line shortcuts the enumeration has to find, since they exist: (lesson, exercise, expression)
KNOWN = [("00-start-here", "warm-up-relu", "io.github.rnnkit.activation.Activations.RELU.apply(z)"),
         ("00-start-here", "spectral-radius", "io.github.rnnkit.util.Matrices.spectralRadius(W)"),
         ("01-forward-pass", "stable-softmax", "io.github.rnnkit.core.Softmax.of(o)"),
         ("03-sigmoid-bound", "sigmoid-prime", "io.github.rnnkit.activation.Activations.SIGMOID.derivative(z)"),
         ("04-tanh", "sigmoid-twin", "io.github.rnnkit.rnn.TanhAsSigmoid.params(p)"),
         ("05-relu", "growth-rate", "io.github.rnnkit.util.Matrices.spectralRadius(W)"),
         ("05-relu", "dead-units", "io.github.rnnkit.rnn.DeadUnits.of(rnn, sequences)")]


@pytest.fixture(scope="module")
def graph():
    return kit_calls.CallGraph(kit_calls.read_classes())


def kit_members(graph):
    return [m for c in graph.classes.values() for m in c.members.values()]


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_forbidden_entry_names_a_kit_class_or_member(graph, lesson):
    members = kit_members(graph)
    unknown = [(task.id, entry) for task in LessonCode.read(lesson).tasks for entry in task.forbidden
               if not any(kit_calls.forbids([entry], m, graph) for m in members)]
    assert unknown == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_grader_forbids_every_kit_method_that_reaches_a_forbidden_one(graph, lesson):
    """Two call graphs of the kit, read independently (javap here, ASM in the grader's build):
    whatever this one says reaches an exercise's forbidden list, the grader's reaches too."""
    members = kit_members(graph)
    api = [m for m in graph.public_api() if m.kind != "field"]
    theirs = kit_calls.grader_edges()
    missed = []
    for task in LessonCode.read(lesson).tasks:
        banned = {m.key for m in members if kit_calls.forbids(task.forbidden, m, graph)}
        mine, grader = graph.reaching(banned), kit_calls.reaching_in(theirs, banned)
        for m in api:
            if m.key in mine and m.key not in grader and not kit_calls.forbids(task.forbidden, m, graph):
                missed.append(f"{task.id}: {kit_calls.readable(m.key)} runs what the exercise forbids, but the grader's graph misses it")
    assert sorted(set(missed)) == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_forbidden_entry_is_in_the_graders_call_graph(graph, lesson):
    """A list names cores the grader's graph knows: each entry matches a node of its graph."""
    nodes = set(kit_calls.grader_edges()) | {n for targets in kit_calls.grader_edges().values() for n in targets}
    members = {m.key: m for m in kit_members(graph)}
    unknown = [(task.id, entry) for task in LessonCode.read(lesson).tasks for entry in task.forbidden
               if not any(kit_calls.forbids([entry], members[key], graph) for key in nodes if key in members)]
    assert unknown == []


def witnesses(lesson: str) -> List[str]:
    return [a["witness"] for answers in FIXTURES.get(lesson, {}).get("wrong", {}).values() for a in answers if a.get("witness")]


def compiled(program: Program, work, screens: Dict[str, Tuple[str, ks.Signature, str, List[str]]]):
    """Runs the program, first dropping each candidate javac refuses (a few rounds)."""
    for attempt in range(8):
        try:
            return program.run(work / f"try{attempt}")
        except CompileError as e:
            bad = {}
            for cls, line in e.errors:
                if cls not in screens:
                    raise
                found = __import__("re").search(r"public Object c(\d+)\(", line)
                if not found:
                    raise
                bad.setdefault(cls, set()).add(int(found.group(1)))
            for cls, indices in bad.items():
                lesson, sig, tag, exprs = screens[cls]
                kept = [x for n, x in enumerate(exprs) if n not in indices]
                screens[cls] = (lesson, sig, tag, kept)
                program.replace_variant(cls, ks.screen_class(sig, tag, kept)[0])
    raise AssertionError("the candidates still do not compile after 8 rounds")


@pytest.fixture(scope="module")
def shortcuts(graph, tmp_path_factory):
    """Every one-line candidate that passes its exercise's check when nothing is forbidden:
    (lesson, exercise id, solution id, expression)."""
    work = tmp_path_factory.mktemp("shortcuts")
    api = ks.Api(graph)
    codes = [LessonCode.read(lesson) for lesson in LESSONS]
    program = Program(codes)
    screens: Dict[str, Tuple[str, ks.Signature, str, List[str]]] = {}
    for code in codes:
        methods = [program.witness(code.name, w) for w in witnesses(code.name)]
        for task in code.tasks:
            sig = ks.signature(code.solutions[task.solution])
            tag = f"{code.name}/{task.id}"
            recorder = program.variant(code.name, ks.recorder(sig, tag))
            for method in methods:
                program.call(f"record/{tag}/{method}", recorder, method)
            exprs = ks.candidates(sig, api)
            screen = program.variant(code.name, ks.screen_class(sig, tag, exprs)[0])
            screens[screen] = (code.name, sig, tag, exprs)
    for screen, (_, _, tag, _) in screens.items():
        program.call(f"screen/{tag}", screen, "screen")
    results = compiled(program, work / "screen", screens)
    survivors = []
    for screen, (lesson, sig, tag, exprs) in screens.items():
        got = results[f"screen/{tag}"]
        assert got.returned, f"{tag}: {got.describe()}"
        picked = got.value["string"]
        survivors += [(lesson, tag.split("/")[1], sig, exprs[int(n)]) for n in picked.split(",") if n]
    checks = Program(codes)
    for n, (lesson, task_id, sig, expr) in enumerate(survivors):
        variant = checks.variant(lesson, ks.one_liner(sig, expr))
        checks.call(f"{n}", variant, checks.check(lesson, task_id))
    passed = checks.run(work / "check")
    by_code = {c.name: c for c in codes}
    return [(lesson, task_id, next(t.solution for t in by_code[lesson].tasks if t.id == task_id), ks.one_liner(sig, expr), expr)
            for n, (lesson, task_id, sig, expr) in enumerate(survivors) if passed[f"{n}"].returned]


def test_the_enumeration_finds_the_shortcuts_known_to_exist(shortcuts):
    found = {(lesson, task_id, expr) for lesson, task_id, _, _, expr in shortcuts}
    assert [k for k in KNOWN if k not in found] == []


def test_every_one_line_shortcut_scores_zero_as_forbidden(shortcuts, tmp_path_factory):
    root = tmp_path_factory.mktemp("graded-shortcuts")
    subs, out, solutions = root / "submitted", root / "grades", root / "solutions"
    solutions.mkdir()
    for lesson in LESSONS:
        (solutions / f"{lesson}.ipynb").write_bytes((paths.SOLUTIONS / f"{lesson}.ipynb").read_bytes())
    rounds: Dict[Tuple[str, int], Dict[str, Tuple[str, str, str]]] = {}
    for lesson, task_id, solution_id, source, expr in shortcuts:
        i = 0
        while solution_id in rounds.get((lesson, i), {}):
            i += 1
        rounds.setdefault((lesson, i), {})[solution_id] = (task_id, source, expr)
    for (lesson, i), cells in rounds.items():
        nb = solution(lesson)
        for solution_id, (_, source, _) in cells.items():
            nb = with_cell(nb, solution_id, source)
        submit(subs, f"shortcut-{i}", lesson, nb)
    _, scores = run(subs, out, solutions, jobs=2, timeout=30)
    rows = {(s["student"], s["notebook"], s["grade_id"]): s for s in scores}
    kept = []
    for (lesson, i), cells in rounds.items():
        for solution_id, (task_id, _, expr) in cells.items():
            row = rows[(f"shortcut-{i}", lesson, task_id)]
            if (row["status"], row["points"]) != ("forbidden", "0"):
                kept.append(f"{lesson} {task_id}: return {expr}; -> {row['status']} {row['points']}")
    assert kept == []
