import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from rnnkit_tools import paths, setup


def test_the_kernelspec_runs_the_launcher_around_the_kernel_jar_with_the_agent_and_one_classpath_glob():
    spec = setup.kernelspec()
    argv = spec["argv"]
    assert argv[:5] == [sys.executable, "-I", str(paths.LAUNCHER), "{connection_file}", "--"]
    assert argv[6:] == ["-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseSerialGC", f"-javaagent:{paths.AGENT_JAR}",
                        "-jar", str(paths.KERNEL_JAR), "{connection_file}"]
    assert spec["interrupt_mode"] == "signal"
    glob = str(paths.CLASSPATH_DIR / "*")
    assert glob.startswith("/")
    assert spec["env"] == {"RJK_CLASSPATH": glob, "IJAVA_CLASSPATH": glob, "JJAVA_CLASSPATH": glob}


def test_a_class_data_archive_goes_before_the_agent(tmp_path):
    argv = setup.kernelspec(tmp_path / "kernel.jsa")["argv"]
    assert argv[argv.index(f"-XX:SharedArchiveFile={tmp_path / 'kernel.jsa'}") + 1] == f"-javaagent:{paths.AGENT_JAR}"


def test_installing_the_kernelspec_twice_changes_nothing_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path))
    spec = setup.kernelspec()
    outside = tmp_path / "shared-python"
    assert setup.install_kernelspec(spec, prefix=outside) is True
    assert setup.install_kernelspec(spec, prefix=outside) is False
    installed = json.loads((tmp_path / "kernels" / "rnnkit" / "kernel.json").read_text())
    assert installed == {**spec, "display_name": f"Java (RNN Gradients Kit) — {paths.REPO.name}"}


def test_only_a_python_inside_the_checkout_owns_its_prefix(tmp_path):
    assert setup.owns_prefix(tmp_path / "repo" / ".venv", repo=tmp_path / "repo") is False  # not there: not writable
    (tmp_path / "repo" / ".venv").mkdir(parents=True)
    assert setup.owns_prefix(tmp_path / "repo" / ".venv", repo=tmp_path / "repo") is True
    assert setup.owns_prefix(tmp_path / "other" / ".venv", repo=tmp_path / "repo") is False


def test_two_checkouts_with_their_own_venvs_each_get_their_own_kernel(tmp_path):
    user_dir = tmp_path / "user-data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env["JUPYTER_DATA_DIR"] = str(user_dir)
    checkouts = [tmp_path / "A" / "rnnkit", tmp_path / "B" / "rnnkit"]
    for checkout in checkouts:
        shutil.copytree(paths.REPO / "tools" / "rnnkit_tools", checkout / "tools" / "rnnkit_tools")
        make_venv(checkout / ".venv")
        install = (f"import sys; sys.path.insert(0, {str(checkout / 'tools')!r}); from rnnkit_tools import setup; "
                   "setup.install_kernelspec(setup.kernelspec())")
        subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-c", install], env=env, check=True)
        if checkout == checkouts[0]:
            first = (checkout / ".venv" / "share" / "jupyter" / "kernels" / "rnnkit" / "kernel.json").read_text()
    assert (checkouts[0] / ".venv" / "share" / "jupyter" / "kernels" / "rnnkit" / "kernel.json").read_text() == first
    assert not (user_dir / "kernels" / "rnnkit").exists()
    resolve = ("from jupyter_client.kernelspec import KernelSpecManager; "
               "print(KernelSpecManager().get_kernel_spec('rnnkit').argv[2])")
    for checkout in checkouts:
        launcher = subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-c", resolve], env=env,
                                  capture_output=True, text=True, check=True).stdout.strip()
        assert launcher == str(checkout / "tools" / "rnnkit_tools" / "kernel_launcher.py")


def make_venv(folder: Path) -> None:
    """A real venv (its own sys.prefix) that borrows this Python's Jupyter packages through a .pth file."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    site = subprocess.run([str(folder / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")


def test_sync_copies_new_files_and_removes_stale_ones(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.jar").write_text("a")
    target = tmp_path / "target"
    target.mkdir()
    (target / "old.jar").write_text("old")
    assert setup.sync([src / "a.jar"], target) is True
    assert sorted(p.name for p in target.iterdir()) == ["a.jar"]
    assert setup.sync([src / "a.jar"], target) is False
