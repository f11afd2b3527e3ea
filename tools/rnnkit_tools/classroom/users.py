"""The class's Unix users: made with useradd (a group of their own, a home only they can read), given a
generated password for PAM, removed with userdel; and commands run as one of them."""
import csv
import os
import pwd
import secrets
import signal
import subprocess
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from .layout import ClassError, Layout


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def create(name: str, course: str) -> str:
    """Makes the user with a home of mode 0700 and a generated password; returns the password."""
    done = subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash",
                           "--comment", f"rnnkit class {course}", name], capture_output=True, text=True)
    if done.returncode != 0:
        raise ClassError(f"useradd {name} failed: {done.stderr.strip()}")
    Path(pwd.getpwnam(name).pw_dir).chmod(0o700)
    password = secrets.token_urlsafe(12)
    subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True, capture_output=True)
    return password


def remove(name: str) -> None:
    stop_processes([pwd.getpwnam(name).pw_uid])
    done = subprocess.run(["userdel", "--remove", name], capture_output=True, text=True)
    # userdel exits 12 when only the mail spool was missing; the user and the home are gone then too
    if exists(name):
        raise ClassError(f"userdel {name} failed: {done.stderr.strip()}")


def processes_of(uids: Sequence[int]) -> List[int]:
    """PIDs of the processes whose real uid is one of `uids`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid in uids:
                found.append(int(entry.name))
        except FileNotFoundError:
            continue
    return found


def stop_processes(uids: Sequence[int], grace: float = 5) -> None:
    """Stops every process of the class's users (their servers and kernels, which the class started), by PID."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = processes_of(uids)
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace
        while processes_of(uids) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not processes_of(uids):
            return
    left = processes_of(uids)
    if left:
        raise ClassError(f"processes of the class's users would not stop: {left}")


def save_passwords(layout: Layout, passwords: Dict[str, str]) -> None:
    """Adds users' passwords to hub/passwords.csv (root only), for the instructor to hand out."""
    known = read_passwords(layout)
    known.update(passwords)
    layout.hub.mkdir(parents=True, exist_ok=True)
    tmp = layout.passwords.with_suffix(".tmp")
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", newline="") as f:
        csv.writer(f).writerows([["user", "password"], *sorted(known.items())])
    tmp.replace(layout.passwords)


def read_passwords(layout: Layout) -> Dict[str, str]:
    if not layout.passwords.exists():
        return {}
    with open(layout.passwords, newline="") as f:
        return {row["user"]: row["password"] for row in csv.DictReader(f)}


def environment(name: str, layout: Layout) -> Dict[str, str]:
    home = pwd.getpwnam(name).pw_dir
    return {"HOME": home, "USER": name, "LOGNAME": name, "SHELL": "/bin/bash", "LANG": "C.UTF-8",
            "PATH": f"{layout.bin}:/usr/local/bin:/usr/bin:/bin"}


def run_as(name: str, argv: Sequence[str], layout: Layout, cwd: Optional[Path] = None, stdin: str = "",
           check: bool = True) -> subprocess.CompletedProcess:
    """Runs a command as the class's user `name`, with only its own uid and group, in the class's environment."""
    user = pwd.getpwnam(name)
    done = subprocess.run(list(argv), cwd=str(cwd or user.pw_dir), env=environment(name, layout), input=stdin,
                          user=user.pw_uid, group=user.pw_gid, extra_groups=[], umask=0o022,
                          capture_output=True, text=True)
    if check and done.returncode != 0:
        shown = " ".join(str(a) for a in argv[:4])
        raise ClassError(f"{shown} (as {name}) failed with exit {done.returncode}:\n"
                         f"{(done.stdout + done.stderr).strip()[-3000:]}")
    return done


def give(path: Path, name: str) -> None:
    """Hands a file or folder (and what is inside) to the user."""
    user = pwd.getpwnam(name)
    for p in [path, *(path.rglob("*") if path.is_dir() else [])]:
        os.chown(p, user.pw_uid, user.pw_gid, follow_symlinks=False)
