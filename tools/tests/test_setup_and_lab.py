import json

from rnnkit_tools import paths, setup


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
