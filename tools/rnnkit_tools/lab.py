"""`./kit lab`: JupyterLab 4, or Notebook 7 with --classic, from the kit's Python (the project .venv, or
$KIT_PYTHON), listening on 127.0.0.1, rooted at notebooks/ and opening the start page. A $KIT_PYTHON whose
Jupyter has no JupyterLab opens its Notebook instead."""
import os
import subprocess
import sys
from typing import List

from . import paths, setup


def has_module(python: str, module: str) -> bool:
    return subprocess.run([python, "-c", "import " + module], capture_output=True).returncode == 0


def app_module(python: str, classic: bool) -> str:
    """The Python module that serves the lessons: jupyterlab, or notebook for --classic (or without Lab)."""
    if not classic and has_module(python, "jupyterlab"):
        return "jupyterlab"
    if has_module(python, "notebook"):
        if not classic:
            print(f"kit: {python} has no JupyterLab: opening its Jupyter Notebook instead.", file=sys.stderr)
        return "notebook"
    raise SystemExit(f"kit: {python} has neither JupyterLab nor Jupyter Notebook: install binder/requirements.txt "
                     "there, or unset KIT_PYTHON to use the kit's .venv.")


def lab_argv(python: str, module: str, extra: List[str], root: bool = False) -> List[str]:
    """Jupyter refuses to run as root without --allow-root (containers, CI machines)."""
    allow_root = ["--allow-root"] if root else []
    return [python, "-m", module, "--ip=127.0.0.1", f"--notebook-dir={paths.NOTEBOOKS}", *allow_root, *extra,
            paths.START_PAGE]


def main(extra: List[str], classic: bool = False, dry_run: bool = False) -> int:
    argv = lab_argv(sys.executable, app_module(sys.executable, classic), extra, root=os.geteuid() == 0)
    if dry_run:
        print(" ".join(argv))
        return 0
    setup.main()
    os.chdir(paths.NOTEBOOKS)
    os.execv(argv[0], argv)
