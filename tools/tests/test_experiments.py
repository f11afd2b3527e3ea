"""The recorded experiments reproduce: for every record in the library's resources, the runner re-runs one
cell of each model (a vanilla RNN's whole run, a gated network's first two checkpoints) and finds the same
test MSE bit for bit, and the record lists exactly the experiment's cells with the parameters the code now
has (`./kit experiments --check` runs the same). A stage of ./kit test of its own: about a minute on two
cores. The records say which commit and library sources made them, and the timings are never compared."""
import csv
import subprocess
import sys

import pytest

from rnnkit_tools import experiments, paths

pytestmark = pytest.mark.stage


@pytest.mark.parametrize("name", experiments.NAMES)
def test_a_sample_of_the_record_is_reproduced_bit_for_bit(name):
    record = experiments.RECORDS / (name + ".csv")
    assert record.exists(), f"{record} is missing: run ./kit experiments {name}"
    out = subprocess.run([sys.executable, str(paths.REPO / "tools" / "kit.py"), "experiments", "--check", name],
                         cwd=paths.REPO, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout + out.stderr
    assert " same " in out.stdout and "DIFFERENT" not in out.stdout, out.stdout


@pytest.mark.parametrize("name", experiments.NAMES)
def test_the_record_states_its_code_version_and_parameters(name):
    lines = (experiments.RECORDS / (name + ".csv")).read_text().splitlines()
    header = dict(line[2:].split(" = ", 1) for line in lines if line.startswith("# "))
    for key in ("git_commit", "library_sources_sha256", "java", "T", "H", "sequences", "optimizers", "clipping", "seeds"):
        assert header.get(key), f"{name}: no '{key}' in the record's header"
    assert len(header["library_sources_sha256"]) == 64
    rows = list(csv.DictReader(line for line in lines if not line.startswith("# ")))
    assert rows and all(float(r["mse_96000"]) >= 0 or r["diverged_after"] for r in rows)
    assert {r["seed"] for r in rows} == {"1", "2", "3", "4", "5"}


def test_the_sources_hash_changes_with_any_source_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "X.java").write_text("class X {}")
    before = experiments.sources_sha256(tmp_path)
    (tmp_path / "a" / "X.java").write_text("class X { }")
    assert experiments.sources_sha256(tmp_path) != before
    (tmp_path / "a" / "X.java").write_text("class X {}")
    assert experiments.sources_sha256(tmp_path) == before
    (tmp_path / "Y.java").write_text("")
    assert experiments.sources_sha256(tmp_path) != before
