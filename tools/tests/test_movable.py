"""Show.movable end to end in the real kernel: the fixture notebook's figure is one output holding a Vega-Lite
spec that validates against the schemas of the Vega-Lite JupyterLab 4 and Notebook 7 render with, a PNG of
its default view and a line of text; nbconvert's HTML and the static site show the PNG. (The browser check
moves its sliders in Chromium.)"""
import base64
import copy
import re
import struct
from pathlib import Path

import nbformat
import pytest

from rnnkit_tools import movable, render
from rnnkit_tools.execute import execute

FIXTURE = Path(__file__).parent / "fixtures" / "movable.ipynb"
FIGURE_CELL = 3


@pytest.fixture(scope="module")
def executed():
    report = execute(FIXTURE)
    assert report.clean, f"{report.status}: {report.detail} {report.errors}"
    return report.notebook


@pytest.fixture(scope="module")
def bundle(executed):
    outputs = movable.movable_outputs(executed.cells[FIGURE_CELL])
    assert len(outputs) == 1, executed.cells[FIGURE_CELL].outputs
    return outputs[0]["data"]


def png_size(png_base64: str):
    raw = base64.b64decode(png_base64)
    assert raw.startswith(movable.PNG_MAGIC)
    return struct.unpack(">II", raw[16:24])  # the IHDR chunk: width, height


def test_the_figure_is_one_output_with_vega_lite_a_png_and_text_and_nothing_else(executed, bundle):
    assert [o.output_type for o in executed.cells[FIGURE_CELL].outputs] == ["display_data"]
    assert list(bundle) == [movable.MIME, "image/png", "text/plain"]
    assert isinstance(bundle[movable.MIME], dict), "the spec must reach the notebook as JSON, not as a string"
    assert movable.problems(executed) == []


def test_the_spec_validates_against_the_schemas_of_both_uis(bundle):
    assert movable.schema_problems(bundle[movable.MIME]) == []


def test_a_broken_spec_is_named_with_where_it_breaks(bundle):
    broken = copy.deepcopy(bundle[movable.MIME])
    broken["mark"]["type"] = "squiggle"
    found = movable.schema_problems(broken)
    assert len(found) == len(movable.SCHEMAS) and all("not valid Vega-Lite" in p for p in found)
    assert all('at /mark/type ("squiggle")' in p for p in found), found


def test_the_spec_is_small_and_its_size_is_what_the_notebook_says(executed, bundle):
    size = movable.spec_bytes(bundle[movable.MIME])
    said = executed.cells[FIGURE_CELL + 1].outputs[0]["data"]["text/markdown"]
    points, settings, stated = map(int, re.findall(r"\d+", said))
    assert size < movable.MAX_BYTES
    assert abs(size - stated) <= 0.01 * stated, f"Java wrote {stated} bytes, the notebook holds {size}"
    assert settings == 6 * 5 and points == len(bundle[movable.MIME]["data"]["values"])


def test_the_png_shows_the_setting_the_sliders_start_at(bundle):
    assert png_size(bundle["image/png"]) == (720, 420)
    starts = {p["name"]: p["value"] for p in bundle[movable.MIME]["params"]}
    assert starts == {"rho": 0.9, "shear": 2}
    assert "shown at spectral radius ρ = 0.9, shear s = 2." in bundle["text/plain"]


def test_nbconvert_and_the_static_site_show_the_png_and_no_vega(executed, bundle, tmp_path):
    page = render.html_of(executed)
    render.render_page(nbformat.from_dict(copy.deepcopy(executed)), tmp_path / "movable.html")
    site = (tmp_path / "movable.html").read_text(encoding="utf-8")
    for html in (page, site):
        assert f'src="data:image/png;base64,{bundle["image/png"]}' in html
        assert "vega-embed" not in html and "vegalite" not in html


def test_a_cell_that_calls_show_movable_but_shows_no_figure_is_reported():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("Show.movable(figure);")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    nb.cells = [cell]
    assert movable.problems(nb) == [f"cell 0 calls Show.movable but shows no {movable.MIME} output"]


def test_a_spec_sent_as_a_string_or_without_its_png_is_reported():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("Show.movable(figure);")
    cell.outputs = [nbformat.v4.new_output("display_data", data={movable.MIME: '{"mark": "line"}', "text/plain": "t"})]
    nb.cells = [cell]
    assert movable.problems(nb) == [f"cell 0: its {movable.MIME} is a str, not a JSON object",
                                    "cell 0: it has no image/png of its default view"]
