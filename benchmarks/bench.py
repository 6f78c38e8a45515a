"""Throughput of troopwatch with the embedded model, against what the hardware allows.

    .venv/bin/python benchmarks/bench.py                       # seeds + golden articles
    .venv/bin/python benchmarks/bench.py --articles evals/golden --plain-limit 6 --json out.json

Prints, per article and in total: new and cached prompt tokens, output tokens, seconds in prompt
processing, generation, grammar/sampling and our own code, and articles per minute. It measures
the model's own prompt and generation rates with llama-cpp-python directly in the same run and
prints the bound for the same work (new prompt tokens at the prompt rate plus output tokens at
the generation rate) and the ratio of pipeline time to it. It then runs the plain approach (one
instructor call per article, the output schema in the system prompt, the grammar on, the KV
cache cleared so nothing is reused) on the first ``--plain-limit`` articles and prints how much
faster troopwatch is on those same articles. Peak memory (max RSS) closes the report.

Numbers, not pass/fail: run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import instructor  # noqa: E402
import llama_cpp  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402

from pipeline.backends import grammar_sampler  # noqa: E402
from pipeline.backends.base import as_json_object_format  # noqa: E402
from pipeline.backends.local import LocalBackend  # noqa: E402
from pipeline.extract import extract_article  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.sources import Article, iter_articles  # noqa: E402
from schemas.records import Casualty, Deployment, Exchange  # noqa: E402


@dataclass
class CallStats:
    """One model call, from llama.cpp's own performance counters."""

    prompt_tokens: int = 0  # as sent
    new_prompt_tokens: int = 0  # actually evaluated (the rest came from the KV cache)
    output_tokens: int = 0
    prompt_s: float = 0.0
    generation_s: float = 0.0
    wall_s: float = 0.0

    @property
    def cached_prompt_tokens(self) -> int:
        return max(0, self.prompt_tokens - self.new_prompt_tokens)

    @property
    def other_s(self) -> float:
        """Grammar, sampling and llama-cpp-python's own Python: the call minus the two evals."""
        return max(0.0, self.wall_s - self.prompt_s - self.generation_s)


@dataclass
class ArticleStats:
    article_id: str
    wall_s: float = 0.0
    calls: list[CallStats] = field(default_factory=list)
    records: int = 0
    error: str | None = None

    def total(self, name: str) -> float:
        return sum(getattr(c, name) for c in self.calls)

    @property
    def ours_s(self) -> float:
        """Our own code: the article's time outside model calls."""
        return max(0.0, self.wall_s - self.total("wall_s"))


class Meter:
    """Wraps the ``Llama`` object's chat completion and reads llama.cpp's counters per call."""

    def __init__(self, llama: Any) -> None:
        self.llama = llama
        self.calls: list[CallStats] = []
        self._original = llama.create_chat_completion_openai_v1
        llama.create_chat_completion_openai_v1 = self._measured

    def _measured(self, *args: Any, **kwargs: Any) -> Any:
        ctx = self.llama._ctx.ctx
        llama_cpp.llama_perf_context_reset(ctx)
        start = time.perf_counter()
        response = self._original(*args, **kwargs)
        wall = time.perf_counter() - start
        llama_cpp.llama_synchronize(ctx)  # counters are updated when the decode queue drains
        perf = llama_cpp.llama_perf_context(ctx)
        usage = getattr(response, "usage", None)
        self.calls.append(
            CallStats(
                prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                new_prompt_tokens=perf.n_p_eval,
                output_tokens=getattr(usage, "completion_tokens", 0) or perf.n_eval,
                prompt_s=perf.t_p_eval_ms / 1000,
                generation_s=perf.t_eval_ms / 1000,
                wall_s=wall,
            )
        )
        return response

    def take(self) -> list[CallStats]:
        calls, self.calls = self.calls, []
        return calls


