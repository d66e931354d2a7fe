"""Command line: a thin Typer layer over `newsprism.pipeline` and `newsprism.store`.

Exit codes: 0 every input processed; 1 some inputs failed (the report holds
the rest, and each failure is printed as one line); 2 usage error.
"""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsprism.models import Failure
from newsprism.settings import Settings, load_settings

app = typer.Typer(
    help="Show how different outlets reported the same news event.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err_console = Console(stderr=True)

InputsArg = Annotated[list[str], typer.Argument(help="Files, folders (walked recursively), http(s) URLs, or .urls files.", show_default=False)]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="DuckDB store to write to (created if missing).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings file (TOML); default ./newsprism.toml if present.")]
OneStoryOpt = Annotated[bool, typer.Option("--one-story", help="Treat all inputs as one story (skip grouping).")]
WorkersOpt = Annotated[Optional[int], typer.Option("--workers", min=1, help="Run cleaning, understanding and grouping fingerprints on a local Dask cluster of N worker processes.")]
SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", help="Run them on an existing Dask cluster instead, e.g. tcp://10.0.0.5:8786 (see docs/SCALE.md).")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first bad input instead of recording it.")]


@contextmanager
def _progress(quiet: bool):
    """Yield a progress callback: a Rich bar on a terminal, nothing otherwise or with --quiet."""
    if quiet or not err_console.is_terminal:
        yield lambda step, done, total: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(step: str, done: int, total: int | None) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield update


def _print_failures(failures: list[Failure]) -> None:
    for f in failures:
        err_console.print(f"[red]error[/red] {f.input_ref}: {f.message} [{f.code}]", markup=True, highlight=False, soft_wrap=True)


def _settings(config: Path | None, one_story: bool) -> Settings:
    return load_settings(config, group={"one_story": one_story or None})


