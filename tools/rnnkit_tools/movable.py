"""Movable figures (`Show.movable`): what an executed notebook must hold for each, checked without a browser.

A movable figure is ONE display_data output with three types: the Vega-Lite v5 spec (a JSON object) that
JupyterLab 4 and Notebook 7 draw with their own Vega-Lite, a PNG of its default view (what nbconvert, the
static site and GitHub show) and a line of text. The spec must validate against the JSON schema of the
Vega-Lite each UI bundles (`SCHEMAS`, from npm at the versions in tools/vega-lite/package-lock.json,
installed on first use) and stay under MAX_BYTES.
"""
import base64
import json
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Dict, List

from . import paths

MIME = "application/vnd.vegalite.v5+json"
MAX_BYTES = 1_000_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# The Vega-Lite each UI renders with (read from their bundles: JupyterLab 4.6.6's vega5-extension ships
# vega-lite 5.6.1, Notebook 7.6.5's ships 5.15.1); tools/vega-lite/package.json installs both schemas.
SCHEMAS: Dict[str, str] = {"JupyterLab 4.6.6": "5.6.1", "Notebook 7.6.5": "5.15.1"}
SCHEMA_PACKAGES = paths.REPO / "tools" / "vega-lite"


def schema_path(version: str) -> Path:
    return SCHEMA_PACKAGES / "node_modules" / f"vega-lite-{version}" / "build" / "vega-lite-schema.json"


def ensure_schemas() -> None:
    """Installs the pinned vega-lite packages from the lock file (npm; no scripts run) unless they are there."""
    marker = SCHEMA_PACKAGES / "node_modules" / ".package-lock.json"
    lock = SCHEMA_PACKAGES / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=SCHEMA_PACKAGES, check=True,
                   stdout=subprocess.DEVNULL)


@lru_cache(maxsize=None)
def validator(version: str):
    """A JSON-schema validator for Vega-Lite `version` (draft 7, as the schema declares)."""
    from jsonschema import Draft7Validator

    ensure_schemas()
    schema = json.loads(schema_path(version).read_text(encoding="utf-8"))
    return Draft7Validator(schema)


def deepest(error):
    """The error furthest into the spec among an error and the ones under it: the schema's top is a choice
    between kinds of spec (anyOf), so the raw error says only "not valid under any of" at the root."""
    return max([error] + [deepest(e) for e in error.context], key=lambda e: len(e.absolute_path))


def schema_problems(spec: dict) -> List[str]:
    """Each schema a spec breaks, with the reason deepest in the spec and where it is."""
    found = []
    for ui, version in SCHEMAS.items():
        errors = list(validator(version).iter_errors(spec))
        if errors:
            best = max((deepest(e) for e in errors), key=lambda e: len(e.absolute_path))
            found.append(f"the spec is not valid Vega-Lite {version} ({ui}): at "
                         f"/{'/'.join(map(str, best.absolute_path))} ({json.dumps(best.instance)[:80]}), "
                         f"for example {best.message[:160]}")
    return found


def spec_bytes(spec: dict) -> int:
    """The spec's size as the notebook stores it (compact JSON, UTF-8)."""
    return len(json.dumps(spec, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def output_problems(output: dict) -> List[str]:
    """What is wrong with one movable figure's output."""
    data = output.get("data", {})
    found = []
    spec = data.get(MIME)
    if not isinstance(spec, dict):
        found.append(f"its {MIME} is a {type(spec).__name__}, not a JSON object")
    else:
        size = spec_bytes(spec)
        if size > MAX_BYTES:
            found.append(f"its spec has {size} bytes, over {MAX_BYTES}")
        found += schema_problems(spec)
    png = data.get("image/png")
    if not isinstance(png, str) or not base64.b64decode(png).startswith(PNG_MAGIC):
        found.append("it has no image/png of its default view")
    if not data.get("text/plain"):
        found.append("it has no text/plain")
    return found


def movable_outputs(cell) -> List[dict]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "display_data" and MIME in o.get("data", {})]


def problems(nb) -> List[str]:
    """Every problem with the movable figures of an executed notebook, each naming its cell: a cell that calls
    Show.movable shows at least one movable output, and every movable output is whole and valid."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = movable_outputs(cell)
        if "Show.movable(" in cell.source and not outputs:
            found.append(f"cell {index} calls Show.movable but shows no {MIME} output")
        for out in outputs:
            found += [f"cell {index}: {p}" for p in output_problems(out)]
    return found
