import nbformat

from rnnkit_tools import paths, render

LESSON = paths.NOTEBOOKS / "03-sigmoid-bound.ipynb"


def test_the_title_is_the_first_level_one_heading():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Intro\n# 03 · The bound\n## Part")]
    assert render.title_of(nb, "fallback") == "03 · The bound"
    assert render.title_of(nbformat.v4.new_notebook(), "fallback") == "fallback"


def test_the_index_links_every_page_and_escapes_titles():
    page = render.index_page([("a.html", "A <b>"), ("b.html", "B")])
    assert '<a href="a.html">A &lt;b&gt;</a>' in page
    assert '<a href="b.html">B</a>' in page


def test_a_rendered_site_has_an_index_and_a_page_with_the_lessons_images(tmp_path):
    assert render.render([LESSON], site=tmp_path) == 0
    page = (tmp_path / "03-sigmoid-bound.html").read_text()
    assert page.count("data:image/png;base64") >= 4
    assert render.CHECK_NOTE.strip("*") in page
    assert "✘" not in page, "an exercise check's failure is shown"
    assert '<a href="03-sigmoid-bound.html">' in (tmp_path / "index.html").read_text()


def test_a_notebook_becomes_one_html_page_with_its_images_inline():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("Show.chart(c);")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    nb.cells = [nbformat.v4.new_markdown_cell("# Sigmoid & tanh"), cell]
    page = render.html_of(nb)
    assert page.startswith("<!DOCTYPE html>") and "data:image/png;base64,iVBORw0KGgo=" in page
    assert "Sigmoid &amp; tanh" in page
