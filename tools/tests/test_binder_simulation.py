"""Binder, simulated as far as a machine without Docker allows (a stage of ./kit test).

(a) repo2docker --no-build --debug on a clean clone prints the Dockerfile Binder would build: it must
install apt.txt, requirements.txt on the Python of runtime.txt, and run postBuild. (b) Binder's steps,
in a throw-away HOME that is the clone (as Binder's /home/jovyan is): a fresh venv from
binder/requirements.txt stands for Binder's environment, binder/postBuild runs with it first on PATH, and
JupyterLab from that venv runs lesson 01 in Chromium through the clone's own ./kit browser.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from rnnkit_tools import jupyter_env, paths

pytestmark = pytest.mark.stage

REPO2DOCKER = paths.KIT_DIR / "repo2docker"
REPO2DOCKER_PINS = paths.REPO / "tools" / "requirements-repo2docker.txt"
LESSON = "notebooks/01-forward-pass.ipynb"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A clean clone of the committed tree: Binder builds what was pushed, never a work tree."""
    home = tmp_path_factory.mktemp("binder") / "home"
    subprocess.run(["git", "clone", "-q", str(paths.REPO), str(home)], check=True)
    return home


def binder_file(name):
    return (paths.REPO / "binder" / name).read_text(encoding="utf-8")


def test_repo2docker_would_install_apt_txt_and_requirements_on_the_runtime_python_then_run_postbuild(clone):
    if not jupyter_env.venv_is_current(REPO2DOCKER, REPO2DOCKER_PINS):
        jupyter_env.make_venv(REPO2DOCKER, REPO2DOCKER_PINS)
    run = subprocess.run([str(REPO2DOCKER / "bin" / "repo2docker"), "--no-build", "--debug", str(clone)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    dockerfile = run.stdout + run.stderr
    installs = " ".join(re.findall(r"apt-get install --yes --no-install-recommends ([^&\n]+)", dockerfile))
    assert set(binder_file("apt.txt").split()) <= set(installs.split())
    python = binder_file("runtime.txt").strip().split("-")[1]
    assert re.search(rf"environment\.py-{re.escape(python)}-linux-64\.lock|python={re.escape(python)}\b", dockerfile)
    pip = dockerfile.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    post_build = dockerfile.index("RUN ./binder/postBuild")
    assert pip < post_build


def binder_env(clone, bin_dir):
    """What Binder's user sees: HOME is the repository, its environment first on PATH, no kit settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "KIT_", "XDG_", "VIRTUAL_ENV", "PYTHON"))}
    env.update(HOME=str(clone), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
               # caches of this machine, so the simulation does not download Maven and npm packages again
               MAVEN_ARGS="-Dmaven.repo.local=" + os.path.expanduser("~/.m2/repository"),
               MAVEN_USER_HOME=os.path.expanduser("~/.m2"), npm_config_cache=os.path.expanduser("~/.npm"))
    return env


def marker_holds(python, line):
    """Whether a requirement line's environment marker (platform, Python version) holds for `python`, by
    packaging's rules as pip applies them there."""
    script = ("import sys\nfrom pip._vendor.packaging.requirements import Requirement\n"
              "r = Requirement(sys.argv[1])\nprint(int(r.marker is None or r.marker.evaluate()))")
    return subprocess.run([str(python), "-I", "-c", script, line], capture_output=True, text=True,
                          check=True).stdout.strip() == "1"


def test_binders_steps_in_a_fresh_home_run_lesson_01_in_jupyterlab(clone, tmp_path):
    environment = tmp_path / "env"
    jupyter_env.make_venv(environment, clone / "binder" / "requirements.txt")
    python = environment / "bin" / "python"
    version = subprocess.run([str(python), "-c", "import sys; print(f'python-{sys.version_info[0]}.{sys.version_info[1]}')"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == binder_file("runtime.txt").strip()
    freeze = subprocess.run([str(python), "-m", "pip", "freeze"], capture_output=True, text=True, check=True).stdout
    pins = {line.split(";")[0].strip().lower().replace("_", "-") for line in binder_file("requirements.txt").splitlines()
            if line.strip() and not line.startswith("#") and marker_holds(python, line)}
    assert {line.lower().replace("_", "-") for line in freeze.split()} == pins, "the requirements are not closed"

    env = binder_env(clone, environment / "bin")
    post_build = subprocess.run([str(clone / "binder" / "postBuild")], cwd=clone, env=env, capture_output=True,
                                text=True, timeout=900)
    assert post_build.returncode == 0, (post_build.stdout + post_build.stderr)[-3000:]
    assert not (clone / ".venv").exists(), "postBuild made a .venv although Binder's Python has every pin"
    specs = subprocess.run([str(environment / "bin" / "jupyter"), "kernelspec", "list", "--json"], env=env,
                           capture_output=True, text=True, check=True).stdout
    spec = json.loads(specs)["kernelspecs"][paths.KERNEL_NAME]["spec"]
    assert str(clone) in json.dumps(spec), "the kernel runs another checkout's jars"

    browser = subprocess.run([str(clone / "kit"), "browser", LESSON, "--ui", "lab"], cwd=clone, env=env,
                             capture_output=True, text=True, timeout=900)
    print(browser.stdout)
    assert browser.returncode == 0, (browser.stdout + browser.stderr)[-3000:]
    assert f"from {environment / 'bin' / 'python3'} answered" in browser.stdout
    assert "ok   01-forward-pass.ipynb in JupyterLab" in browser.stdout
    shots = paths.REPO / "target" / "browser"
    shots.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clone / "target" / "browser" / "lab-01-forward-pass.png", shots / "binder-lab-01-forward-pass.png")
