"""./kit class, the parts that need no hub: names, pins, configuration, dates, the Moodle CSV, refusals.
The class itself, end to end, is test_class_end_to_end.py (a stage of ./kit test)."""
import ast
import os
import re
import stat
from pathlib import Path

import pytest

from rnnkit_tools.classroom import environment, hub, install, instructor, lms
from rnnkit_tools.classroom.layout import ClassError, ClassState, Layout, check_course, student_names


def test_students_are_a_count_or_names():
    assert student_names("3", "rkt-") == ["rkt-student1", "rkt-student2", "rkt-student3"]
    assert student_names("ada, alan", "") == ["ada", "alan"]


@pytest.mark.parametrize("bad", ["0", "501", "Ada", "a+b", "ada,ada", " , "])
def test_bad_student_lists_are_refused_with_what_came(bad):
    with pytest.raises(ClassError, match="--students"):
        student_names(bad, "")


@pytest.mark.parametrize("bad", ["", "1course", "Course", "a/b", "x" * 25])
def test_bad_course_ids_are_refused(bad):
    with pytest.raises(ClassError, match="--course"):
        check_course(bad)


def requirement_name(line):
    found = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#", 1)[0])
    return found.group(1).lower().replace("_", "-") if found else None


def test_the_class_requirements_pin_every_package_and_none_that_binder_pins():
    binder = {requirement_name(l) for l in environment.BINDER_REQUIREMENTS.read_text().splitlines()} - {None}
    for line in environment.CLASS_REQUIREMENTS.read_text().splitlines():
        name = requirement_name(line)
        if name is None:
            continue
        assert "==" in line, f"not pinned: {line}"
        assert name not in binder, f"{name} is pinned in binder/requirements.txt too"


def test_the_proxy_is_pinned_by_a_lock_file():
    lock = (environment.PROXY_PACKAGE / "package-lock.json").read_text()
    package = (environment.PROXY_PACKAGE / "package.json").read_text()
    assert '"configurable-http-proxy": "5.3.0"' in package
    assert '"node_modules/configurable-http-proxy"' in lock and '"version": "5.3.0"' in lock


def state(**changes) -> ClassState:
    base = dict(course="rnnkit", instructor="teacher", students=["ada", "alan"], port=8123, heap="1g",
                hub_port=8124, proxy_api_port=8125)
    return ClassState(**{**base, **changes})


def test_the_hub_config_is_the_same_text_for_the_same_class(tmp_path):
    # a second ./kit class compares it to decide whether the hub must restart
    layout = Layout("rnnkit", base=tmp_path)
    assert hub.config_text(layout, state(students=["zoe", "ada", "max"])) == hub.config_text(layout, state(students=["zoe", "ada", "max"]))
    assert "['ada', 'max', 'teacher', 'zoe']" in hub.config_text(layout, state(students=["zoe", "ada", "max"]))


def test_the_hub_config_is_python_binds_loopback_and_uses_pam_and_the_local_process_spawner(tmp_path):
    text = hub.config_text(Layout("rnnkit", base=tmp_path), state())
    ast.parse(text)
    assert 'c.JupyterHub.bind_url = "http://127.0.0.1:8123"' in text
    assert 'c.JupyterHub.hub_bind_url = "http://127.0.0.1:8124"' in text
    assert 'c.JupyterHub.authenticator_class = "pam"' in text and "dummy" not in text.lower()
    assert 'c.JupyterHub.spawner_class = "localprocess"' in text and "simple" not in text
    assert "c.Authenticator.allowed_users = set(['ada', 'alan', 'teacher'])" in text


