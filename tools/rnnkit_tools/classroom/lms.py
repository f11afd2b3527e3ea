"""Grades as a CSV that Moodle's gradebook imports (Grades › Import › CSV file).

Moodle, not Canvas: Moodle's CSV import maps any column by its header, one identifying the user (here
"Username", mapped to the Moodle username) and the others to existing or new grade items, or to their
feedback, so the file needs nothing from the LMS beforehand. Canvas's import matches only its own export's
layout (Student, ID, SIS User ID, SIS Login ID, Section, then "Assignment (id)" headers carrying Canvas's
internal ids), which a file made outside Canvas cannot know.

One row per student of the class, submitted or not; per assignment a score column named after it (0 when
nothing was submitted) and a feedback column saying what happened (points, when submitted, seconds late).
"""
import csv
from pathlib import Path
from typing import Dict, List


def rows(report: Dict, students: List[str]) -> List[List[str]]:
    assignments = [a["name"] for a in report["assignments"]]
    maxima = {a["name"]: a["max_score"] for a in report["assignments"]}
    by_key = {(s["student"], s["assignment"]): s for s in report["submissions"]}
    header = ["Username"]
    for name in assignments:
        header += [name, f"{name} feedback"]
    table = [header]
    for student in students:
        row = [student]
        for name in assignments:
            submission = by_key.get((student, name))
            if submission is None:
                row += ["0", f"no submission (0 / {maxima[name]:g})"]
                continue
            late = submission["seconds_late"]
            row += [f"{submission['score']:g}",
                    f"{submission['score']:g} / {submission['max_score']:g} points; submitted {submission['timestamp']} UTC"
                    + (f"; {late:.0f} s late" if late > 0 else "; on time")]
        table.append(row)
    return table


def write(report: Dict, students: List[str], out: Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows(report, students))
