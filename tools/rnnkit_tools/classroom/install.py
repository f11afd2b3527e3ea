"""`./kit class` brings a class up; `./kit class --down` removes everything it made.

Up, in order, each step skipped when already done (so a second run only checks, and restarts the hub when
its configuration changed): the kit's own setup (the kernel's jars), the class's Python environment, the
proxy, the Java kernel, the users, the configuration (nbgrader's, Jupyter Server's, JupyterLab's, the
hub's), the exchange and the instructor's course folder, and the hub. class.json records each part as it is
made, so `--down` (also run when a first `up` fails) removes exactly that: the hub and every process of the
class's users, the users with their homes, and the class's folder."""
import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Optional

from .. import nbgrader_course, setup
from . import environment, hub, users
from .layout import SERVICE, ClassError, ClassState, Layout

STUDENT_ONLY_OFF = ("formgrader", "course_list")  # nbgrader's instructor tools, off for students
LAB_INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                          "@jupyter/nbgrader:course-list")
KERNEL_CULL_SECONDS = 3600
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def require_root() -> None:
    if os.geteuid() != 0:
        raise ClassError("./kit class needs root: it makes Unix users, and the hub must run as root to start each "
                         "user's server as that user. Run it with sudo.")


def nbgrader_global_config(layout: Layout) -> str:
    """Every user's nbgrader: the course, the exchange, and the course settings of `./kit release`."""
    return (nbgrader_course.COURSE_CONFIG
            + f'c.CourseDirectory.course_id = "{layout.course}"\n'
            + f'c.Exchange.root = "{layout.exchange}"\n'
            + 'c.ExchangeFactory.submit = "rnnkit_exchange.ExchangeSubmit"  # submissions closed to other students\n')


def server_config(instructor: bool) -> dict:
    """Jupyter Server for a student: nbgrader's assignment list (fetch, submit, feedback) and validation only;
    the instructor's also has the formgrader. Idle kernels are stopped, so a forgotten tab frees its JVM."""
    extensions = {f"nbgrader.server_extensions.{name}": instructor for name in STUDENT_ONLY_OFF}
    extensions.update({"nbgrader.server_extensions.assignment_list": True,
                       "nbgrader.server_extensions.validate_assignment": True})
    config = {"ServerApp": {"jpserver_extensions": extensions}}
    if not instructor:
        config["MappingKernelManager"] = {"cull_idle_timeout": KERNEL_CULL_SECONDS, "cull_interval": 300}
    return config


def lab_page_config(instructor: bool) -> dict:
    return {"disabledExtensions": {name: not instructor for name in LAB_INSTRUCTOR_PLUGINS}}


def write(path: Path, text: str, mode: int = 0o644) -> bool:
    """Writes the file when its text differs; returns True when it did."""
    if path.exists() and path.read_text() == text:
        path.chmod(mode)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    tmp.chmod(mode)
    tmp.replace(path)
    return True


def configure_env(layout: Layout) -> bool:
    """The configuration every user's Jupyter reads from the class's environment (root-owned)."""
    etc = layout.env / "etc" / "jupyter"
    changed = write(etc / "nbgrader_config.py", nbgrader_global_config(layout))
    changed |= write(etc / "jupyter_server_config.d" / "rnnkit-class.json", json.dumps(server_config(False), indent=1))
    changed |= write(etc / "labconfig" / "page_config.json", json.dumps(lab_page_config(False), indent=1))
    changed |= write(layout.env / "share" / "jupyter" / "lab" / "settings" / "overrides.json", json.dumps(LAB_OVERRIDES, indent=1))
    return changed


def configure_instructor(layout: Layout, instructor: str) -> None:
    """The instructor's course folder (nbgrader's course root) and their own Jupyter configuration."""
    course = layout.course_dir(instructor)
    home = course.parent
    jupyter = home / ".jupyter"
    write(jupyter / "nbgrader_config.py", f'c = get_config()\nc.CourseDirectory.root = "{course}"\n')
    write(jupyter / "jupyter_server_config.json", json.dumps(server_config(True), indent=1))
    write(jupyter / "labconfig" / "page_config.json", json.dumps(lab_page_config(True), indent=1))
    write(course / "nbgrader_config.py", nbgrader_global_config(layout))
    for folder in (course / "source", course / "release"):
        folder.mkdir(parents=True, exist_ok=True)
    users.give(jupyter, instructor)
    users.give(course, instructor)


def make_exchange(layout: Layout, instructor: str) -> None:
    """nbgrader's exchange: the root writable by all (nbgrader insists) but sticky, so that no student can
    rename or remove the course's folder; the course's folder the instructor's, made here before any student
    could make one of that name; outbound readable, inbound writable without listing, feedback unlistable."""
    user = users.pwd.getpwnam(instructor)
    layout.exchange.mkdir(parents=True, exist_ok=True)
    os.chown(layout.exchange, 0, 0)
    layout.exchange.chmod(0o1777)
    course = layout.exchange / layout.course
    modes = {course: 0o755, course / "outbound": 0o755, course / "inbound": 0o2733, course / "feedback": 0o711}
    for folder, mode in modes.items():
        folder.mkdir(exist_ok=True)
        os.chown(folder, user.pw_uid, user.pw_gid)
        folder.chmod(mode)


def open_to_all(layout: Layout) -> None:
    """The class's folders users need (read-only), and the hub's folder for root alone."""
    for folder in (layout.base, layout.root):
        folder.mkdir(parents=True, exist_ok=True)
        os.chown(folder, 0, 0)
        folder.chmod(0o755)
    layout.hub.mkdir(exist_ok=True)
    layout.hub.chmod(0o700)


