"""A class on JupyterHub, end to end (a stage of ./kit test; root only): real hub, real Unix users, real
processes, all on 127.0.0.1, and everything removed afterwards, also when a step fails.

`./kit class` sets up a throw-away course with an instructor and four students; the instructor releases
lesson 01. Two students start their servers through the hub's REST API with the class's service token:
student1 fetches and submits from JupyterLab's Assignment List in Chromium (logged in with the Unix password)
and writes the solutions through the contents API; student2 fetches and submits through nbgrader's server
API and writes one wrong answer (from tools/tests/wrong_answers), one endless loop and the rest right, runs a
cell that tries to read student1's work and the exchange's inbound folder, and submits again after the due
date. Each runs one Java cell through the kernels API. student3 submits a corrupted notebook from a
terminal (nbgrader's CLI, as that user); student4 submits nothing. The instructor collects, autogrades
(./kit grade's verdicts), exports and releases feedback, which students 1 and 2 fetch.

The scenario runs once (the `run` fixture) and records what it saw; each test asserts one part of it.
Timings go to target/class/timeline.txt and are printed; they are never pass/fail.
"""
import csv
import html
import json
import os
import pwd
import re
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

import nbformat
import pytest

from rnnkit_tools import paths
from rnnkit_tools.classroom import users
from rnnkit_tools.classroom.hub import HubClient, free_port
from rnnkit_tools.classroom.layout import Layout

pytestmark = pytest.mark.stage

COURSE = "rnnkit-e2e"
INSTRUCTOR = "rke-instructor"
S1, S2, S3, S4 = (f"rke-student{i}" for i in range(1, 5))
LESSON = "01-forward-pass"
TIMEOUT = 20  # seconds an exercise's check may run when the class autogrades (the endless loop costs this)
KIT = [sys.executable, str(paths.REPO / "tools" / "kit.py")]
BROWSER = paths.REPO / "tools" / "browser"
OUT = paths.REPO / "target" / "class"
UID_CELL = """var status = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"));
System.out.println("pid " + ProcessHandle.current().pid());
System.out.println(status.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElse("Uid: ?"));
System.out.println("heap " + Runtime.getRuntime().maxMemory());"""
SNOOP_CELL = """for (String p : new String[] {%s}) {
    var path = java.nio.file.Path.of(p);
    try {
        if (java.nio.file.Files.isDirectory(path)) {
            System.out.println("LISTED " + p + " " + java.nio.file.Files.list(path).count());
        } else {
            System.out.println("READ " + p + " " + java.nio.file.Files.readAllBytes(path).length);
        }
    } catch (Exception e) {
        System.out.println("DENIED " + p + " " + e.getClass().getSimpleName());
    }
}"""


# --- the lesson: answers and what they should score -------------------------------------------------------

def exercises(nb) -> list:
    """(solution cell id, its exercise's test id, points), in notebook order."""
    found, pending = [], None
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            pending = meta["grade_id"]
        elif meta.get("grade") and pending:
            found.append((pending, meta["grade_id"], meta["points"]))
            pending = None
    return found