@app.command(epilog="Examples:\n\n  newsprism analyze examples/\n\n  newsprism analyze a.txt b.html https://example.org/news/1 --out out/ --db news.duckdb")
def analyze(
    inputs: InputsArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for report.json, report.md and report.html.")] = Path("newsprism-report"),
    db: DbOpt = None,
    story: Annotated[Optional[str], typer.Option("--story", help="With --db and no inputs: report one stored story.")] = None,
    one_story: OneStoryOpt = False,
    quiet: QuietOpt = False,
    strict: StrictOpt = False,
    config: ConfigOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Analyse articles and write report.json, report.md and report.html."""
    from newsprism.pipeline import analyze as run_analysis
    from newsprism.report import write_reports

    settings = _settings(config, one_story)
    if not inputs and not (db and story):
        raise typer.BadParameter("give at least one input, or --db FILE --story ID", param_hint="INPUTS")
    if inputs:
        from newsprism.scale import open_cluster

        with open_cluster(workers, scheduler) as scale, _progress(quiet) as progress:
            report = run_analysis(inputs, settings, on_error="raise" if strict else "record", progress=progress, scale=scale)
        if db:
            from newsprism.store import Store

            with Store(db) as store:
                store.save_report(report)
    else:
        from newsprism.store import Store

        with Store(db, read_only=True) as store:
            report = store.story_report(story)
        if report is None:
            err_console.print(f"[red]error[/red] no story '{story}' in {db}")
            raise typer.Exit(1)
    paths = write_reports(report, out)
    _print_failures(report.failures)
    if not quiet:
        n_stories = len(report.stories)
        err_console.print(
            f"{len(report.articles)} articles, {n_stories} {'story' if n_stories == 1 else 'stories'}, "
            f"{len(report.failures)} failed -> {', '.join(str(p) for p in paths)}",
            highlight=False,
        )
    if report.failures:
        raise typer.Exit(1)


@app.command(epilog="Example:\n\n  newsprism ingest crawl.warc.gz feeds/ --db news.duckdb")
def ingest(
    inputs: InputsArg,
    db: Annotated[Path, typer.Option("--db", help="DuckDB store (created if missing).")] = Path("newsprism.duckdb"),
    one_story: OneStoryOpt = False,
    quiet: QuietOpt = False,
    config: ConfigOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per committed batch.")] = 500,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Read and clean articles into the store and group them into stories, without analysing them.

    Streams: memory stays bounded, every batch is committed as it is done, and a run
    that was killed resumes where it stopped when started again with the same inputs.
    Grouping is incremental: new articles join the stored stories (ids unchanged) or
    open new ones; `--one-story` puts all of this run's new articles in one story.
    """
    from newsprism.errors import StoreError
    from newsprism.store import Store
    from newsprism.store.stream import stream_ingest

    settings = _settings(config, one_story)
    try:
        from newsprism.scale import open_cluster, using

        with open_cluster(workers, scheduler) as scale, using(scale), Store(db) as store, _progress(quiet) as progress:
            stats = stream_ingest(inputs, settings, store, batch_size=batch_size, progress=progress)
    except StoreError as err:
        err_console.print(f"[red]error[/red] {err.message} [{err.code}]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    _print_failures(stats.failures)
    if not quiet:
        err_console.print(
            f"{stats.new} new articles stored in {db} ({stats.already_stored} already there), {len(stats.failures)} failed",
            highlight=False, soft_wrap=True,
        )
    if stats.failures:
        raise typer.Exit(1)


@app.command(epilog="Examples:\n\n  newsprism stories --db news.duckdb\n\n  newsprism stories --outlet 'Daily Example' --search flood --json")
def stories(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to read.")] = Path("newsprism.duckdb"),
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only stories this outlet covered.")] = None,
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Only stories with an article matching these words.")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Only stories with articles on or after this date (YYYY-MM-DD).")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Only stories with articles on or before this date (YYYY-MM-DD).")] = None,
    page: Annotated[int, typer.Option("--page", min=1, help="Page number.")] = 1,
    page_size: Annotated[int, typer.Option("--page-size", min=1, max=200, help="Stories per page.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the page as JSON (the API's StoryPage).")] = False,
) -> None:
    """List the stories in a store: size, outlets, time span and title, newest first."""
    from rich.table import Table

    from newsprism.errors import StoreError
    from newsprism.store import Store

    try:
        with Store(db, read_only=True) as store:
            result = store.stories(outlet=outlet, q=search, date_from=date_from, date_to=date_to, page=page, page_size=page_size)
    except StoreError as err:
        err_console.print(f"[red]error[/red] {err.message} [{err.code}]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    table = Table(title=f"{result.total} stories (page {result.page})", title_justify="left")
    for column in ("id", "articles", "outlets", "from", "to", "title"):
        table.add_column(column, overflow="fold")
    for s in result.items:
        table.add_row(s.id, str(s.articles), ", ".join(o.name for o in s.outlets), s.first_published or "", s.last_published or "", s.title)
    Console().print(table)


@app.command(epilog="Example:\n\n  newsprism serve --db news.duckdb --port 8000")
def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to serve (opened read-only).")] = Path("newsprism.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on; loopback by default, so only this machine can connect.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes (each opens the store read-only).")] = 1,
) -> None:
    """Serve a store as web pages and a JSON API (/api/, OpenAPI at /openapi.json)."""
    import os

    import uvicorn

    from newsprism.errors import StoreError
    from newsprism.web import create_app
    from newsprism.web.app import DB_ENV

    try:
        web_app = create_app(db)
    except StoreError as err:
        err_console.print(f"[red]error[/red] {err.message} [{err.code}]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    err_console.print(f"serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", highlight=False, soft_wrap=True)
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    web_app.state.store.close()
    os.environ[DB_ENV] = str(Path(db).resolve())
    uvicorn.run("newsprism.web.app:app_from_env", factory=True, workers=workers, host=host, port=port, log_level="warning",
                timeout_worker_healthcheck=120)  # a worker imports the whole package before it answers


def main() -> None:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    sys.exit(main())
