#!/usr/bin/env python3
"""The kit's kernel launcher: runs the Java kernel so that Jupyter never meets a hung start.

Usage (what the kit's kernelspec runs):

    python kernel_launcher.py [--hang-after S] [--max-starts N] CONNECTION_FILE -- COMMAND...

COMMAND starts the kernel (`java … -jar kernel.jar CONNECTION_FILE`). The launcher starts it at
once, then probes it through the ports of the connection file, like a Jupyter client would: a
heartbeat ping and a signed `kernel_info_request` on the shell. rapaio-jupyter-kernel 3.0.1
sometimes starts with its shell thread gone (docs/kernel.md); such a kernel never answers. So once
the kernel has shown progress (its shell port accepted a connection, or the heartbeat answered),
the shell must answer within `--hang-after` seconds, or the JVM is killed and started again on the
same ports: Jupyter, still sending its own requests, sees only a slower start. The same holds for a
JVM that exits after binding its ports but before its shell answered. A kernel that has not even
bound its ports is still starting (rapaio binds them once JShell is ready), however long it takes,
and is left alone. Once the shell has answered, Jupyter may already be running a cell there, so
the kernel is never killed after that, whatever else is silent.

Once the kernel is ready the launcher only waits: it forwards the signals it receives (Jupyter's
interrupt is a SIGINT) to the kernel and exits with the kernel's exit code. When the process that
started it (Jupyter) dies, it stops the kernel, as ipykernel stops itself. The kernel runs in
its own process group and dies with the launcher even when the launcher is SIGKILLed: on Linux
through PR_SET_PDEATHSIG, elsewhere through its stdin, a pipe whose end the launcher holds (the
kit's kernel agent halts the JVM when it reads end-of-file there).

The probe is a Jupyter client: jupyter_client reads the connection file and its `Session` builds,
signs and checks the messages, so the launcher needs the Python that runs Jupyter (every place the kit
runs a kernel has it: the kit's .venv, Binder's and a class's environment, the grader's sandbox, which
mounts the venv). It needs no network beyond loopback.
"""
import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time
from typing import Dict, List, Optional

PREFIX = "[rnnkit-launcher]"
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)
CHANNELS = ("heartbeat", "shell")
RESEND_EVERY = 0.5  # seconds between kernel_info_requests to a channel that has not answered
PR_SET_PDEATHSIG = 1
PARENT_CHECK_EVERY = 1.0  # seconds between checks that Jupyter, the launcher's parent, still lives


def say(message: str) -> None:
    print(f"{PREFIX} {message}", file=sys.stderr, flush=True)


