"""Many plans at once: index a folder into DuckDB, compare editions, find shared passages, on Dask."""
