import json
import os
import re
import subprocess
import sys

from rnnkit_tools import jupyter_env, paths

BINDER = paths.REPO / "binder"


def test_postbuild_registers_the_kernel_in_a_fresh_home(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "XDG_"))}
    env.update(HOME=str(tmp_path), KIT_PYTHON=sys.executable,
               MAVEN_USER_HOME=os.path.expanduser("~/.m2"),
               MAVEN_ARGS="-Dmaven.repo.local=" + os.path.expanduser("~/.m2/repository"))
    run = subprocess.run([str(BINDER / "postBuild")], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    listed = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"], env=env,
                            capture_output=True, text=True, check=True).stdout
    spec = json.loads(listed)["kernelspecs"][paths.KERNEL_NAME]["spec"]
    assert "{connection_file}" in spec["argv"]
    assert str(paths.CLASSPATH_DIR) in json.dumps(spec), "the kernel does not run this checkout's library"


def test_postbuild_is_executable_and_only_calls_kit_setup():
    script = BINDER / "postBuild"
    assert os.access(script, os.X_OK)
    commands = [line for line in script.read_text().splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["./kit setup"]


def pins():
    return dict(line.split(";")[0].strip().split("==") for line in (BINDER / "requirements.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#"))


def test_binder_pins_every_python_requirement_and_installs_a_jdk():
    lines = [line for line in (BINDER / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert lines and all(re.match(r"^[A-Za-z0-9_.-]+==[0-9][^ ;]*( ; .+)?$", line) for line in lines)
    assert "openjdk-17-jdk-headless" in (BINDER / "apt.txt").read_text().split()


def test_the_pins_are_jupyterlab_4_notebook_7_and_nbgrader_0_9():
    found = pins()
    assert found["jupyterlab"].startswith("4.6.") and found["notebook"].startswith("7.")
    assert found["nbgrader"].startswith("0.9.")
    assert {"nbclient", "nbconvert", "nbformat", "jupyter_client", "jupyter_server", "pytest"} <= set(found)


def test_binder_runs_the_python_the_pins_were_frozen_on_and_nbgrader_accepts():
    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime)
    assert tuple(int(x) for x in runtime.split("-")[1].split(".")) >= jupyter_env.MIN_VERSION
    assert "Python " + runtime.split("-")[1] in (BINDER / "requirements.txt").read_text()
