"""The README and the start page must describe the lessons and commands that exist."""
import re
import subprocess

import nbformat

from rnnkit_tools import paths

README = (paths.REPO / "README.md").read_text(encoding="utf-8")


def start_page_text():
    nb = nbformat.read(paths.SOLUTIONS / paths.START_PAGE, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_the_readme_map_links_every_lesson_and_no_other():
    linked = set(re.findall(r"\(notebooks/([0-9]{2}-[a-z0-9-]+\.ipynb)\)", README))
    assert linked == {p.name for p in paths.lessons()}


def test_the_start_page_map_links_every_other_lesson_and_no_other():
    linked = set(re.findall(r"\(([0-9]{2}-[a-z0-9-]+\.ipynb)\)", start_page_text()))
    assert linked == {p.name for p in paths.lessons()} - {paths.START_PAGE}


def test_every_kit_command_in_the_readme_is_one_the_kit_knows():
    usage = subprocess.run([str(paths.REPO / "kit"), "--help"], capture_output=True, text=True).stdout
    known = set(re.findall(r"^    ([a-z-]+)\b", usage, flags=re.M))
    mentioned = set(re.findall(r"\./kit ([a-z][a-z-]*)", README))
    assert mentioned <= known, mentioned - known
    assert {"lab", "test"} <= mentioned
