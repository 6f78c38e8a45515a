"""The ``troopwatch`` command: parse arguments, build Settings, call the library, map errors.

Exit codes: 0 success; 1 some articles failed; 2 usage or configuration error; 3 nothing could
be extracted; 4 the model or server is unavailable.
"""

from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.errors import ConfigError, TroopwatchError
from pipeline.settings import Settings

app = typer.Typer(
    name="troopwatch",
    help="Typed, grounded records of North Korea's military support for Russia, from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4
INPUT_STAGES = frozenset({"read", "decode", "parse", "empty", "id"})  # the input, not the model

BackendOpt = Annotated[
    str | None, typer.Option("--backend", help="local (default) or openai. Env TROOPWATCH_BACKEND.")
]
ModelPathOpt = Annotated[
    Path | None,
    typer.Option(
        "--model-path",
        help="A GGUF file for the local backend instead of the embedded "
        "model. Env TROOPWATCH_MODEL_PATH.",
    ),
]
BaseUrlOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--base-url",
        help="OpenAI-compatible server URL, e.g. http://127.0.0.1:8000/v1; repeat it for several "
        "servers, used in turn. Env TROOPWATCH_BASE_URL (comma-separated).",
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="Model name on the server. Env TROOPWATCH_MODEL.")
]
KeyEnvOpt = Annotated[
    str | None,
    typer.Option(
        "--api-key-env",
        help="Name of the variable holding the API key "
        "(default OPENAI_API_KEY). The key itself is never a flag.",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--response-format",
        help="json_schema (default; OpenAI, vLLM, Ollama, "
        "llama-server) or json_object (python -m llama_cpp.server). Env "
        "TROOPWATCH_RESPONSE_FORMAT.",
    ),
]
StrictOpt = Annotated[
    bool | None,
    typer.Option(
        "--strict/--no-strict", help="Drop records that fail grounding. Env TROOPWATCH_STRICT."
    ),
]
ThreadsOpt = Annotated[
    int | None, typer.Option("--threads", help="llama.cpp threads (default: CPUs available).")
]