def measure_rates(
    llama: Any,
    text: str,
    *,
    prompt_tokens: int = 512,
    gen_tokens: int = 96,
    context: int = 0,
) -> dict:
    """The model's own prompt and generation rates, straight through llama-cpp-python.

    ``context`` tokens are evaluated first and not timed, so the rates are those of tokens that
    attend to that much KV cache, as the pipeline's articles do after the cached instructions.
    Greedy generation without a grammar: the model's rate, not a sampler's.
    """
    tokens = llama.tokenize(text.encode("utf-8"))
    need = context + prompt_tokens
    while len(tokens) < need:
        tokens = tokens + tokens
    prefix, tokens = tokens[:context], tokens[context:need]
    ctx = llama._ctx.ctx
    prompt_rates, gen_rates = [], []
    for _ in range(2):
        llama.reset()
        if prefix:
            llama.eval(prefix)
        llama_cpp.llama_synchronize(ctx)
        llama_cpp.llama_perf_context_reset(ctx)
        llama.eval(tokens)
        llama_cpp.llama_synchronize(ctx)
        perf = llama_cpp.llama_perf_context(ctx)
        prompt_rates.append(perf.n_p_eval / (perf.t_p_eval_ms / 1000))
        llama_cpp.llama_perf_context_reset(ctx)
        generated = 0
        for token in llama.generate(prefix + tokens, temp=0.0):  # cached: sample at once
            generated += 1
            if generated >= gen_tokens or token == llama.token_eos():
                break
        llama_cpp.llama_synchronize(ctx)
        perf = llama_cpp.llama_perf_context(ctx)
        if perf.n_eval:
            gen_rates.append(perf.n_eval / (perf.t_eval_ms / 1000))
    llama.reset()
    return {
        "prompt_tokens_per_s": statistics.median(prompt_rates),
        "generation_tokens_per_s": statistics.median(gen_rates),
        "prompt_sample_tokens": prompt_tokens,
        "generation_sample_tokens": gen_tokens,
        "context_tokens": context,
    }


def sweep(settings: Settings, text: str) -> None:
    """Prompt and generation rates for each thread count and n_batch, to choose the defaults
    by measurement."""
    from pipeline.backends.local import default_threads
    from pipeline.model_store import resolve_model_path

    path = resolve_model_path(settings.model_path, settings.cache_dir)
    cores = default_threads()
    print(f"sweep over threads and n_batch ({cores} physical cores available)")
    print(f"{'threads':>7} {'n_batch':>7} {'prompt tok/s':>12} {'gen tok/s':>10}")
    for threads in sorted({1, cores, cores * 2} - {0}):
        for n_batch in (64, 128, 256, 512):
            llama = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=2048,
                n_threads=threads,
                n_threads_batch=threads,
                n_batch=n_batch,
                verbose=False,
            )
            rates = measure_rates(llama, text)
            print(
                f"{threads:>7} {n_batch:>7} {rates['prompt_tokens_per_s']:>12.1f} "
                f"{rates['generation_tokens_per_s']:>10.1f}"
            )
            llama.close()
    print()


class PlainRecords(BaseModel):
    """The plain approach's answer: the output contract's three record lists, as they are."""

    deployments: list[Deployment] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    exchanges: list[Exchange] = Field(default_factory=list)


def plain_messages(text: str) -> list[dict[str, str]]:
    schema = json.dumps(PlainRecords.model_json_schema())
    return [
        {
            "role": "system",
            "content": "Extract North Korean deployment, casualty and exchange records from the "
            f"article as JSON matching this schema:\n{schema}",
        },
        {"role": "user", "content": text},
    ]


def run_plain(llama: Any, meter: Meter, article: Article, max_tokens: int) -> ArticleStats:
    """One instructor call, JSON schema in the system prompt, grammar on, nothing reused."""
    backend_sampler = getattr(llama, "_troopwatch_sampler", False)

    def create(**kwargs: Any) -> Any:
        kwargs = as_json_object_format(kwargs)
        kwargs.pop("model", None)
        llama.reset()  # the plain approach re-sends and re-evaluates the whole prompt
        # and samples with llama-cpp-python's own chain (grammar over the whole vocabulary)
        grammar_sampler.uninstall(llama)
        try:
            return llama.create_chat_completion_openai_v1(**kwargs)
        finally:
            if backend_sampler:
                grammar_sampler.install(llama)

    patched = instructor.patch(create=create, mode=instructor.Mode.JSON_SCHEMA)
    stats = ArticleStats(article.id)
    start = time.perf_counter()
    try:
        result = patched(
            response_model=PlainRecords,
            messages=plain_messages(article.text),
            max_retries=0,
            temperature=0.0,
            max_tokens=max_tokens,
        )
        stats.records = len(result.deployments) + len(result.casualties) + len(result.exchanges)
    except Exception as e:  # a truncated or invalid answer still cost its time
        stats.error = type(e).__name__
    stats.wall_s = time.perf_counter() - start
    stats.calls = meter.take()
    return stats


