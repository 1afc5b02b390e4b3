"""The command line; `main` is the console script's entry point."""

import os

# Before numpy is imported (by the comparison code): plandiff's matrices are small, and OpenBLAS's
# thread pool only waits on itself for them: the uncached national 2022 -> 2023 comparison took 1.95 s
# with it and 1.75 s without (bench/RESULTS.md). A user's own setting wins; Dask workers inherit this,
# as Dask advises for processes that already run one task per core.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from .main import app, main  # noqa: E402

__all__ = ["app", "main"]
