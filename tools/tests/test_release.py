"""What the kit adds to nbgrader's preprocessors: the Java stub, the language check, the cell a failing step
stops at, solutions left untouched, the same bytes in every process, and the sync check. What nbgrader's own
steps do (hidden tests, outputs, locks, checksums) is compared with `nbgrader generate_assignment` on every
lesson by the round-trip stage (test_nbgrader_round_trip.py)."""
import os
import subprocess
import sys

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


def test_the_solution_notebook_is_left_untouched():
    nb = exercise()
    before = nbformat.writes(nb)
    release.release_notebook(nb)
    assert nbformat.writes(nb) == before


RELEASE_IN_A_NEW_PROCESS = """
import sys
sys.path.insert(0, sys.argv[1])
import nbformat
from rnnkit_tools import release
print(release.text_of(release.release_notebook(nbformat.read(sys.argv[2], as_version=4))), end="")
"""


def test_the_same_solutions_give_the_same_bytes_in_every_process(tmp_path):
    solution = tmp_path / "01-x.ipynb"
    nbformat.write(exercise(), solution)
    texts = {subprocess.run([sys.executable, "-c", RELEASE_IN_A_NEW_PROCESS, str(paths.REPO / "tools"), str(solution)],
                            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True,
                            check=True).stdout for seed in ("1", "2")}
    assert len(texts) == 1 and '"checksum"' in texts.pop()


def test_the_released_stub_compiles_and_throws_not_implemented_yet(tmp_path):
    """The stub is the kit's (nbgrader has none for Java): javac must accept it in the method it replaces."""
    stub = release.release_notebook(exercise()).cells[0].source
    source = tmp_path / "Lesson.java"
    source.write_text("public class Lesson {\n" + stub + "\n"
                      "public static void main(String[] args) { System.out.println(new Lesson().relu(3)); }\n}\n")
    run = subprocess.run(["java", str(source)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and run.stdout == "", run.stderr
    assert "java.lang.UnsupportedOperationException: not implemented yet" in run.stderr, run.stderr


def test_an_unclosed_solution_names_the_notebook_and_the_cell():
    nb = lesson(code("int x = 1;"), code("double f() {\n// BEGIN SOLUTION\nreturn 1;\n}", SOLUTION_CELL))
    with pytest.raises(release.ReleaseError, match=r"^lesson\.ipynb, cell 1: ClearSolutions: no end solution"):
        release.release_notebook(nb, "lesson.ipynb")


def test_a_solution_region_outside_a_solution_cell_is_found_after_a_valid_exercise():
    nb = exercise()
    nb.cells.append(code("double f() {\n// BEGIN SOLUTION\nreturn 1;\n// END SOLUTION\n}"))
    with pytest.raises(release.ReleaseError, match=r"^lesson\.ipynb, cell 2: ClearSolutions: Solution region detected"):
        release.release_notebook(nb, "lesson.ipynb")


def test_a_fault_of_no_single_cell_is_said_to_be_the_notebooks():
    nb = exercise()
    nb.cells.append(code(METHOD.replace("relu", "relu2"), SOLUTION_CELL))  # a second cell with the same grade_id
    with pytest.raises(release.ReleaseError, match=r"^lesson\.ipynb, the notebook as a whole: CheckCellMetadata"):
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


def test_the_sync_check_sees_a_changed_solution_and_a_hand_edited_student_version(tmp_path):
    solutions, students = tmp_path / "solutions", tmp_path / "students"
    solutions.mkdir()
    students.mkdir()
    nbformat.write(exercise(), solutions / "01-x.ipynb")
    release.release(solutions, students)
    assert release.out_of_sync(solutions, students) == []
    changed = exercise()
    changed.cells[1].source = changed.cells[1].source.replace("relu(3)", "relu(4)")  # a visible check edited
    nbformat.write(changed, solutions / "01-x.ipynb")
    assert release.out_of_sync(solutions, students) == ["01-x.ipynb: differs from the release of solutions/01-x.ipynb"]
    release.release(solutions, students)
    student = nbformat.read(students / "01-x.ipynb", as_version=4)
    student.cells[0].source = student.cells[0].source.replace("// YOUR CODE HERE", "// YOUR CODE HERE ")
    nbformat.write(student, students / "01-x.ipynb")
    assert release.out_of_sync(solutions, students) == ["01-x.ipynb: differs from the release of solutions/01-x.ipynb"]


def test_every_lesson_releases_and_keeps_every_non_solution_line():
    for path in paths.lessons(paths.SOLUTIONS):
        solution = nbformat.read(path, as_version=4)
        student = release.release_notebook(solution, path.name)
        assert len(student.cells) == len(solution.cells)
        for before, after in zip(solution.cells, student.cells):
            if "nbgrader" not in before.metadata:
                assert after.source == before.source, (path.name, before.source[:60])
