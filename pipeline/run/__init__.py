"""Running the pipeline over a corpus: planning (``plan``), the chunked, parallel,
failure-isolating runner (``runner``, ``parallel``) and the recipe that ties them to
storage (``extract``)."""

from .extract import extract
from .summary import Summary, summary_lines

__all__ = ["Summary", "extract", "summary_lines"]
