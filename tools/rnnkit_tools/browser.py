"""The lessons as a student sees them, in JupyterLab 4 and Notebook 7.

One Jupyter server from the kit's Python (it serves both UIs) on 127.0.0.1 with a token, over a temporary
copy of the notebooks; headless Chromium driven by playwright-core (tools/browser/run_lessons.mjs) opens each
lesson, runs Run › Run All Cells, waits for the kernel to go idle, saves, and reports what every cell shows.
This module judges that report against the notebook: every code cell ran, every chart cell shows an image,
every table cell an HTML table, Markdown is rendered and its LaTeX typeset, and the only errors are the
exercise checks' "not implemented yet" of a student version. A failure names the lesson, the UI, the cell
and what the student saw. Run All saves into the copy, and notebooks/ must come out byte for byte as it was.
Screenshots go to target/browser/.

Movable figures (`Show.movable`, a Vega-Lite chart whose knobs are inputs bound to its parameters): the page
must draw each as a chart with its inputs, and moving each input one step must change the chart (compared
before and after, screenshots of both); the outputs as the browser saved them must hold a valid spec and its
PNG (movable.py). `./kit browser` without notebooks also runs MOVABLE_FIXTURE in both UIs, a short notebook
with one movable figure, so the path is tested whichever lessons have one.

Every lesson runs in JupyterLab. Notebook 7 draws cells with the same JupyterLab components (output area,
Markdown and MathJax renderers, menus, commands) in another page shell, so it runs NOTEBOOK7_SET: the start
page students land on, and the lesson with the most charts, tables, typeset formulas and Markdown outputs.
"""
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import nbformat

from . import movable, paths
from .check import is_student, test_cells
from .release import NOT_IMPLEMENTED

BROWSER_TOOLS = paths.REPO / "tools" / "browser"
SHOTS = paths.REPO / "target" / "browser"
UI_NAMES = {"lab": "JupyterLab", "notebook": "Notebook 7"}
NOTEBOOK7_SET = ("00-start-here.ipynb", "03-sigmoid-bound.ipynb")
MOVABLE_FIXTURE = paths.REPO / "tools" / "tests" / "fixtures" / "movable.ipynb"
ERROR_MIME = "application/vnd.jupyter.stderr"  # how both UIs mark an error or stderr output
RAW_LATEX = re.compile(r"\$[^$\n]+\$")


# --- what a student should see ----------------------------------------------------------------------------

def expected_cells(nb) -> List[dict]:
    """Per cell of a notebook: its type, and whether it draws a chart, shows a table, holds LaTeX, or is a
    graded check."""
    checks = set(test_cells(nb))
    return [{"type": cell.cell_type,
             "chart": cell.cell_type == "code" and "Show.chart(" in cell.source,
             "table": cell.cell_type == "code" and "Show.table(" in cell.source,
             "movable": cell.cell_type == "code" and "Show.movable(" in cell.source,
             "math": cell.cell_type == "markdown" and bool(RAW_LATEX.search(cell.source)),
             "check": index in checks,
             "summary": next((line.strip() for line in cell.source.splitlines() if line.strip()), "")[:50]}
            for index, cell in enumerate(nb.cells)]


def what_was_seen(outputs: List[dict]) -> str:
    if not outputs:
        return "no output"
    parts = []
    for out in outputs:
        text = " ".join(out.get("text", "").split())[:160]
        if out.get("vega"):
            parts.append(f"a Vega-Lite chart with {out.get('knobs', 0)} input(s)")
        elif out.get("images"):
            parts.append("an image")
        elif out.get("tables"):
            parts.append("a table")
        elif out.get("mime") == ERROR_MIME:
            parts.append(f"an error: {text}")
        else:
            parts.append(f"{out.get('mime') or 'output'}: {text}" if text else f"an empty {out.get('mime')}")
    return "; ".join(parts)


def cell_problems(expected: dict, seen: dict, student: bool) -> List[str]:
    """What is wrong with one cell as the page shows it."""
    if seen["type"] != expected["type"]:
        return [f"the page shows a {seen['type']} cell where the notebook has a {expected['type']} cell"]
    found = []
    if expected["type"] == "markdown":
        if not seen["rendered"]:
            found.append("its Markdown is not rendered")
        elif expected["math"] and (seen["math"] == 0 or RAW_LATEX.search(seen["text"])):
            found.append(f"its LaTeX is not typeset (MathJax output: {seen['math']}; text: {seen['text'][:120]!r})")
        return found
    if expected["type"] != "code":
        return found
    outputs = seen["outputs"]
    if not re.fullmatch(r"\[\d+\]:?", seen["prompt"]):
        found.append(f"it did not run (prompt {seen['prompt']!r})")
    errors = [o for o in outputs if o["mime"] == ERROR_MIME]
    if student and expected["check"]:
        if not any(NOT_IMPLEMENTED in o["text"] for o in errors):
            found.append(f"this exercise check should fail with '{NOT_IMPLEMENTED}'")
        errors = [o for o in errors if NOT_IMPLEMENTED not in o["text"]]
    if errors:
        found.append("it shows an error")
    if expected["chart"] and not any(o["images"] for o in outputs):
        found.append("it draws a chart but shows no image")
    if expected["table"] and not any(o["tables"] for o in outputs):
        found.append("it shows a table but no HTML table is there")
    if expected.get("movable") and not any(o.get("vega") and o.get("knobs") for o in outputs):
        found.append("it shows a movable figure but the page draws no Vega-Lite chart with inputs")
    for out in outputs:
        if out["mime"] == "text/markdown" and RAW_LATEX.search(out["text"]):
            found.append("the LaTeX in its Markdown output is not typeset")
    return [f"{p}; the student saw {what_was_seen(outputs)}" for p in found]


