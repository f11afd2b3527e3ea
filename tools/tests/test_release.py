import re

import nbformat
import pytest

from rnnkit_tools import paths, release

SOLUTION_CELL = {"grade": False, "grade_id": "relu-solution", "locked": False, "schema_version": 3,
                 "solution": True, "task": False}
TEST_CELL = {"grade": True, "grade_id": "relu", "locked": True, "points": 1, "schema_version": 3,
             "solution": False, "task": False}
METHOD = """double relu(double z) {
    // BEGIN SOLUTION
    return Math.max(0, z);
    // END SOLUTION
}"""
CHECK = """Exercise.check("relu", 1, "hint", () -> {
    Expect.equal(3.0, relu(3), "relu(3)");
    // BEGIN HIDDEN TESTS
    Expect.equal(0.0, relu(-2), "relu(-2)");
    // END HIDDEN TESTS
});"""


def lesson(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "rnnkit", "display_name": "Java (RNN Gradients Kit)", "language": "java"}
    nb.cells = list(cells)
    return nb


def code(source, nbgrader=None, outputs=()):
    cell = nbformat.v4.new_code_cell(source)
    if nbgrader:
        cell.metadata.nbgrader = dict(nbgrader)
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    cell.execution_count = 3 if outputs else None
    return cell


def exercise():
    shown = {"output_type": "stream", "name": "stdout", "text": "✔ relu 1/1\n"}
    return lesson(code(METHOD, SOLUTION_CELL), code(CHECK, TEST_CELL, [shown]))


def test_a_solution_becomes_the_java_stub_at_the_indent_of_its_marker():
    student = release.release_notebook(exercise())
    assert student.cells[0].source == ("double relu(double z) {\n    // YOUR CODE HERE\n"
                                       '    throw new UnsupportedOperationException("not implemented yet");\n}')


def test_hidden_tests_disappear_and_the_visible_ones_stay():
    check = release.release_notebook(exercise()).cells[1].source
    assert "relu(-2)" not in check and "HIDDEN" not in check
    assert 'Expect.equal(3.0, relu(3), "relu(3)");' in check


def test_outputs_and_execution_counts_are_cleared():
    check = release.release_notebook(exercise()).cells[1]
    assert check.outputs == [] and check.execution_count is None


def test_graded_cells_are_locked_and_carry_nbgraders_checksum():
    solution, check = release.release_notebook(exercise()).cells
    assert solution.metadata.deletable is False and "editable" not in solution.metadata
    assert check.metadata.deletable is False and check.metadata.editable is False
    sums = [solution.metadata.nbgrader.checksum, check.metadata.nbgrader.checksum]
    assert all(re.fullmatch("[0-9a-f]{32}", s) for s in sums) and sums[0] != sums[1]


def test_a_written_answer_in_markdown_becomes_your_answer_here():
    answer = nbformat.v4.new_markdown_cell("Why?\n### BEGIN SOLUTION\nBecause σ' ≤ 1/4.\n### END SOLUTION")
    answer.metadata.nbgrader = {**SOLUTION_CELL, "grade_id": "why", "grade": True, "points": 1}
    assert release.release_notebook(lesson(answer)).cells[0].source == "Why?\nYOUR ANSWER HERE"


def test_the_solution_notebook_is_left_untouched():
    nb = exercise()
    before = nbformat.writes(nb)
    release.release_notebook(nb)
    assert nbformat.writes(nb) == before


def test_the_same_solutions_give_the_same_bytes():
    nb = exercise()
    assert release.text_of(release.release_notebook(nb)) == release.text_of(release.release_notebook(nb))


def test_an_unclosed_solution_names_the_notebook_and_the_cell():
    nb = lesson(code("int x = 1;"), code("double f() {\n// BEGIN SOLUTION\nreturn 1;\n}", SOLUTION_CELL))
    with pytest.raises(release.ReleaseError, match=r"^lesson\.ipynb, cell 1: ClearSolutions: no end solution"):
        release.release_notebook(nb, "lesson.ipynb")


def test_a_solution_region_outside_a_solution_cell_is_refused():
    nb = lesson(code("double f() {\n// BEGIN SOLUTION\nreturn 1;\n// END SOLUTION\n}"))
    with pytest.raises(release.ReleaseError, match=r"cell 0: ClearSolutions: Solution region detected in a non-solution"):
        release.release_notebook(nb, "lesson.ipynb")


def test_a_notebook_in_another_language_is_refused_by_name():
    nb = exercise()
    nb.metadata.kernelspec.language = "python"
    with pytest.raises(release.ReleaseError, match=r"lesson\.ipynb: expected metadata.kernelspec.language 'java', got 'python'"):
        release.release_notebook(nb, "lesson.ipynb")


def test_release_writes_only_what_changed_and_then_is_in_sync(tmp_path):
    solutions, students = tmp_path / "solutions", tmp_path / "students"
    solutions.mkdir()
    students.mkdir()
    nbformat.write(exercise(), solutions / "01-x.ipynb")
    (students / "09-orphan.ipynb").write_text("{}")
    assert release.out_of_sync(solutions, students) == ["01-x.ipynb: missing from students/",
                                                        "09-orphan.ipynb: has no solution notebook"]
    assert release.release(solutions, students) == ["01-x.ipynb"]
    assert release.release(solutions, students) == []
    assert release.out_of_sync(solutions, students) == ["09-orphan.ipynb: has no solution notebook"]


def test_every_lesson_releases_and_keeps_every_non_solution_line():
    for path in paths.lessons(paths.SOLUTIONS):
        solution = nbformat.read(path, as_version=4)
        student = release.release_notebook(solution, path.name)
        assert len(student.cells) == len(solution.cells)
        for before, after in zip(solution.cells, student.cells):
            if "nbgrader" not in before.metadata:
                assert after.source == before.source, (path.name, before.source[:60])
