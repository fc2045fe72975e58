"""The analyst's corrections: a file of fixes beside the corpus that every run applies
after the stages and before the tables are committed, so re-runs keep them.

- ``model``: what a correction is (kinds, targets, values) and how a record is checked;
- ``files``: reading a corrections folder (a bad line: that file applies not at all) and
  adding to it;
- ``targets``: finding what a correction names (document hash, sentence text);
- ``apply``, ``entity_fix``, ``accord_fix``: applying them, the later of two winning;
- ``ledger``: what they did (the ``corrections`` table, statuses, the summary);
- ``step``: the run's corrections step, and the pipeline's own rows of an outputs folder;
- ``gold``: scores of the pipeline on the corrected fields, and the corrections as
  annotations a trainer reads.
"""

from .files import CorrectionsMissing, Loaded, default_location, load
from .model import Correction, CorrectionError
from .step import Step, correct, regroup_accords

__all__ = [
    "Correction",
    "CorrectionError",
    "CorrectionsMissing",
    "Loaded",
    "Step",
    "correct",
    "default_location",
    "load",
    "regroup_accords",
]
