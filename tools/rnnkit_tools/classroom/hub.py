"""The hub of a class: its configuration, its process, and a small client of its REST API.

JupyterHub runs as root (the local-process spawner must switch to each user; PAM reads the shadow file) on
127.0.0.1; every single-user server runs as its user from the class's environment, JupyterLab by default.
A service, rnnkit-class, holds a token with the scopes the kit needs to start servers and reach them
(`access:servers`); no user is an admin."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional

from .layout import SERVICE, ClassError, ClassState, Layout

READY_SECONDS = 60

CONFIG = '''\
# Written by ./kit class for the course {course!r}; ./kit class writes it again, so change the options there.
c = get_config()  # noqa: F821

c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {proxy_pid!r}
c.JupyterHub.pid_file = {hub_pid!r}
c.JupyterHub.db_url = "sqlite:///{hub}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{hub}/jupyterhub_cookie_secret"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Who may log in: the class's users, with their Unix passwords (PAM). Nobody is an admin of the hub.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set({users!r})
c.Authenticator.admin_users = set()
c.PAMAuthenticator.open_sessions = False

# Each user's server runs as that user (the default local-process spawner), from the class's environment.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = ["{env}/bin/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{"PATH": "{env}/bin:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}}

# The kit's own service: starts servers and reaches them (the end-to-end test, ./kit class status).
with open("{token_file}") as f:
    service_token = f.read().strip()
c.JupyterHub.services = [{{"name": "{service}", "api_token": service_token}}]
c.JupyterHub.load_roles = [{{
    "name": "{service}",
    "services": ["{service}"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"],
}}]
'''


def config_text(layout: Layout, state: ClassState) -> str:
    return CONFIG.format(course=state.course, port=state.port, hub_port=state.hub_port,
                         proxy_api_port=state.proxy_api_port, proxy=str(layout.proxy_command),
                         proxy_pid=str(layout.proxy_pid), hub_pid=str(layout.hub_pid), hub=layout.hub,
                         users=sorted(state.users), env=layout.env, token_file=layout.token_file, service=SERVICE)


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def running_pid(layout: Layout) -> Optional[int]:
    """The hub's PID when its pid file names a live JupyterHub of this class."""
    try:
        pid = int(layout.hub_pid.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        return None
    return pid if any(b"jupyterhub" in a for a in cmdline) and str(layout.hub).encode() in b" ".join(cmdline) else None


def start(layout: Layout, state: ClassState) -> float:
    """Starts the hub in the background and waits until it answers; returns the seconds it took."""
    config = layout.hub / "jupyterhub_config.py"
    env = {"PATH": f"{layout.bin}:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(layout.hub)}
    began = time.monotonic()
    with open(layout.hub_log, "ab") as log:
        process = subprocess.Popen([str(layout.bin / "jupyterhub"), "-f", str(config)], cwd=layout.hub, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{state.port}/hub/api/"
    while time.monotonic() - began < READY_SECONDS:
        if process.poll() is not None:
            raise ClassError(f"the hub exited with code {process.returncode} before it answered:\n{log_tail(layout)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return time.monotonic() - began
        except OSError:
            time.sleep(0.3)
    stop_process(process.pid)
    raise ClassError(f"the hub did not answer on {url} within {READY_SECONDS} s:\n{log_tail(layout)}")


def log_tail(layout: Layout, lines: int = 25) -> str:
    try:
        return "\n".join(layout.hub_log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_process(pid: int, grace: float = 30) -> None:
    """SIGTERM (the hub then stops every user's server and its proxy), SIGKILL after `grace` seconds."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                break
        except (ProcessLookupError, FileNotFoundError):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stop(layout: Layout) -> None:
    pid = running_pid(layout)
    if pid is not None:
        stop_process(pid)
    stop_proxy(layout)


def stop_proxy(layout: Layout) -> None:
    """The proxy, should it have outlived the hub (it runs in a session of its own)."""
    try:
        pid = int(layout.proxy_pid.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if b"configurable-http-proxy" in cmdline:
        stop_process(pid, grace=5)


class HubClient:
    """The hub's REST API with the class's service token, and the users' servers behind the proxy."""

    def __init__(self, layout: Layout, state: ClassState):
        self.base = f"http://127.0.0.1:{state.port}"
        self.token = layout.token_file.read_text().strip()

    def request(self, method: str, path: str, body=None, timeout: float = 60, raw: bool = False):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as answer:
                text = answer.read()
        except urllib.error.HTTPError as e:
            raise HubError(e.code, f"{method} {path}: HTTP {e.code} {e.read()[:500].decode(errors='replace')}") from None
        if raw:
            return text
        return json.loads(text) if text.strip() else None

    def hub(self, method: str, path: str, body=None, timeout: float = 60):
        return self.request(method, "/hub/api" + path, body, timeout)

    def user(self, name: str, method: str, path: str, body=None, timeout: float = 60, raw: bool = False):
        """A request to the user's own server (its Jupyter Server REST API), through the proxy."""
        return self.request(method, f"/user/{name}{path}", body, timeout, raw)

    def start_server(self, name: str, timeout: float = 120) -> float:
        """Starts the user's server and waits until the hub says it is ready; returns the seconds."""
        began = time.monotonic()
        try:
            self.hub("POST", f"/users/{name}/server")
        except HubError as e:
            if e.code != 400:  # 400: already running
                raise
        while time.monotonic() - began < timeout:
            model = self.hub("GET", f"/users/{name}")
            server = model.get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - began
            time.sleep(0.3)
        raise ClassError(f"the server of {name} did not become ready within {timeout:.0f} s")


class HubError(ClassError):
    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
