import json
import os
import subprocess
import sys

from rnnkit_tools import paths

BINDER = paths.REPO / "binder"


def test_postbuild_registers_the_kernel_in_a_fresh_home(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "XDG_"))}
    env.update(HOME=str(tmp_path), KIT_PYTHON=sys.executable,
               MAVEN_USER_HOME=os.path.expanduser("~/.m2"),
               MAVEN_ARGS="-Dmaven.repo.local=" + os.path.expanduser("~/.m2/repository"))
    run = subprocess.run([str(BINDER / "postBuild")], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    spec = json.loads((tmp_path / ".local/share/jupyter/kernels/rnnkit/kernel.json").read_text())
    assert spec["argv"][-1] == "{connection_file}"
    assert spec["env"]["RJK_CLASSPATH"] == str(paths.CLASSPATH_DIR / "*")


def test_postbuild_is_executable_and_only_calls_kit_setup():
    script = BINDER / "postBuild"
    assert os.access(script, os.X_OK)
    commands = [line for line in script.read_text().splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["./kit setup"]


def test_binder_pins_every_python_requirement_and_installs_a_jdk():
    requirements = [line for line in (BINDER / "requirements.txt").read_text().splitlines()
                    if line and not line.startswith("#")]
    assert requirements and all("==" in line for line in requirements)
    assert any(line.startswith("jupyterlab==") for line in requirements)
    assert "openjdk-17-jdk-headless" in (BINDER / "apt.txt").read_text().split()
