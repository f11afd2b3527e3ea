import nbformat

from rnnkit_tools.check import plot_cells_without_image, problems
from rnnkit_tools.execute import CellError, Report


def notebook_with(cells):
    nb = nbformat.v4.new_notebook()
    for source, outputs in cells:
        cell = nbformat.v4.new_code_cell(source)
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        nb.cells.append(cell)
    return nb


IMAGE = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBOR"}}


def clean_report(nb):
    return Report(path=None, status="ok", images=1, cells_run=len(nb.cells), code_cells=len(nb.cells), notebook=nb)


def test_a_clean_run_has_no_problems():
    nb = notebook_with([("Show.chart(c);", [IMAGE])])
    assert problems(clean_report(nb)) == []


def test_a_chart_cell_without_an_image_is_a_problem():
    nb = notebook_with([("Show.chart(c);", [IMAGE]), ("Show.chart(d);", [])])
    assert plot_cells_without_image(clean_report(nb)) == [1]
    assert "cell 1 calls Show.chart but shows no image" in problems(clean_report(nb))


def test_errors_stderr_stray_values_and_missing_cells_are_each_reported():
    nb = notebook_with([("a", [IMAGE]), ("b", []), ("c", [])])
    report = clean_report(nb)
    report.cells_run = 2
    report.errors = [CellError(1, "EvalException", "", "Compile error: cannot find symbol")]
    report.stderr = [2, 2]
    report.stray_values = [0]
    found = problems(report)
    assert "only 2 of 3 code cells ran" in found
    assert "error in cell 1: EvalException: Compile error: cannot find symbol" in found
    assert found.count("cell 2 wrote to stderr") == 1
    assert any(line.startswith("cell 0 ends in a bare value") for line in found)


def test_a_notebook_without_any_image_fails():
    nb = notebook_with([("int x = 1;", [])])
    report = clean_report(nb)
    report.images = 0
    assert problems(report) == ["no image in the whole notebook"]


def test_a_run_that_did_not_finish_reports_only_why():
    report = Report(path=None, status="timeout", detail="code cell 4 ran longer than 120 s")
    assert problems(report) == ["timeout: code cell 4 ran longer than 120 s"]


def test_a_movable_figure_without_its_png_fails_the_check():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "mark": "point", "data": {"values": []}}
    vega_only = {"output_type": "display_data", "metadata": {},
                 "data": {"application/vnd.vegalite.v5+json": spec, "text/plain": "a figure"}}
    nb = notebook_with([("Show.chart(c);", [IMAGE]), ("Show.movable(figure);", [vega_only])])
    assert "cell 1: it has no image/png of its default view" in problems(clean_report(nb))


def test_a_cell_calling_show_movable_that_shows_none_fails_the_check():
    nb = notebook_with([("Show.chart(c);", [IMAGE]), ("Show.movable(figure);", [IMAGE])])
    assert any(line.startswith("cell 1 calls Show.movable but shows no") for line in problems(clean_report(nb)))
