"""A long release costs in proportion to its length: the stages' work (counted in
function calls, which do not depend on the machine's load) grows linearly, not with the
square of the length. The time goal (400 kB in about 8 × the time of 50 kB) is the
benchmark's (`benchmarks/bench.py --long`)."""

import cProfile
import pstats

from corpus_helpers import long_release

from pipeline.components import annotate
from pipeline.nlp.model import parse_lines
from pipeline.tables import doc_rows

LINEAR = 4.0  # four times the text: four times the work


def work(nlp, kilobytes: int) -> int:
    """The function calls the components and the rows of one release take."""
    (doc,) = parse_lines(nlp, [(long_release(kilobytes), "long")])
    profile = cProfile.Profile()
    profile.enable()
    doc_rows(annotate(nlp, doc))
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_the_stages_work_grows_linearly_with_a_releases_length(nlp):
    work(nlp, 4)  # the lazily built tables, once
    small, large = work(nlp, 16), work(nlp, 64)
    assert large / small < LINEAR * 1.2, f"{large / small:.2f} times the work for 4 times the text"
