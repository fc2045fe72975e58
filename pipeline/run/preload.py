"""Imported by the fork server before it forks a run's workers (``pipeline.forkserver``):
the stages, the model named in ``PRELOAD_MODEL`` (the default when empty) and the
tables the stages build on first use are loaded here once, and every worker starts with
them."""

import os

from ..forkserver import PRELOAD_MODEL
from . import runner

runner.preload(os.environ.get(PRELOAD_MODEL) or None)
