"""Imported by the fork server before it forks a run's workers (``pipeline.forkserver``):
the stages, the model named in ``PRELOAD_MODEL`` (the default when empty) and the
tables the stages build on first use are loaded here once, and every worker starts with
them."""

import os

from ..forkserver import PRELOAD_MODEL
from . import runner
from .parallel import killed_with_parent

killed_with_parent()  # the server goes with the run's process, and its workers with it
runner.preload(os.environ.get(PRELOAD_MODEL) or None)
