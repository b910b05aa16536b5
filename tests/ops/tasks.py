"""A background job for the worker tests: the smallest thing a worker can run."""

from django_tasks import task


@task()
def say_done(word: str) -> str:
    return f"done: {word}"


ENQUEUE = "from tests.ops.tasks import say_done; print(say_done.enqueue('{word}').id)"
