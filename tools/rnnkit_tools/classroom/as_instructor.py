"""Run as the class's instructor, in the class's Python, inside the course folder: reads and writes nbgrader's
gradebook (gradebook.db) through nbgrader's own API, so the database stays the instructor's.
`./kit class` copies this file to the class's lib/ folder (readable by all) and calls it; standard library and
nbgrader only, since the kit's own modules are not there.

    python as_instructor.py COURSE due LESSON (ISO-DATE|none)
    python as_instructor.py COURSE record LESSON < {"roster": [id, ...], "students": {id: {"timestamp": T, "points": {grade_id: p}}}}
    python as_instructor.py COURSE report            > {"assignments": [...], "submissions": [...]}
    python as_instructor.py COURSE scores LESSON     > [[student, notebook, grade_id, points, max_points], ...]
"""
import json
import sys
from pathlib import Path


def gradebook(course: str):
    from nbgrader.api import Gradebook
    return Gradebook(f"sqlite:///{Path.cwd() / 'gradebook.db'}", course)


def due(course: str, lesson: str, when: str) -> None:
    from nbgrader.api import MissingEntry
    from nbgrader.utils import parse_utc
    with gradebook(course) as gb:
        try:
            gb.find_assignment(lesson)
        except MissingEntry:
            sys.exit(f"no assignment {lesson} in the gradebook: release it first")
        gb.update_or_create_assignment(lesson, duedate=None if when == "none" else parse_utc(when))


def record(course: str, lesson: str, wanted: dict) -> None:
    """Every student of the roster (so that nbgrader's export has a row, 0, for one who submitted nothing); each
    submission with its timestamp (nbgrader computes the lateness from it and the due date) and the points of
    each graded cell, as automatic scores."""
    with gradebook(course) as gb:
        for student in wanted["roster"]:
            gb.update_or_create_student(student)
        cells = {c.name for nb in gb.find_assignment(lesson).notebooks for c in nb.grade_cells}
        for student, result in wanted["students"].items():
            gb.update_or_create_student(student)
            submission = gb.update_or_create_submission(lesson, student, timestamp=result["timestamp"])
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.name in result["points"]:
                        grade.auto_score = float(result["points"][grade.name])
                        grade.manual_score = None
                        grade.needs_manual_grade = False
            unknown = set(result["points"]) - cells
            if unknown:
                sys.exit(f"{student}: the grader scored cells the gradebook does not have: {sorted(unknown)}")
        gb.db.commit()


def report(course: str) -> dict:
    with gradebook(course) as gb:
        assignments = [{"name": a.name, "duedate": a.duedate.isoformat() if a.duedate else None,
                        "max_score": a.max_score} for a in gb.assignments]
        submissions = []
        for a in gb.assignments:
            for s in a.submissions:
                submissions.append({"student": s.student.id, "assignment": a.name, "score": s.score,
                                    "max_score": s.max_score, "timestamp": s.timestamp.isoformat() if s.timestamp else None,
                                    "seconds_late": s.total_seconds_late})
        return {"assignments": assignments, "students": [s.id for s in gb.students], "submissions": submissions}


def scores(course: str, lesson: str) -> list:
    """Every graded cell of every submission of the lesson, as the gradebook holds it."""
    with gradebook(course) as gb:
        return [[s.student.id, nb.name, g.name, g.score, g.max_score]
                for s in gb.find_assignment(lesson).submissions for nb in s.notebooks for g in nb.grades]


def main(argv) -> None:
    course, command, rest = argv[0], argv[1], argv[2:]
    if command == "due":
        due(course, rest[0], rest[1])
    elif command == "record":
        record(course, rest[0], json.load(sys.stdin))
    elif command == "scores":
        json.dump(scores(course, rest[0]), sys.stdout)
    elif command == "report":
        json.dump(report(course), sys.stdout)
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
