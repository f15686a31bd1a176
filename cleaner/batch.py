"""Batch runs: inputs in, records out, one unreadable page never stops the rest.

Inputs (SPEC §1) are files, folders (every ``*.txt``, ``*.html``, ``*.htm``,
``*.jsonl`` inside, recursively, in sorted order), JSONL files of
``{"id", "text"}`` / ``{"id", "html", "url"}`` records, or ``-`` for stdin.
Each page becomes a :class:`Unit`; units are produced lazily and processed
with a bounded number in flight, so memory stays flat for any batch size.

Every unit yields its SPEC §2 records, or one error record when anything goes
wrong (undecodable bytes, an oversize input, a bad JSON line, a crashed
worker process).  Outputs are written to a temporary file beside the target
and renamed over it at the end, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

from cleaner.config import Config
from cleaner.decode import DecodeError, Decoded, decode_bytes
from cleaner.document import Document, error_record
from cleaner.pipeline import clean_html, clean_text, warm_up

UnitKind = Literal["text", "html"]

SUFFIX_KINDS: dict[str, str] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
"""Files taken from folders, and how each is read.  A file named explicitly is
read whatever its suffix (as text unless it is HTML or JSONL)."""

CHUNKSIZE = 8
"""Units per task sent to a worker process: large enough that inter-process
overhead is small next to cleaning a page, small enough to balance the load."""

CHUNKS_IN_FLIGHT_PER_WORKER = 2
"""Tasks queued per worker: keeps every worker busy while the memory held by
pending inputs and results stays bounded."""

MAX_ERRORS_SHOWN = 5
"""Failed inputs listed in the end-of-run summary."""


class OutputFormat(str, Enum):
    JSONL = "jsonl"
    TXT = "txt"
    MD = "md"


class InputError(ValueError):
    """An input named on the command line does not exist (a usage error, exit 2)."""


class UnreadableInput(ValueError):
    """An input that is not a page: over ``Config.max_bytes``, a bad JSONL line, …"""


@dataclass(frozen=True)
class Unit:
    """One input page, not yet read or cleaned.

    ``payload`` holds the page for JSONL records and stdin; for files it is
    None and the file at ``path`` is read by the worker that cleans it (so the
    parent process never holds file contents).  ``error`` is set when the unit
    could not even be parsed (a bad JSON line): it becomes an error record.
    """

    doc_id: str
    origin: str  # file path, or "path:line" for a JSONL record
    kind: UnitKind = "text"
    payload: bytes | str | None = None
    path: Path | None = None
    url: str | None = None
    error: str | None = None


@dataclass
class BatchResult:
    """Counts of a finished batch, the first few failures for the summary, and its speed."""

    total: int = 0
    failed: int = 0
    errors: list[dict] = field(default_factory=list)
    input_bytes: int = 0
    seconds: float = 0.0
    """From the first input read to the last record written: start-up excluded."""
    startup_seconds: float = 0.0
    """Loading the model, tables and patterns before the first input (one process only;
    each worker of a parallel run pays its own inside :attr:`seconds`)."""


# --- reading inputs -----------------------------------------------------------


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise :class:`InputError` for a named input that does not exist.

    A missing path on the command line is a typo, not a page that failed:
    refuse the run before any work.  (Broken entries *inside* a folder are
    error records instead, and the batch goes on.)
    """
    missing = [name for name in inputs if name != "-" and not Path(name).exists()]
    if missing:
        raise InputError("no such file or folder: " + ", ".join(missing))


def iter_units(inputs: Iterable[str], *, max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Unit]:
    """Every input page, lazily, in a deterministic order."""
    for name in inputs:
        if name == "-":
            yield from _stdin_units(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
            continue
        path = Path(name)
        files = _folder_files(path) if path.is_dir() else [path]
        for file in files:
            yield from _file_units(file, max_bytes)


def _folder_files(folder: Path) -> list[Path]:
    """Input files under ``folder``, sorted; hidden files (temp outputs) skipped.

    Broken symlinks are listed too: they become error records, so the user
    learns about them instead of losing a page silently.
    """
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIX_KINDS and not p.name.startswith(".") and not p.is_dir()
    )


