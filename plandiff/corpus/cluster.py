"""Run corpus tasks on Dask: an embedded LocalCluster, a real cluster, or in this process. The only Dask importer."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import InputError
from ..model import counted

IN_PROCESS = "none"  # --scheduler none: no Dask at all, one task after another (the single-process baseline)


@dataclass(frozen=True)
class Execution:
    """Where tasks run: a scheduler address, "none" for this process, or "" for a LocalCluster of `workers`."""

    scheduler: str = ""
    workers: int = 0  # LocalCluster worker processes; 0 = one per core
    memory_limit: str = "2GiB"  # per LocalCluster worker; Dask pauses, then restarts, a worker past it

    @property
    def in_process(self) -> bool:
        return self.scheduler == IN_PROCESS

    def describe(self) -> str:
        if self.in_process:
            return "in this process"
        if self.scheduler:
            return f"on the Dask cluster at {self.scheduler}"
        return f"on a local Dask cluster of {counted(self.worker_count(), 'worker')}"

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


@contextmanager
def _client(execution: Execution):
    from dask.distributed import Client, LocalCluster

    # The cluster's own chatter (ports, worker start-up) is not the user's business.
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if execution.scheduler:
        try:
            client = Client(execution.scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise InputError(f"cannot reach the Dask scheduler at {execution.scheduler} ({error}); "
                             "is `dask scheduler` running there?") from error
        with client:
            yield client
        return
    with LocalCluster(n_workers=execution.worker_count(), threads_per_worker=1, processes=True,
                      memory_limit=execution.memory_limit, dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def run(task: Callable, arguments: Iterable[tuple], execution: Execution, in_flight: int = 0) -> Iterator:
    """Run task(*args) for each args tuple; yield (args, result) as each finishes, in any order.

    At most `in_flight` tasks (default: four per worker) are submitted at once, so arguments may be a lazy
    generator and neither this process nor the scheduler ever holds the whole corpus. A task that dies on
    its worker (killed for memory, a lost worker) yields the exception as its result.
    """
    if execution.in_process:
        for args in arguments:
            yield args, task(*args)
        return
    from dask.distributed import as_completed

    with _client(execution) as client:
        window = in_flight or 4 * max(1, len(client.scheduler_info().get("workers", {})) or execution.worker_count())
        pending = iter(arguments)
        futures: dict = {}
        queue = as_completed()

        def submit_next() -> None:
            args = next(pending, None)
            if args is not None:
                future = client.submit(task, *args, pure=False)
                futures[future] = args
                queue.add(future)

        for _ in range(window):
            submit_next()
        for future in queue:
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - reported as an error row by the caller
                result = error
            yield futures.pop(future), result
            future.release()
            submit_next()
