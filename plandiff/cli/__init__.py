"""The command line; `main` is the console script's entry point."""

import gc
import os

# Before numpy is imported (by the comparison code): plandiff's matrices are small, and OpenBLAS's
# thread pool only waits on itself for them: the uncached national 2022 -> 2023 comparison took 1.95 s
# with it and 1.75 s without (bench/RESULTS.md). A user's own setting wins; Dask workers inherit this,
# as Dask advises for processes that already run one task per core.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

# Importing makes thousands of objects that live as long as the process: the collector's passes over
# them find nothing. Fewer passes while importing, and the caller's own setting back afterwards.
_threshold = gc.get_threshold()
gc.set_threshold(20_000, 20, 20)
try:
    from .main import app, main  # noqa: E402
finally:
    gc.set_threshold(*_threshold)

__all__ = ["app", "main"]
