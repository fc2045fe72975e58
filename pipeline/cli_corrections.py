"""Command line: ``accords correct …`` (one subcommand per kind of correction) and
``accords corrections check``.

A correction is written to the corrections file (``--corrections``, by default where the
last run of OUTPUTS read them, else ``corrections/``), never to the outputs: the next
``accords extract`` applies it. ``--dry-run`` prints the rows it would change instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .corrections.model import LABELS, MODALITIES, STATUSES, TYPES

outputs_option = click.option(
    "--outputs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Folder written by `accords extract` (the rows to correct).",
)
corrections_option = click.option(
    "--corrections",
    "location",
    type=click.Path(path_type=Path),
    default=None,
    help="Corrections folder or .jsonl file (default: the one the last run of OUTPUTS "
    "read, else ./corrections).",
)


def fail(message: str) -> None:
    click.echo(f"accords: {message}", err=True)
    sys.exit(2)


def common(command: Any) -> Any:
    for option in (
        click.option(
            "--dry-run", is_flag=True, help="Print the rows it would change; save nothing."
        ),
        click.option("--note", default=None, help="Why: kept with the correction."),
        click.option("--by", default=None, help="Who ($ACCORDS_ANALYST, else your user name)."),
        corrections_option,
        outputs_option,
    ):
        command = option(command)
    return command


def where_corrections(outputs: Path, location: Path | None) -> Path:
    from . import storage

    if location is not None:
        return location
    manifest = storage.read_json("manifest", outputs) or {}
    return Path(manifest.get("corrections_at") or "corrections")


def save(kind: str, targets: list[tuple[dict, str | None, Any]], opts: dict[str, Any]) -> None:
    """Make one correction per (target, field, value), show what it changes, save it
    (unless ``dry_run``)."""
    from .corrections import files, make
    from .corrections.model import CorrectionError

    outputs: Path = opts["outputs"]
    location = where_corrections(outputs, opts["location"])
    try:
        current = make.Outputs.read(outputs)
        made = [
            make.record(
                kind,
                target,
                field,
                value,
                was=current.was(kind, target, field),
                by=opts["by"],
                note=opts["note"],
            )
            for target, field, value in targets
        ]
        existing = files.load(location)
        lines, step = make.effect(current, existing, made)
    except (FileNotFoundError, CorrectionError, make.RefError) as error:
        fail(str(error))
    status = step.ledger.status()
    for c in made:
        if status.get(c.id) == "stale":
            fail(
                f"{c.describe()} names no row: "
                + "; ".join(m for m in step.ledger.messages if c.id in m)
            )
    for line in lines or ["(no row changes: the tables already say so)"]:
        click.echo(line)
    if opts["dry_run"]:
        click.echo(f"dry run: {len(made)} correction(s) not saved")
        return
    path = files.append(location, [c.record() for c in made])
    ids = ", ".join(c.id for c in made)
    click.echo(f"saved {ids} to {path}; `accords extract` applies it")


def reference(current_ref: str, outputs: Path, kind: str) -> dict:
    from .corrections import make

    try:
        current = make.Outputs.read(outputs)
        if kind == "commitment":
            return current.commitment_target(current_ref)
        return current.agreement_target(current_ref)
    except (FileNotFoundError, make.RefError) as error:
        fail(str(error))
    raise AssertionError  # fail exits


def document(doc: str, outputs: Path) -> tuple[str, str]:
    """(doc_id, source) of a doc_id prefix or file name, as `accords show` takes them."""
    from .report import candidates, load_tables

    try:
        documents = load_tables(outputs)["documents"]
    except FileNotFoundError as error:
        fail(str(error))
    hits = candidates(documents, doc)
    if len(hits) != 1:
        fail(f"{doc!r} matches {len(hits)} documents; give more of its doc_id or file name")
    return str(hits.iloc[0]["doc_id"]), str(hits.iloc[0]["source"])


def signatories(values: tuple[str, ...]) -> list[dict[str, str | None]]:
    out = []
    for value in values:
        name, role, org = [*value.split("|"), "", ""][:3]
        out.append(
            {
                "name": name.strip(),
                "role": role.strip() or None,
                "org": org.strip() or None,
            }
        )
    return out


@click.group()
def correct() -> None:
    """Correct the dataset: each subcommand saves one kind of correction to the
    corrections file, which every `accords extract` applies (use --dry-run to see the
    rows it would change). REF is an agreement or commitment id, or its first characters
    (`accords show DOC` prints them); DOC a doc_id prefix or file name."""


@correct.command(name="agreement")
@click.argument("ref")
@click.option(
    "--party", "parties", multiple=True, help="A party (repeat for each); sets all parties."
)
@click.option(
    "--signatory", "signers", multiple=True, metavar="NAME|ROLE|ORG", help="A signatory (repeat)."
)
@click.option("--no-signatories", is_flag=True, help="The agreement has no signatories.")
@click.option("--type", "type_", type=click.Choice(TYPES))
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--date", help="ISO value: 2021-11-26, 2014-06, 2014-06-02/2014-06-03, XXXX-12-18.")
@click.option("--place")
@click.option("--name")
@click.option(
    "--clear", multiple=True, type=click.Choice(["date", "place", "name"]), help="Empty a field."
)
@common
def correct_agreement(ref: str, **opts: Any) -> None:
    """Set fields of the agreement REF (one correction per field)."""
    target = reference(ref, opts["outputs"], "agreement")
    fields: list[tuple[str, Any]] = []
    if opts["parties"]:
        fields.append(("parties", list(opts["parties"])))
    if opts["signers"] or opts["no_signatories"]:
        fields.append(("signatories", signatories(opts["signers"])))
    for name, key in (
        ("type", "type_"),
        ("status", "status"),
        ("date", "date"),
        ("place", "place"),
        ("name", "name"),
    ):
        if opts[key]:
            fields.append((name, opts[key]))
    fields += [(name, None) for name in opts["clear"]]
    if not fields:
        fail("say what is right: --party, --signatory, --type, --status, --date, --place, --name")
    save("agreement", [(target, name, value) for name, value in fields], opts)


@correct.command(name="not-agreement")
@click.argument("ref")
@common
def correct_not_agreement(ref: str, **opts: Any) -> None:
    """The row REF reports no agreement: remove it."""
    save("not_agreement", [(reference(ref, opts["outputs"], "agreement"), None, None)], opts)


@correct.command(name="missed")
@click.argument("doc")
@click.option(
    "--evidence", required=True, help="The sentence that reports it (or a part only it holds)."
)
@click.option("--type", "type_", type=click.Choice(TYPES), required=True)
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--party", "parties", multiple=True)
@click.option("--signatory", "signers", multiple=True, metavar="NAME|ROLE|ORG")
@click.option("--date")
@click.option("--place")
@click.option("--name")
@common
def correct_missed(doc: str, evidence: str, **opts: Any) -> None:
    """An agreement the pipeline missed in DOC, at the sentence --evidence."""
    from .corrections import make

    doc_id, source = document(doc, opts["outputs"])
    try:
        sentence = make.Outputs.read(opts["outputs"]).sentence(doc_id, evidence)
    except make.RefError as error:
        fail(str(error))
    value: dict[str, Any] = {"type": opts["type_"], "parties": list(opts["parties"])}
    value |= {"signatories": signatories(opts["signers"])} if opts["signers"] else {}
    value |= {k: opts[k] for k in ("status", "date", "place", "name") if opts[k]}
    target = {"doc": doc_id, "evidence": sentence, "source": source}
    save("missed_agreement", [(target, None, value)], opts)


@correct.command(name="merge")
@click.argument("refs", nargs=-1, required=True)
@common
def correct_merge(refs: tuple[str, ...], **opts: Any) -> None:
    """The accords of the agreements REFS (or accord ids acc:…) are one act."""
    if len(refs) < 2:
        fail("name at least two agreements or accords")
    keys = [reference(r, opts["outputs"], "agreement") for r in refs]
    save("merge_accords", [({"agreements": keys}, None, None)], opts)


@correct.command(name="split")
@click.argument("refs", nargs=-1, required=True)
@common
def correct_split(refs: tuple[str, ...], **opts: Any) -> None:
    """The agreements REFS report another act than the rest of their accord."""
    keys = [reference(r, opts["outputs"], "agreement") for r in refs]
    save("split_accord", [({"agreements": keys}, None, None)], opts)


@correct.command(name="entity")
@click.argument("text")
@click.option("--doc", default=None, help="Only in this document (default: everywhere).")
@click.option(
    "--label", type=click.Choice([*LABELS, "none"]), help="Its label; none: not an entity."
)
@click.option("--name", "canonical", help="Its canonical name.")
@common
def correct_entity(
    text: str, doc: str | None, label: str | None, canonical: str | None, **opts: Any
) -> None:
    """The label or canonical name of the entity TEXT ("Nepal Foreign Affairs" --label
    none: a site, not a party; "UNECA" --name "United Nations Economic Commission for
    Africa")."""
    target: dict[str, Any] = {"text": text}
    if doc:
        target["doc"], target["source"] = document(doc, opts["outputs"])
    fields = [("label", None if label == "none" else label)] if label else []
    fields += [("name", canonical)] if canonical else []
    if not fields:
        fail("say what is right: --label or --name")
    save("entity", [(target, name, value) for name, value in fields], opts)


@correct.command(name="commitment")
@click.argument("ref")
@click.option("--actor", "actors", multiple=True, help="An actor (repeat); sets all actors.")
@click.option("--modality", type=click.Choice(MODALITIES))
@click.option("--action")
@common
def correct_commitment(
    ref: str, actors: tuple[str, ...], modality: str | None, action: str | None, **opts: Any
) -> None:
    """Set the actors, modality or action of the commitment REF."""
    target = reference(ref, opts["outputs"], "commitment")
    fields = [
        (n, v)
        for n, v in (("actors", list(actors)), ("modality", modality), ("action", action))
        if v
    ]
    if not fields:
        fail("say what is right: --actor, --modality or --action")
    save("commitment", [(target, name, value) for name, value in fields], opts)


@correct.command(name="not-commitment")
@click.argument("ref")
@common
def correct_not_commitment(ref: str, **opts: Any) -> None:
    """The row REF states no commitment: remove it."""
    save("not_commitment", [(reference(ref, opts["outputs"], "commitment"), None, None)], opts)


@correct.command(name="person")
@click.argument("doc")
@click.argument("name")
@click.option("--role")
@click.option("--org")
@common
def correct_person(doc: str, name: str, role: str | None, org: str | None, **opts: Any) -> None:
    """The role or organisation of the person NAME in DOC (their signatures follow)."""
    doc_id, source = document(doc, opts["outputs"])
    target = {"doc": doc_id, "name": name, "source": source}
    fields = [(n, v) for n, v in (("role", role), ("org", org)) if v]
    if not fields:
        fail("say what is right: --role or --org")
    save("person", [(target, field, value) for field, value in fields], opts)


@click.group(name="corrections")
def corrections_group() -> None:
    """Look after the corrections file."""


@corrections_group.command(name="check")
@corrections_option
@outputs_option
def check(location: Path | None, outputs: Path) -> None:
    """Check every correction against the pipeline's own rows of OUTPUTS: malformed
    files, stale corrections (their release removed or changed, their sentence gone),
    overridden ones, and what a re-run would still change. Exit 1 if any is malformed
    or stale."""
    from .corrections import files, make

    location = where_corrections(outputs, location)
    try:
        loaded = files.load(location, required=True)
        lines, ok = make.check(make.Outputs.read(outputs), loaded)
    except FileNotFoundError as error:
        fail(str(error))
    for line in lines:
        click.echo(line)
    sys.exit(0 if ok else 1)