def service_token(layout: Layout) -> None:
    if not layout.token_file.exists():
        fd = os.open(layout.token_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")


def choose_ports(state: ClassState, layout: Layout) -> None:
    """The hub's internal ports: kept from the last run while free, else new free ones."""
    running = hub.running_pid(layout) is not None
    for name in ("hub_port", "proxy_api_port"):
        port = getattr(state, name)
        if not port or (not running and not hub.port_is_free(port)):
            setattr(state, name, hub.free_port())


def up(course: str, instructor: str, students, port: int, heap: str, test: bool, python: Optional[str]) -> int:
    require_root()
    layout = Layout(course)
    earlier = layout.read_state()
    if earlier is not None and (earlier.instructor, earlier.students) != (instructor, students):
        raise ClassError(f"the class '{course}' exists with instructor {earlier.instructor} and students "
                         f"{', '.join(earlier.students)}; to change them: ./kit class --down"
                         f"{'' if course == 'rnnkit' else ' --course ' + course}, then ./kit class again")
    running = hub.running_pid(layout) is not None
    if not running and not hub.port_is_free(port):
        raise ClassError(f"port {port} on 127.0.0.1 is taken by another program: choose another with --port")
    if earlier is None:
        strangers = [name for name in [instructor, *students] if users.exists(name)]
        if strangers:
            raise ClassError(f"these users exist already and were not made by ./kit class: {', '.join(strangers)}. "
                             "Choose other names (--instructor, --students a,b,c) or another --course.")
    state = earlier or ClassState(course=course, instructor=instructor, students=list(students), port=port,
                                  heap=heap, test=test)
    state.port, state.heap, state.test = port, heap, test
    try:
        build(layout, state, python)
    except BaseException:
        if earlier is None:
            print("Setting up the class failed: removing what this run made…", flush=True)
            try:
                down(course, quiet=True)
            except ClassError as e:
                print(f"(could not remove everything: {e})", flush=True)
        raise
    print_summary(layout, state)
    return 0


def build(layout: Layout, state: ClassState, python: Optional[str]) -> None:
    open_to_all(layout)
    layout.write_state(state)
    setup.main()
    state.python = environment.class_python(python or state.python or None)
    layout.write_state(state)
    changed = environment.make_env(layout, state.python)
    changed |= environment.install_proxy(layout)
    changed |= environment.install_kernel(layout, state.heap)
    changed |= environment.install_lib(layout)
    passwords = {}
    for name in state.users:
        if name not in state.created_users:
            passwords[name] = users.create(name, state.course)
            state.created_users.append(name)
            layout.write_state(state)
    if passwords:
        users.save_passwords(layout, passwords)
    changed |= configure_env(layout)
    make_exchange(layout, state.instructor)
    configure_instructor(layout, state.instructor)
    service_token(layout)
    choose_ports(state, layout)
    layout.write_state(state)
    changed |= write(layout.hub / "jupyterhub_config.py", hub.config_text(layout, state), 0o600)
    if hub.running_pid(layout) is not None:
        if not changed:
            print("The hub is running and nothing changed.", flush=True)
            return
        print("Restarting the hub: its configuration or software changed…", flush=True)
        hub.stop(layout)
    seconds = hub.start(layout, state)
    print(f"The hub answered after {seconds:.1f} s.", flush=True)


def print_summary(layout: Layout, state: ClassState) -> None:
    print(f"\nClass '{state.course}' is up: http://127.0.0.1:{state.port}/ (JupyterLab, with nbgrader's "
          f"Assignments under Nbgrader › Assignment List)")
    print(f"  instructor: {state.instructor} (course folder {layout.course_dir(state.instructor)})")
    print(f"  students:   {', '.join(state.students)}")
    print(f"  passwords:  {layout.passwords} (root only; users log in with their Unix password)")
    print(f"  exchange:   {layout.exchange}; hub log: {layout.hub_log}")
    print(f"  service:    {SERVICE}, token in {layout.token_file}")
    print("Next: ./kit class release LESSON" + ("" if state.course == "rnnkit" else f" --course {state.course}")
          + "; reach the hub from elsewhere through an SSH tunnel or a TLS reverse proxy (docs/class.md).")


def down(course: str, quiet: bool = False) -> int:
    """Removes the class: the hub (which stops every user's server), any process of the class's users, the
    users it made with their homes, and the class's folder."""
    require_root()
    layout = Layout(course)
    state = layout.read_state()
    if state is None and not layout.root.exists():
        if not quiet:
            print(f"No class '{course}' on this machine: nothing to remove.")
        return 0
    began = time.monotonic()
    hub.stop(layout)
    if not quiet:
        print(f"Stopped the hub and its servers ({time.monotonic() - began:.1f} s).", flush=True)
    made = state.created_users if state else []
    uids = [users.pwd.getpwnam(n).pw_uid for n in made if users.exists(n)]
    users.stop_processes(uids)
    for name in made:
        if users.exists(name):
            users.remove(name)
    shutil.rmtree(layout.root)
    try:
        layout.base.rmdir()  # only when no other class is left
    except OSError:
        pass
    if not quiet:
        print(f"Removed the class '{course}': the hub, {len(made)} users and their homes, {layout.root}.")
    return 0


def status(course: str) -> int:
    require_root()
    layout = Layout(course)
    state = layout.require_state()
    pid = hub.running_pid(layout)
    print(f"class '{course}': hub {'running, pid ' + str(pid) if pid else 'not running'} on "
          f"http://127.0.0.1:{state.port}/")
    if pid:
        client = hub.HubClient(layout, state)
        for model in client.hub("GET", "/users"):
            server = model.get("servers", {}).get("", {})
            print(f"  {model['name']:<24} {'server ready' if server.get('ready') else 'no server'}")
    return 0

