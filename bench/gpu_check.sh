#!/usr/bin/env bash
# The GPU checks of issue 16 in one go, for a machine with an NVIDIA GPU and CuPy:
# the CuPy parity tests (pytest -m gpu) and the CPU-vs-GPU benchmark (bench/bench_gpu.py).
#
#   bash bench/gpu_check.sh [RESULTS_DIR]     (default: $OUT if set, else gpu_check/)
#
# Writes device.txt (GPU, driver, versions, exit codes), pytest_gpu.txt, bench_gpu.txt and
# bench_gpu.json into RESULTS_DIR. Needs Python with NumPy, CuPy and pytest only (no Qt: the
# selector tests are not part of -m gpu). PYTHON picks the interpreter (default python3).
# Budget: the tests take well under a minute after CuPy's kernel compilation; the benchmark
# about 2 x 2 s x 2 rounds per network plus warm-up (~2-4 minutes for all 8 rows).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
DIR=${1:-${OUT:-gpu_check}}
mkdir -p "$DIR"
export PYTHONUNBUFFERED=1
{
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  "$PY" -c "import sys, numpy, cupy; print('Python', sys.version.split()[0], 'NumPy',
numpy.__version__, 'CuPy', cupy.__version__)"
  echo "CPU cores: $(nproc)"
} >"$DIR/device.txt" 2>&1
cat "$DIR/device.txt"
"$PY" -m pytest -q -m gpu -rs -p no:cacheprovider tests/test_gpu.py 2>&1 | tee "$DIR/pytest_gpu.txt"
tests=$?
"$PY" bench/bench_gpu.py --json "$DIR/bench_gpu.json" 2>&1 | tee "$DIR/bench_gpu.txt"
bench=$?
echo "exit codes: pytest -m gpu $tests, bench_gpu.py $bench" | tee -a "$DIR/device.txt"
exit $((tests != 0 || bench != 0))
