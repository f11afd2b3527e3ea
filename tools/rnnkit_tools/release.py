"""`./kit release`: the student notebooks, made from the solution notebooks.

In each code cell the lines from `// BEGIN SOLUTION` to `// END SOLUTION` become a stub that
compiles and throws "not implemented yet", and the lines from `// BEGIN HIDDEN TESTS` to
`// END HIDDEN TESTS` disappear. In Markdown, `### BEGIN SOLUTION` … `### END SOLUTION` becomes
"YOUR ANSWER HERE" (nbgrader's convention for written answers). Outputs are cleared, metadata
kept. The same solutions always give the same bytes.
"""
import copy
from pathlib import Path
from typing import List

import nbformat

from . import paths

CODE_STUB = ["// YOUR CODE HERE", 'throw new UnsupportedOperationException("not implemented yet");']
MARKDOWN_STUB = ["YOUR ANSWER HERE"]
MARKERS = {
    "code": ("// BEGIN SOLUTION", "// END SOLUTION"),
    "markdown": ("### BEGIN SOLUTION", "### END SOLUTION"),
}
HIDDEN = ("// BEGIN HIDDEN TESTS", "// END HIDDEN TESTS")


class ReleaseError(ValueError):
    pass


def replace_blocks(source: str, begin: str, end: str, stub: List[str], where: str) -> str:
    """Replaces each block from a `begin` line to its `end` line (both included) by `stub`,
    indented like the `begin` line. Unbalanced markers are an error naming `where`."""
    out, inside, indent = [], False, ""
    for number, line in enumerate(source.split("\n"), start=1):
        marker = line.strip()
        if marker == begin:
            if inside:
                raise ReleaseError(f"{where}, line {number}: '{begin}' inside an open block")
            inside, indent = True, line[: len(line) - len(line.lstrip())]
            out.extend(indent + s for s in stub)
        elif marker == end:
            if not inside:
                raise ReleaseError(f"{where}, line {number}: '{end}' without '{begin}'")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: '{begin}' is never closed by '{end}'")
    return "\n".join(out)


def release_notebook(nb, name: str = "notebook"):
    """The student version of a solution notebook (the argument is left untouched)."""
    student = copy.deepcopy(nb)
    for index, cell in enumerate(student.cells):
        where = f"{name}, cell {index}"
        if cell.cell_type in MARKERS:
            begin, end = MARKERS[cell.cell_type]
            stub = CODE_STUB if cell.cell_type == "code" else MARKDOWN_STUB
            cell.source = replace_blocks(cell.source, begin, end, stub, where)
        if cell.cell_type == "code":
            cell.source = replace_blocks(cell.source, *HIDDEN, [], where)
            cell.outputs = []
            cell.execution_count = None
    return student


def text_of(nb) -> str:
    return nbformat.writes(nb).rstrip("\n") + "\n"


def released_texts(solutions: Path = paths.SOLUTIONS) -> dict:
    """File name → the student notebook's text, for every solution lesson."""
    texts = {}
    for path in paths.lessons(solutions):
        texts[path.name] = text_of(release_notebook(nbformat.read(path, as_version=4), path.name))
    return texts


def release(solutions: Path = paths.SOLUTIONS, students: Path = paths.NOTEBOOKS) -> List[str]:
    """Writes the student notebooks; returns the names whose files changed."""
    changed = []
    for name, text in released_texts(solutions).items():
        target = students / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def out_of_sync(solutions: Path = paths.SOLUTIONS, students: Path = paths.NOTEBOOKS) -> List[str]:
    """What differs between the student notebooks and a fresh release of the solutions."""
    texts = released_texts(solutions)
    found = []
    for name, text in texts.items():
        target = students / name
        if not target.exists():
            found.append(f"{name}: missing from {students.name}/")
        elif target.read_text(encoding="utf-8") != text:
            found.append(f"{name}: differs from the release of solutions/{name}")
    for extra in paths.lessons(students):
        if extra.name not in texts:
            found.append(f"{extra.name}: has no solution notebook")
    return found