def _file_units(path: Path, max_bytes: int) -> Iterator[Unit]:
    kind = SUFFIX_KINDS.get(path.suffix.lower(), "text")
    if kind != "jsonl":
        yield Unit(path.stem, str(path), kind, path=path)  # type: ignore[arg-type]
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Unit(path.stem, str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _jsonl_units(_read_lines(stream, max_bytes), str(path), path.stem)


def _stdin_units(stream: BinaryIO, max_bytes: int) -> Iterator[Unit]:
    """Stdin is JSONL when its first line is a record, else one text page "stdin"."""
    first = stream.readline(max_bytes + 1)
    if _is_record(first):
        lines = itertools.chain([first], _read_lines(stream, max_bytes))
        yield from _jsonl_units(lines, "<stdin>", "stdin")
        return
    data = first + stream.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        yield Unit("stdin", "<stdin>", error=_too_large(max_bytes))
    else:
        yield Unit("stdin", "<stdin>", payload=data)


def _is_record(line: bytes) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _read_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream, never holding more than ``max_bytes`` of one line.

    A longer line is skipped and reported as None.
    """
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass  # skip the remainder of the oversize line
            yield None
        else:
            yield line


def _jsonl_units(lines: Iterable[bytes | None], origin: str, stem: str) -> Iterator[Unit]:
    """One unit per JSONL line; a bad line becomes an error unit, the rest go on."""
    for number, line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if line is None:
            yield Unit(f"{stem}:{number}", where, error="record larger than the max_bytes limit")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:  # includes UnicodeDecodeError
            yield Unit(f"{stem}:{number}", where, error=f"bad JSON line: {exc}")
            continue
        yield _record_unit(record, where, f"{stem}:{number}")


def _record_unit(record: object, where: str, fallback_id: str) -> Unit:
    if not isinstance(record, dict):
        return Unit(fallback_id, where, error="JSONL line is not an object")
    doc_id = str(record["id"]) if record.get("id") is not None else fallback_id
    if isinstance(record.get("text"), str):
        return Unit(doc_id, where, "text", payload=record["text"])
    if isinstance(record.get("html"), str):
        url = record.get("url") if isinstance(record.get("url"), str) else None
        return Unit(doc_id, where, "html", payload=record["html"], url=url)
    return Unit(doc_id, where, error='record has neither a "text" nor an "html" string')


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of an input file, opened read-only; refuse files over ``max_bytes``."""
    with open(path, "rb") as stream:
        if os.fstat(stream.fileno()).st_size > max_bytes:
            raise UnreadableInput(_too_large(max_bytes))
        return stream.read()


def read_text(path: Path, max_bytes: int) -> Decoded:
    """An input file decoded (see :mod:`cleaner.decode`)."""
    return decode_bytes(read_file(path, max_bytes))


def _too_large(max_bytes: int) -> str:
    return f"input larger than the max_bytes limit ({max_bytes / 2**20:.0f} MB)"


# --- cleaning -----------------------------------------------------------------


def clean_unit(unit: Unit, config: Config) -> Document:
    """Clean one unit; raises on unreadable input (see :func:`process_unit`)."""
    if unit.error:
        raise UnreadableInput(unit.error)
    payload = unit.payload if unit.payload is not None else read_file(unit.path, config.max_bytes)  # type: ignore[arg-type]
    if len(payload) > config.max_bytes:
        raise UnreadableInput(_too_large(config.max_bytes))
    if unit.kind == "html":
        return clean_html(payload, unit.url, doc_id=unit.doc_id, config=config)
    encoding = None
    if isinstance(payload, bytes):
        decoded = decode_bytes(payload)
        payload, encoding = decoded.text, decoded.encoding
    document = clean_text(payload, doc_id=unit.doc_id, config=config)
    if document.encoding is None:
        document.encoding = encoding
    return document


def process_unit(unit: Unit, config: Config) -> list[dict]:
    """The records of one unit; never raises: any failure is one error record."""
    try:
        return clean_unit(unit, config).to_records()
    except Exception as exc:  # the batch goes on, whatever broke
        return [error_record(unit.doc_id, _describe(exc), unit.origin)]


def _describe(exc: Exception) -> str:
    if isinstance(exc, (DecodeError, UnreadableInput)):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _process_chunk(units: list[Unit], config: Config) -> list[list[dict]]:
    return [process_unit(unit, config) for unit in units]


def run(units: Iterable[Unit], config: Config, *, workers: int = 1) -> Iterator[list[dict]]:
    """The records of every unit, in input order, whatever the number of workers."""
    if workers <= 1:
        for unit in units:
            yield process_unit(unit, config)
    else:
        yield from _run_parallel(units, config, workers)


def _run_parallel(units: Iterable[Unit], config: Config, workers: int) -> Iterator[list[dict]]:
    """Chunks of units on a process pool, at most a few per worker in flight.

    Not ``Pool.imap``: its feeder thread drains the whole input iterator at
    once (memory grows with the batch), and a worker killed by the OS makes it
    hang forever.  A ``ProcessPoolExecutor`` reports the dead worker instead;
    the chunks that were in flight are then re-run one unit per fresh process,
    so only the unit that kills its process gets an error record.
    """
    pool = ProcessPoolExecutor(workers)
    pending: deque[tuple[list[Unit], Future]] = deque()
    chunks = _chunked(units, CHUNKSIZE)
    try:
        while True:
            while len(pending) < workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_process_chunk, chunk, config)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                results = [_process_alone(unit, config) for unit in chunk]
                pool.shutdown(wait=False)  # broken for good: resubmit what it had not finished
                pool = ProcessPoolExecutor(workers)
                pending = deque((c, f if _succeeded(f) else pool.submit(_process_chunk, c, config)) for c, f in pending)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _process_alone(unit: Unit, config: Config) -> list[dict]:
    """Re-run one unit in its own process, after a worker died on its chunk."""
    with ProcessPoolExecutor(1) as solo:
        try:
            return solo.submit(process_unit, unit, config).result()
        except BrokenProcessPool:
            message = "the worker process died on this input (out of memory, or a crash in native code)"
            return [error_record(unit.doc_id, message, unit.origin)]


