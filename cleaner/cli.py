"""The ``cleaner`` command: option parsing only; the work is in :mod:`cleaner.batch`.

    cleaner clean INPUT... [-o OUT] [--format jsonl|txt|md] [--workers N]
    cleaner explain FILE            every line, kept or dropped, and why
    cleaner bench DATA_DIR...       scores and speed vs baselines on labeled samples
    cleaner train DATA_DIR... -o M  train the line classifier

Exit codes: 0 all inputs cleaned, 1 some inputs failed (their error records are
in the output, a summary on stderr), 2 bad usage.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner import batch
from cleaner.bench import command as bench_command
from cleaner.train import command as train_command
from cleaner.config import Config
from cleaner.decode import DecodeError, split_lines
from cleaner.document import Decision, Document

app = typer.Typer(
    help="Turn messy Chinese news text (web dumps, newspaper PDFs, HTML) into clean articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class LayoutChoice(str, Enum):
    AUTO = "auto"
    WEB = "web"
    PRINT = "print"


class ScriptChoice(str, Enum):
    KEEP = "keep"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


LayoutOpt = Annotated[LayoutChoice, typer.Option(help="Page layout; auto detects newspaper print layout per page.")]
ScriptOpt = Annotated[ScriptChoice, typer.Option(help="Output script (OpenCC conversion).")]
NoModelOpt = Annotated[bool, typer.Option("--no-model", help="Heuristics only, without the trained line classifier.")]
ModelOpt = Annotated[Optional[Path], typer.Option(
    "--model", exists=True, dir_okay=False,
    help="Line model file (from `cleaner train`) instead of the shipped one; text pages only.")]


def _config(layout: LayoutChoice, script: ScriptChoice, no_model: bool, model: Path | None = None) -> Config:
    if model is not None and not no_model:
        from cleaner.classify import LineModel, ModelError

        try:
            LineModel.load(model)  # refuse a bad file once, up front, not once per document
        except ModelError as exc:
            raise typer.BadParameter(str(exc), param_hint="--model") from None
    return Config().with_options(layout=layout.value, script=script.value, use_model=not no_model, model=model)


@app.command()
def clean(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (searched for .txt/.html/.htm/.jsonl), or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (written atomically); default stdout.")] = None,
    fmt: Annotated[batch.OutputFormat, typer.Option("--format", "-f", help="Output format.")] = batch.OutputFormat.JSONL,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    layout: LayoutOpt = LayoutChoice.AUTO,
    script: ScriptOpt = ScriptChoice.KEEP,
    no_model: NoModelOpt = False,
    model: ModelOpt = None,
) -> None:
    """Clean pages into one record per article (JSONL), or readable txt/md."""
    try:
        batch.check_inputs(inputs)
    except batch.InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="INPUT") from None
    if output is not None:
        if not output.parent.is_dir():
            raise typer.BadParameter(f"folder {output.parent} does not exist", param_hint="--output")
        if any(name != "-" and Path(name).resolve() == output.resolve() for name in inputs):
            raise typer.BadParameter("the output would replace an input", param_hint="--output")
    result = batch.clean_batch(inputs, config=_config(layout, script, no_model, model), output=output, fmt=fmt, workers=workers)
    typer.echo(batch.format_throughput(result), err=True)
    if result.failed:
        typer.echo(batch.format_summary(result), err=True)
        raise typer.Exit(1)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="One text page.")],
    layout: LayoutOpt = LayoutChoice.AUTO,
    script: ScriptOpt = ScriptChoice.KEEP,
    no_model: NoModelOpt = False,
    model: ModelOpt = None,
) -> None:
    """Show every line of a page: kept as what, or dropped, and why; then every edit."""
    config = _config(layout, script, no_model, model)
    unit = batch.Unit(file.stem, str(file), "html" if file.suffix.lower() in (".html", ".htm") else "text", path=file)
    try:
        document = batch.clean_unit(unit, config)
        lines = [] if unit.kind == "html" else split_lines(batch.read_text(file, config.max_bytes).text)
    except (DecodeError, batch.UnreadableInput, OSError) as exc:
        typer.echo(f"{file}: {exc}", err=True)
        raise typer.Exit(1)
    for text in explain_lines(lines, document):
        typer.echo(text)


def explain_lines(lines: list[str], document: Document) -> list[str]:
    """The explain view: a header, each input line under its block's decision, the edits.

    With no input lines (HTML) the decisions are listed one per block instead.
    Colours are ANSI styles; ``typer.echo`` strips them when not on a terminal.
    """
    out = [
        f"{document.doc_id}: layout {document.layout.value}, encoding {document.encoding or '?'}, "
        f"script {document.script}, {len(document.articles)} article(s)"
    ]
    for article in document.articles:
        out.append(f"  article {article.article_index} ({article.kind.value}) lines {article.first_line}–{article.last_line}: {article.title or '(no title)'}")
    if document.field_sources:
        out.append("  fields from: " + "; ".join(f"{k} ← {v}" for k, v in document.field_sources.items()))
    out.append("")
    by_line = {n: d for d in document.decisions for n in range(d.first, d.last + 1)}
    if lines:
        for number, text in enumerate(lines, start=1):
            out.extend(_explain_line(number, text, by_line.get(number)))
    else:
        for decision in document.decisions:
            out.extend(_explain_line(decision.first, decision.text, decision))
    if document.edits:
        out.append("")
        out.append("edits:")
        for edit in document.edits:
            span = f"{edit.first}" if edit.first == edit.last else f"{edit.first}–{edit.last}"
            if edit.step == "layout":  # the reasons for rejoining a block, not a text change: each in full
                out.append(f"  {edit.step} (line {span}):")
                out.extend(f"      {note}" for note in edit.after.split("; "))
            else:
                out.append(f"  {edit.step} (line {span}): {_short(edit.before)!r} → {_short(edit.after)!r}")
    return out


def _explain_line(number: int, text: str, decision: Decision | None) -> list[str]:
    """Two rows for one input line: number, verdict and reason; then the text."""
    if not text.strip():
        return [""]
    if decision is None:
        return [f"{number:>5}  {typer.style('no decision', fg='yellow')}", f"       {_short(text)}"]
    if decision.kept:
        verdict = typer.style(f"{decision.label.value:<9}", fg="green", bold=True)
        shown = _short(text)
    else:
        verdict = typer.style("dropped  ", fg="red")
        shown = typer.style(_short(text), dim=True)
    if number == decision.first:
        why = [decision.reason or decision.label.value]
        if decision.probability is not None:
            why.append(f"p={decision.probability:.2f}")
        if decision.rule:
            why.append(f"rule: {decision.rule}")
        note = " · ".join(why)
    else:
        note = f"(same block as line {decision.first})"
    return [f"{number:>5}  {verdict} {note}", f"       {shown}"]


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… (+{len(text) - limit})"


app.command("train", help="Train the line classifier on labeled samples (site-grouped CV first).")(train_command)
app.command("bench", help="Score the toolkit and baselines on labeled samples (SPEC §6) and write a report.")(
    bench_command
)


if __name__ == "__main__":
    app()
