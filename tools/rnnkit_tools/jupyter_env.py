"""Which Python, with which Jupyter, every ./kit command runs: the one environment the kit is tested with.

In order: $KIT_PYTHON when set (the user's own Jupyter: kept as it is); the project's .venv when it was made
from the current binder/requirements.txt; python3 on PATH when it already has exactly those pins (Binder's
image, a conda environment made from the file); otherwise .venv is made, or made again, from the file: a
plain venv, never the system's site-packages.

Standard library only, and no syntax newer than Python 3.6: it runs under whatever python3 the `kit` script
found, to say clearly when that one is too old.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REQUIREMENTS = REPO / "binder" / "requirements.txt"
VENV = REPO / ".venv"
STAMP = "kit-requirements.txt"  # a copy of the requirements a venv was made from, written once pip succeeded
MIN_VERSION = (3, 11)  # nbgrader 0.9 and IPython 9 need it
PYTHON_HELP = REPO / "tools" / "python-help.txt"
JUPYTER_LIBRARIES = ("nbformat", "nbclient", "jupyter_client")
UNREACHABLE = re.compile(r"NewConnectionError|Failed to establish|Temporary failure in name resolution|"
                         r"Network is unreachable|Connection refused|ConnectTimeout|ReadTimeout|ProxyError|"
                         r"No matching distribution found")

# Run inside a candidate Python: prints one line per pin it does not satisfy. (packaging reads the markers;
# a venv with pip has a copy of it even when packaging itself is not installed.)
CHECK_PINS = r"""
import sys
from importlib.metadata import PackageNotFoundError, version
try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    pin = Requirement(line)
    if pin.marker is not None and not pin.marker.evaluate():
        continue
    wanted = next(iter(pin.specifier)).version
    try:
        found = version(pin.name)
    except PackageNotFoundError:
        found = "nothing"
    if found != wanted:
        print(pin.name + ": wanted " + wanted + ", found " + found)