def _chunked(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    iterator = iter(units)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --- writing outputs ----------------------------------------------------------


def render(record: dict, fmt: OutputFormat) -> str:
    """One record in the output format, ending with a newline."""
    if fmt is OutputFormat.JSONL:
        return json.dumps(record, ensure_ascii=False) + "\n"
    if fmt is OutputFormat.TXT:
        return render_txt(record)
    return render_md(record)


def render_txt(record: dict) -> str:
    """Title, a metadata line, the paragraphs; a blank line after each article."""
    if record["kind"] in ("error", "empty"):
        return f"[{record['kind']}] {record['doc_id']}: {record.get('error') or record.get('reason')}\n\n"
    head = [record["title"] or "", _metadata_line(record)]
    return "\n".join([line for line in head if line] + [record["text"]]).strip("\n") + "\n\n"


def render_md(record: dict) -> str:
    """``# title``, an italic metadata line, paragraphs separated by blank lines."""
    if record["kind"] in ("error", "empty"):
        return f"> **{record['kind']}** `{record['doc_id']}`: {record.get('error') or record.get('reason')}\n\n"
    parts = [f"# {record['title'] or record['doc_id']}"]
    if meta := _metadata_line(record):
        parts.append(f"*{meta}*")
    parts.extend(p for p in record["text"].split("\n") if p)
    return "\n\n".join(parts) + "\n\n"


def _metadata_line(record: dict) -> str:
    return " · ".join(x for x in (record.get("date"), record.get("source"), "、".join(record.get("authors") or [])) if x)


@contextmanager
def atomic_output(path: Path | None) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` only once complete (stdout if None).

    Written to a hidden temporary file in the same folder (same file system,
    so the rename is atomic), flushed to disk, then renamed over ``path``.
    On any failure the temporary file is removed and ``path`` is untouched.
    """
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Progress:
    """A ``\\r`` counter on stderr, only when stderr is a terminal; redrawn ≤ 10×/s."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.last = 0.0

    def update(self, result: BatchResult, force: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and (force or now - self.last >= 0.1):
            self.last = now
            self.stream.write(f"\r{result.total} documents, {result.failed} failed")
            self.stream.flush()

    def close(self, result: BatchResult) -> None:
        if self.enabled:
            self.update(result, force=True)
            self.stream.write("\n")


def format_throughput(result: BatchResult) -> str:
    """The end-of-run speed line: documents, megabytes, seconds, and the rates.

    >>> format_throughput(BatchResult(total=386, input_bytes=3_250_000, seconds=1.6, startup_seconds=0.41))
    'cleaned 386 documents (3.2 MB) in 1.60 s: 241.2 docs/s, 2.03 MB/s (+0.41 s start-up)'
    """
    mb = result.input_bytes / 1e6
    seconds = max(result.seconds, 1e-9)
    return (f"cleaned {result.total} documents ({mb:.1f} MB) in {result.seconds:.2f} s: "
            f"{result.total / seconds:.1f} docs/s, {mb / seconds:.2f} MB/s (+{result.startup_seconds:.2f} s start-up)")


def _input_bytes(unit: Unit) -> int:
    """Size of a unit's page (a file's size on disk: the parent never reads it)."""
    if unit.payload is not None:
        return len(unit.payload.encode("utf-8") if isinstance(unit.payload, str) else unit.payload)
    try:
        return unit.path.stat().st_size if unit.path is not None else 0
    except OSError:
        return 0


def format_summary(result: BatchResult) -> str:
    """The end-of-run report of failed inputs: counts and the first few errors."""
    lines = [f"{result.failed} of {result.total} inputs failed:"]
    for record in result.errors:
        lines.append(f"  {record.get('origin', record['doc_id'])}: {record['error']}")
    if result.failed > len(result.errors):
        lines.append(f"  … and {result.failed - len(result.errors)} more (kind \"error\" in the output)")
    return "\n".join(lines)


def clean_batch(
    inputs: Sequence[str],
    *,
    config: Config,
    output: Path | None = None,
    fmt: OutputFormat = OutputFormat.JSONL,
    workers: int = 1,
    stdin: BinaryIO | None = None,
    stderr: TextIO | None = None,
) -> BatchResult:
    """Clean every input into ``output`` (stdout if None); count what failed."""
    result = BatchResult()
    progress = Progress(stderr or sys.stderr)
    if workers <= 1:  # a parallel run's workers each warm up on their first page
        started = time.perf_counter()
        warm_up(config)
        result.startup_seconds = time.perf_counter() - started
    started = time.perf_counter()
    units = _counted(iter_units(inputs, max_bytes=config.max_bytes, stdin=stdin), result)
    with atomic_output(output) as out:
        for records in run(units, config, workers=workers):
            result.total += 1
            for record in records:
                if record["kind"] == "error":
                    result.failed += 1
                    if len(result.errors) < MAX_ERRORS_SHOWN:
                        result.errors.append(record)
                out.write(render(record, fmt).encode("utf-8"))
            progress.update(result)
    result.seconds = time.perf_counter() - started
    progress.close(result)
    return result


def _counted(units: Iterable[Unit], result: BatchResult) -> Iterator[Unit]:
    """The units, adding each one's size to ``result.input_bytes`` as it is read."""
    for unit in units:
        result.input_bytes += _input_bytes(unit)
        yield unit