def solution_sources(nb) -> dict:
    return {c.metadata.nbgrader["grade_id"]: c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")}


def endless(source: str) -> str:
    """The solution with its answer replaced by a loop that never ends (still compiles: the loop never exits)."""
    return re.sub(r"// BEGIN SOLUTION.*?// END SOLUTION", "while (true) { }", source, flags=re.S)


def check_lines(nb, hidden: bool) -> list:
    """Distinctive lines (long enough not to occur elsewhere by chance) of the test cells' hidden tests, or of
    the rest of the test cells (what a student may see)."""
    lines = []
    for cell in nb.cells:
        if not cell.metadata.get("nbgrader", {}).get("grade"):
            continue
        hidden_blocks = re.findall(r"// BEGIN HIDDEN TESTS(.*?)// END HIDDEN TESTS", cell.source, flags=re.S)
        blocks = hidden_blocks if hidden else [re.sub(r"// BEGIN HIDDEN TESTS.*?// END HIDDEN TESTS", "", cell.source,
                                                      flags=re.S)]
        lines += [" ".join(line.split()) for block in blocks for line in block.splitlines() if len(line.strip()) >= 30]
    return lines


def page_text(html_page: str) -> str:
    """What a feedback page says, without its markup (code is highlighted token by token)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", html_page)).split())


# --- talking to the class ----------------------------------------------------------------------------------

def kit(timeline, label, *args, check=True):
    began = time.monotonic()
    done = subprocess.run([*KIT, *args], capture_output=True, text=True, cwd=paths.REPO)
    timeline.append((label, time.monotonic() - began))
    print(f"  {label}: {time.monotonic() - began:.1f} s", flush=True)
    if check:
        assert done.returncode == 0, f"./kit {' '.join(args)} failed:\n{(done.stdout + done.stderr)[-4000:]}"
    return done


def execute(client: HubClient, user: str, code: str, timeout: float = 120) -> str:
    """Starts a Java kernel through the kernels API, runs one cell over its websocket, stops it; returns
    the cell's output text."""
    import websocket  # websocket-client, pinned in binder/requirements.txt

    kernel = client.user(user, "POST", "/api/kernels", {"name": paths.KERNEL_NAME})
    url = f"ws://127.0.0.1:{client.base.rsplit(':', 1)[1]}/user/{user}/api/kernels/{kernel['id']}/channels"
    ws = websocket.create_connection(url, header=[f"Authorization: token {client.token}"], timeout=timeout)
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": user, "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    output, status, deadline, owners = [], None, time.monotonic() + timeout, set()
    try:
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                output.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                output.append(" ".join(msg["content"].get("traceback", [])))
            elif msg["msg_type"] == "execute_reply":
                status = msg["content"]["status"]
                owners = owner_of_processes(kernel["id"])  # the launcher and the JVM (its connection file)
                break
    finally:
        ws.close()
        client.user(user, "DELETE", f"/api/kernels/{kernel['id']}")
    assert status == "ok", f"the cell failed in {user}'s kernel ({status}): {''.join(output)}"
    return {"output": "".join(output), "owners": owners}


def assignment_action(client: HubClient, user: str, action: str) -> dict:
    query = urllib.parse.urlencode({"course_id": COURSE, "assignment_id": LESSON})
    answer = client.user(user, "POST", f"/assignments/{action}?{query}")
    assert answer.get("success"), f"{action} as {user}: {answer}"
    return answer


def write_answers(client: HubClient, user: str, answers: dict, extra_cell: str = None) -> None:
    path = f"/api/contents/{LESSON}/{LESSON}.ipynb"
    model = client.user(user, "GET", path)
    nb = model["content"]
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    if extra_cell:
        nb["cells"].append({"cell_type": "code", "metadata": {}, "source": extra_cell, "outputs": [],
                            "execution_count": None})
    client.user(user, "PUT", path, {"type": "notebook", "format": "json", "content": nb})


def browser(hub: str, user: str, password: str, action: str) -> dict:
    from rnnkit_tools.browser import ensure_node_modules
    ensure_node_modules()
    shot = OUT / f"{user}-{action}.png"
    done = subprocess.run(["node", str(BROWSER / "class_assignments.mjs"), hub, user, LESSON, action, str(shot)],
                          capture_output=True, text=True, cwd=BROWSER, env={**os.environ, "CLASS_PASSWORD": password})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, f"the browser run failed (exit {done.returncode}): {done.stderr[-2000:]}"
    report = json.loads(lines[-1])
    assert "problem" not in report, f"{report['problem']} (screenshot {shot})"
    return report


def owner_of_processes(marker: str) -> set:
    """Real uids of the processes whose command line contains `marker`."""
    uids = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                uids.add(entry.stat().st_uid)
        except OSError:
            continue
    return uids


def read_scores(path: Path) -> dict:
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["student"], r["grade_id"]): (float(r["points"]), r["status"]) for r in csv.DictReader(f)
                if r["notebook"] == LESSON}


