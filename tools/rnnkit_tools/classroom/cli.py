"""The command line of `./kit class` (its options are defined here so that tools/kit.py stays a list of commands).
No syntax newer than Python 3.6 in add_arguments: kit.py builds its parser before it enters the kit's Python."""
import sys
from pathlib import Path

ACTIONS = ("up", "release", "due", "collect", "autograde", "feedback", "export", "status")


def add_arguments(p) -> None:
    p.add_argument("action", nargs="?", default="up", choices=ACTIONS, metavar="ACTION",
                   help="up (default): set up the class, or check it and start its hub; release, due, collect, "
                        "autograde, feedback LESSON: the instructor's steps; export: the grades as CSV; status")
    p.add_argument("lesson", nargs="?", help="a lesson, by name or number (01 or 01-forward-pass)")
    p.add_argument("when", nargs="?", help="for `due`: 'now', 'none' or an ISO 8601 date and time (UTC)")
    p.add_argument("--down", action="store_true", help="remove the class: hub, servers, users and their homes, files")
    p.add_argument("--course", help="the course id, which names the class (default rnnkit; rnnkit-test with --test)")
    p.add_argument("--students", default="2", help="a count N (student1 … studentN) or names a,b,c (default 2)")
    p.add_argument("--instructor", help="the instructor's user name (default instructor)")
    p.add_argument("--port", type=int, default=8000, help="the hub's port on 127.0.0.1 (default 8000)")
    p.add_argument("--heap", default="1g", help="the Java heap cap of each kernel, e.g. 768m (default 1g)")
    p.add_argument("--python", help="the Python to make the class's environment from (default /usr/bin/python3)")
    p.add_argument("--test", action="store_true", help="a throw-away class for trying things: course rnnkit-test, "
                                                        "users rkt-instructor and rkt-student1 …")
    p.add_argument("--due", help="for `release`: the due date ('now' or ISO 8601, UTC)")
    p.add_argument("--timeout", type=int, default=60, help="for `autograde`: seconds an exercise's check may run")
    p.add_argument("--out", type=Path, help="for `export`: where the CSVs go (default: exports/ in the course folder)")


def main(args) -> int:
    from .install import down, require_root, status, up
    from .instructor import Course, lesson_name
    from .layout import DEFAULT_COURSE, TEST_COURSE, ClassError, check_course, student_names

    try:
        course = check_course(args.course or (TEST_COURSE if args.test else DEFAULT_COURSE))
        require_root()
        if args.down:
            return down(course)
        if args.action == "up":
            prefix = "rkt-" if args.test else ""
            instructor = args.instructor or prefix + "instructor"
            return up(course, instructor, student_names(args.students, prefix), args.port, check_heap(args.heap),
                      args.test, args.python)
        if args.action == "status":
            return status(course)
        the_course = Course(course)
        if args.action == "export":
            the_course.export(args.out or the_course.folder / "exports")
            return 0
        if not args.lesson:
            raise ClassError(f"./kit class {args.action} needs a LESSON (e.g. 01-forward-pass)")
        lesson = lesson_name(args.lesson)
        if args.action == "release":
            the_course.release(lesson, args.due)
        elif args.action == "due":
            if not args.when:
                raise ClassError("./kit class due LESSON WHEN: WHEN is 'now', 'none' or an ISO 8601 date and time")
            the_course.set_due(lesson, args.when)
        elif args.action == "collect":
            the_course.collect(lesson)
        elif args.action == "autograde":
            the_course.autograde(lesson, args.timeout)
        elif args.action == "feedback":
            the_course.release_feedback(lesson)
        return 0
    except ClassError as e:
        print(f"./kit class: {e}", file=sys.stderr)
        return 2


def check_heap(heap: str) -> str:
    from .layout import ClassError
    import re
    if not re.fullmatch(r"[1-9][0-9]*[mg]", heap):
        raise ClassError(f"--heap: expected a size such as 512m or 1g, got {heap!r}")
    return heap
