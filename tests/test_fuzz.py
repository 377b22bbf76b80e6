"""Standing fuzz tests (issue 17): damaged copies of the bundled examples and CSVs give only
ProjectError / DataError, each within 5 s and 1 GB (traced), and saves killed mid-write
leave the old file intact. CI runs a seeded few hundred cases; ``-m soak`` runs many more
(``FUZZ_CASES=20000 pytest -m soak tests/test_fuzz.py``)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.datasets import load_csv
from simulator.errors import DataError, ProjectError
from simulator.project import load_project
from tests import hostile_files as hf

ROOT = Path(__file__).resolve().parents[1]
CSV_SEEDS = (
    "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n",
    "키,몸무게,성별\n170,65,남\n160,50,여\n180,80,남\n155,45,여\n",
    "a;b;c\n1,5;2;x\n3,5;4;y\n5,5;6;x\n",
    "\ufeffsepal,petal,class\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n",
)


def _project_case(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    kind = hf.MUTATIONS[seed % len(hf.MUTATIONS)]
    path = tmp_path / f"case{seed}.annproj"
    path.write_bytes(hf.mutate_project(rng, kind))
    exc = hf.bounded(lambda: load_project(path).to_document(), seconds=5, megabytes=1024)
    assert exc is None or isinstance(exc, ProjectError), (kind, seed, repr(exc))
    path.unlink()


def _csv_case(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    path = tmp_path / f"case{seed}.csv"
    path.write_text(hf.mutate_csv(rng, rng.choice(CSV_SEEDS)), encoding="utf-8",
                    errors="surrogatepass")
    exc = hf.bounded(lambda: load_csv(path), seconds=5, megabytes=1024)
    assert exc is None or isinstance(exc, DataError), (seed, repr(exc))
    path.unlink()


def test_fuzzed_project_files(tmp_path):
    for seed in range(240):
        _project_case(tmp_path, seed)


def test_fuzzed_csv_files(tmp_path):
    for seed in range(240):
        _csv_case(tmp_path, seed)


@pytest.mark.soak
def test_fuzz_soak(tmp_path):
    n = int(os.environ.get("FUZZ_CASES", "5000"))
    for seed in range(10_000, 10_000 + n):
        _project_case(tmp_path, seed)
        _csv_case(tmp_path, seed)


SAVER = r"""
import sys, numpy as np
import simulator as sim
from simulator.project import Project, load_project, save_project
p = load_project(sys.argv[2])
p.history = [{"epoch": i + 1, "train_loss": 1.0 / (i + 1), "grad_norm": [0.5] * 50}
             for i in range(40000)]
print("ready", flush=True)
while True:
    save_project(p, sys.argv[1])
"""


def test_saves_killed_mid_write_leave_the_old_file(tmp_path):
    target = tmp_path / "p.annproj"
    target.write_bytes((hf.EXAMPLES / "xor.annproj").read_bytes())
    old = target.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(0)
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target),
                                 str(hf.EXAMPLES / "xor.annproj")], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))  # somewhere inside a save
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        data = target.read_bytes()
        assert data == old or len(load_project(target).history) == 40000
        old = data
    leftovers = [p for p in tmp_path.iterdir() if p.name != "p.annproj"]
    from simulator import atomic
    assert all(atomic.is_temporary(p.name) for p in leftovers)  # what clean_stale removes
    assert sorted(atomic.clean_stale([tmp_path], older_than=0)) == sorted(leftovers)
    assert [p.name for p in tmp_path.iterdir()] == ["p.annproj"]