def _settings(
    *,
    backend: str | None,
    model_path: Path | None,
    base_url: list[str] | None,
    model: str | None,
    api_key_env: str | None,
    response_format: str | None,
    threads: int | None,
    **more: Any,
) -> Settings:
    """Settings from the backend flags every command shares, plus a command's own."""
    return Settings.from_env(
        backend=backend,
        model_path=model_path,
        base_url=",".join(base_url) if base_url else None,
        model=model,
        api_key_env=api_key_env,
        response_format=response_format,
        n_threads=threads,
        **more,
    )


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"troopwatch: error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories or - for stdin. .txt, "
            '.md, .html, .jsonl ({"id", "text"} lines).'
        ),
    ],
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL (- = stdout).")] = "-",
    errors: Annotated[
        str | None,
        typer.Option("--errors", help="Errors JSONL (default: OUTPUT.errors.jsonl, or stderr)."),
    ] = None,
    backend: BackendOpt = None,
    model_path: ModelPathOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    api_key_env: KeyEnvOpt = None,
    response_format: FormatOpt = None,
    strict: StrictOpt = None,
    threads: ThreadsOpt = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            help="Requests in flight against the server(s) (default 1; the local model runs one "
            "article at a time). Env TROOPWATCH_CONCURRENCY.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Extract in this many processes, each with --concurrency threads (server "
            "backends only; default 0: threads in this process): our own code then uses every "
            "core, for servers that answer faster than about 300 articles per second per core. "
            "Env TROOPWATCH_WORKERS.",
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help="Seconds before one request is abandoned and retried (default 120). Env "
            "TROOPWATCH_REQUEST_TIMEOUT_S.",
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="The SQLite cache and run log (default: extractions.sqlite3 in the user cache "
            "directory). Env TROOPWATCH_CACHE.",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Append to OUTPUT, skipping articles already in it (a cut-off last line is "
            "dropped and redone).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Extract deployment, casualty and exchange records, one JSON line per article."""
    from pipeline.backends import make_backends
    from pipeline.batch import BatchRunner, run_batch
    from pipeline.cache import Cache
    from pipeline.sources import Article, iter_articles

    try:
        settings = _settings(
            backend=backend,
            model_path=model_path,
            base_url=base_url,
            model=model,
            api_key_env=api_key_env,
            response_format=response_format,
            threads=threads,
            strict=strict,
            concurrency=concurrency,
            workers=workers,
            request_timeout_s=timeout,
            cache=cache,
            use_cache=False if no_cache else None,
        )
    except ConfigError as e:
        raise _fail(str(e), EXIT_USAGE) from None

    items = list(iter_articles(paths))
    n_articles = sum(isinstance(i, Article) for i in items)
    try:
        engines = make_backends(settings) if n_articles else []
        store = Cache(settings.cache_path) if settings.use_cache else None
    except TroopwatchError as e:
        raise _fail(str(e), EXIT_UNAVAILABLE if e.exit_code == 4 else EXIT_USAGE) from None
    runner = BatchRunner.from_settings(settings, backends=engines, cache=store)
    progress = _Progress(len(items), enabled=not quiet)

    def on_outcome(outcome: Any) -> None:
        if outcome.status == "failed" and not quiet:
            typer.echo(
                f"troopwatch: {outcome.article_id or outcome.source}: {outcome.reason}", err=True
            )
        progress.advance(outcome.article_id or outcome.source)

    try:
        report = run_batch(
            runner,
            items,
            output=output,
            errors=errors or (f"{output}.errors.jsonl" if output != "-" else None),
            resume=resume,
            on_outcome=on_outcome,
        )
    except ConfigError as e:
        raise _fail(str(e), EXIT_USAGE) from None
    finally:
        progress.close()
        if store is not None:
            store.close()

    # a repaired output file is worth a line even with --quiet
    if report.resume is not None and (report.resume.dropped_bytes or not quiet):
        note = f"troopwatch: resume: {len(report.resume.done_ids)} articles already in {output}"
        if report.resume.dropped_bytes:
            note += (
                f"; dropped a cut-off last line ({report.resume.dropped_bytes} bytes), "
                "that article is redone"
            )
        typer.echo(note, err=True)
    typer.echo(
        f"troopwatch: {report.inputs} inputs, {report.written} articles extracted, "
        f"{report.records} records, {report.failed} failures ({report.cached} from cache, "
        f"{report.duplicates} duplicates, {report.skipped} skipped), {report.out_of_scope} "
        f"out of scope, {report.model_calls} model calls, {report.seconds:.1f}s",
        err=True,
    )
    raise typer.Exit(_exit_code(report))


def _exit_code(report: Any) -> int:
    """0 all good, 1 some failed, 3 nothing extracted, 4 no server, 2 a setting is wrong."""
    if report.stopped is not None:
        left = f"; {report.not_attempted} articles not attempted" if report.not_attempted else ""
        typer.echo(f"troopwatch: error: {report.stopped}{left}; rerun with --resume", err=True)
        return EXIT_USAGE if report.stopped.exit_code == 2 else EXIT_UNAVAILABLE
    done = report.written + report.skipped
    extraction = [f for f in report.failures if f["stage"] not in INPUT_STAGES]
    if done == 0 and extraction and all(f["stage"] == "transport" for f in extraction):
        typer.echo(f"troopwatch: error: {extraction[-1]['reason']}", err=True)
        return EXIT_UNAVAILABLE  # no server answered for any article
    if done == 0:
        return EXIT_NOTHING
    if report.failures:
        return EXIT_PARTIAL
    return EXIT_OK


class _Progress:
    """A progress bar on stderr for batches in a terminal; plain lines otherwise."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled
        self._bar = None
        if enabled and total > 1 and sys.stderr.isatty():
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("extracting", total=total)

    def advance(self, article_id: str) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.advance(self._task)
        elif self.enabled:
            typer.echo(f"[{self.done}/{self.total}] {article_id}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command("eval")
def eval_(
    golden: Annotated[
        Path | None, typer.Option("--golden", help="Golden directory (default: evals/golden).")
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Where report.json, summary.md, predictions.jsonl go.")
    ] = Path("eval-report"),
    thresholds: Annotated[
        Path | None, typer.Option("--thresholds", help="Default: evals/thresholds.toml.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Default: evals/baseline.json.")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write this run's metrics as the baseline.")
    ] = False,
    backend: BackendOpt = None,
    model_path: ModelPathOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    api_key_env: KeyEnvOpt = None,
    response_format: FormatOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict/--no-strict", help="Drop ungrounded records (default on).")
    ] = True,
    threads: ThreadsOpt = None,
) -> None:
    """Score the pipeline on the golden set; exit 1 when the gate fails."""
    import os

    from evals.gate import check_gate, default_thresholds_path, load_thresholds
    from evals.runner import run_eval
    from evals.scorer import render_markdown, render_table
    from pipeline.backends import make_backend
    from pipeline.output import JsonlWriter

    try:
        settings = _settings(
            backend=backend,
            model_path=model_path,
            base_url=base_url,
            model=model,
            api_key_env=api_key_env,
            response_format=response_format,
            threads=threads,
        )
        limits = load_thresholds(thresholds or default_thresholds_path())
        engine = make_backend(settings)
    except (TroopwatchError, ValueError, OSError) as e:
        code = getattr(e, "exit_code", EXIT_USAGE)
        raise _fail(str(e), EXIT_UNAVAILABLE if code == 4 else EXIT_USAGE) from None
    baseline_path = baseline or Path(__file__).resolve().parent.parent / "evals" / "baseline.json"

    started = time.perf_counter()
    try:
        run = run_eval(
            engine,
            golden,
            strict=strict,
            progress=lambda case_id: typer.echo(f"  scored {case_id}", err=True),
        )
    except (ValueError, FileNotFoundError) as e:
        raise _fail(str(e), EXIT_USAGE) from None
    elapsed = time.perf_counter() - started
    report = run.report.to_dict()
    report["run"] = {
        "backend": engine.name,
        "model": engine.model_id,
        "strict": strict,
        "seconds": round(elapsed, 1),
    }

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    markdown = render_markdown(run.report)
    with JsonlWriter(out_dir / "predictions.jsonl") as w:
        for p in run.predictions:
            w.write(p)

    previous = json.loads(baseline_path.read_text()) if baseline_path.is_file() else None
    failures = check_gate(report["metrics"], limits, None if update_baseline else previous)
    verdict = "PASS" if not failures else "FAIL"
    gate_md = f"\n## Gate: {verdict}\n" + "".join(f"- {f}\n" for f in failures)
    (out_dir / "summary.md").write_text(markdown + gate_md)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
            fh.write(markdown + gate_md)
    typer.echo(render_table(run.report))
    typer.echo(f"eval: {len(run.predictions)} articles in {elapsed:.0f}s; report in {out_dir}/")
    if update_baseline:
        baseline_path.write_text(
            json.dumps({"metrics": report["metrics"], "run": report["run"]}, indent=2) + "\n"
        )
        typer.echo(f"eval: baseline written to {baseline_path}")
    if failures:
        typer.echo("eval: GATE FAILED\n" + "\n".join(f"  - {f}" for f in failures), err=True)
        raise typer.Exit(EXIT_PARTIAL)
    typer.echo("eval: gate passed")


OutFileArg = Annotated[
    Path,
    typer.Argument(
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="OUT.jsonl",
        help="An output file of troopwatch extract (one ArticleSummary per line).",
    ),
]


def _report_bad_lines(path: Path, problems: list[Any]) -> None:
    for p in problems:
        typer.echo(f"troopwatch: {path}:{p.lineno}: skipped: {p.reason}", err=True)


@app.command()
def report(
    jsonl: OutFileArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="HTML file to write (default: OUT with .html)."),
    ] = None,
    articles: Annotated[
        list[Path] | None,
        typer.Option(
            "--articles",
            "-a",
            help="Article file or directory to find texts in (repeatable). Default: each "
            "line's provenance.source.",
        ),
    ] = None,
) -> None:
    """Write a self-contained HTML review report: highlighted evidence, record tables and a
    claims ledger across articles."""
    from pipeline.report import make_report

    target = output or jsonl.with_suffix(".html")
    try:
        result = make_report(jsonl, target, articles or [])
    except TroopwatchError as e:
        raise _fail(str(e), EXIT_USAGE if e.exit_code == 2 else EXIT_NOTHING) from None
    _report_bad_lines(jsonl, result.bad_lines)
    for warning in result.warnings:
        typer.echo(f"troopwatch: warning: {warning}", err=True)
    if result.missing_text:
        typer.echo(
            f"troopwatch: warning: no article text for {len(result.missing_text)} of "
            f"{result.articles} articles ({', '.join(result.missing_text[:5])}"
            f"{', ...' if len(result.missing_text) > 5 else ''}); pass --articles",
            err=True,
        )
    typer.echo(
        f"troopwatch: report {result.output}: {result.articles} articles, {result.records} "
        f"records, {result.highlights} highlights, {result.bytes / 1024:.0f} KiB, "
        f"{result.seconds:.2f}s",
        err=True,
    )
    if result.bad_lines:
        raise typer.Exit(EXIT_PARTIAL)


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    jsonl: OutFileArg,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, or parquet (needs pyarrow).")
    ] = ExportFormat.csv,
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="File to write (default: stdout for csv, OUT.parquet)."
        ),
    ] = None,
) -> None:
    """Flatten records to one row each (article, type, counts, claimant, time, evidence...)."""
    from pipeline.export import record_rows, write_csv, write_parquet
    from pipeline.output import read_summaries

    try:
        read = read_summaries(jsonl)
        _report_bad_lines(jsonl, read.problems)
        if not read.summaries:
            raise _fail(f"{jsonl}: no article summaries to export", EXIT_NOTHING)
        rows = list(record_rows(read.summaries))
        if fmt is ExportFormat.parquet:
            target = output or str(jsonl.with_suffix(".parquet"))
            n = write_parquet(rows, target)
        else:
            target = output or "-"
            n = write_csv(rows, target)
    except TroopwatchError as e:
        raise _fail(str(e), EXIT_USAGE if e.exit_code == 2 else EXIT_NOTHING) from None
    where = "stdout" if target == "-" else target
    typer.echo(f"troopwatch: {n} records from {len(read.summaries)} articles to {where}", err=True)
    if read.problems:
        raise typer.Exit(EXIT_PARTIAL)


batch_app = typer.Typer(
    help="The OpenAI Batch API: prepare request files, ingest result files.",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")


@batch_app.command("prepare")
def batch_prepare(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - (as for extract).")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The requests JSONL to upload.")
    ] = Path("requests.jsonl"),
    model: ModelOpt = None,
) -> None:
    """Write Batch API requests (and OUTPUT.articles.jsonl, which ingest reads back)."""
    from pipeline.openai_batch import articles_path, prepare
    from pipeline.sources import iter_articles

    try:
        settings = Settings.from_env(backend="openai", model=model)
        n_articles, n_requests, problems = prepare(iter_articles(paths), settings, output)
    except TroopwatchError as e:
        raise _fail(str(e), EXIT_USAGE) from None
    for p in problems:
        typer.echo(f"troopwatch: {p.article_id or p.source}: {p.reason}", err=True)
    typer.echo(
        f"troopwatch: {n_articles} articles, {n_requests} requests in {output} (articles in "
        f"{articles_path(output)}), {len(problems)} unreadable inputs",
        err=True,
    )
    raise typer.Exit(EXIT_NOTHING if n_articles == 0 else EXIT_PARTIAL if problems else EXIT_OK)


@batch_app.command("ingest")
def batch_ingest(
    requests: Annotated[Path, typer.Argument(help="The requests JSONL written by prepare.")],
    results: Annotated[Path, typer.Argument(help="The results JSONL the Batch API returned.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL (- = stdout).")] = "-",
    errors: Annotated[
        str | None,
        typer.Option("--errors", help="Errors JSONL (default: OUTPUT.errors.jsonl, or stderr)."),
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option("--articles", help="The articles file (default: REQUESTS.articles.jsonl)."),
    ] = None,
    strict: StrictOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Validate Batch API results into the normal output and errors files."""
    from pipeline.batch import write_outcomes
    from pipeline.openai_batch import ingest

    try:
        settings = Settings.from_env(strict=strict)
        outcomes = list(ingest(requests, results, strict=settings.strict, articles=articles))
    except TroopwatchError as e:
        raise _fail(str(e), EXIT_USAGE) from None

    def on_outcome(outcome: Any) -> None:
        if outcome.status == "failed" and not quiet:
            typer.echo(
                f"troopwatch: {outcome.article_id or outcome.source}: {outcome.reason}", err=True
            )

    report = write_outcomes(
        lambda: outcomes,
        output=output,
        errors=errors or (f"{output}.errors.jsonl" if output != "-" else None),
        on_outcome=on_outcome,
    )
    typer.echo(
        f"troopwatch: {report.inputs} inputs, {report.written} articles extracted, "
        f"{report.records} records, {report.failed} failures",
        err=True,
    )
    raise typer.Exit(_exit_code(report))


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (ArticleSummary)."""
    from schemas import output_json_schema

    typer.echo(json.dumps(output_json_schema(), indent=2))


def main() -> None:
    """Console-script entry point; user mistakes end with a message, never a traceback."""
    try:
        app()
    except TroopwatchError as e:
        typer.echo(f"troopwatch: error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        typer.echo("troopwatch: interrupted; finished articles are in the output", err=True)
        sys.exit(130)
