"""Which Python the kit runs: real interpreters, real venvs, real pip (a one-package requirements file)."""
import glob
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from rnnkit_tools import jupyter_env



def old_python():
    """A Python 3 older than 3.11 that runs on this machine, or None."""
    candidates = [shutil.which(f"python3.{minor}") for minor in (8, 9, 10)]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3")))
    for python in filter(None, candidates):
        answer = jupyter_env.python_version(python)
        if answer and (3, 0) <= answer[0] < (3, 11):
            return python
    return None


OLD_PYTHON = old_python()
SIX = "six==1.17.0\n"


def requirements(tmp_path, text):
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    return path


def fake_venv(folder: Path, made_from: Path = None) -> Path:
    """A folder shaped like a venv whose python is this test's interpreter."""
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "python").symlink_to(sys.executable)
    if made_from is not None:
        shutil.copyfile(made_from, folder / jupyter_env.STAMP)
    return folder


def test_unmet_pins_names_each_wrong_or_missing_package_and_skips_other_platforms(tmp_path):
    pins = requirements(tmp_path, f"# a comment\nnbformat=={version('nbformat')}\npytest==0.0.1\n"
                                  "no-such-package-rnnkit==1.0\nappnope==0.1.4 ; platform_system == 'Darwin'\n")
    assert jupyter_env.unmet_pins(sys.executable, pins) == [
        f"pytest: wanted 0.0.1, found {version('pytest')}", "no-such-package-rnnkit: wanted 1.0, found nothing"]


def test_a_python_that_cannot_check_pins_meets_none(tmp_path):
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    unmet = jupyter_env.unmet_pins(str(bare / "bin" / "python"), requirements(tmp_path, SIX))
    assert len(unmet) == 1 and unmet[0].startswith("the pins could not be checked: ModuleNotFoundError")


def test_kit_python_wins_over_everything_else(tmp_path):
    venv = fake_venv(tmp_path / ".venv", made_from=requirements(tmp_path, SIX))
    chosen = jupyter_env.python_for_kit({"KIT_PYTHON": sys.executable, "PATH": ""}, venv, tmp_path / "requirements.txt")
    assert chosen == os.path.abspath(sys.executable)


def test_a_kit_python_that_does_not_exist_is_named(tmp_path):
    with pytest.raises(jupyter_env.EnvironmentProblem, match="KIT_PYTHON=/no/python: expected a Python interpreter"):
        jupyter_env.python_for_kit({"KIT_PYTHON": "/no/python"}, tmp_path / ".venv", tmp_path / "r.txt")


def test_a_kit_python_without_jupyter_says_which_library_is_missing(tmp_path):
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    python = str(bare / "bin" / "python")
    with pytest.raises(jupyter_env.EnvironmentProblem) as e:
        jupyter_env.python_for_kit({"KIT_PYTHON": python}, tmp_path / ".venv", tmp_path / "r.txt")
    assert f"KIT_PYTHON={python}: expected a Python that can import nbformat, nbclient, jupyter_client" in str(e.value)
    assert "No module named 'nbformat'" in str(e.value)


def test_a_venv_made_from_the_current_requirements_is_used_as_it_is(tmp_path):
    pins = requirements(tmp_path, SIX)
    venv = fake_venv(tmp_path / ".venv", made_from=pins)
    assert jupyter_env.python_for_kit({"PATH": ""}, venv, pins) == str(venv / "bin" / "python")


def test_python3_on_path_with_every_pin_is_used_when_there_is_no_venv(tmp_path):
    """Binder's case: its image's python3 was installed from the same file."""
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "python3").write_text(f"#!/bin/sh\nexec {sys.executable} \"$@\"\n")
    (on_path / "python3").chmod(0o755)
    pins = requirements(tmp_path, f"nbformat=={version('nbformat')}\n")
    chosen = jupyter_env.python_for_kit({"PATH": str(on_path)}, tmp_path / ".venv", pins)
    assert chosen == str(on_path / "python3")
    assert not (tmp_path / ".venv").exists()


def test_a_venv_from_older_requirements_is_made_again_with_pip_from_exactly_the_new_ones(tmp_path):
    venv = fake_venv(tmp_path / ".venv", made_from=requirements(tmp_path, "six==1.16.0\n"))
    pins = requirements(tmp_path, SIX)
    python = jupyter_env.python_for_kit({"PATH": ""}, venv, pins)
    assert python == str(venv / "bin" / "python")
    assert (venv / jupyter_env.STAMP).read_text() == SIX
    freeze = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True, check=True).stdout
    assert freeze.split() == ["six==1.17.0"]
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text()


def test_pypi_out_of_reach_is_said_with_the_fallback_and_leaves_no_half_venv(tmp_path, monkeypatch):
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_FIND_LINKS", "")
    monkeypatch.setenv("PIP_TIMEOUT", "2")
    venv = tmp_path / ".venv"
    with pytest.raises(jupyter_env.EnvironmentProblem) as e:
        jupyter_env.make_venv(venv, requirements(tmp_path, SIX))
    message = str(e.value)
    assert message.startswith("PyPI could not be reached, so the kit has no Jupyter yet.")
    assert "export KIT_PYTHON=/usr/bin/python3" in message
    assert not venv.exists()


@pytest.mark.skipif(OLD_PYTHON is None, reason="no Python 3 older than 3.11 on this machine")
def test_only_a_python_older_than_3_11_gives_the_install_commands_for_every_system():
    with pytest.raises(jupyter_env.EnvironmentProblem) as e:
        jupyter_env.bootstrap_python([OLD_PYTHON, "/no/such/python"])
    message = str(e.value)
    assert message.startswith(f"Found: {OLD_PYTHON} is Python 3.")
    for system in ("Debian/Ubuntu:", "python3-venv", "macOS:", "Windows:", "KIT_PYTHON"):
        assert system in message


def test_the_running_python_is_the_first_choice_to_make_a_venv_with():
    assert jupyter_env.bootstrap_python([sys.executable, "/no/such/python"]) == sys.executable
