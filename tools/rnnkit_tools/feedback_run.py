"""Runs inside the grader's sandbox: executes one notebook in the kit's kernel from a copy in the
sandbox's own /tmp, and writes it, every output cut to size, with how the run went, to standard
output for the feedback page. Nothing it writes decides points.

    python -m rnnkit_tools.feedback_run NOTEBOOK.ipynb --timeout SECONDS
"""
import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from .execute import execute

OUTPUT_BYTES = 1_000_000   # per cell: the outputs beyond it are cut


def cap(nb, limit: int = OUTPUT_BYTES) -> None:
    """Keeps at most `limit` characters of output per cell: the text beyond is cut, later outputs
    are dropped, and a display bigger than the whole allowance is replaced by a line saying so."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        room, kept = limit, []
        for out in cell.get("outputs", []):
            size = len(json.dumps(out))
            if size <= room:
                kept.append(out)
                room -= size
                continue
            if out.get("output_type") == "stream" and room > 0:
                out["text"] = out.get("text", "")[:room]
                kept.append(out)
            kept.append(nbformat.v4.new_output("stream", name="stderr", text=f"\n… output cut at {limit} characters …\n"))
            break
        cell.outputs = kept


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="feedback_run")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--timeout", type=int, default=60)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="lesson-"))
    copy = work / args.notebook.name
    shutil.copy(args.notebook, copy)
    report = execute(copy, cell_timeout=args.timeout)  # start-up as the kit's runner does it
    nb = report.notebook if report.notebook is not None else nbformat.read(copy, as_version=4)
    cap(nb)
    nb.metadata["rnnkit_run"] = {"status": report.status, "detail": report.detail[:2000],
                                 "stopped_cell": report.stopped_cell, "starts": report.starts}
    sys.stdout.write(nbformat.writes(nb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
