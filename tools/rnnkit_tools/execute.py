"""Runs a notebook top to bottom in a fresh kernel, the way the kit's kernel needs it run.

The kit's kernelspec runs a launcher that restarts a hung rapaio JVM itself (docs/kernel.md), so a
kernel that has not answered yet is starting slowly, not hung: this runner waits for it as long as
the start-up timeout (60 s) allows. It starts a kernel once more (`retries` = 2 starts in all) only
when a start fails: on a busy machine another process can take one of the ports Jupyter picked
before the JVM binds it (1 start in 200 died of "Address already in use" at load 13-18), and a new
start gets new ports. It gives every cell a time limit, and on a timeout kills the kernel rather
than interrupting it, so a run never depends on Interrupt. It never raises for what happens inside
the notebook: it reports it.
"""
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbconvert.filters import strip_ansi

from . import paths

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


@dataclass
class CellError:
    cell: int
    ename: str
    evalue: str
    traceback: str


@dataclass
class Report:
    """What a run of one notebook produced."""

    path: Path
    seconds: float = 0.0
    starts: int = 0
    status: str = "ok"  # ok | start-failed | timeout | dead-kernel | unreadable
    detail: str = ""
    errors: List[CellError] = field(default_factory=list)
    stderr: List[int] = field(default_factory=list)
    stray_values: List[int] = field(default_factory=list)
    images: int = 0
    html_tables: int = 0
    cells_run: int = 0
    stopped_cell: Optional[int] = None  # the cell running when a timeout or a dead kernel ended the run
    code_cells: int = 0
    notebook: Optional[nbformat.NotebookNode] = None

    @property
    def clean(self) -> bool:
        return self.status == "ok" and not self.errors


class StartupFailed(RuntimeError):
    pass


def collect(report: Report, nb) -> None:
    """Counts errors, stderr streams, images and HTML tables in an executed notebook."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                report.errors.append(
                    CellError(index, out.get("ename", ""), strip_ansi(out.get("evalue", "")),
                              strip_ansi("\n".join(out.get("traceback", []))))
                )
            elif kind == "stream" and out.get("name") == "stderr":
                report.stderr.append(index)
            if kind == "execute_result":
                report.stray_values.append(index)
            if kind in ("display_data", "execute_result"):
                data = out.get("data", {})
                report.images += sum(1 for t in IMAGE_TYPES if t in data)
                if "<table" in "".join(data.get("text/html", "")):
                    report.html_tables += 1


STARTUP_TIMEOUT = 60


def execute(path, kernel_name: str = paths.KERNEL_NAME, cell_timeout: int = 120,
            startup_timeout: int = STARTUP_TIMEOUT, retries: int = 2, cwd: Optional[Path] = None,
            kernel_log: Optional[Path] = None) -> Report:
    """Executes the notebook at `path` in a fresh kernel and reports on it.

    The kernel's own output (its log and start-up chatter) goes to `kernel_log`, or nowhere.
    """
    path = Path(path)
    report = Report(path=path)
    began = time.monotonic()
    try:
        original = nbformat.read(path, as_version=4)
    except Exception as e:  # a malformed file is a finding, not a crash
        report.status, report.detail = "unreadable", f"{type(e).__name__}: {e}"
        return report
    report.code_cells = sum(1 for c in original.cells if c.cell_type == "code")
    for attempt in range(1, retries + 1):
        report.starts = attempt
        nb = nbformat.from_dict(original)
        try:
            with _log_sink(kernel_log) as sink:
                _run(nb, report, kernel_name, cell_timeout, startup_timeout, cwd or path.parent, sink)
            break
        except StartupFailed as e:
            report.status, report.detail = "start-failed", str(e)
    report.seconds = time.monotonic() - began
    report.notebook = nb
    collect(report, nb)
    return report


def _log_sink(kernel_log: Optional[Path]):
    if kernel_log is None:
        return open(os.devnull, "wb")
    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    return open(kernel_log, "ab")


def _run(nb, report: Report, kernel_name, cell_timeout, startup_timeout, cwd, sink) -> None:
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=cell_timeout,
        startup_timeout=startup_timeout,
        interrupt_on_timeout=False,
        allow_errors=True,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
    )
    started = False
    try:
        with client.setup_kernel(stdout=sink, stderr=sink):
            started = True
            try:
                client.wait_for_reply(client.kc.kernel_info())
                report.status, report.detail, report.cells_run = "ok", "", 0
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    report.stopped_cell = index
                    client.execute_cell(cell, index, execution_count=report.cells_run + 1)
                    report.cells_run += 1
                report.stopped_cell = None
            finally:
                _kill(client)
    except CellTimeoutError:
        report.status = "timeout"
        report.detail = f"code cell {report.cells_run + 1} ran longer than {cell_timeout} s"
    except DeadKernelError as e:
        report.status, report.detail = "dead-kernel", f"the kernel died in code cell {report.cells_run + 1}: {e}"
    except Exception as e:
        if not started:
            raise StartupFailed(f"kernel did not start within {startup_timeout} s: {type(e).__name__}: {e}")
        report.status, report.detail = "failed", f"{type(e).__name__}: {e}"
    if report.status == "ok":
        report.stopped_cell = None


def _kill(client: NotebookClient) -> None:
    """Kills the kernel and waits for it to exit before nbclient shuts it down: jupyter_client's
    shutdown interrupts a kernel first, and an interrupt is what this kernel must never receive."""
    if client.km is not None and client.km.has_kernel:
        run_sync(_kill_and_wait)(client.km)


async def _kill_and_wait(km) -> None:
    await km.signal_kernel(signal.SIGKILL)
    await km.provisioner.wait()
