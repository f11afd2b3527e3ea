"""The feedback a student gets, and the kernel run that makes it (it decides no points).

The notebook the kernel runs is the released lesson (no hidden tests, no outputs: nbgrader's
ClearOutput) with only the student's solution cells put in; every other cell is the instructor's,
and the test cells are left out, since the verdict path runs them. It runs in the student's own
sandbox (`feedback_run` executes it there, and writes it back with outputs cut to size).

The feedback notebook is that lesson again: the student's solution cells with what they printed,
the lesson's cells with their outputs, and each test cell showing only its visible part and the
grader's verdict (never the hidden tests, never a traceback that quotes them). Outputs read back
from the sandbox are untrusted: only known output types are kept, cut by nbgrader's LimitOutput
and by size (a Markdown output at MARKDOWN_CHARS), and what a browser would run is taken out after
rendering: a Markdown output is rendered to HTML first (with nbconvert's own Markdown renderer) and
only then cleaned, like every HTML output, with bleach (pinned with nbconvert): a short list of
tags, links to http(s) only, images from data:image only, a few styles. nbconvert then renders the
page with no Markdown output left to render; it runs in a worker process the grader kills when a
page takes too long (grade.Renderer).
"""
import copy
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Dict, List, Optional

import nbformat

from . import paths
from .release import release_notebook
from .sandbox import Limits, Mounts, Sandbox, java_home, python_paths
from .verdict import Verdict, is_test, nbgrader_of

MAX_EXECUTED_BYTES = 32 << 20
OUTPUT_CHARS = 200_000
MARKDOWN_CHARS = 20_000
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}
DISPLAY_TYPES = {"text/plain", "text/html", "text/markdown", "image/png", "image/jpeg", "image/gif"}
SAFE_TAGS = ["a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "div", "em", "h1", "h2", "h3",
             "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "small", "span", "strong", "sub", "sup", "table",
             "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul"]
SAFE_ATTRIBUTES = {"*": ["class", "style"], "a": ["href", "title"], "img": ["src", "alt", "width", "height"],
                   "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"]}
SAFE_STYLES = ["text-align", "color", "background-color", "font-weight"]


def lesson_with(solution_nb, sources: Dict[str, Optional[str]]):
    """The released lesson with the student's solution cells (a missing one keeps its stub)."""
    nb = release_notebook(solution_nb)
    for cell in nb.cells:
        grade_id = nbgrader_of(cell).get("grade_id")
        if nbgrader_of(cell).get("solution") and sources.get(grade_id) is not None:
            cell.source = sources[grade_id]
    return nb


def kernel_notebook(lesson_nb):
    """What the kernel runs: the lesson without its test cells, outputs cleared by nbgrader."""
    from nbgrader.preprocessors import ClearOutput

    nb = copy.deepcopy(lesson_nb)
    nb.cells = [c for c in nb.cells if not is_test(c)]
    nb, _ = ClearOutput().preprocess(nb, {})
    return nb