def test_students_get_no_formgrader_and_the_instructor_does():
    student, teacher = install.server_config(False), install.server_config(True)
    assert student["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    assert teacher["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is True
    for config in (student, teacher):
        assert config["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.assignment_list"] is True
    assert install.lab_page_config(False)["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    assert install.lab_page_config(True)["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is False


def test_every_users_nbgrader_config_names_the_course_the_exchange_and_the_java_stub(tmp_path):
    text = install.nbgrader_global_config(Layout("algebra", base=tmp_path))
    assert 'c.CourseDirectory.course_id = "algebra"' in text.splitlines()[-3]
    assert f'c.Exchange.root = "{tmp_path / "algebra" / "exchange"}"' in text
    assert "not implemented yet" in text and "c.Execute.interrupt_on_timeout = False" in text
    assert 'c.ExchangeFactory.submit = "rnnkit_exchange.ExchangeSubmit"' in text


def test_each_kernel_has_a_heap_cap_and_no_second_one():
    options = environment.jvm_options("768m")
    assert [o for o in options if o.startswith("-Xmx")] == ["-Xmx768m"]
    assert any(o.startswith("-XX:MaxMetaspaceSize=") for o in options)


def test_lessons_are_found_by_name_or_number_and_an_unknown_one_is_named():
    assert instructor.lesson_name("01") == "01-forward-pass"
    assert instructor.lesson_name("01-forward-pass.ipynb") == "01-forward-pass"
    with pytest.raises(ClassError, match=r"unknown lesson '99': expected one of 00-start-here, 01-forward-pass"):
        instructor.lesson_name("99")


def test_due_dates_are_read_as_utc():
    assert instructor.parse_when("2026-05-01T17:00") == "2026-05-01 17:00:00.000000"
    assert instructor.parse_when("2026-05-01T19:00+02:00") == "2026-05-01 17:00:00.000000"
    with pytest.raises(ClassError, match="--due: expected"):
        instructor.parse_when("next friday")


def test_the_moodle_csv_has_a_row_per_student_with_score_and_lateness():
    report = {"assignments": [{"name": "01-forward-pass", "duedate": "x", "max_score": 10.0}],
              "submissions": [{"student": "ada", "assignment": "01-forward-pass", "score": 10.0, "max_score": 10.0,
                               "timestamp": "2026-05-01T17:00:00", "seconds_late": 0},
                              {"student": "alan", "assignment": "01-forward-pass", "score": 4.0, "max_score": 10.0,
                               "timestamp": "2026-05-01T17:05:00", "seconds_late": 300.4}]}
    rows = lms.rows(report, ["ada", "alan", "grace"])
    assert rows[0] == ["Username", "01-forward-pass", "01-forward-pass feedback"]
    assert rows[1][:2] == ["ada", "10"] and rows[1][2].endswith("; on time")
    assert rows[2][:2] == ["alan", "4"] and rows[2][2].endswith("; 300 s late")
    assert rows[3] == ["grace", "0", "no submission (0 / 10)"]


def test_a_hub_that_does_not_come_up_is_said_with_its_log(tmp_path):
    layout = Layout("rnnkit", base=tmp_path)
    layout.bin.mkdir(parents=True)
    layout.hub.mkdir(parents=True)
    fake = layout.bin / "jupyterhub"
    fake.write_text("#!/bin/sh\necho 'the database is locked' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(ClassError, match=r"(?s)exited with code 3.*the database is locked"):
        hub.start(layout, state(port=hub.free_port()))


def test_not_root_is_refused_with_what_to_do(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(ClassError, match="needs root.*sudo"):
        install.require_root()


def test_a_taken_port_is_seen():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert not hub.port_is_free(s.getsockname()[1])
    assert hub.port_is_free(hub.free_port())


def test_the_state_round_trips(tmp_path):
    layout = Layout("rnnkit", base=tmp_path)
    layout.write_state(state(created_users=["teacher"]))
    assert layout.read_state() == state(created_users=["teacher"])
    assert Path(layout.state_file).exists()


DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_the_kubernetes_image_gets_the_same_nbgrader_and_server_settings_as_one_machine(tmp_path):
    import json
    here = install.nbgrader_global_config(Layout("rnnkit", base=tmp_path)).splitlines()
    there = (DEPLOY / "singleuser" / "nbgrader_config.py").read_text().splitlines()
    settings = lambda lines: {l for l in lines if l.startswith("c.") and not l.startswith("c.Exchange.root")}  # noqa: E731
    assert settings(here) == settings(there)
    assert 'c.Exchange.root = "/srv/nbgrader/exchange"' in there
    assert json.loads((DEPLOY / "singleuser" / "jupyter_server_config.json").read_text()) == install.server_config(False)


def test_the_zero_to_jupyterhub_files_parse_and_mount_the_exchange_where_nbgrader_looks():
    import yaml
    values = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text())
    mounts = values["singleuser"]["storage"]["extraVolumeMounts"]
    assert {"name": "nbgrader-exchange", "mountPath": "/srv/nbgrader/exchange"} in mounts
    assert "c.KubeSpawner.uid = rnnkit_uid" in values["hub"]["extraConfig"]["rnnkit-uids"]
    ast.parse(values["hub"]["extraConfig"]["rnnkit-uids"])
    kinds = [doc["kind"] for doc in yaml.safe_load_all((DEPLOY / "z2jh" / "exchange.yaml").read_text())]
    assert kinds == ["PersistentVolumeClaim", "Job"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making files of other users needs root")
def test_collect_sets_aside_what_nbgrader_would_take_on_a_names_word(tmp_path):
    import pwd
    layout = Layout("c1", base=tmp_path)
    inbound = layout.exchange / "c1" / "inbound"
    inbound.mkdir(parents=True)
    course = object.__new__(instructor.Course)
    course.layout, course.folder = layout, tmp_path / "course"
    course.state = state(course="c1", instructor="daemon", students=["nobody", "bin"])
    course.folder.mkdir()

    def submission(name, owner):
        folder = inbound / name
        folder.mkdir()
        (folder / "01-forward-pass.ipynb").write_text("{}")
        os.chown(folder, pwd.getpwnam(owner).pw_uid, -1)
        return folder

    kept = [submission("nobody+01-forward-pass+2026-01-01 10:00:00.000000 UTC+a", "nobody").name,
            submission("nobody+02-bptt+2026-01-01 10:00:00.000000 UTC+b", "nobody").name]
    submission("bin+01-forward-pass+2026-01-01 11:00:00.000000 UTC+c", "nobody")
    submission("sys+01-forward-pass+2026-01-01 11:00:00.000000 UTC+d", "sys")
    linked = submission("nobody+01-forward-pass+2026-01-01 12:00:00.000000 UTC+e", "nobody")
    (linked / "notes").symlink_to("/etc/shadow")
    reasons = course.set_aside("01-forward-pass")
    assert sorted(p.name for p in inbound.iterdir()) == sorted(kept)
    assert [r.split(": ", 1)[1] for r in reasons] == ["it names bin but belongs to nobody",
                                                     "it holds a symbolic link",
                                                     "sys is not a student of the class"]
    assert len(list((course.folder / "quarantine").iterdir())) == 3