def problems(result: dict, nb, student: bool) -> List[str]:
    """Every problem of one lesson in one UI, each naming the cell."""
    if result.get("problem"):
        return [result["problem"]] + [f"(an earlier attempt: {p})" for p in result.get("earlierAttempts", [])]
    expected, seen = expected_cells(nb), result.get("cells", [])
    if len(seen) != len(expected):
        return [f"the page shows {len(seen)} cells, the notebook has {len(expected)}"]
    return [f"cell {index} ({exp['summary']!r}): {problem}"
            for index, (exp, cell) in enumerate(zip(expected, seen))
            for problem in cell_problems(exp, cell, student)] + figure_problems(result.get("figures", []))


def figure_problems(figures: List[dict]) -> List[str]:
    """Knobs of movable figures that did not move, or moved without changing the chart."""
    found = []
    for figure in figures:
        for move in figure["moves"]:
            where = f"cell {figure['cell']}: the knob {move['knob']!r} ({move['kind']})"
            if move["before"] == move["after"]:
                found.append(f"{where} did not move from {move['before']!r}")
            elif not move["changed"]:
                found.append(f"{where} moved from {move['before']!r} to {move['after']!r}, but the chart did not change")
        if not figure["moves"]:
            found.append(f"cell {figure['cell']}: a movable figure with no knob to move")
    return found


# --- running the browser ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_node_modules() -> None:
    """Installs playwright-core from the lock file; it never downloads a browser of its own."""
    marker = BROWSER_TOOLS / "node_modules" / ".package-lock.json"
    lock = BROWSER_TOOLS / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BROWSER_TOOLS, env=env, check=True)


def require_uis() -> str:
    """'JupyterLab x, Notebook y' of the kit's Python, or SystemExit when it lacks Lab 4 or Notebook 7."""
    found = {}
    for package, least in (("jupyterlab", 4), ("notebook", 7)):
        try:
            found[package] = version(package)
        except Exception:
            found[package] = "none"
        if not found[package][0].isdigit() or int(found[package].split(".")[0]) < least:
            raise SystemExit(f"./kit browser needs JupyterLab 4 and Notebook 7 (binder/requirements.txt); "
                             f"{sys.executable} has jupyterlab {found['jupyterlab']}, notebook {found['notebook']}")
    return f"JupyterLab {found['jupyterlab']}, Notebook {found['notebook']}"