def kernel_mounts(run: Path) -> Mounts:
    """What the kernel run needs to see: Python and the tools, Java, the kit's classpath and kernel
    (every path the `rnnkit` kernelspec names), and the run's folder with a copy of that kernelspec;
    all of it read-only."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(paths.KERNEL_NAME)
    copy_ = run / "jupyter" / "kernels" / paths.KERNEL_NAME
    shutil.copytree(spec.resource_dir, copy_)
    read_only = [*python_paths(), paths.REPO / "tools" / "rnnkit_tools", java_home()]
    for value in [*spec.argv, *spec.env.values()]:  # paths, classpath globs, -XX:SharedArchiveFile=/…
        for part in re.findall(r"/[^:=,;\s]+", str(value)):
            read_only.append(Path(part.rstrip("*").rstrip("/") or "/"))
    env = {"JUPYTER_PATH": str(run / "jupyter"), "JUPYTER_DATA_DIR": "/tmp/home/jupyter-data",
           "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime", "JUPYTER_CONFIG_DIR": "/tmp/home/jupyter-config",
           "JUPYTER_PLATFORM_DIRS": "1", "PYTHONPATH": str(paths.REPO / "tools"), "PYTHONDONTWRITEBYTECODE": "1"}
    return Mounts(read_only=[p for p in read_only if p != Path("/")] + [run], env=env)


def run_in_kernel(lesson_nb, sandbox: Sandbox, work: Path, timeout: int) -> dict:
    """Runs the kernel notebook in the sandbox, which writes nowhere on disk (only to its own /tmp,
    in memory and capped) and hands the executed notebook back on its standard output. Returns
    {"cells": executed cells or None, "status", "detail"}: what came back, untrusted, and how the
    run went."""
    run = work / "run"
    run.mkdir()
    nbformat.write(kernel_notebook(lesson_nb), run / "lesson.ipynb")
    mounts = kernel_mounts(run)
    sandbox.prepare(run, writable=False)
    outcome = sandbox.run([sys.executable, "-m", "rnnkit_tools.feedback_run", str(run / "lesson.ipynb"),
                           "--timeout", str(timeout)], mounts,
                          Limits(seconds=timeout * 3 + 180, cpu_seconds=timeout * 6 + 300, output_bytes=MAX_EXECUTED_BYTES,
                                 memory_bytes=3 << 30))
    if outcome.timed_out:
        return {"cells": None, "status": "timeout", "detail": "the notebook did not finish running in time"}
    try:
        data = json.loads(outcome.stdout)
        info = data.get("metadata", {}).get("rnnkit_run", {})
        return {"cells": data["cells"], "status": str(info.get("status", "unknown")), "detail": str(info.get("detail", ""))}
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        return {"cells": None, "status": "no-result", "detail": f"the run left no readable notebook ({type(e).__name__})"}


def clean_outputs(outputs) -> List[dict]:
    """Only well-formed outputs of known types, each cut to size."""
    kept = []
    for out in outputs if isinstance(outputs, list) else []:
        if not isinstance(out, dict) or out.get("output_type") not in OUTPUT_TYPES:
            continue
        kind = out["output_type"]
        if kind == "stream":
            text = out.get("text", "")
            text = "".join(text) if isinstance(text, list) else str(text)
            kept.append(nbformat.v4.new_output("stream", name="stderr" if out.get("name") == "stderr" else "stdout",
                                               text=text[:OUTPUT_CHARS]))
        elif kind == "error":
            trace = out.get("traceback", [])
            kept.append(nbformat.v4.new_output("error", ename=str(out.get("ename", ""))[:200],
                                               evalue=str(out.get("evalue", ""))[:OUTPUT_CHARS],
                                               traceback=[str(t)[:OUTPUT_CHARS] for t in trace[:200]]
                                               if isinstance(trace, list) else []))
        else:
            data = out.get("data", {})
            data = {k: "".join(map(str, v)) if isinstance(v, list) else v for k, v in data.items()
                    if k in DISPLAY_TYPES and isinstance(v, (str, list))} if isinstance(data, dict) else {}
            if "text/markdown" in data and len(data["text/markdown"]) > MARKDOWN_CHARS:
                data["text/markdown"] = data["text/markdown"][:MARKDOWN_CHARS] + \
                    f"\n\n… (Markdown output cut at {MARKDOWN_CHARS:,} characters)"
            if sum(len(v) for v in data.values()) > 5 * OUTPUT_CHARS or not data:
                data = {"text/plain": "(a display too large for feedback, or of a kind it does not show)"}
            kept.append(nbformat.v4.new_output("display_data", data=data))
    return kept


def sanitized(html: str) -> str:
    """HTML from the student's run with only harmless tags, attributes and styles left: no script, no
    event handler, no frame, no form; links to http(s) only, images from data:image only."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    return bleach.clean(html, tags=SAFE_TAGS, attributes=_allowed, protocols=["http", "https", "data"], strip=True,
                        css_sanitizer=CSSSanitizer(allowed_css_properties=SAFE_STYLES))


def _allowed(tag: str, name: str, value: str) -> bool:
    if name not in SAFE_ATTRIBUTES.get(tag, []) + SAFE_ATTRIBUTES["*"]:
        return False
    plain = "".join(value.split()).lower()
    if name == "href":
        return plain.startswith(("http://", "https://", "#"))
    if name == "src":
        return plain.startswith("data:image/")
    return True


