"""accords: turn press releases about migration governance into an agreements dataset.

The Python API (``pipeline.api``): ``extract(corpus, out, **options)`` runs the pipeline
as the CLI does, ``load(outputs)`` returns the tables as typed DataFrames with ready
joins, ``extract_text(text)`` returns the rows of one release without touching disk.
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["extract", "extract_text", "load"]


def __getattr__(name: str) -> Any:  # imported on first use: `import pipeline` stays light
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