def run_pipeline(backend: LocalBackend, meter: Meter, article: Article) -> ArticleStats:
    stats = ArticleStats(article.id)
    start = time.perf_counter()
    try:
        summary = extract_article(article, backend, strict=True)
        stats.records = len(summary.records)
    except Exception as e:
        stats.error = f"{type(e).__name__}: {e}"
    stats.wall_s = time.perf_counter() - start
    stats.calls = meter.take()
    return stats


def bound_s(stats: ArticleStats, rates: dict) -> float:
    return (
        stats.total("new_prompt_tokens") / rates["prompt_tokens_per_s"]
        + stats.total("output_tokens") / rates["generation_tokens_per_s"]
    )


def table(rows: list[ArticleStats], rates: dict, title: str) -> str:
    head = (
        f"{'article':<34} {'new in':>7} {'cached':>7} {'out':>5} {'prompt s':>9} {'gen s':>7} "
        f"{'grammar s':>9} {'ours s':>7} {'total s':>8} {'bound s':>8} {'ratio':>6}"
    )
    lines = [title, head, "-" * len(head)]
    for r in [*rows, _sum(rows)]:
        bound = bound_s(r, rates)
        lines.append(
            f"{r.article_id[:34]:<34} {int(r.total('new_prompt_tokens')):>7} "
            f"{int(r.total('cached_prompt_tokens')):>7} {int(r.total('output_tokens')):>5} "
            f"{r.total('prompt_s'):>9.2f} {r.total('generation_s'):>7.2f} "
            f"{r.total('other_s'):>9.2f} {r.ours_s:>7.3f} {r.wall_s:>8.2f} {bound:>8.2f} "
            f"{(r.wall_s / bound if bound else float('nan')):>6.2f}"
            + (f"  [{r.error}]" if r.error else "")
        )
    return "\n".join(lines)


