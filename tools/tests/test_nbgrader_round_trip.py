"""The nbgrader round trip (a stage of ./kit test): a throw-away nbgrader course made of the kit's solution
notebooks, `nbgrader generate_assignment`, submissions from three students, `nbgrader autograde` and
`nbgrader export`, against `./kit release` and `./kit grade` on the same files.

Every lesson goes through generate_assignment; GRADED lessons are submitted and graded both ways (each run
executes every submission in a real kernel, so the set is kept small: two lessons, five exercises).
alice submits the solutions, bob the student version untouched, carol the student version with only the
first exercise of each lesson solved."""
import copy
import os
import subprocess
import sys
import time

import nbformat
import pytest

from rnnkit_tools import check, nbgrader_course, paths, release

pytestmark = pytest.mark.stage

GRADED = ("00-start-here", "01-forward-pass")
REPORT = paths.REPO / "target" / "nbgrader-round-trip"


def run(argv, cwd, check=True):
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    began = time.monotonic()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    print(f"  {' '.join(str(a) for a in argv[2:5])}: {time.monotonic() - began:.0f} s", flush=True)
    assert done.returncode == 0 or not check, f"{' '.join(map(str, argv))} failed:\n{(done.stdout + done.stderr)[-3000:]}"
    return done


def nbgrader(course, *args, check=True):
    return run([sys.executable, "-m", "nbgrader", *args], course, check)


def autograde(course, runs=3):
    """`nbgrader autograde`, run again while a kernel did not start: nbgrader has no start retry of its own
    (its Execute.execute_retries is not used in 0.9.6), rapaio 3.0.1 hangs on some starts, and a second run
    grades only the submissions the first one left out."""
    for _ in range(runs):
        done = nbgrader(course, "autograde", "*", check=False)
        if done.returncode == 0:
            return
        output = done.stdout + done.stderr
        assert "Kernel didn't respond" in output, f"nbgrader autograde failed:\n{output[-3000:]}"
    pytest.fail(f"nbgrader autograde: a kernel did not start in {runs} runs")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    nbgrader_course.make_course(root, paths.lessons(paths.SOLUTIONS))
    nbgrader(root, "generate_assignment", "*")
    return root


def read(path):
    return nbformat.read(path, as_version=4)


def test_generate_assignment_releases_what_kit_release_writes(course):
    for solution in paths.lessons(paths.SOLUTIONS):
        generated = read(course / "release" / solution.stem / solution.name)
        ours = release.release_notebook(read(solution), solution.name)
        assert generated.metadata == ours.metadata, solution.name
        assert len(generated.cells) == len(ours.cells), solution.name
        for index, (theirs, mine) in enumerate(zip(generated.cells, ours.cells)):
            assert (theirs.cell_type, theirs.source) == (mine.cell_type, mine.source), f"{solution.name} cell {index}"
            assert theirs.metadata == mine.metadata, f"{solution.name} cell {index}"


def first_exercise_only(solution, student):
    """The student version with the first solution cell taken from the solutions."""
    mixed = copy.deepcopy(student)
    first = next(i for i, c in enumerate(solution.cells) if c.metadata.get("nbgrader", {}).get("solution"))
    mixed.cells[first].source = solution.cells[first].source
    return mixed


def submit(course, kit_submissions):
    for stem in GRADED:
        solution = read(paths.SOLUTIONS / f"{stem}.ipynb")
        student = read(course / "release" / stem / f"{stem}.ipynb")
        for name, nb in (("alice", solution), ("bob", student), ("carol", first_exercise_only(solution, student))):
            for target in (course / "submitted" / name / stem / f"{stem}.ipynb", kit_submissions / name / f"{stem}.ipynb"):
                target.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, target)


def test_nbgrader_autograde_and_kit_grade_give_the_same_scores(course, tmp_path):
    kit_submissions, kit_grades = tmp_path / "submissions", tmp_path / "grades"
    submit(course, kit_submissions)
    autograde(course)
    nbgrader(course, "export")
    nbgrader_course.write_scores(course, course / "nbgrader-scores.csv")
    run([sys.executable, str(paths.REPO / "tools" / "kit.py"), "grade", str(kit_submissions), "--out", str(kit_grades),
         "--jobs", "2"],
        paths.REPO)

    theirs = nbgrader_course.read_scores(course / "nbgrader-scores.csv")
    ours = nbgrader_course.read_scores(kit_grades / "scores.csv")
    REPORT.mkdir(parents=True, exist_ok=True)
    shown = nbgrader_course.table(theirs, ours, GRADED)
    (REPORT / "score-table.md").write_text(shown + "\n")
    print(f"\n{shown}\n(the other lessons: not submitted, 0 on both sides)")
    assert nbgrader_course.differences(theirs, ours) == []
    assert nbgrader_course.differences(nbgrader_course.read_export(course / "grades.csv"),
                                       nbgrader_course.totals(ours)) == []

    # What was predicted: full marks, nothing, and the points of the first exercise of each lesson.
    total = nbgrader_course.totals(ours)
    for stem in GRADED:
        solution = read(paths.SOLUTIONS / f"{stem}.ipynb")
        points = [solution.cells[i].metadata.nbgrader.points for i in check.test_cells(solution)]
        assert [total[(student, stem)][0] for student in ("alice", "bob", "carol")] == [sum(points), 0, points[0]]
