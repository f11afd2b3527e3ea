"""Judging what the page showed (run_lessons.mjs's report) against the notebook; the browser run itself is
./kit test's "lessons in JupyterLab 4 and Notebook 7" stage."""
from pathlib import Path

import nbformat

from rnnkit_tools import browser, paths

NOT_DONE = "org.opentest4j.AssertionFailedError: ✘ relu 0/1: not implemented yet. Replace the throw statement"
STDERR = browser.ERROR_MIME


def lesson():
    nb = nbformat.v4.new_notebook()
    check = nbformat.v4.new_code_cell('Exercise.check("relu", 1, "hint", () -> {});')
    check.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "relu", "points": 1}
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson\nThe bound $\\sigma' \\le 1/4$."),
                nbformat.v4.new_code_cell("Show.chart(c);"),
                nbformat.v4.new_code_cell("Show.table(t);\nShow.markdown(s);"),
                check]
    return nb


def out(mime, text="", images=0, tables=0):
    return {"mime": mime, "text": text, "images": images, "tables": tables, "math": 0}


def page(**changes):
    """What a student sees in a good run of lesson(): every cell as it should be."""
    cells = [{"type": "markdown", "prompt": "", "rendered": True, "math": 1, "text": "Lesson The bound σ′≤1/4.",
              "outputs": []},
             {"type": "code", "prompt": "[1]:", "rendered": None, "math": 0, "text": "",
              "outputs": [out("image/png", images=1)]},
             {"type": "code", "prompt": "[2]:", "rendered": None, "math": 0, "text": "",
              "outputs": [out("text/html", "σ table", tables=1), out("text/markdown", "Largest σ′: 0.25")]},
             {"type": "code", "prompt": "[3]:", "rendered": None, "math": 0, "text": "",
              "outputs": [out(STDERR, NOT_DONE)]}]
    for index, cell in changes.items():
        cells[int(index[1:])].update(cell)
    return {"notebook": "01-x.ipynb", "ui": "lab", "cells": cells}


def test_a_student_page_with_only_not_implemented_checks_passes():
    assert browser.problems(page(), lesson(), student=True) == []


def test_any_other_error_is_named_with_its_cell_and_what_the_student_saw():
    broken = page(c1={"outputs": [out(STDERR, "CompilationException: cannot find symbol\n  symbol: c")]})
    assert browser.problems(broken, lesson(), student=True) == [
        "cell 1 ('Show.chart(c);'): it shows an error; the student saw an error: CompilationException: cannot find "
        "symbol symbol: c",
        "cell 1 ('Show.chart(c);'): it draws a chart but shows no image; the student saw an error: "
        "CompilationException: cannot find symbol symbol: c"]


def test_an_exercise_check_that_passes_in_a_student_version_is_reported():
    passed = page(c3={"outputs": [out("application/vnd.jupyter.stdout", "✔ relu 1/1")]})
    assert browser.problems(passed, lesson(), student=True) == [
        "cell 3 ('Exercise.check(\"relu\", 1, \"hint\", () -> {});'): this exercise check should fail with "
        "'not implemented yet'; the student saw application/vnd.jupyter.stdout: ✔ relu 1/1"]


def test_in_a_solution_the_exercise_check_must_not_fail():
    found = browser.problems(page(), lesson(), student=False)
    assert len(found) == 1 and found[0].startswith("cell 3 ") and "it shows an error" in found[0]


def test_a_missing_image_or_table_is_reported():
    found = browser.problems(page(c1={"outputs": []}, c2={"outputs": [out("text/plain", "[table 3×2]")]}),
                             lesson(), student=True)
    assert found == ["cell 1 ('Show.chart(c);'): it draws a chart but shows no image; the student saw no output",
                     "cell 2 ('Show.table(t);'): it shows a table but no HTML table is there; the student saw "
                     "text/plain: [table 3×2]"]


def test_latex_left_as_dollars_is_reported_in_cells_and_in_markdown_outputs():
    raw = page(c0={"math": 0, "text": "The bound $\\sigma' \\le 1/4$."},
               c2={"outputs": [out("text/html", "t", tables=1), out("text/markdown", "gap $10^{-12}$")]})
    found = browser.problems(raw, lesson(), student=True)
    assert found[0].startswith("cell 0 ('# Lesson'): its LaTeX is not typeset (MathJax output: 0;")
    assert found[1].startswith("cell 2 ('Show.table(t);'): the LaTeX in its Markdown output is not typeset")


