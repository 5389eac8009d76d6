"""The tei-tool command line: a thin click layer over the library.

Each command parses its options, calls one library function, prints the
diagnostics it returns and picks an exit code. This is the only module that
knows about click, printing or exit codes (see ``toolchain.errors.ExitCode``).
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import traceback
from pathlib import Path

import click

from toolchain import __version__
from toolchain.diagnostics import Report
from toolchain.errors import ExitCode, ToolError

EXIT_CODES_HELP = (
    "Exit codes: 0 ok (warnings allowed), 1 problems found in the input, "
    "2 usage error or unreadable input, 3 internal error or a killed build worker."
)


def _emit(report: Report, fmt: str = "text") -> None:
    if fmt == "json":
        click.echo(report.to_json())
    elif report.items:
        click.echo(report.to_text(), err=True)


@click.group(help="TEI P5 critical editions of translated archival records.\n\n" + EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="tei-tool")
@click.option("--verbose", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    ctx.obj = {"verbose": verbose}


# ---------------------------------------------------------------- convert (issue 3)

@cli.command(help="Encode source texts (files or folders of .txt) as TEI P5 into OUT/<stem>.xml.")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="tei", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the TEI files; tei/register.xml there is read and updated.")
@click.option("--force", is_flag=True,
              help="Replace TEI files that were edited by hand (a .bak copy is kept).")
@click.option("--unlinked", type=click.Choice(["candidate", "report"]), default="candidate",
              show_default=True,
              help="Names matching no register entry: add a candidate entry, or only report them.")
@click.option("--encoding", default=None, help="Decode sources with this encoding instead of UTF-8.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, no warnings.")
def convert(sources, out_dir, force, unlinked, encoding, quiet):
    from toolchain.convert import convert_paths

    result = convert_paths(sources, out_dir, force=force, unlinked=unlinked, encoding=encoding)
    report = result.report
    if quiet:
        report = Report([d for d in report.items if d.severity == "error"])
    _emit(report)
    click.echo(result.summary(), err=True)
    raise SystemExit(ExitCode.PROBLEMS if result.failed else ExitCode.OK)


# ---------------------------------------------------------------- pdf (issue 7)

@cli.command(help="Print edition: TEI files or folders as one PDF volume and/or one PDF per "
                  "document. register.xml next to the TEI files gives the person index.")
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "volume", type=click.Path(path_type=Path),
              help="Write the volume (title page, contents, documents in date order, "
                   "person index, sources) to this PDF file.")
@click.option("--per-document", type=click.Path(path_type=Path),
              help="Write one PDF per document into this folder, named <stem>.pdf.")
def pdf(tei, volume, per_document):
    from toolchain.publish.pdf import publish_pdf

    _emit(publish_pdf(tei, volume=volume, per_document=per_document))
    raise SystemExit(ExitCode.OK)


# ---------------------------------------------------------------- html (issue 6)

@cli.command(help="HTML edition: TEI files or folders as a static site in OUT (index, one page "
                  "per document, register, editorial principles). register.xml next to the TEI "
                  "files is the register; OUT/<stem>.pdf, when present, is linked.")
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="build/html", show_default=True,
              type=click.Path(path_type=Path), help="Folder of the site (created if missing).")
@click.option("--title", default=None, help="Title of the edition (default: the print volume's).")
def html(tei, out_dir, title):
    from toolchain.publish.html import DEFAULT_TITLE, build_html

    with _progress_bar() as progress:
        result = build_html(tei, out_dir, title=title or DEFAULT_TITLE, progress=progress)
    _emit(result.report)
    click.echo(result.summary(), err=True)
    raise SystemExit(ExitCode.OK)


# ---------------------------------------------------------------- build (issue 8)

@cli.command(help="Build the edition: convert new or changed SOURCES (files or folders of .txt) "
                  "into the TEI folder, validate, and publish HTML, PDF and JSON into OUT. "
                  "Only what changed since the last build is redone.")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Output folder (html/, edition.pdf, edition.json, .tei-tool/ state).")
@click.option("--tei", "tei_dir", default="tei", show_default=True, type=click.Path(path_type=Path),
              help="The edition's TEI folder (with register.xml); converted files go there.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--no-pdf", is_flag=True, help="Skip the print edition.")
@click.option("--no-json", is_flag=True, help="Skip the JSON and CSV export.")
@click.option("--timings", is_flag=True, help="Also print the time each stage took.")
def build(sources, out_dir, tei_dir, jobs, no_pdf, no_json, timings):
    from toolchain.build.pipeline import build as run_build

    publish = tuple(kind for kind, skip in (("html", False), ("pdf", no_pdf), ("json", no_json)) if not skip)
    with _progress_bar() as progress:
        result = run_build(list(sources), out_dir, tei_dir, jobs, publish, progress)
    _emit(result.report)
    if timings:
        click.echo(result.timings(), err=True)
    click.echo(result.summary(), err=True)
    raise SystemExit(ExitCode.PROBLEMS if result.failed else ExitCode.OK)


@contextlib.contextmanager
def _progress_bar():
    """A rich progress bar on a terminal; nothing when output is redirected."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        yield update


