import time

import nbformat

from conftest import make_notebook
from rnnkit_tools.execute import Report, collect, execute


def executed(*outputs_per_cell):
    nb = nbformat.v4.new_notebook()
    for outputs in outputs_per_cell:
        cell = nbformat.v4.new_code_cell("x")
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        nb.cells.append(cell)
    return nb


def test_collect_counts_errors_images_tables_stderr_and_stray_values():
    nb = executed(
        [{"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBOR"}}],
        [{"output_type": "display_data", "metadata": {}, "data": {"text/html": "<table><tr></tr></table>"}}],
        [{"output_type": "stream", "name": "stderr", "text": "warning"}],
        [{"output_type": "error", "ename": "EvalException", "evalue": "\x1b[31m/ by zero",
          "traceback": ["\x1b[31mjava.lang.ArithmeticException"]}],
        [{"output_type": "execute_result", "metadata": {}, "execution_count": 5, "data": {"text/html": "0.25"}}],
    )
    report = Report(path=None)
    collect(report, nb)
    assert report.images == 1
    assert report.html_tables == 1
    assert report.stderr == [2]
    assert [(e.cell, e.ename, e.evalue) for e in report.errors] == [(3, "EvalException", "/ by zero")]
    assert report.errors[0].traceback == "java.lang.ArithmeticException"
    assert report.stray_values == [4]


def test_a_working_kernel_runs_every_cell_and_records_errors(kernels, tmp_path):
    nb = make_notebook(tmp_path / "ok.ipynb", "print(1)", "1/0", "print(2)")
    report = execute(nb, kernel_name="works", startup_timeout=60)
    assert report.status == "ok"
    assert report.cells_run == report.code_cells == 3
    assert [e.ename for e in report.errors] == ["ZeroDivisionError"]
    assert report.starts == 1


def test_a_kernel_that_never_answers_is_retried_and_then_reported(kernels, tmp_path):
    nb = make_notebook(tmp_path / "hang.ipynb", "print(1)")
    report = execute(nb, kernel_name="hangs", startup_timeout=3, retries=2)
    assert report.status == "start-failed"
    assert report.starts == 2
    assert "did not start within 3 s" in report.detail


def test_a_kernel_that_hangs_once_succeeds_on_the_second_start(kernels, tmp_path):
    nb = make_notebook(tmp_path / "flaky.ipynb", "print('hello')")
    report = execute(nb, kernel_name="flaky", startup_timeout=5, retries=3)
    assert report.status == "ok"
    assert report.starts == 2
    assert report.notebook.cells[0].outputs[0]["text"] == "hello\n"


def test_a_cell_past_its_time_limit_is_killed_never_interrupted(kernels, tmp_path, monkeypatch):
    from jupyter_client.manager import AsyncKernelManager

    interrupted_alive = []
    original = AsyncKernelManager.interrupt_kernel

    async def recording_interrupt(self):
        interrupted_alive.append(self.provisioner.process.poll() is None)
        await original(self)

    monkeypatch.setattr(AsyncKernelManager, "interrupt_kernel", recording_interrupt)
    nb = make_notebook(tmp_path / "slow.ipynb", "print('first')", "import time\ntime.sleep(60)", "print('never')")
    began = time.monotonic()
    report = execute(nb, kernel_name="works", cell_timeout=3, startup_timeout=60)
    assert report.status == "timeout"
    assert report.detail == "code cell 2 ran longer than 3 s"
    assert report.cells_run == 1
    assert time.monotonic() - began < 30
    assert True not in interrupted_alive, "a live kernel was sent an interrupt"


def test_an_unreadable_notebook_is_reported_not_raised(tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{ not json")
    report = execute(bad)
    assert report.status == "unreadable"
    assert report.starts == 0
