"""Storage: the only package that touches the outputs folder and Parquet.

Every table is checked against its declared schema (``schemas.TABLES``) and written
to a temporary file that is renamed into place, so a run that is killed never leaves
a half-written table behind (``tables``); readers take a dataset only when every table
is the run's the manifest names (``dataset``); the folder's lock, leftovers and remote
outputs are in ``files``.
"""

from .dataset import MIXED, MixedOutputs, read_arrow_dataset, read_dataset
from .files import (
    LOCK_NAME,
    OutputsInUse,
    Staged,
    locked,
    named,
    remove_leftovers,
    replacing,
    run_under_way,
    staged,
    usual_mode,
)
from .tables import (
    RUN_KEY,
    SchemaError,
    TableWriter,
    file_batches,
    previous_batches,
    read_arrow,
    read_columns,
    read_json,
    read_table,
    remove_table,
    rows_to_arrow,
    stage_arrow,
    stage_json,
    stage_table,
    table_batches,
    table_run_id,
    to_arrow,
)

__all__ = [
    "LOCK_NAME",
    "MIXED",
    "RUN_KEY",
    "MixedOutputs",
    "OutputsInUse",
    "SchemaError",
    "Staged",
    "TableWriter",
    "file_batches",
    "locked",
    "named",
    "previous_batches",
    "read_arrow",
    "read_arrow_dataset",
    "read_columns",
    "read_dataset",
    "read_json",
    "read_table",
    "remove_table",
    "remove_leftovers",
    "replacing",
    "rows_to_arrow",
    "run_under_way",
    "stage_arrow",
    "stage_json",
    "stage_table",
    "staged",
    "table_batches",
    "table_run_id",
    "to_arrow",
    "usual_mode",
]
