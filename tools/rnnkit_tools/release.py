"""`./kit release`: the student notebooks, made from the solution notebooks by nbgrader's own preprocessors.

The pipeline is nbgrader's `generate_assignment` (GenerateAssignment.preprocessors), less the steps that
need a course: SaveCells (the gradebook), IncludeHeaderFooter (header files) and InstantiateTests (a kernel,
for AUTOTEST cells, which the lessons do not use). So, as nbgrader does: each `BEGIN SOLUTION` … `END
SOLUTION` region becomes CODE_STUB (a Java stub that compiles and throws "not implemented yet") or, in
Markdown, "YOUR ANSWER HERE"; `BEGIN HIDDEN TESTS` … `END HIDDEN TESTS` disappears; outputs are cleared;
graded cells are locked and get their checksums; the metadata is checked. The student notebooks are
therefore exactly what `nbgrader generate_assignment` releases (the nbgrader round trip test compares them).
The same solutions always give the same bytes.
"""
import copy
from pathlib import Path
from typing import List

import nbformat
from traitlets.config import Config

from . import paths

NOT_IMPLEMENTED = "not implemented yet"
CODE_STUB = "// YOUR CODE HERE\n" f'throw new UnsupportedOperationException("{NOT_IMPLEMENTED}");'
LANGUAGE = "java"


class ReleaseError(ValueError):
    pass


def config() -> Config:
    """The nbgrader configuration of the kit's release; nbgrader_config.py of a course says the same."""
    c = Config()
    c.ClearSolutions.code_stub = {LANGUAGE: CODE_STUB}
    return c


def pipeline() -> list:
    from nbgrader.converters import GenerateAssignment  # imported here: nbgrader takes seconds to import
    from nbgrader.preprocessors import IncludeHeaderFooter, InstantiateTests, SaveCells

    needs_a_course = (SaveCells, IncludeHeaderFooter, InstantiateTests)
    steps = GenerateAssignment.class_traits()["preprocessors"].default()
    return [step(config=config()) for step in steps if step not in needs_a_course]


def release_notebook(nb, name: str = "notebook"):
    """The student version of a solution notebook (the argument is left untouched)."""
    student = copy.deepcopy(nb)
    language = student.metadata.get("kernelspec", {}).get("language")
    if language != LANGUAGE:
        raise ReleaseError(f"{name}: expected metadata.kernelspec.language '{LANGUAGE}', got {language!r}")
    resources = {}
    for step in pipeline():
        before = copy.deepcopy(student)  # a failing step may have changed cells already
        try:
            student, resources = step.preprocess(student, resources)
        except Exception as e:
            raise ReleaseError(f"{name}, {where_it_fails(step, before)}: {type(step).__name__}: {e}") from e
    return student


def where_it_fails(step, nb) -> str:
    """The first cell that `step` rejects on its own (nbgrader's messages do not name the cell)."""
    for index, cell in enumerate(nb.cells):
        alone = copy.deepcopy(nb)
        alone.cells = [copy.deepcopy(cell)]
        try:
            step.preprocess(alone, {})
        except Exception:
            return f"cell {index}"
    return "the notebook as a whole"


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
