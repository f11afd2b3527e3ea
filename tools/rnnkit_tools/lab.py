"""`./kit lab`: JupyterLab where it is installed, the classic Notebook otherwise, and a project
virtual environment as the last resort; rooted at notebooks/ and opening the start page."""
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, List, Optional

from . import paths

VENV = paths.REPO / ".venv"
REQUIREMENTS = paths.REPO / "binder" / "requirements.txt"

INSTALL_HELP = f"""\
Jupyter is not installed, and installing it into .venv with pip did not work.
Install it in one of these ways, then run ./kit lab again:

  Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbclient python3-nbconvert \\
                      python3-nbformat python3-jupyter-client
  pip:            python3 -m pip install --user -r {REQUIREMENTS.relative_to(paths.REPO)}
  conda:          conda install -c conda-forge jupyterlab nbclient nbconvert nbformat jupyter_client
"""


def has_module(python: str, module: str) -> bool:
    return subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0


def jupyter_command(which: Callable[[str], Optional[str]] = shutil.which,
                    pythons: Optional[List[str]] = None,
                    module_check: Callable[[str, str], bool] = has_module) -> Optional[List[str]]:
    """The command that starts Jupyter: Lab before the classic Notebook, a program on PATH
    before a module of a known Python. None when neither is installed anywhere."""
    pythons = pythons if pythons is not None else candidate_pythons()
    for program, module in (("jupyter-lab", "jupyterlab"), ("jupyter-notebook", "notebook")):
        found = which(program)
        if found:
            return [found]
        for python in pythons:
            if module_check(python, module):
                return [python, "-m", module]
    return None


def candidate_pythons() -> List[str]:
    found = [str(VENV / "bin" / "python"), sys.executable, "/usr/bin/python3"]
    return [p for p in dict.fromkeys(found) if Path(p).exists()]


def python_of(command: List[str]) -> str:
    """The Python interpreter behind a Jupyter command: it also has jupyter_client for setup."""
    if len(command) > 1:
        return command[0]
    with open(command[0], "rb") as f:
        shebang = f.readline().decode(errors="replace")
    words = shebang[2:].split() if shebang.startswith("#!") else []
    if not words:
        return sys.executable
    return words[-1] if words[0].endswith("/env") else words[0]


def install_into_venv() -> bool:
    print("No Jupyter found: creating .venv and installing binder/requirements.txt with pip…", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-r", str(REQUIREMENTS)], check=True)
        return True
    except (subprocess.CalledProcessError, OSError) as e:
        print(f"pip could not install Jupyter: {e}", file=sys.stderr)
        return False


def start_page() -> str:
    if (paths.NOTEBOOKS / paths.START_PAGE).exists():
        return paths.START_PAGE
    return paths.lessons()[0].name


def lab_argv(command: List[str], extra: List[str], root: bool = False) -> List[str]:
    """Jupyter refuses to run as root without --allow-root (containers, CI machines)."""
    allow_root = ["--allow-root"] if root else []
    return [*command, "--ip=127.0.0.1", f"--notebook-dir={paths.NOTEBOOKS}", *allow_root, *extra, start_page()]


def main(extra: List[str], dry_run: bool = False) -> int:
    command = jupyter_command()
    if command is None and not dry_run and install_into_venv():
        command = jupyter_command()
    if command is None:
        print(INSTALL_HELP, file=sys.stderr)
        return 1
    argv = lab_argv(command, extra, root=os.geteuid() == 0)
    if dry_run:
        print(" ".join(argv))
        return 0
    subprocess.run([python_of(command), str(paths.REPO / "tools" / "kit.py"), "setup"], check=True)
    os.chdir(paths.NOTEBOOKS)
    os.execvp(argv[0], argv)
