"""Runs inside the grader's sandbox: executes one notebook in the kit's kernel and writes it back
with every output cut to size, plus how the run went, for the feedback page. Nothing it writes
decides points.

    python -m rnnkit_tools.feedback_run IN.ipynb OUT.ipynb --timeout SECONDS
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat

from .execute import execute

OUTPUT_BYTES = 200_000   # per output: text beyond it, or a larger image, is cut
START_TIMEOUT = 30
START_RETRIES = 5


def cap(nb, limit: int = OUTPUT_BYTES) -> None:
    """Cuts each output to `limit` characters of text; drops a display bigger than that."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and len(out.get("text", "")) > limit:
                out["text"] = out["text"][:limit] + f"\n… output cut at {limit} characters …\n"
            elif out.get("output_type") in ("display_data", "execute_result"):
                size = sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in out.get("data", {}).values())
                if size > 5 * limit:
                    out["data"] = {"text/plain": f"(a display of {size} characters, too large for feedback)"}
            elif out.get("output_type") == "error":
                out["evalue"] = out.get("evalue", "")[:limit]
                out["traceback"] = [line[:limit] for line in out.get("traceback", [])[:200]]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="feedback_run")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--timeout", type=int, default=60)
    args = parser.parse_args(argv)
    report = execute(args.notebook, cell_timeout=args.timeout, startup_timeout=START_TIMEOUT, retries=START_RETRIES)
    nb = report.notebook if report.notebook is not None else nbformat.read(args.notebook, as_version=4)
    cap(nb)
    nb.metadata["rnnkit_run"] = {"status": report.status, "detail": report.detail[:2000],
                                 "stopped_cell": report.stopped_cell, "starts": report.starts}
    nbformat.write(nb, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
