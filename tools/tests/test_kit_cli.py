"""The `kit` script and tools/kit.py: one command list, clear messages when Python or Java is missing."""
import os
import subprocess
import sys

import pytest

from rnnkit_tools import paths
from test_jupyter_env import OLD_PYTHON

KIT = paths.REPO / "kit"
KIT_PY = paths.REPO / "tools" / "kit.py"


def bin_dir_with(tmp_path, *programs):
    """A PATH folder holding only the named programs of this machine."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for program in programs:
        (folder / program).symlink_to(subprocess.run(["which", program], capture_output=True, text=True,
                                                     check=True).stdout.strip())
    return folder


def test_the_kit_without_any_python_prints_the_install_commands(tmp_path):
    path = bin_dir_with(tmp_path, "dirname", "cat")
    run = subprocess.run(["/bin/bash", str(KIT), "setup"], env={"PATH": str(path)}, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith("kit: no Python 3 on PATH.\nThe kit needs Python 3.11 or newer")
    assert (paths.REPO / "tools" / "python-help.txt").read_text() in run.stderr


def test_every_command_is_listed_once_by_kit_help():
    usage = subprocess.run([str(KIT), "--help"], capture_output=True, text=True, check=True).stdout
    listed = [line.split()[0] for line in usage.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert listed == ["setup", "lab", "test", "check", "release", "grade", "class", "render", "browser", "binder-link",
                      "bench", "kernel-bench", "grade-bench"]


def test_an_unknown_command_is_refused_with_the_usage():
    run = subprocess.run([str(KIT), "lap"], capture_output=True, text=True)
    assert run.returncode == 2 and "invalid choice: 'lap'" in run.stderr


def test_a_command_that_needs_java_says_so_when_there_is_none(tmp_path):
    run = subprocess.run([sys.executable, str(KIT_PY), "setup"], env={"PATH": str(tmp_path)},
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith("kit: no 'java' on PATH. Install a JDK 17 or newer")


@pytest.mark.skipif(OLD_PYTHON is None, reason="no Python 3 older than 3.11 on this machine")
def test_an_old_python3_gets_as_far_as_the_message(tmp_path):
    """kit.py and what it imports before choosing the Python must parse under an older python3."""
    for module in ("kit.py", "rnnkit_tools/jupyter_env.py", "rnnkit_tools/paths.py", "rnnkit_tools/binder.py",
                   "rnnkit_tools/classroom/__init__.py", "rnnkit_tools/classroom/cli.py"):
        compiled = subprocess.run([OLD_PYTHON, "-m", "py_compile", str(paths.REPO / "tools" / module)],
                                  capture_output=True, text=True)
        assert compiled.returncode == 0, compiled.stderr
    run = subprocess.run([OLD_PYTHON, str(KIT_PY), "binder-link"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert run.returncode == 0 or run.stderr.startswith("./kit binder-link:"), run.stderr


def test_the_test_stages_include_the_browser_the_nbgrader_round_trip_and_binder():
    sys.path.insert(0, str(paths.REPO / "tools"))
    import kit
    names = [name for name, _ in kit.test_stages()]
    assert {"lessons in JupyterLab 4 and Notebook 7", "nbgrader round trip", "Binder simulation"} <= set(names)
    for name, argv in kit.test_stages():
        files = [a for a in argv if a.endswith(".py") and "tests" in a]
        assert all(os.path.exists(f) for f in files), name
