"""Module-level tasks for the worker-pool tests (spawned workers import them by name)."""

import os
import signal
import time


def setup(value):
    return value


def task(context, item):
    if item == "die":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer ends a process
    if item == "hang":
        time.sleep(60)
    return f"{context}:{item}"


_warmed = []


def warm(context, item):
    _warmed.append(item)


def task_warmed(context, item):
    return f"{context}:{item}:{len(_warmed)}"


def failed(item, reason):
    return f"failed:{item}:{reason}"


def thread_env(context, item):
    return os.environ.get(item)