# --- the scenario ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def run():
    if os.geteuid() != 0:
        pytest.skip("a class makes Unix users and runs the hub as root: run ./kit test as root")
    OUT.mkdir(parents=True, exist_ok=True)
    timeline, seen = [], {}
    solution = nbformat.read(paths.SOLUTIONS / f"{LESSON}.ipynb", as_version=4)
    seen["exercises"], seen["hidden"] = exercises(solution), check_lines(solution, hidden=True)
    seen["visible"] = check_lines(solution, hidden=False)
    kit(timeline, "a class left by an interrupted run removed", "class", "--down", "--course", COURSE)
    port = free_port()
    seen["port"] = port
    up = ["class", "--course", COURSE, "--instructor", INSTRUCTOR, "--students", ",".join((S1, S2, S3, S4)),
          "--port", str(port), "--heap", "768m"]
    try:
        kit(timeline, "class set up (environment, users, kernel, hub)", *up)
        scenario(up, timeline, seen, solution)
    finally:
        layout = Layout(COURSE)
        made = [n for n in (INSTRUCTOR, S1, S2, S3, S4) if users.exists(n)]
        uids = [pwd.getpwnam(n).pw_uid for n in made]
        homes = [pwd.getpwnam(n).pw_dir for n in made]
        down = kit(timeline, "class removed (--down)", "class", "--down", "--course", COURSE, check=False)
        seen["down"] = {"exit": down.returncode, "output": down.stdout + down.stderr,
                        "users left": [n for n in made if users.exists(n)],
                        "homes left": [h for h in homes if Path(h).exists()],
                        "processes left": users.processes_of(uids), "root left": layout.root.exists(),
                        "made": made}
        lines = [f"{label:<58} {seconds:6.1f} s" for label, seconds in timeline]
        load = os.getloadavg()
        text = "\n".join(lines + [f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"])
        (OUT / "timeline.txt").write_text(text + "\n")
        print("\n" + text, flush=True)
    return seen


def scenario(up, timeline, seen, solution) -> None:
    layout = Layout(COURSE)
    state = layout.require_state()
    client = HubClient(layout, state)
    hub = f"http://127.0.0.1:{state.port}"
    passwords = users.read_passwords(layout)
    seen["uids"] = {user: pwd.getpwnam(user).pw_uid for user in (S1, S2)}
    pid = Path(layout.hub_pid).read_text().strip()

    # Idempotent: the same command again changes nothing and keeps the hub.
    again = kit(timeline, "./kit class again (idempotent)", *up)
    seen["again"] = (again.stdout, Path(layout.hub_pid).read_text().strip() == pid)
    # Refusals: a port taken, an unknown lesson.
    seen["port taken"] = kit(timeline, "refused: port taken", "class", "--course", "rnnkit-e2e2", "--port",
                             str(state.port), check=False)
    seen["port taken root"] = Layout("rnnkit-e2e2").root.exists()
    seen["unknown lesson"] = kit(timeline, "refused: unknown lesson", "class", "release", "99", "--course", COURSE,
                                 check=False)
    seen["autograde before release"] = kit(timeline, "refused: autograde before release", "class", "autograde",
                                           LESSON, "--course", COURSE, check=False)

    kit(timeline, "instructor releases 01", "class", "release", LESSON, "--course", COURSE)
    seen["autograde before collect"] = kit(timeline, "refused: autograde before collect", "class", "autograde",
                                           LESSON, "--course", COURSE, check=False)

    for user in (S1, S2):
        began = time.monotonic()
        client.start_server(user)
        timeline.append((f"server of {user} started (REST API)", time.monotonic() - began))

    # student1: fetch in the browser, answers through the contents API, submit in the browser.
    seen["browser fetch"] = browser(hub, S1, passwords[S1], "fetch")
    timeline.append((f"{S1}: fetch in Chromium", seen["browser fetch"]["seconds"]))
    right = solution_sources(solution)
    write_answers(client, S1, right)
    seen["uid"] = {}
    seen["uid"][S1] = execute(client, S1, UID_CELL)
    seen["browser submit"] = browser(hub, S1, passwords[S1], "submit")
    timeline.append((f"{S1}: submit in Chromium", seen["browser submit"]["seconds"]))

    # student2: through nbgrader's server API; one wrong answer, one endless loop, and a look at others' work.
    assignment_action(client, S2, "fetch")
    (wrong_id, wrong_test, _), (loop_id, loop_test, _) = seen["exercises"][:2]
    wrong = json.loads((paths.REPO / "tools" / "tests" / "wrong_answers" / f"{LESSON}.json").read_text())
    answers = {**right, wrong_id: wrong["wrong"][wrong_id][0]["source"], loop_id: endless(right[loop_id])}
    seen["student2 plan"] = {"wrong": wrong_test, "loop": loop_test}
    inbound = layout.exchange / COURSE / "inbound"
    s1_submission = next(inbound.glob(f"{S1}+{LESSON}+*")) / f"{LESSON}.ipynb"
    s1_home = Path(pwd.getpwnam(S1).pw_dir) / LESSON / f"{LESSON}.ipynb"
    targets = [str(inbound), str(s1_submission), str(s1_home), str(s1_home.parent)]
    snoop = SNOOP_CELL % ", ".join(json.dumps(t) for t in targets)
    write_answers(client, S2, answers, extra_cell=snoop)
    seen["uid"][S2] = execute(client, S2, UID_CELL)
    seen["snoop"] = execute(client, S2, snoop)["output"]
    seen["snoop targets"] = targets
    assignment_action(client, S2, "submit")
    kit(timeline, "instructor sets the due date to now", "class", "due", LESSON, "now", "--course", COURSE)
    time.sleep(2)
    assignment_action(client, S2, "submit")  # late

    # student3: a terminal session (nbgrader's CLI as that user), a corrupted notebook submitted.
    nbgrader = str(layout.bin / "nbgrader")
    users.run_as(S3, [nbgrader, "fetch_assignment", LESSON], layout)
    corrupted = Path(pwd.getpwnam(S3).pw_dir) / LESSON / f"{LESSON}.ipynb"
    corrupted.write_text('{"cells": [ {"cell_type": "co')
    users.give(corrupted, S3)
    users.run_as(S3, [nbgrader, "submit", LESSON], layout)

    # The instructor.
    seen["collect"] = kit(timeline, "instructor collects", "class", "collect", LESSON, "--course", COURSE).stdout
    seen["autograde"] = kit(timeline, "instructor autogrades (./kit grade)", "class", "autograde", LESSON,
                            "--course", COURSE, "--timeout", str(TIMEOUT)).stdout
    course = layout.course_dir(INSTRUCTOR)
    kept = course / "autograded-kit" / LESSON
    seen["kit scores"] = read_scores(kept / "scores.csv")
    journal = kept / "results.jsonl"
    for line in journal.read_text().splitlines() if journal.exists() else []:
        row = json.loads(line)
        if row.get("notebook") == LESSON and row.get("seconds") is not None:
            timeline.append((f"  autograde of {row['student']} (the grader's own time)", row["seconds"]))
    seen["gradebook"] = json.loads(users.run_as(INSTRUCTOR, [str(layout.python), str(layout.lib / "as_instructor.py"),
                                                             COURSE, "scores", LESSON], layout, cwd=course).stdout)
    seen["report"] = json.loads(users.run_as(INSTRUCTOR, [str(layout.python), str(layout.lib / "as_instructor.py"),
                                                          COURSE, "report"], layout, cwd=course).stdout)
    exports = OUT / "exports"
    kit(timeline, "instructor exports", "class", "export", "--course", COURSE, "--out", str(exports))
    seen["nbgrader csv"] = list(csv.DictReader(open(exports / "nbgrader-grades.csv", newline="")))
    seen["moodle csv"] = list(csv.reader(open(exports / "moodle-grades.csv", newline="")))
    kit(timeline, "instructor releases feedback", "class", "feedback", LESSON, "--course", COURSE)
    seen["feedback"] = {}
    for user in (S1, S2):
        assignment_action(client, user, "fetch_feedback")
        listing = client.user(user, "GET", f"/api/contents/{LESSON}/feedback")["content"]
        pages = []
        for stamp in listing:
            folder = client.user(user, "GET", f"/api/contents/{urllib.parse.quote(stamp['path'])}")["content"]
            pages += [client.user(user, "GET", f"/api/contents/{urllib.parse.quote(p['path'])}?type=file&format=text")
                      ["content"] for p in folder if p["name"].endswith(".html")]
        seen["feedback"][user] = pages

    # The same collected files through ./kit grade alone (verdicts only: the points).
    alone = OUT / "kit-grade-alone"
    subs = alone / "submissions"
    for user in (S1, S2, S3):
        (subs / user).mkdir(parents=True, exist_ok=True)
        (subs / user / f"{LESSON}.ipynb").write_bytes((course / "submitted" / user / LESSON / f"{LESSON}.ipynb").read_bytes())
    kit(timeline, "./kit grade on the same files (verdicts only)", "grade", str(subs), "--out", str(alone / "grades"),
        "--timeout", str(TIMEOUT), "--verdicts-only")
    seen["alone scores"] = read_scores(alone / "grades" / "scores.csv")
    seen["formgrader"] = formgrader(client, timeline)


def formgrader(client: HubClient, timeline) -> dict:
    """The formgrader in its own tab: served to the instructor, not to students (who have no course there)."""
    began = time.monotonic()
    client.start_server(INSTRUCTOR)
    timeline.append((f"server of {INSTRUCTOR} started (REST API)", time.monotonic() - began))
    page = client.user(INSTRUCTOR, "GET", "/formgrader", raw=True).decode(errors="replace")
    try:
        client.user(S1, "GET", "/formgrader", raw=True)
        student = 200
    except Exception as e:  # HubError carries the code
        student = getattr(e, "code", None)
    return {"instructor page": page, "student code": student}


# --- what must hold ----------------------------------------------------------------------------------------

def points(seen) -> dict:
    return {test: pts for _, test, pts in seen["exercises"]}


def test_setup_is_idempotent_and_refuses_a_taken_port_an_unknown_lesson_and_steps_out_of_order(run):
    output, same_hub = run["again"]
    assert same_hub and "nothing changed" in output, output
    assert run["port taken"].returncode == 2 and "is taken" in run["port taken"].stderr
    assert not run["port taken root"], "a refused set-up left files behind"
    assert run["unknown lesson"].returncode == 2 and "unknown lesson '99'" in run["unknown lesson"].stderr
    before_release, before_collect = run["autograde before release"], run["autograde before collect"]
    assert before_release.returncode == 2 and f"./kit class release {LESSON} first" in before_release.stderr
    assert before_collect.returncode == 2 and f"./kit class collect {LESSON} first" in before_collect.stderr


def test_the_student_fetches_and_submits_from_the_assignment_list_in_chromium(run):
    assert any(LESSON in item for item in run["browser fetch"]["fetched"])
    assert any(LESSON in item for item in run["browser submit"]["submitted"])


def test_each_kernel_runs_as_its_student_with_the_class_heap_cap(run):
    for user, ran in run["uid"].items():
        uid, output = run["uids"][user], ran["output"]
        real = re.search(r"Uid:\s+(\d+)", output)
        assert real and int(real.group(1)) == uid, f"{user}'s kernel: {output}"
        assert ran["owners"] == {uid}, f"{user}'s kernel processes belong to uids {ran['owners']}, not {uid}"
        heap = int(re.search(r"heap (\d+)", output).group(1))
        assert heap <= 768 << 20, f"{user}'s kernel may grow to {heap} bytes, beyond --heap 768m"


def test_a_student_can_neither_list_inbound_nor_read_another_students_work(run):
    # a line per path: "DENIED <path> <exception>" (paths hold spaces: the exception is the last word)
    denied = {line[len("DENIED "):].rsplit(" ", 1)[0] for line in run["snoop"].splitlines() if line.startswith("DENIED ")}
    assert denied == set(run["snoop targets"]), run["snoop"]


def test_scores_are_right_and_equal_to_kit_grade_on_the_same_files(run):
    wanted = {}
    for test, pts in points(run).items():
        wanted[(S1, test)] = pts
        wanted[(S2, test)] = 0 if test in run["student2 plan"].values() else pts
        wanted[(S3, test)] = 0
    kit = {key: value[0] for key, value in run["kit scores"].items()}
    alone = {key: value[0] for key, value in run["alone scores"].items()}
    book = {(s, g): p for s, nb, g, p, _ in run["gradebook"]}
    assert kit == wanted
    assert alone == wanted
    assert book == wanted, "nbgrader's gradebook differs from ./kit grade"
    totals = {r["student_id"]: float(r["score"]) for r in run["nbgrader csv"] if r["assignment"] == LESSON}
    assert totals == {s: sum(p for (who, _), p in wanted.items() if who == s) for s in (S1, S2, S3, S4)}


def test_the_endless_loop_fails_and_the_later_exercises_are_still_graded(run):
    loop = run["student2 plan"]["loop"]
    assert run["kit scores"][(S2, loop)][1] == "timeout"
    tests = [test for _, test, _ in run["exercises"]]
    later = tests[tests.index(loop) + 1:]
    assert later and all(run["kit scores"][(S2, t)] == (points(run)[t], "passed") for t in later)


def test_a_corrupted_submission_and_a_missing_one_get_their_rows(run):
    assert {points for (who, _), (points, _) in run["kit scores"].items() if who == S3} == {0}
    assert re.search(rf"graded: {S3}: 0/\d+ (?!ok)\w", run["autograde"]), run["autograde"]
    assert f"no submission: {S4}" in run["collect"] and f"no submission: {S4}" in run["autograde"]
    moodle = {row[0]: row for row in run["moodle csv"][1:]}
    assert moodle[S4][1:3] == ["0", f"no submission (0 / {sum(points(run).values()):g})"]


def test_the_late_submission_is_recorded_late_with_its_seconds(run):
    late = {s["student"]: s["seconds_late"] for s in run["report"]["submissions"] if s["assignment"] == LESSON}
    assert late[S2] > 0 and late[S1] == 0
    moodle = {row[0]: row for row in run["moodle csv"][1:]}
    assert f"{late[S2]:.0f} s late" in moodle[S2][2] and "on time" in moodle[S1][2]
    assert run["moodle csv"][0] == ["Username", LESSON, f"{LESSON} feedback"]


def test_feedback_reaches_each_student_without_the_hidden_tests(run):
    assert run["hidden"], "lesson 01 has no hidden tests to look for"
    for user in (S1, S2):
        pages = run["feedback"][user]
        assert len(pages) == 1, f"{user} fetched {len(pages)} feedback pages"
        text = page_text(pages[0])
        assert any(line in text for line in run["visible"]), "the page shows no visible test: the search cannot see code"
        leaked = [line for line in run["hidden"] if line in text]
        assert not leaked, f"{user}'s feedback shows hidden tests: {leaked[:3]}"
    total = sum(points(run).values())
    assert re.search(rf"{total:g} ?/ ?{total:g}", page_text(run["feedback"][S1][0]))


def test_the_formgrader_opens_in_its_own_tab_for_the_instructor_only(run):
    assert "Manage Assignments" in run["formgrader"]["instructor page"]
    assert run["formgrader"]["student code"] == 404


def test_down_removes_users_homes_processes_and_files(run):
    down = run["down"]
    assert down["exit"] == 0, down["output"]
    assert down["made"] == [INSTRUCTOR, S1, S2, S3, S4]
    assert down["users left"] == [] and down["homes left"] == [] and down["processes left"] == []
    assert not down["root left"]