def test_unrendered_markdown_and_cells_that_did_not_run_are_reported():
    found = browser.problems(page(c0={"rendered": False}, c1={"prompt": "[*]:"}), lesson(), student=True)
    assert found == ["cell 0 ('# Lesson'): its Markdown is not rendered",
                     "cell 1 ('Show.chart(c);'): it did not run (prompt '[*]:'); the student saw an image"]


def test_a_page_with_other_cells_than_the_notebook_is_reported():
    fewer = page()
    fewer["cells"] = fewer["cells"][:3]
    assert browser.problems(fewer, lesson(), student=True) == ["the page shows 3 cells, the notebook has 4"]


def test_a_run_that_never_finished_reports_why_and_the_earlier_attempts():
    stalled = {"problem": "Run All stalled: 2 of 3 code cells had run", "earlierAttempts": ["the kernel was not ready"]}
    assert browser.problems(stalled, lesson(), student=True) == [
        "Run All stalled: 2 of 3 code cells had run", "(an earlier attempt: the kernel was not ready)"]


def test_every_lesson_runs_in_lab_and_the_notebook_7_set_in_notebook_7():
    lessons = paths.lessons()
    runs = browser.default_runs(lessons, None)
    assert [nb for ui, nb in runs if ui == "lab"] == lessons
    assert [nb.name for ui, nb in runs if ui == "notebook"] == list(browser.NOTEBOOK7_SET)
    assert browser.default_runs(lessons[:2], "both") == [(u, nb) for u in ("lab", "notebook") for nb in lessons[:2]]


def test_the_notebook_7_set_covers_every_kind_of_output_the_lessons_have():
    kinds = lambda nbs: {k for nb in nbs for cell in browser.expected_cells(nbformat.read(nb, as_version=4))
                         for k in ("chart", "table", "math", "check") if cell[k]}
    assert kinds(paths.NOTEBOOKS / name for name in browser.NOTEBOOK7_SET) == kinds(paths.lessons())


def test_the_fingerprint_sees_a_changed_byte(tmp_path):
    (tmp_path / "a.ipynb").write_text("{}")
    before = browser.fingerprint(tmp_path)
    (tmp_path / "a.ipynb").write_text("{ }")
    assert browser.fingerprint(tmp_path) != before and set(before) == {"a.ipynb"}


def test_served_names_keep_the_folder_under_notebooks():
    assert browser.served_name(paths.SOLUTIONS / "01-forward-pass.ipynb") == "solutions/01-forward-pass.ipynb"
    assert browser.served_name(Path("/elsewhere/01-x.ipynb")) == "01-x.ipynb"


def movable_lesson():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("Show.movable(figure);")]
    return nb


def movable_page(outputs, figures):
    cell = {"type": "code", "prompt": "[1]:", "rendered": None, "math": 0, "text": "", "outputs": outputs}
    return {"notebook": "m.ipynb", "ui": "lab", "cells": [cell], "figures": figures}


VEGA = {**out(browser.movable.MIME, "ρ 0.9"), "vega": 1, "knobs": 2}


def move(knob, before, after, changed):
    return {"knob": knob, "kind": "range", "before": before, "after": after, "changed": changed}


def test_a_movable_figure_whose_knobs_each_change_the_chart_passes():
    figures = [{"cell": 0, "moves": [move("ρ", "0.9", "0.95", True), move("shear s", "2", "3", True)]}]
    assert browser.problems(movable_page([VEGA], figures), movable_lesson(), student=True) == []


def test_a_movable_figure_the_page_does_not_draw_is_reported():
    found = browser.problems(movable_page([out("image/png", images=1)], []), movable_lesson(), student=True)
    assert found == ["cell 0 ('Show.movable(figure);'): it shows a movable figure but the page draws no Vega-Lite "
                     "chart with inputs; the student saw an image"]


def test_a_knob_that_does_not_move_or_does_not_change_the_chart_is_reported():
    figures = [{"cell": 0, "moves": [move("ρ", "0.9", "0.95", False), move("shear s", "4", "4", False)]}]
    assert browser.problems(movable_page([VEGA], figures), movable_lesson(), student=True) == [
        "cell 0: the knob 'ρ' (range) moved from '0.9' to '0.95', but the chart did not change",
        "cell 0: the knob 'shear s' (range) did not move from '4'"]


def test_without_notebooks_the_movable_fixture_runs_in_each_ui_asked_for():
    fixture = browser.MOVABLE_FIXTURE
    assert fixture.exists()
    assert browser.planned_runs([])[-2:] == [("lab", fixture), ("notebook", fixture)]
    assert [r for r in browser.planned_runs([], "lab") if r[1] == fixture] == [("lab", fixture)]
    assert all(nb != fixture for _, nb in browser.planned_runs([paths.lessons()[0]]))
