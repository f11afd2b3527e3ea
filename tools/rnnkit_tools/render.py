"""`./kit render`: every student lesson executed in the real kernel and written as a static site,
target/site/index.html plus one HTML page per lesson, ready to publish.

Exercise check cells are shown with a note instead of the "not implemented yet" they raise in a
student version: the site shows the lessons, not the unanswered exercises."""
import html
import sys
from pathlib import Path
from typing import List

import nbformat

from . import paths
from .check import problems, test_cells
from .execute import execute

SITE = paths.REPO / "target" / "site"
CHECK_NOTE = "*Exercise check: it runs in Jupyter once you have written the solution above.*"


def title_of(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def html_of(nb) -> str:
    """An executed notebook as one self-contained HTML page (images inline): the site's lesson pages, and
    the grader's feedback pages."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def render_page(nb, target: Path) -> None:
    for index in test_cells(nb):
        nb.cells[index].outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": CHECK_NOTE})]
    target.write_text(html_of(nb), encoding="utf-8")


def index_page(entries: List[tuple]) -> str:
    rows = "\n".join(f'    <li><a href="{html.escape(page)}">{html.escape(title)}</a></li>' for page, title in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>RNN Gradients Kit</title>
<style>body {{ font-family: sans-serif; max-width: 44em; margin: 3em auto; line-height: 1.5; }}</style>
</head>
<body>
  <h1>RNN Gradients Kit</h1>
  <p>Recurrent networks and their vanishing and exploding gradients, in Java notebooks.
  Each lesson below was executed in the Java kernel to produce this page.</p>
  <ol>
{rows}
  </ol>
</body>
</html>
"""


def render(lessons: List[Path], site: Path = SITE) -> int:
    site.mkdir(parents=True, exist_ok=True)
    entries, failed = [], 0
    for lesson in lessons:
        report = execute(lesson)
        found = problems(report, student=True)
        page = lesson.stem + ".html"
        if found:
            failed += 1
            print(f"FAIL {lesson.name}: " + "; ".join(found), file=sys.stderr)
            continue
        render_page(report.notebook, site / page)
        entries.append((page, title_of(report.notebook, lesson.stem)))
        print(f"ok   {lesson.name} → {site / page} ({report.seconds:.1f} s)", flush=True)
    (site / "index.html").write_text(index_page(entries), encoding="utf-8")
    print(f"Wrote {site / 'index.html'} with {len(entries)} lessons.")
    return failed
