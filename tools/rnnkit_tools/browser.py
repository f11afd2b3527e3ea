"""The lessons as a student sees them: a Jupyter server on 127.0.0.1, headless Chromium driven by
playwright-core, Run All, then what the page shows. Screenshots go to target/browser/."""
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import List

from . import lab, paths
from .check import NOT_IMPLEMENTED, test_cells

BROWSER_TOOLS = paths.REPO / "tools" / "browser"
SHOTS = paths.REPO / "target" / "browser"
CHROMIUM = "/usr/bin/chromium"


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


def ui_of(command: List[str]) -> str:
    """'classic' for Notebook 6 and older, whose page is the classic one; 'lab' otherwise."""
    if not any("notebook" in part for part in command):
        return "lab"
    version = subprocess.run([lab.python_of(command), "-c", "import notebook; print(notebook.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    return "classic" if version and int(version.split(".")[0]) < 7 else "lab"


class Server:
    """A Jupyter server on a free loopback port, in its own process group so its kernels stop with it."""

    def __init__(self, command: List[str], root: Path, log: Path):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        argv = [*command, "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", f"--notebook-dir={root}"]
        if os.geteuid() == 0:
            argv.append("--allow-root")
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(log, "wb")
        self.process = subprocess.Popen(argv, cwd=root, stdout=self.log, stderr=subprocess.STDOUT,
                                        env={**os.environ, "JUPYTER_TOKEN": self.token}, start_new_session=True)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Jupyter server exited with code {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the Jupyter server did not answer within {timeout:.0f} s")

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


def problems(result: dict, chart_cells: int, exercise_checks: int) -> List[str]:
    """What a student should not see. In a student version each exercise check shows its
    "not implemented yet" error, and that is the only error allowed."""
    found = []
    if result.get("problem"):
        return [result["problem"]]
    if not result.get("ranAll"):
        found.append("not every code cell ran")
    expected = [e for e in result.get("errors", []) if NOT_IMPLEMENTED in e]
    for error in result.get("errors", []):
        if NOT_IMPLEMENTED not in error:
            found.append(f"error shown: {error.splitlines()[0] if error else ''}")
    if len(expected) != exercise_checks:
        found.append(f"{len(expected)} exercise checks show '{NOT_IMPLEMENTED}', {exercise_checks} expected")
    if result.get("stderr"):
        found.append(f"{result['stderr']} stderr output(s) shown")
    if result.get("visibleImages", 0) < chart_cells:
        found.append(f"{result.get('visibleImages', 0)} images visible, {chart_cells} charts expected")
    return found


def expectations(notebook: Path) -> tuple:
    """(cells that draw a chart, graded test cells) of a notebook."""
    import nbformat
    nb = nbformat.read(notebook, as_version=4)
    charts = sum(1 for c in nb.cells if c.cell_type == "code" and "Show.chart(" in c.source)
    return charts, len(test_cells(nb))


def check(notebooks: List[Path]) -> int:
    """Runs each notebook in the browser; prints a line per notebook; returns the failure count."""
    command = lab.jupyter_command()
    if command is None:
        print(lab.INSTALL_HELP, file=sys.stderr)
        return len(notebooks)
    ensure_node_modules()
    SHOTS.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="rnnkit-browser-") as tmp:
        root = Path(tmp)
        names = []
        for nb in notebooks:
            rel = Path(nb).resolve().relative_to(paths.NOTEBOOKS)
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(nb, root / rel)
            names.append(str(rel))
        server = Server(command, root, SHOTS / "jupyter-server.log")
        try:
            server.wait_ready()
            ui = ui_of(command)
            run = subprocess.run(["node", str(BROWSER_TOOLS / "run_lessons.mjs"), server.url, server.token, ui,
                                  str(SHOTS), *names], capture_output=True, text=True)
        finally:
            server.stop()
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode != 0 or len(results) != len(names):
        print(f"the browser run failed (exit {run.returncode}):\n{run.stderr[-2000:]}", file=sys.stderr)
        return len(names)
    for nb, result in zip(notebooks, results):
        found = problems(result, *expectations(nb))
        print(f"{'FAIL' if found else 'ok  '} {result['notebook']}  {result['seconds']:5.1f} s  "
              f"{result.get('visibleImages', 0)} images  {result.get('tables', 0)} tables  "
              f"{result['kernelStarts']} kernel start(s)  {result.get('attempts', 1)} attempt(s)  {ui} UI  "
              f"screenshot {result.get('screenshot', '-')}",
              flush=True)
        for line in found:
            print(f"       - {line}", flush=True)
        failed += bool(found)
    print(f"browser: {len(results) - failed} passed, {failed} failed", flush=True)
    return failed