class Probe:
    """Asks a starting kernel, through its heartbeat and shell channels, for signs of life.

    jupyter_client reads the connection file (`ConnectionFileMixin`, the base of its kernel managers
    and clients), and its `Session` frames and signs the probe's requests and checks the signature of
    every reply. The shell has answered once a reply names one of the probe's own requests as its
    parent: only the shell thread can have read it. The sockets are the probe's own, on a plain
    ZeroMQ context: the shell is watched by a monitor from before it connects (so that even a fast
    bind is seen), nothing unsent lingers when a hung JVM is killed, and no client class is needed,
    whose context is asyncio's in jupyter_client 7 (Debian 12's) and whose heartbeat channel, a
    thread, reports beating before the first answer. The heartbeat is a bare ping.
    The control channel is not asked: rapaio 3.0.1 keeps one "current request" for its shell and
    control threads together, so a control request handled while a cell of Jupyter's runs would send
    that cell's output and reply to the probe.
    """

    def __init__(self, connection_file: str):
        import zmq  # imported here, while the JVM boots, not before it is started
        from jupyter_client.connect import ConnectionFileMixin

        self.zmq = zmq
        self.connection = ConnectionFileMixin(connection_file=connection_file)
        self.connection.load_connection_file()
        self.session = self.connection.session
        self.session.username = "rnnkit-launcher"
        self.context = zmq.Context()
        self.heartbeat = self._connect(zmq.REQ, "hb")
        self.shell = self._connect(zmq.DEALER, "shell")
        self.heartbeat.send(b"ping")
        self.sent: Dict[str, float] = {}  # the shell requests, by message id
        self.answered: Dict[str, float] = {}
        self.bound_at: Optional[float] = None  # when the kernel's shell port accepted the probe's connection
        self.foreign_replies = 0  # replies that are not to the probe's requests: another client's, misrouted, unsigned

    def _connect(self, kind: int, channel: str):
        socket = self.context.socket(kind)
        socket.linger = 0
        if channel == "shell":  # watched before connecting, so that even a fast bind is seen
            socket.identity = self.session.bsession
            self.bound = socket.get_monitor_socket(self.zmq.EVENT_CONNECTED)
        socket.connect(self.connection._make_url(channel))
        return socket

    def _request(self) -> None:
        request = self.session.send(self.shell, "kernel_info_request", {})
        self.sent[request["header"]["msg_id"]] = time.monotonic()

    def _due(self) -> bool:
        return "shell" not in self.answered and (
            not self.sent or time.monotonic() - max(self.sent.values()) >= RESEND_EVERY)

    def _read_heartbeat(self) -> None:
        self.heartbeat.recv()
        self.answered.setdefault("heartbeat", time.monotonic())

    def _read_shell(self) -> None:
        try:
            _, reply = self.session.recv(self.shell, mode=self.zmq.NOBLOCK)
        except (ValueError, TypeError):  # not a message of this connection: unframed, or signed with another key
            self.foreign_replies += 1
            return
        if reply is None:
            return
        if reply["parent_header"].get("msg_id") in self.sent:
            self.answered.setdefault("shell", time.monotonic())
        else:
            self.foreign_replies += 1

    def step(self, timeout: float) -> None:
        """Sends what is due, then reads every reply that arrives within `timeout` seconds."""
        if self._due():
            self._request()
        poller = self.zmq.Poller()
        for socket in (self.heartbeat, self.shell, self.bound):
            poller.register(socket, self.zmq.POLLIN)
        for socket, _ in poller.poll(timeout * 1000):
            if socket is self.bound:
                socket.recv_multipart()
                self.bound_at = self.bound_at or time.monotonic()
            elif socket is self.heartbeat:
                self._read_heartbeat()
            else:
                self._read_shell()

    @property
    def last_progress(self) -> Optional[float]:
        """When the kernel last showed a new sign of life: its shell port bound, or a channel answered."""
        signs = [*self.answered.values(), *([self.bound_at] if self.bound_at else [])]
        return max(signs, default=None)

    @property
    def ready(self) -> bool:
        return "shell" in self.answered

    def silent(self) -> List[str]:
        return [channel for channel in CHANNELS if channel not in self.answered]

    def close(self) -> None:
        self.shell.disable_monitor()
        self.bound.close()
        self.shell.close()
        self.heartbeat.close()
        self.context.term()


