"""Settings: read the environment in one place, once, into a frozen object passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pipeline.errors import ConfigError

BackendName = Literal["local", "openai"]
BACKENDS: tuple[str, ...] = ("local", "openai")

ENV_PREFIX = "TROOPWATCH_"


def default_cache_dir() -> Path:
    """Per-user cache directory (the assembled model lives here)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("troopwatch"))


@dataclass(frozen=True)
class Settings:
    """Everything that selects and tunes a backend.

    Build it with ``Settings.from_env(**overrides)``: values come from the keyword overrides
    (the CLI's flags), then ``TROOPWATCH_*`` environment variables, then defaults.
    """

    backend: BackendName = "local"
    # local backend
    model_path: Path | None = None  # None: the embedded model, assembled into cache_dir
    n_ctx: int = 8192  # instructions ~1,500 tokens + an article of a few thousand
    n_threads: int | None = None  # None: physical cores
    n_batch: int = 512
    # greedy decoding under a grammar checks the chosen token first and masks the whole
    # vocabulary only when the grammar refuses it (same tokens, a third less time per token);
    # TROOPWATCH_FAST_GRAMMAR=0 keeps llama-cpp-python's own sampler chain
    fast_grammar: bool = True
    # openai-compatible backend; several servers: comma-separated, used in turn (base_urls)
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    request_timeout_s: float = 120.0
    # json_schema: OpenAI, vLLM, Ollama, llama.cpp's llama-server. json_object: llama-cpp-python's
    # server (python -m llama_cpp.server), which rejects json_schema and constrains json_object.
    response_format: str = "json_schema"
    # decoding and retries
    temperature: float = 0.0
    max_tokens: int = 1024
    max_validation_retries: int = 1
    max_transport_retries: int = 3
    # pipeline
    strict: bool = False
    cache_dir: Path = field(default_factory=default_cache_dir)
    # batch runs
    concurrency: int = 1  # requests in flight against a server; the local model runs one at a time
    # processes that extract instead of threads (server backends): our code on every core
    workers: int = 0
    cache: Path | None = None  # the SQLite extraction cache; None: cache_dir/extractions.sqlite3
    use_cache: bool = True
    # longer articles are split into overlapping chunks (instructions + a 12,000-character chunk
    # + the answer fit the embedded model's 8,192-token context)
    max_article_chars: int = 12_000

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(
                f"unknown backend {self.backend!r}; use --backend or TROOPWATCH_BACKEND with one "
                f"of: {', '.join(BACKENDS)}"
            )
        if self.response_format not in ("json_schema", "json_object"):
            raise ConfigError(
                "response_format must be json_schema or json_object (--response-format, "
                "TROOPWATCH_RESPONSE_FORMAT)"
            )
        if self.max_validation_retries < 0 or self.max_transport_retries < 0:
            raise ConfigError("retry counts must be >= 0")
        if self.max_tokens < 16:
            raise ConfigError("max_tokens must be at least 16")
        if self.concurrency < 1:
            raise ConfigError(
                "concurrency must be at least 1 (--concurrency, TROOPWATCH_CONCURRENCY)"
            )
        if self.workers < 0:
            raise ConfigError("workers must be 0 or more (--workers, TROOPWATCH_WORKERS)")
        if self.workers and self.backend == "local":
            raise ConfigError(
                "--workers needs a server backend (--backend openai): the local model would be "
                "loaded once per process; it runs one article at a time anyway"
            )
        if self.request_timeout_s <= 0:
            raise ConfigError("the request timeout must be positive (--timeout)")
        if self.max_article_chars < 1000:
            raise ConfigError(
                "max_article_chars must be at least 1000 (TROOPWATCH_MAX_ARTICLE_CHARS)"
            )
        if self.base_url is not None and not self.base_urls:
            raise ConfigError("--base-url / TROOPWATCH_BASE_URL names no server")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from keyword overrides, then ``TROOPWATCH_*`` variables, then defaults.

        Overrides that are ``None`` are ignored, so CLI flags left unset fall through to the
        environment.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name, f in cls.__dataclass_fields__.items():
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is None or raw == "":
                continue
            values[name] = _coerce(name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(cls.__dataclass_fields__)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        for key in ("model_path", "cache_dir", "cache"):
            if key in values and values[key] is not None:
                values[key] = Path(values[key]).expanduser()
        return cls(**values)

    @property
    def base_urls(self) -> tuple[str, ...]:
        """Every server named in ``base_url`` (comma-separated), in the order given."""
        if self.base_url is None:
            return ()
        return tuple(u.strip() for u in self.base_url.split(",") if u.strip())

    @property
    def cache_path(self) -> Path:
        """Where the extraction cache and run log live."""
        return self.cache or self.cache_dir / "extractions.sqlite3"

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def api_key(self) -> str | None:
        """The API key, read from the variable named by ``api_key_env`` (never stored)."""
        return os.environ.get(self.api_key_env) or None


def _coerce(name: str, raw: str, annotation: Any) -> Any:
    text = str(annotation)
    try:
        if "bool" in text:
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if "float" in text:
            return float(raw)
        if "int" in text:
            return int(raw)
    except ValueError as e:
        raise ConfigError(
            f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid {text.split('|')[0].strip()}"
        ) from e
    return raw