# ---------------------------------------------------------------- register, export (issue 5)

@cli.group(help="Maintain the entity register (tei/register.xml): review and merge entries.")
def register():
    pass


@register.command("report", help="List unlinked names (file:line), pointers to missing entries, candidate "
                                 "entries awaiting review, likely duplicate entries with the documents "
                                 "where each appears, and entries no document uses. Exit 1 when a "
                                 "pointer names no entry.")
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="The register (default: register.xml next to the first document).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def register_report(tei, register_path, fmt):
    from toolchain.register_tools import register_report as make_report

    result = make_report(tei, register_path)
    click.echo(result.to_json() if fmt == "json" else result.to_text())
    raise SystemExit(ExitCode.PROBLEMS if result.failed else ExitCode.OK)


@register.command("merge", help="Merge register entry B into A: A keeps every name (B's as variants), "
                                "every reg:B pointer in the documents becomes reg:A, and B stays as an "
                                "empty entry with sameAs=\"#A\".")
@click.argument("keep", metavar="A")
@click.argument("retire", metavar="B")
@click.option("--tei", "tei_dirs", multiple=True, default=["tei"], show_default=True,
              type=click.Path(path_type=Path), help="TEI folder or file to repoint (repeatable).")
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="The register (default: register.xml next to the first document).")
def register_merge(keep, retire, tei_dirs, register_path):
    from toolchain.register_tools import merge_entries

    click.echo(merge_entries(keep, retire, tei_dirs, register_path).summary(), err=True)
    raise SystemExit(ExitCode.OK)


@cli.command(help="Export TEI files or folders for DH projects: JSON (one object per document plus "
                  "the register, checked against schema/export.schema.json) or CSV (one row per document).")
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), help="Output file (default: standard output).")
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="The register (default: register.xml next to the first document).")
def export(tei, fmt, out, register_path):
    from toolchain.export import export_edition

    result = export_edition(tei, fmt, out, register_path)
    if out is None:
        click.echo(result.text, nl=False)
    click.echo(result.summary(), err=True)
    raise SystemExit(ExitCode.OK)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


# ---------------------------------------------------------------- validate (issue 4)

@cli.command(help="Validate TEI files or folders (register.xml there is validated as the "
                  "register) and print file:line:col: severity: [rule] message on stdout.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", type=click.Choice(["project", "tei_all"]), default="project",
              show_default=True, help="project: schema/tei-tool.rng plus schema/tei-tool.sch; "
                                      "tei_all: TEI P5 tei_all RELAX NG only.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format of the diagnostics.")
@click.option("--register", type=click.Path(path_type=Path), default=None,
              help="Register for reg: pointers (default: register.xml next to each file).")
def validate(paths, schema, fmt, register):
    from toolchain.validate import validate_paths

    result = validate_paths(paths, schema=schema, register=register)
    report = result.report
    if fmt == "json":
        click.echo(report.to_json())
    elif report.items:
        click.echo(report.to_text())
    click.echo(f"{len(result.files)} files validated ({schema}): {report.errors} errors, "
               f"{report.warnings} warnings", err=True)
    raise SystemExit(ExitCode.USAGE if result.unreadable or not result.files
                     else ExitCode.PROBLEMS if report.errors else ExitCode.OK)


def _interrupted() -> None:
    """Ctrl-C or kill: everything was unwound (temporary files removed, workers killed); end
    now, without the exit handlers of multiprocessing, which could wait for ever on a lock a
    killed worker held."""
    click.echo("interrupted", err=True)
    sys.stderr.flush()
    sys.stdout.flush()
    os._exit(130)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning library errors into one line and an exit code."""
    verbose = "--verbose" in (argv if argv is not None else sys.argv[1:])
    signal.signal(signal.SIGTERM, _interrupt)  # kill: unwind like Ctrl-C, temp files removed
    # A run holds many small objects alive (records of a batch, the register, parsed pages):
    # with the default thresholds the cycle collector traverses them every few hundred
    # allocations, which made unpickling a record in a build 3-5 times slower. Collections
    # still happen, a hundred times less often; workers inherit the setting.
    gc.set_threshold(100_000, 50, 100)
    try:
        cli.main(args=argv, prog_name="tei-tool", standalone_mode=False)
    except click.exceptions.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(ExitCode.USAGE) from None
    except (click.exceptions.Abort, KeyboardInterrupt):  # click reports Ctrl-C as Abort
        _interrupted()
    except ToolError as exc:
        click.echo(f"tei-tool: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        if verbose:
            traceback.print_exc()
        click.echo(f"tei-tool: internal error: {type(exc).__name__}: {exc} "
                   "(rerun with --verbose and report the traceback)", err=True)
        raise SystemExit(ExitCode.INTERNAL) from None
    raise SystemExit(ExitCode.OK)
