"""The command line; `main` is the console script's entry point."""

import gc
import os

# Before numpy is imported (by the comparison code): plandiff's matrices are small, and OpenBLAS's
# thread pool only waits on itself for them: the uncached national 2022 -> 2023 comparison took 1.95 s
# with it and 1.75 s without (bench/RESULTS.md). A user's own setting wins; Dask workers inherit this,
# as Dask advises for processes that already run one task per core.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

# A command makes many small objects and almost no reference cycles: in an uncached national report
# comparison the collector's 120 passes found under 500 objects and took 40 ms. Fewer passes.
gc.set_threshold(20_000, 20, 20)

from .main import app, main  # noqa: E402

# Objects made by the imports live as long as the process: frozen out of every later pass.
gc.freeze()

__all__ = ["app", "main"]