class Server:
    """`jupyter lab` from the kit's Python on a free loopback port, with its own settings (no news pop-up)
    and workspaces, in its own process group so that its kernels stop with it."""

    def __init__(self, root: Path, state: Path, log: Path):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        settings = state / "settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
        argv = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                f"--ServerApp.root_dir={root}"] + (["--allow-root"] if os.geteuid() == 0 else [])
        env = {**os.environ, "JUPYTER_TOKEN": self.token, "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces")}
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(log, "wb")
        self.began = time.monotonic()
        self.process = subprocess.Popen(argv, cwd=root, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True)

    def wait_ready(self, timeout: float = 90) -> float:
        """Seconds from the start until the server answered."""
        while time.monotonic() - self.began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Jupyter server exited with code {self.process.returncode} "
                                   f"(log: {self.log.name})")
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                return time.monotonic() - self.began
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the Jupyter server did not answer within {timeout:.0f} s (log: {self.log.name})")

    def stop(self) -> None:
        pgid = os.getpgid(self.process.pid)
        os.killpg(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.process.wait()
        try:
            os.killpg(pgid, signal.SIGKILL)  # kernels the server started, should any outlive it
        except ProcessLookupError:
            pass
        self.log.close()


def fingerprint(folder: Path) -> Dict[str, str]:
    """Relative path → SHA-256 of every file under `folder`."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def served_name(notebook: Path) -> str:
    notebook = notebook.resolve()
    return str(notebook.relative_to(paths.NOTEBOOKS)) if paths.NOTEBOOKS in notebook.parents else notebook.name


def run_in_browser(runs: Sequence[Tuple[str, Path]]) -> Tuple[List[dict], List[str]]:
    """Runs each (ui, notebook) in Chromium against a temporary copy; returns the reports and the problems
    that belong to no single lesson (a dirty work tree, a copy that was not saved, a movable figure the
    browser saved without a valid spec or its PNG)."""
    ensure_node_modules()
    SHOTS.mkdir(parents=True, exist_ok=True)
    before = fingerprint(paths.NOTEBOOKS)
    with tempfile.TemporaryDirectory(prefix="rnnkit-browser-") as tmp:
        root, state = Path(tmp) / "notebooks", Path(tmp) / "state"
        copies = {}
        for _, notebook in runs:
            name = served_name(notebook)
            copies[name] = root / name
            copies[name].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(notebook, copies[name])
        copied = {name: path.read_bytes() for name, path in copies.items()}
        server = Server(root, state, SHOTS / "jupyter-server.log")
        try:
            print(f"{require_uis()} from {sys.executable} answered after {server.wait_ready():.1f} s", flush=True)
            node = subprocess.run(["node", str(BROWSER_TOOLS / "run_lessons.mjs"), server.url, str(SHOTS),
                                   *(f"{ui}:{served_name(nb)}" for ui, nb in runs)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                                  env={**os.environ, "JUPYTER_TOKEN": server.token}, cwd=BROWSER_TOOLS)
        finally:
            server.stop()
        unsaved = [name for name, path in copies.items() if path.read_bytes() == copied[name]]
        saved = {name: nbformat.read(path, as_version=4) for name, path in copies.items() if name not in unsaved}
    results = [json.loads(line) for line in node.stdout.splitlines() if line.startswith("{")]
    if node.returncode != 0 or len(results) != len(runs):
        return results, [f"the browser run failed (exit {node.returncode}): {node.stderr.strip()[-2000:]}"]
    after = fingerprint(paths.NOTEBOOKS)
    general = [f"notebooks/{name} changed while the browser check ran: it must only ever touch its copy"
               for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)]
    ran = {r["notebook"] for r in results if not r.get("problem")}
    general += [f"{name}: File › Save wrote nothing to the served copy" for name in unsaved if name in ran]
    general += [f"{name} as the browser saved it: {problem}" for name, nb in saved.items()
                for problem in movable.problems(nb)]
    return results, general


def default_runs(notebooks: List[Path], ui: str) -> List[Tuple[str, Path]]:
    """Every notebook in Lab and the Notebook 7 set in Notebook 7, or every notebook in the UI(s) asked for."""
    if ui in ("lab", "notebook"):
        return [(ui, nb) for nb in notebooks]
    if ui == "both":
        return [(u, nb) for u in ("lab", "notebook") for nb in notebooks]
    return [("lab", nb) for nb in notebooks] + [("notebook", nb) for nb in notebooks if nb.name in NOTEBOOK7_SET]


def planned_runs(notebooks: List[Path], ui: str = None) -> List[Tuple[str, Path]]:
    """The notebooks asked for, or every lesson and then the movable-figure fixture in each UI asked for."""
    runs = default_runs([Path(nb) for nb in notebooks] or paths.lessons(paths.NOTEBOOKS), ui)
    if not notebooks:
        runs += [(u, MOVABLE_FIXTURE) for u in ("lab", "notebook") if ui in (None, "both", u)]
    return runs


def main(notebooks: List[Path], ui: str = None) -> int:
    """Runs the lessons, prints a line per lesson and UI and every problem; returns the failure count."""
    runs = planned_runs(notebooks, ui)
    results, general = run_in_browser(runs)
    failed = 0
    for (ui_name, notebook), result in zip(runs, results):
        nb = nbformat.read(notebook, as_version=4)
        found = problems(result, nb, is_student(notebook))
        cells = result.get("cells", [])
        images = sum(o["images"] for c in cells for o in c["outputs"])
        tables = sum(o["tables"] for c in cells for o in c["outputs"])
        figures = result.get("figures", [])
        moved = sum(m["changed"] for f in figures for m in f["moves"])
        movables = f", {len(figures)} movable figure(s) ({moved} knob(s) moved it)" if figures else ""
        print(f"{'FAIL' if found else 'ok  '} {notebook.name} in {UI_NAMES[ui_name]}: {result['seconds']:5.1f} s "
              f"(Run All {result.get('runSeconds', 0):4.1f} s), {images} images, {tables} tables{movables}, "
              f"{result['kernelStarts']} kernel start(s), screenshot {result.get('screenshot', '-')}", flush=True)
        for line in found:
            print(f"       - {line}", flush=True)
        failed += bool(found)
    for line in general:
        print(f"FAIL {line}", flush=True)
    print(f"browser: {len(results) - failed} passed, {failed + len(general)} failed", flush=True)
    return failed + len(general)