class Launcher:
    """Starts the kernel, restarts it while it hangs, then forwards signals and its exit code."""

    def __init__(self, connection_file: str, command: List[str], hang_after: float, max_starts: int):
        self.connection_file = connection_file
        self.command = command
        self.hang_after = hang_after
        self.max_starts = max_starts
        self.child: Optional[subprocess.Popen] = None
        self.stopping: Optional[int] = None  # SIGTERM or SIGHUP, once received: start no other kernel
        self.libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
        self.parent = os.getpid()
        self.jupyter = os.getppid()

    def forward(self, signum, frame) -> None:
        if signum in (signal.SIGTERM, signal.SIGHUP):
            self.stopping = signum
        if self.child is not None and self.child.poll() is None:
            os.kill(self.child.pid, signum)

    def _die_with_parent(self) -> None:
        """Runs in the child between fork and exec: the kernel gets SIGKILL when the launcher dies."""
        if self.libc is not None:
            self.libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != self.parent:  # the launcher died before the line above took effect
            os._exit(1)

    def spawn(self) -> subprocess.Popen:
        # No thread may run in the launcher here (preexec_fn runs after fork): every Probe is closed.
        env = {**os.environ, "RNNKIT_EXIT_ON_STDIN_EOF": "1"}  # the kit's agent watches the pipe
        return subprocess.Popen(self.command, stdin=subprocess.PIPE, start_new_session=True, env=env,
                                preexec_fn=self._die_with_parent)

    def kill_child(self) -> None:
        self.child.kill()
        self.child.wait()
        self.child.stdin.close()

    def wait_until_ready(self, start: int, began: float) -> str:
        """'ready', 'hung' (which includes exiting after binding its ports) or 'exited', for the kernel
        just started. rapaio's main thread ends once its channel threads have, so a start that lost
        them all exits with code 0 before it ever answers."""
        probe = Probe(self.connection_file)
        try:
            while True:
                if self.child.poll() is not None:
                    probe.step(0)  # events that came before the exit
                    if probe.bound_at is None:
                        return "exited"
                    say(f"start {start}: kernel exited with code {self.child.returncode} after binding its ports, "
                        f"before its shell answered")
                    return "hung"
                probe.step(0.05)
                if probe.ready:
                    answers = ", ".join(f"{c} {probe.answered[c] - began:.2f} s" if c in probe.answered
                                        else f"{c} silent (kept: the shell answered)" for c in CHANNELS)
                    say(f"start {start}: kernel ready in {time.monotonic() - began:.2f} s (pid {self.child.pid}; "
                        f"answers: {answers}; misrouted replies: {probe.foreign_replies})")
                    return "ready"
                last = probe.last_progress
                if last is not None and time.monotonic() - last > self.hang_after:
                    answered = ", ".join(sorted(probe.answered, key=probe.answered.get)) or "nothing"
                    say(f"start {start}: kernel hung: ports bound, {answered} answered but "
                        f"{', '.join(probe.silent())} stayed silent for {self.hang_after:g} s; killing pid {self.child.pid}")
                    return "hung"
        finally:
            probe.close()

    def wait_for_exit(self) -> int:
        """The kernel's exit code; stops the kernel first if the process that started the launcher dies."""
        while True:
            try:
                return self.child.wait(timeout=PARENT_CHECK_EVERY)
            except subprocess.TimeoutExpired:
                if os.getppid() != self.jupyter:
                    say(f"the process that started the launcher (pid {self.jupyter}) is gone: stopping the kernel")
                    self.child.terminate()

    def run(self) -> int:
        for signum in FORWARDED:
            signal.signal(signum, self.forward)
        for start in range(1, self.max_starts + 1):
            began = time.monotonic()
            self.child = self.spawn()
            outcome = self.wait_until_ready(start, began)
            if outcome == "hung":
                self.kill_child()
                if self.stopping is not None:
                    return -self.stopping
                continue
            if outcome == "exited":
                say(f"start {start}: kernel exited with code {self.child.returncode} before it was ready")
            return self.wait_for_exit()
        say(f"the kernel hung on all {self.max_starts} starts: giving up")
        return 1


def exit_like(returncode: int) -> None:
    """Ends this process the way the kernel ended: the same exit code, or the same signal."""
    if returncode < 0:
        signal.signal(-returncode, signal.SIG_DFL)
        os.kill(os.getpid(), -returncode)
    sys.exit(returncode if returncode >= 0 else 128 - returncode)


def parse(argv: List[str]) -> argparse.Namespace:
    if "--" not in argv:
        raise SystemExit(f"{PREFIX} usage: kernel_launcher.py [options] CONNECTION_FILE -- COMMAND...: "
                         f"expected '--' before the kernel's command, got {argv!r}")
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="kernel_launcher.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("connection_file", help="the connection file Jupyter wrote for this kernel")
    parser.add_argument("--hang-after", type=float, default=3.0,
                        help="seconds the shell has to answer once the kernel bound its ports or showed progress (default 3)")
    parser.add_argument("--max-starts", type=int, default=10, help="starts before giving up (default 10)")
    args = parser.parse_args(argv[:split])
    args.command = argv[split + 1:]
    if not args.command:
        parser.error("expected the kernel's command after '--', got nothing")
    if args.hang_after <= 0:
        parser.error(f"--hang-after: expected a positive number of seconds, got {args.hang_after:g}")
    if args.max_starts < 1:
        parser.error(f"--max-starts: expected at least 1, got {args.max_starts}")
    return args


def main(argv: Optional[List[str]] = None) -> None:
    args = parse(sys.argv[1:] if argv is None else argv)
    exit_like(Launcher(args.connection_file, args.command, args.hang_after, args.max_starts).run())


if __name__ == "__main__":
    main()