def safe_outputs(nb) -> None:
    """Every display output of the notebook as cleaned HTML: a Markdown output rendered to HTML and then
    cleaned (cleaning Markdown's text would leave the links its rendering makes), an HTML output cleaned."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = out.get("data", {}) if out.get("output_type") in ("display_data", "execute_result") else {}
            if "text/markdown" in data:
                data["text/html"] = markdown2html_mistune(str(data.pop("text/markdown"))[:MARKDOWN_CHARS + 100])
            if "text/html" in data:
                data["text/html"] = sanitized(str(data["text/html"]))


def feedback_notebook(lesson_nb, executed: dict, verdicts: Dict[str, Verdict], header: str):
    """The lesson with the student's solutions and outputs, each test cell's visible part with
    its verdict, and a header with the score."""
    from nbgrader.preprocessors import LimitOutput

    nb = copy.deepcopy(lesson_nb)
    ran = executed.get("cells")
    ran = ran if isinstance(ran, list) and len(ran) == sum(not is_test(c) for c in nb.cells) else None
    k = 0
    for cell in nb.cells:
        if is_test(cell):
            v = verdicts.get(nbgrader_of(cell).get("grade_id"))
            if v is not None:
                name = "stdout" if v.status == "passed" else "stderr"
                cell.outputs = [nbformat.v4.new_output("stream", name=name, text=v.line() + "\n")]
            continue
        if cell.cell_type == "code" and ran is not None and isinstance(ran[k], dict):
            cell.outputs = clean_outputs(ran[k].get("outputs"))
            count = ran[k].get("execution_count")
            cell.execution_count = count if isinstance(count, int) else None
        k += 1
    top = nbformat.v4.new_markdown_cell(header)
    if nb.nbformat_minor < 5:  # cell ids came with nbformat 4.5; on 4.4 one makes the notebook invalid
        del top["id"]
    nb.cells.insert(0, top)
    nb, _ = LimitOutput().preprocess(nb, {})
    return nb


def render(nb_dict: dict) -> str:
    """The feedback page as HTML, every output made safe first (safe_outputs). Runs in a worker process."""
    import warnings

    from .render import html_of

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nb = nbformat.from_dict(nb_dict)
        safe_outputs(nb)
        return html_of(nb)


def page(title: str, lines: List[str]) -> str:
    """A plain page for a submission that could not be run."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{escape(title)}</title></head>"
            f"<body><h1>{escape(title)}</h1><ul>{items}</ul></body></html>\n")


def escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def edited_tests(cells: List[dict], solution: Path) -> List[str]:
    """Notes on test cells the student changed or deleted, found with nbgrader's checksums of the
    instructor's and the released cells (the grader uses the lesson's own cells either way)."""
    from nbgrader.utils import compute_checksum

    theirs = {}
    for cell in cells:
        grade_id = nbgrader_of(cell).get("grade_id")
        if isinstance(grade_id, str) and grade_id not in theirs:
            theirs[grade_id] = cell
    notes = []
    instructor = nbformat.read(solution, as_version=4)
    released = {nbgrader_of(c).get("grade_id"): c for c in release_notebook(instructor).cells if is_test(c)}
    for cell in instructor.cells:
        if not is_test(cell):
            continue
        grade_id = nbgrader_of(cell)["grade_id"]
        mine = theirs.get(grade_id)
        if mine is None:
            notes.append(f"test cell '{grade_id}' was deleted (the lesson's own was used)")
            continue
        try:
            source = mine.get("source", mine.get("input", ""))  # nbformat 3 calls a code cell's source "input"
            checksum = compute_checksum(nbformat.from_dict({**mine, "source": "".join(source) if isinstance(source, list)
                                                            else source}))
            changed = checksum not in (compute_checksum(cell), compute_checksum(released[grade_id]))
        except Exception:  # a cell too broken to compare was changed
            changed = True
        if changed:
            notes.append(f"test cell '{grade_id}' was changed (the lesson's own was used)")
    return notes


def header(student: str, lesson: str, verdicts: List[Verdict], notes: List[str], sandbox: str) -> str:
    """The Markdown cell on top of a feedback page: the score, a line per exercise, the notes."""
    total, best = sum(v.points for v in verdicts), sum(v.max_points for v in verdicts)
    lines = [f"# {markdown(lesson)}: feedback for {markdown(student)}", "", f"**Score: {total:g} / {best:g}**", "",
             "| exercise | points | result |", "|---|---|---|"]
    for v in verdicts:
        lines.append(f"| {markdown(v.id)} | {v.points:g} / {v.max_points:g} | {markdown(v.status)}"
                     + (f": {markdown(v.message[:300])}" if v.status != "passed" else "") + " |")
    lines.append("")
    lines += [f"- {markdown(v.id)}: {markdown(n)}" for v in verdicts for n in v.notes]
    lines += [f"- {markdown(n)}" for n in notes]
    lines += ["", "Points come from the grader's own run of your solution cells against each exercise's checks "
                  "(hidden cases included). Every other cell below is the lesson's own, run with your solutions; "
                  f"under each exercise is the grader's verdict. Graded in a sandbox: {markdown(sandbox)}."]
    return "\n".join(lines)


def markdown(text: str) -> str:
    """Text shown as itself in Markdown: HTML escaped, Markdown punctuation backslashed, one line."""
    text = escape(" ".join(str(text).split()))
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|~" else c for c in text)