"""


# Debian ships venv's pip bootstrap (ensurepip) apart from Python, in python3-venv.
VERSION_AND_VENV = ("import sys, importlib.util as u; print(sys.version_info[0], sys.version_info[1], "
                    "int(bool(u.find_spec('venv') and u.find_spec('ensurepip'))))")


class EnvironmentProblem(Exception):
    """What stops the kit from having its Python, said so that the user knows what to do."""


def venv_python(venv: Path = VENV) -> Path:
    return venv / "bin" / "python"


def venv_is_current(venv: Path = VENV, requirements: Path = REQUIREMENTS) -> bool:
    stamp = venv / STAMP
    return venv_python(venv).exists() and stamp.exists() and stamp.read_bytes() == requirements.read_bytes()


def unmet_pins(python: str, requirements: Path = REQUIREMENTS) -> list:
    """The pins of `requirements` that `python` does not have, one line each ("name: wanted X, found Y")."""
    run = subprocess.run([python, "-c", CHECK_PINS, str(requirements)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    if run.returncode != 0:
        return ["the pins could not be checked: " + (run.stderr.strip().splitlines() or ["?"])[-1]]
    return run.stdout.splitlines()


def checked_override(python: str) -> str:
    """$KIT_PYTHON, once it is known to run and to import Jupyter's libraries."""
    found = shutil.which(python)
    if found is None:
        raise EnvironmentProblem("KIT_PYTHON={}: expected a Python interpreter, got no such program.".format(python))
    run = subprocess.run([found, "-c", "import " + ", ".join(JUPYTER_LIBRARIES)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    if run.returncode != 0:
        raise EnvironmentProblem(
            "KIT_PYTHON={}: expected a Python that can import {}, got: {}\nInstall them there "
            "(pip install -r binder/requirements.txt), or unset KIT_PYTHON to let the kit make .venv."
            .format(python, ", ".join(JUPYTER_LIBRARIES), (run.stderr.strip().splitlines() or ["?"])[-1]))
    return os.path.abspath(found) if os.sep in python else found


def python_version(python: str):
    """(major, minor) and whether venv and ensurepip are there; None when it does not run."""
    try:
        run = subprocess.run([python, "-c", VERSION_AND_VENV], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             universal_newlines=True)
    except OSError:
        return None
    if run.returncode != 0:
        return None
    major, minor, ok = (int(x) for x in run.stdout.split())
    return (major, minor), bool(ok)


def bootstrap_python(candidates=None) -> str:
    """A Python 3.11+ with venv and pip to make .venv with; a message saying what was found otherwise."""
    if candidates is None:
        candidates = [sys.executable] + [shutil.which(n) for n in ("python3", "python3.11", "python3.12", "python3.13")]
    found = []
    for python in dict.fromkeys(c for c in candidates if c):
        answer = python_version(python)
        if answer is None:
            continue
        version, has_venv = answer
        if version >= MIN_VERSION and has_venv:
            return python
        found.append("{} is Python {}.{}{}".format(python, version[0], version[1],
                                                  "" if has_venv else " without venv and pip"))
    raise EnvironmentProblem("Found: {}.\n\n{}".format("; ".join(found) or "no Python 3",
                                                      PYTHON_HELP.read_text(encoding="utf-8")))


def make_venv(venv: Path = VENV, requirements: Path = REQUIREMENTS, bootstrap: str = None) -> None:
    """Makes `venv` from `requirements` with pip, from scratch; removes it again if that fails."""
    bootstrap = bootstrap or bootstrap_python()
    if venv.exists():
        print("kit: {} is out of date with {}: making it again.".format(venv.name, requirements.name), file=sys.stderr)
        shutil.rmtree(str(venv))
    print("kit: creating {} from {} with pip (a minute or two, once)…".format(
        venv, requirements.relative_to(REPO) if REPO in requirements.parents else requirements), file=sys.stderr)
    try:
        subprocess.run([bootstrap, "-m", "venv", str(venv)], check=True)
        pip = subprocess.run([str(venv_python(venv)), "-m", "pip", "install", "--disable-pip-version-check",
                              "--no-input", "--retries", "2", "-r", str(requirements)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
        if pip.returncode != 0:
            raise EnvironmentProblem(pip_failure(pip.stdout, requirements))
        unmet = unmet_pins(str(venv_python(venv)), requirements)
        if unmet:
            raise EnvironmentProblem("pip finished, but {} does not have the pinned versions:\n  {}".format(
                venv.name, "\n  ".join(unmet)))
    except (EnvironmentProblem, subprocess.CalledProcessError, OSError) as e:
        shutil.rmtree(str(venv), ignore_errors=True)
        raise e if isinstance(e, EnvironmentProblem) else EnvironmentProblem(
            "could not make {} with {}: {}".format(venv, bootstrap, e))
    shutil.copyfile(str(requirements), str(venv / STAMP))


def pip_failure(output: str, requirements: Path) -> str:
    tail = "\n".join("    " + line for line in output.strip().splitlines()[-12:])
    reason = ("PyPI could not be reached" if UNREACHABLE.search(output)
              else "pip could not install {}".format(requirements.name))
    return ("{}, so the kit has no Jupyter yet. pip said:\n{}\n\nFallback: point KIT_PYTHON at a Python that "
            "already has Jupyter, e.g. Debian's:\n  sudo apt-get install jupyter-notebook python3-nbclient "
            "python3-nbconvert python3-nbformat python3-jupyter-client\n  export KIT_PYTHON=/usr/bin/python3\n"
            "then run ./kit again (its tests and nbgrader need the pinned versions).".format(reason, tail))


def python_for_kit(environ=os.environ, venv: Path = VENV, requirements: Path = REQUIREMENTS) -> str:
    """The Python every ./kit command that needs Jupyter runs under (see the module's docstring)."""
    if environ.get("KIT_PYTHON"):
        return checked_override(environ["KIT_PYTHON"])
    if venv_is_current(venv, requirements):
        return str(venv_python(venv))
    on_path = shutil.which("python3", path=environ.get("PATH"))
    if not venv.exists() and on_path and not unmet_pins(on_path, requirements):
        return on_path
    make_venv(venv, requirements)
    return str(venv_python(venv))
