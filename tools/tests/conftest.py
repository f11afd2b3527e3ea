"""Shared fixtures: fake kernels in a private Jupyter path, so the runner's start-up retries and
timeouts are tested against real processes without touching the user's kernelspecs."""
import json
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_configure(config):
    config.addinivalue_line("markers", "stage: a test that ./kit test runs as a stage of its own (slow)")


def write_kernel(root: Path, name: str, argv, interrupt_mode: str = "signal") -> None:
    folder = root / "kernels" / name
    folder.mkdir(parents=True)
    spec = {"argv": argv, "display_name": name, "language": "python", "interrupt_mode": interrupt_mode}
    (folder / "kernel.json").write_text(json.dumps(spec))


@pytest.fixture
def kernels(tmp_path, monkeypatch):
    """Three kernels: `works` (ipykernel), `hangs` (never answers), `flaky` (hangs on its first start)."""
    root = tmp_path / "jupyter"
    python = sys.executable
    ipykernel = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    write_kernel(root, "works", ipykernel)
    write_kernel(root, "hangs", [python, "-c", "import time; time.sleep(600)", "{connection_file}"])
    counter = tmp_path / "starts"
    flaky = tmp_path / "flaky.py"
    flaky.write_text(textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        counter = Path({str(counter)!r})
        starts = int(counter.read_text()) + 1 if counter.exists() else 1
        counter.write_text(str(starts))
        if starts == 1:
            time.sleep(600)
        os.execv({python!r}, [{python!r}, "-m", "ipykernel_launcher", "-f", sys.argv[1]])
    """))
    write_kernel(root, "flaky", [python, str(flaky), "{connection_file}"])
    monkeypatch.setenv("JUPYTER_PATH", str(root))
    return root


def make_notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path
