"""The annotated releases as training data: each one extracted as a run would (cleaning
included), its cleaned text parsed again with every learned part proposing and keeping
all its candidates, and each candidate described by its features. Folds never split a
site (a release's site is the host its ``INDEX_*.tsv`` names)."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse

from .. import storage
from ..evaluate import missing, name_key, read_gold

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (  # (corpus, gold): the annotated releases in the repository
    (ROOT / "tests" / "dev" / "corpus", ROOT / "tests" / "dev" / "gold"),
    (ROOT / "tests" / "fixtures" / "seeds", ROOT / "tests" / "gold_seeds"),
)
DATA_FILE = ROOT / "outputs-train" / "candidates.json"
PATTERNS = Path(__file__).resolve().parents[1] / "patterns"


def sites(corpus: Path) -> dict[str, str]:
    """File name -> the host it came from (``INDEX_*.tsv``); the seeds are one site."""
    found: dict[str, str] = {}
    for index in corpus.glob("INDEX_*.tsv"):
        for line in index.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) >= 2:
                host = urlparse(cells[1].strip()).netloc.lower().removeprefix("www.")
                found[cells[0]] = host.rstrip(".")
    return found


def input_hash(config: dict, corpora: Iterable[tuple[Path, Path]] = CORPORA) -> str:
    """What a shipped model was trained from: every annotated release and its gold, the
    rules' pattern files (they propose the candidates) and the training settings."""
    digest = hashlib.sha256(json.dumps(config, sort_keys=True).encode())
    for corpus, gold in corpora:
        for path in sorted([*corpus.glob("*.txt"), *gold.glob("*.gold.json")]):
            digest.update(path.name.encode() + path.read_bytes())
    for path in sorted(PATTERNS.glob("*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def parsed_releases(corpus: Path, gold_dir: Path, nlp) -> Iterable[tuple[str, dict, object]]:
    """(file name, release info, annotated Doc) of every release with gold."""
    from ..run import extract
    from ..tables import entity_rows

    gold = {g["doc"]: g for g in read_gold(gold_dir)}
    site_of = sites(corpus)
    with tempfile.TemporaryDirectory() as out:
        extract(corpus, out, workers=1)
        docs = storage.read_table("documents", Path(out))
    docs = docs[(docs["status"] == "ok") & docs["source"].map(lambda s: Path(str(s)).name in gold)]
    for doc_id, source, text, published in zip(
        docs["doc_id"], docs["source"], docs["text"], docs["published"], strict=True
    ):
        name = Path(str(source)).name
        doc = parsed(nlp, str(text), str(doc_id), published)
        forms: dict[str, list[str]] = {}
        for e in entity_rows(doc):
            if e["norm"] is not None:
                forms.setdefault(name_key(e["norm"]), []).append(e["text"])
        release = {
            "site": site_of.get(name, "seeds"),
            "gold": gold[name],
            "forms": forms,
            "path": str(corpus / name),
        }
        yield name, release, doc


def parsed(nlp, text: str, doc_id: str, published):
    """The cleaned text parsed and annotated as the run does it."""
    from ..components import annotate
    from ..nlp.model import parse_lines

    (doc,) = list(parse_lines(nlp, [(text, doc_id)]))
    doc._.accords_published = None if missing(published) else str(published)
    return annotate(nlp, doc)


def proposing_nlp():
    """The pipeline with every learned part proposing and keeping all its candidates."""
    from ..agreements.act_scoring import ActScorer
    from ..agreements.party_scoring import PartyScorer
    from ..commitments import CommitmentFinder, CommitmentScorer
    from ..components import load_nlp

    nlp = load_nlp(learned=False)  # the rules' NER: candidates never see trained names
    finder = nlp.get_pipe("accords_commitments")
    scorer = nlp.get_pipe("accords_commitment_scorer")
    parties = nlp.get_pipe("accords_party_scorer")
    acts = nlp.get_pipe("accords_act_scorer")
    assert isinstance(finder, CommitmentFinder) and isinstance(scorer, CommitmentScorer)
    assert isinstance(parties, PartyScorer) and isinstance(acts, ActScorer)
    finder.propose = True
    scorer.model, scorer.keep_all = None, True
    parties.model, parties.keep_all = None, True
    acts.model, acts.keep_all = None, True
    return nlp


def folds(releases: dict[str, dict], k: int) -> list[set[str]]:
    """Sites dealt into ``k`` folds, largest first, each to the smallest fold so far."""
    size: dict[str, int] = {}
    for r in releases.values():
        size[r["site"]] = size.get(r["site"], 0) + 1
    out: list[set[str]] = [set() for _ in range(k)]
    load = [0] * k
    for site in sorted(size, key=lambda s: (-size[s], s)):
        i = load.index(min(load))
        out[i].add(site)
        load[i] += size[site]
    return out
