"""accords: turn press releases about migration governance into an agreements dataset."""

__version__ = "0.1.0"
