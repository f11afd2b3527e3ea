import csv
import shutil

import nbformat
import pytest

from rnnkit_tools import grade, paths

LESSON = "03-sigmoid-bound"
SOLUTION = paths.SOLUTIONS / f"{LESSON}.ipynb"
STUDENT = paths.NOTEBOOKS / f"{LESSON}.ipynb"


def read(path):
    return nbformat.read(path, as_version=4)


def cell(nb, grade_id):
    return grade.graded_cells(nb)[grade_id]


def submit(root, student, nb):
    folder = root / student
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{LESSON}.ipynb")


# ---- restoring test cells (no kernel needed) ----

def test_an_edited_test_cell_is_restored_from_the_solution():
    nb = read(STUDENT)
    cell(nb, "sigmoid-prime").source = 'Exercise.check("sigmoid-prime", 2, () -> {});'
    notes = grade.restore_tests(nb, read(SOLUTION))
    assert cell(nb, "sigmoid-prime").source == cell(read(SOLUTION), "sigmoid-prime").source
    assert "test cell 'sigmoid-prime' had been edited: restored" in notes


def test_restored_test_cells_carry_the_hidden_tests():
    nb = read(STUDENT)
    assert "BEGIN HIDDEN TESTS" not in cell(nb, "stable-sigmoid").source
    grade.restore_tests(nb, read(SOLUTION))
    assert "BEGIN HIDDEN TESTS" in cell(nb, "stable-sigmoid").source


def test_a_deleted_test_cell_comes_back_right_after_its_solution_cell():
    nb = read(SOLUTION)
    nb.cells.remove(cell(nb, "vanishing-bound"))
    notes = grade.restore_tests(nb, read(SOLUTION))
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert ids.index("vanishing-bound") == ids.index("vanishing-bound-solution") + 1
    assert "test cell 'vanishing-bound' had been deleted: restored" in notes


def test_reordered_and_missing_cells_are_noted():
    nb = read(SOLUTION)
    first, second = cell(nb, "stable-sigmoid-solution"), cell(nb, "sigmoid-prime-solution")
    i, j = nb.cells.index(first), nb.cells.index(second)
    nb.cells[i], nb.cells[j] = second, first
    nb.cells.remove(cell(nb, "vanishing-bound-solution"))
    notes = grade.restore_tests(nb, read(SOLUTION))
    assert "graded cells are out of order" in notes
    assert "solution cell 'vanishing-bound-solution' is missing" in notes


# ---- a whole class, graded in the real kernel ----

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    subs = root / "submitted"
    solution = read(SOLUTION)

    submit(subs, "alice", solution)
    submit(subs, "bob", read(STUDENT))

    carol = read(STUDENT)
    cell(carol, "stable-sigmoid-solution").source = cell(solution, "stable-sigmoid-solution").source
    cell(carol, "sigmoid-prime").source = 'Exercise.check("sigmoid-prime", 2, () -> {});'
    submit(subs, "carol", carol)

    dave = read(SOLUTION)
    dave.cells.remove(cell(dave, "vanishing-bound"))
    submit(subs, "dave", dave)

    (subs / "erin").mkdir()
    (subs / "erin" / f"{LESSON}.ipynb").write_text('{"cells": [ this is not json')

    frank = read(SOLUTION)
    cell(frank, "sigmoid-prime-solution").source = "double sigmoidPrime(double z) {\n    while (true) { }\n}"
    submit(subs, "frank", frank)

    gina = read(SOLUTION)
    cell(gina, "vanishing-bound-solution").source = (
        "double vanishingBound(double w, int T) {\n    System.exit(1);\n    return 0;\n}")
    submit(subs, "gina", gina)

    (subs / "henry").mkdir()

    solutions = root / "solutions"
    solutions.mkdir()
    shutil.copy2(SOLUTION, solutions / SOLUTION.name)
    out = root / "grades"
    grade.grade(subs, out, cell_timeout=10, jobs=2, solutions=solutions)
    with open(out / "gradebook.csv", newline="") as f:
        book = {row["student"]: row for row in csv.DictReader(f)}
    with open(out / "scores.csv", newline="") as f:
        scores = list(csv.DictReader(f))
    return out, book, scores


def test_the_gradebook_has_a_row_for_every_student(graded):
    _, book, _ = graded
    assert sorted(book) == ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "henry"]
    assert all(row["max"] == "6" for row in book.values())


def test_the_solution_scores_full_marks(graded):
    _, book, _ = graded
    assert (book["alice"][LESSON], book["alice"]["total"], book["alice"]["status"]) == ("6", "6", "ok")


def test_the_untouched_student_version_scores_zero_with_not_implemented_yet(graded):
    _, book, scores = graded
    assert book["bob"]["total"] == "0"
    mine = [s for s in scores if s["student"] == "bob"]
    assert len(mine) == 3
    assert all(s["status"] == "failed" and "not implemented yet" in s["message"] for s in mine)


def test_editing_a_test_to_pass_does_not_help(graded):
    _, book, scores = graded
    assert book["carol"]["total"] == "2"
    prime = next(s for s in scores if s["student"] == "carol" and s["grade_id"] == "sigmoid-prime")
    assert prime["status"] == "failed" and "not implemented yet" in prime["message"]


def test_a_deleted_test_cell_is_restored_and_scored(graded):
    _, book, _ = graded
    assert book["dave"]["total"] == "6"


def test_malformed_json_gets_its_row_with_zero_and_a_status(graded):
    _, book, scores = graded
    assert (book["erin"]["total"], book["erin"]["status"]) == ("0", f"{LESSON}: unreadable")
    assert all("could not be read" in s["message"] for s in scores if s["student"] == "erin")


def test_an_endless_loop_times_out_and_keeps_the_points_earned_before(graded):
    _, book, scores = graded
    assert book["frank"]["total"] == "2"
    assert book["frank"]["status"] == f"{LESSON}: timeout"
    status = {s["grade_id"]: s["status"] for s in scores if s["student"] == "frank"}
    assert status == {"stable-sigmoid": "passed", "sigmoid-prime": "failed", "vanishing-bound": "not-run"}


def test_system_exit_kills_the_kernel_but_not_the_batch(graded):
    _, book, _ = graded
    assert book["gina"]["total"] == "4"
    assert book["gina"]["status"] == f"{LESSON}: dead-kernel"


def test_a_missing_notebook_is_a_row_with_status_missing(graded):
    _, book, _ = graded
    assert (book["henry"]["total"], book["henry"]["status"]) == ("0", f"{LESSON}: missing")


def test_every_student_gets_a_feedback_page(graded):
    out, book, _ = graded
    for student in book:
        page = out / "feedback" / student / f"{LESSON}.html"
        assert page.exists(), page
    assert "Score: 6 / 6" in (out / "feedback" / "alice" / f"{LESSON}.html").read_text()
    assert "could not be run" in (out / "feedback" / "erin" / f"{LESSON}.html").read_text()
