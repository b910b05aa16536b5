"""The background worker, made to outlast a busy database.

django-tasks-db's worker treats a locked database as fatal when it starts the transaction that
claims a job, and a dead worker leaves every job queued. This one waits and tries again.
"""

import logging
import threading
import time

from django.db import DatabaseError, OperationalError, connection
from django_tasks_db.management.commands.db_worker import Worker

from vigil.database import is_busy

from . import leases

logger = logging.getLogger(__name__)

# How long the worker rests after finding the database busy, before it looks for jobs again.
BUSY_PAUSE_SECONDS = 2


class Heartbeat(threading.Thread):
    """Renews the worker's lease, and gives back the jobs of workers whose leases lapsed, several
    times per lease, in a thread of its own so a long job does not stop it."""

    def __init__(self, worker_id: str):
        super().__init__(name="worker heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopping = threading.Event()

    def beat(self) -> None:
        try:
            leases.renew(self.worker_id)
            leases.recover_abandoned()
        except DatabaseError as error:  # a busy database: the next beat tries again
            logger.warning("The worker could not renew its lease (%s).", error)
        finally:
            connection.close()  # this thread's own connection

    def run(self) -> None:
        pause = leases.lease_seconds() / 4
        while not self.stopping.wait(pause):
            self.beat()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=10)
        try:
            leases.release(self.worker_id)
        except DatabaseError:  # the lease lapses by itself
            logger.warning("The worker could not release its lease.")


class PatientWorker(Worker):
    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.beat()  # the lease is held before the first job is claimed
        heartbeat.start()
        try:
            return self._run_patiently()
        finally:
            heartbeat.stop()

    def _run_patiently(self) -> None:
        while self.running:
            try:
                return super().run()
            except OperationalError as error:
                if not is_busy(error):
                    raise
                logger.warning(
                    "The database is busy (%s); the worker tries again in %s s.",
                    error,
                    BUSY_PAUSE_SECONDS,
                )
                connection.close()  # a fresh connection after the failure
                time.sleep(BUSY_PAUSE_SECONDS)
        return None