def _sum(rows: list[ArticleStats]) -> ArticleStats:
    total = ArticleStats("TOTAL", wall_s=sum(r.wall_s for r in rows))
    total.calls = [c for r in rows for c in r.calls]
    total.records = sum(r.records for r in rows)
    return total


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles",
        nargs="+",
        default=[str(ROOT / "evals" / "golden")],
        help="files or directories (default: evals/golden, which holds the two seeds)",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--plain-limit",
        type=int,
        default=6,
        help="run the plain approach on the first N articles (0: skip; it is slow)",
    )
    parser.add_argument("--plain-max-tokens", type=int, default=1024)
    parser.add_argument("--json", type=Path, help="also write every number here")
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="first measure the model's rates at several thread counts and n_batch sizes",
    )
    args = parser.parse_args()

    articles = [a for a in iter_articles(args.articles) if isinstance(a, Article)]
    if args.limit:
        articles = articles[: args.limit]
    if not articles:
        sys.exit("no articles found")
    settings = Settings.from_env()
    if args.sweep:
        sweep(settings, articles[0].text)
    t0 = time.perf_counter()
    backend = LocalBackend(settings)
    load_s = time.perf_counter() - t0
    llama = backend.llama
    print(
        f"model {backend.model_id} · threads {llama.n_threads} · n_batch {llama.n_batch} · "
        f"n_ctx {llama.n_ctx()} · load {load_s:.1f}s · {platform.processor() or platform.machine()}"
    )

    rates = measure_rates(llama, articles[0].text)
    print(
        f"model rates (llama-cpp-python directly): prompt {rates['prompt_tokens_per_s']:.1f} tok/s,"
        f" generation {rates['generation_tokens_per_s']:.1f} tok/s\n"
    )

    meter = Meter(llama)
    llama.reset()
    t0 = time.perf_counter()
    rows = [run_pipeline(backend, meter, a) for a in articles]
    pipeline_s = time.perf_counter() - t0
    print(table(rows, rates, f"troopwatch pipeline, {len(rows)} articles"))
    total = _sum(rows)
    bound = bound_s(total, rates)
    # The same rates where the pipeline's tokens sit: after the cached instructions.
    calls = total.calls
    new_tokens = sum(c.new_prompt_tokens for c in calls)
    context = round(
        sum(c.cached_prompt_tokens * c.new_prompt_tokens for c in calls) / max(1, new_tokens)
    )
    per_call = max(64, round(new_tokens / max(1, len(calls))))
    at_context = measure_rates(llama, articles[0].text, prompt_tokens=per_call, context=context)
    bound_at_context = bound_s(total, at_context)
    print(
        f"\narticles/min {60 * len(rows) / pipeline_s:.2f} · pipeline {pipeline_s:.1f}s · "
        f"prefix cache hit "
        f"{total.total('cached_prompt_tokens') / max(1, total.total('prompt_tokens')):.1%} of "
        f"prompt tokens · our code {total.ours_s:.2f}s\n"
        f"bound at an empty context: {bound:.1f}s, ratio {pipeline_s / bound:.3f}\n"
        f"bound at the pipeline's context ({context} cached + {per_call} new tokens; prompt "
        f"{at_context['prompt_tokens_per_s']:.1f} tok/s, generation "
        f"{at_context['generation_tokens_per_s']:.1f} tok/s): {bound_at_context:.1f}s, "
        f"ratio {pipeline_s / bound_at_context:.3f}"
    )

    result: dict[str, Any] = {
        "model": backend.model_id,
        "threads": llama.n_threads,
        "n_batch": llama.n_batch,
        "rates": rates,
        "rates_at_pipeline_context": at_context,
        "pipeline": {
            "articles": len(rows),
            "seconds": pipeline_s,
            "bound_seconds": bound,
            "ratio_to_bound": pipeline_s / bound,
            "bound_seconds_at_pipeline_context": bound_at_context,
            "ratio_to_bound_at_pipeline_context": pipeline_s / bound_at_context,
            "articles_per_minute": 60 * len(rows) / pipeline_s,
            "rows": [_row_dict(r, rates) for r in rows],
        },
    }

    if args.plain_limit:
        subset = articles[: args.plain_limit]
        plain = [run_plain(llama, meter, a, args.plain_max_tokens) for a in subset]
        print()
        print(table(plain, rates, f"plain approach, {len(plain)} articles"))
        ours = sum(r.wall_s for r in rows[: len(subset)])
        theirs = sum(r.wall_s for r in plain)
        print(
            f"\nsame {len(subset)} articles: troopwatch {ours:.1f}s, plain {theirs:.1f}s -> "
            f"troopwatch is {theirs / ours:.2f}x faster; plain ratio to its own bound "
            f"{theirs / bound_s(_sum(plain), rates):.3f}; plain failures "
            f"{sum(1 for r in plain if r.error)}/{len(plain)}"
        )
        result["plain"] = {
            "articles": len(plain),
            "seconds": theirs,
            "troopwatch_seconds_same_articles": ours,
            "speedup": theirs / ours,
            "rows": [_row_dict(r, rates) for r in plain],
        }

    result["peak_rss_mib"] = peak_rss_mib()
    print(f"\npeak memory (max RSS) {result['peak_rss_mib']:.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


def _row_dict(r: ArticleStats, rates: dict) -> dict:
    return {
        "article_id": r.article_id,
        "wall_s": r.wall_s,
        "ours_s": r.ours_s,
        "bound_s": bound_s(r, rates),
        "records": r.records,
        "error": r.error,
        "calls": [asdict(c) | {"cached_prompt_tokens": c.cached_prompt_tokens} for c in r.calls],
    }


if __name__ == "__main__":
    main()
