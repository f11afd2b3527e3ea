import json

from rnnkit_tools import lab, paths, setup


def test_the_kernelspec_runs_the_kernel_jar_headless_with_one_absolute_classpath_glob():
    spec = setup.kernelspec()
    argv = spec["argv"]
    assert argv[1:3] == ["-Djava.awt.headless=true", setup.HEAP]
    assert argv[3:] == ["-jar", str(paths.KERNEL_JAR), "{connection_file}"]
    glob = str(paths.CLASSPATH_DIR / "*")
    assert glob.startswith("/")
    assert spec["env"] == {"RJK_CLASSPATH": glob, "IJAVA_CLASSPATH": glob, "JJAVA_CLASSPATH": glob}


def test_installing_the_kernelspec_twice_changes_nothing_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path))
    spec = setup.kernelspec()
    assert setup.install_kernelspec(spec) is True
    assert setup.install_kernelspec(spec) is False
    installed = json.loads((tmp_path / "kernels" / "rnnkit" / "kernel.json").read_text())
    assert installed == spec


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


def test_lab_prefers_jupyterlab_on_path():
    which = {"jupyter-lab": "/opt/bin/jupyter-lab", "jupyter-notebook": "/usr/bin/jupyter-notebook"}.get
    assert lab.jupyter_command(which=which, pythons=[], module_check=lambda p, m: False) == ["/opt/bin/jupyter-lab"]


def test_lab_uses_the_jupyterlab_module_of_a_known_python_before_the_classic_notebook():
    which = {"jupyter-notebook": "/usr/bin/jupyter-notebook"}.get
    command = lab.jupyter_command(which=which, pythons=["/venv/bin/python"],
                                  module_check=lambda p, m: m == "jupyterlab")
    assert command == ["/venv/bin/python", "-m", "jupyterlab"]


def test_lab_falls_back_to_the_classic_notebook_without_jupyterlab():
    which = {"jupyter-notebook": "/usr/bin/jupyter-notebook"}.get
    command = lab.jupyter_command(which=which, pythons=["/usr/bin/python3"], module_check=lambda p, m: False)
    assert command == ["/usr/bin/jupyter-notebook"]


def test_lab_finds_nothing_when_no_jupyter_is_installed():
    assert lab.jupyter_command(which=lambda name: None, pythons=["/usr/bin/python3"],
                               module_check=lambda p, m: False) is None


def test_lab_listens_on_localhost_rooted_at_the_notebooks_and_opens_the_start_page():
    argv = lab.lab_argv(["/usr/bin/jupyter-notebook"], ["--no-browser"])
    assert argv[:4] == ["/usr/bin/jupyter-notebook", "--ip=127.0.0.1", f"--notebook-dir={paths.NOTEBOOKS}",
                        "--no-browser"]
    assert (paths.NOTEBOOKS / argv[-1]).exists()
    assert "--allow-root" not in argv


def test_lab_allows_root_only_when_running_as_root():
    assert "--allow-root" in lab.lab_argv(["/usr/bin/jupyter-notebook"], [], root=True)


def test_the_python_behind_a_jupyter_script_is_read_from_its_shebang(tmp_path):
    script = tmp_path / "jupyter-notebook"
    script.write_text("#!/usr/bin/python3\nimport sys\n")
    assert lab.python_of([str(script)]) == "/usr/bin/python3"
    script.write_text("#!/usr/bin/env python3.11\n")
    assert lab.python_of([str(script)]) == "python3.11"
    assert lab.python_of(["/venv/bin/python", "-m", "jupyterlab"]) == "/venv/bin/python"


def test_the_install_help_names_apt_pip_and_conda():
    for word in ("apt-get install jupyter-notebook", "pip install", "conda install"):
        assert word in lab.INSTALL_HELP
