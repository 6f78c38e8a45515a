"""The ``local`` backend: llama-cpp-python in-process, output constrained by a JSON-schema grammar.

One ``Llama`` per process and model file: loading costs seconds, and keeping one object lets
llama.cpp reuse the KV cache for the longest prompt prefix shared with the previous call (our
prompts put the static instructions first and the article last for that reason).
"""

from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path
from typing import Any

from pipeline.backends import grammar_sampler
from pipeline.backends.base import InstructorBackend, as_json_object_format
from pipeline.errors import ModelUnavailableError
from pipeline.model_store import MODEL_ID, resolve_model_path
from pipeline.settings import Settings

_models: dict[tuple, Any] = {}
_load_lock = threading.Lock()


def default_threads() -> int:
    """Threads for llama.cpp: one per physical core available to this process.

    Generation is bound by memory bandwidth and a second thread on a hyper-threaded core only
    competes for the same units, so SMT siblings are counted once.
    """
    try:
        cpus = sorted(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
    cores = set()
    for cpu in cpus:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            package = (topology / "physical_package_id").read_text().strip()
            core = (topology / "core_id").read_text().strip()
        except OSError:
            return max(1, len(cpus))
        cores.add((package, core))
    return max(1, len(cores))


def load_llama(path: Path, settings: Settings) -> Any:
    """The process-wide ``Llama`` for this file and these settings (loaded once)."""
    try:
        from llama_cpp import Llama
    except ImportError as e:
        raise ModelUnavailableError(
            "the local backend needs llama-cpp-python; install it with the README's setup command "
            '(CMAKE_ARGS=... pip install -e ".[local]"), or use --backend openai'
        ) from e
    threads = settings.n_threads or default_threads()
    key = (str(path), settings.n_ctx, threads, settings.n_batch, settings.fast_grammar)
    with _load_lock:
        if key not in _models:
            try:
                _models[key] = Llama(
                    model_path=str(path),
                    n_ctx=settings.n_ctx,
                    n_threads=threads,
                    n_threads_batch=threads,
                    n_batch=settings.n_batch,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as e:
                raise ModelUnavailableError(f"cannot load model {path}: {e}") from e
            if settings.fast_grammar:
                grammar_sampler.install(_models[key])
            # free llama.cpp's context before interpreter teardown, where Llama.__del__ would
            # print an "Exception ignored" traceback once the modules it needs are gone
            atexit.register(_models[key].close)
        return _models[key]


class LocalBackend(InstructorBackend):
    """The embedded model (or any GGUF given by ``model_path``), run in this process."""

    def __init__(self, settings: Settings) -> None:
        path = resolve_model_path(settings.model_path, settings.cache_dir)
        self.llama = load_llama(path, settings)
        self._lock = threading.Lock()  # a Llama object is not safe to use from two threads
        model_id = MODEL_ID if settings.model_path is None else path.stem

        def create(**kwargs: Any) -> Any:
            kwargs = as_json_object_format(kwargs)
            kwargs.pop("model", None)
            with self._lock:
                return self.llama.create_chat_completion_openai_v1(**kwargs)

        super().__init__(
            name="local",
            model_id=model_id,
            create=create,
            request_kwargs={"temperature": settings.temperature, "max_tokens": settings.max_tokens},
            max_validation_retries=settings.max_validation_retries,
            max_transport_retries=0,  # in-process: nothing transient to retry
        )
