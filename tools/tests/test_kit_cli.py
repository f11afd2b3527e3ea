"""The `kit` script and tools/kit.py: one command list, clear messages when Python or Java is missing."""
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

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


def test_every_command_kit_help_lists_is_listed_once_and_answers_its_own_help():
    usage = subprocess.run([str(KIT), "--help"], capture_output=True, text=True, check=True).stdout
    listed = [line.split()[0] for line in usage.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert len(listed) == len(set(listed)) >= 10, listed
    for command in listed:
        run = subprocess.run([str(KIT), command, "--help"], capture_output=True, text=True, timeout=60)
        assert run.returncode == 0 and run.stdout.startswith(f"usage: ./kit {command} "), (command, run.stderr)


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


def collected(argv):
    """The tests a pytest command line runs, as test_file.py::name, from pytest's own collection."""
    quiet_once = [a for a in argv if a != "-q"] + ["--collect-only", "-q"]  # -qq would print counts, not ids
    run = subprocess.run(quiet_once, cwd=paths.REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"{' '.join(argv)}:\n{run.stdout[-2000:]}{run.stderr[-2000:]}"
    ids = [line.strip() for line in run.stdout.splitlines() if "::" in line]
    return [f"{os.path.basename(node.split('::', 1)[0])}::{node.split('::', 1)[1]}" for node in ids]


def test_every_tool_test_runs_in_exactly_one_stage_of_kit_test():
    """The oracle is pytest's collection of the whole folder, not kit.py's list: a test file that no stage
    runs (a new stage-marked file, a stage pointing at a moved file) or one that two stages run fails here."""
    sys.path.insert(0, str(paths.REPO / "tools"))
    import kit
    tests = paths.REPO / "tools" / "tests"
    stages = [argv for _, argv in kit.test_stages() if argv[1:3] == ["-m", "pytest"]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        everything, *per_stage = pool.map(collected, [[sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                                                       str(tests)], *stages])
    by_stages = [node for nodes in per_stage for node in nodes]
    assert len(everything) > 100
    assert sorted(by_stages) == sorted(everything), {
        "run by no stage": sorted(set(everything) - set(by_stages))[:10],
        "run twice": sorted({n for n in by_stages if by_stages.count(n) > 1})[:10]}


def test_every_stage_that_is_not_pytest_is_a_command_that_starts():
    sys.path.insert(0, str(paths.REPO / "tools"))
    import kit
    others = [(name, argv) for name, argv in kit.test_stages() if argv[1:3] != ["-m", "pytest"]]
    assert len(others) >= 4
    for name, argv in others:
        if argv[0].endswith("mvnw"):
            assert os.access(argv[0], os.X_OK), name
            continue
        run = subprocess.run([*argv, "--help"], cwd=paths.REPO, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0 and run.stdout.startswith(f"usage: ./kit {argv[2]} "), (name, run.stderr)
