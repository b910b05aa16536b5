"""The background worker, made to outlast a busy database.

django-tasks-db's worker treats a locked database as fatal when it starts the transaction that
claims a job, and a dead worker leaves every job queued. This one waits and tries again.
"""

import logging
import time

from django.db import OperationalError, connection
from django_tasks_db.management.commands.db_worker import Worker

from vigil.database import is_busy

logger = logging.getLogger(__name__)

# How long the worker rests after finding the database busy, before it looks for jobs again.
BUSY_PAUSE_SECONDS = 2


class PatientWorker(Worker):
    def run(self) -> None:
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
