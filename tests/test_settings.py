from pathlib import Path

import pytest

from pipeline.backends.openai_compat import OpenAICompatBackend
from pipeline.errors import ConfigError
from pipeline.settings import Settings


def test_flags_override_environment_which_overrides_defaults():
    env = {
        "TROOPWATCH_BACKEND": "openai",
        "TROOPWATCH_MAX_TOKENS": "300",
        "TROOPWATCH_STRICT": "true",
        "TROOPWATCH_MODEL_PATH": "~/m.gguf",
    }
    s = Settings.from_env(env, max_tokens=500, model=None)
    assert s.backend == "openai" and s.max_tokens == 500 and s.strict is True
    assert s.model_path == Path("~/m.gguf").expanduser()


def test_bad_values_name_the_variable():
    with pytest.raises(ConfigError, match="TROOPWATCH_MAX_TOKENS"):
        Settings.from_env({"TROOPWATCH_MAX_TOKENS": "lots"})
    with pytest.raises(ConfigError, match="TROOPWATCH_BACKEND"):
        Settings.from_env({"TROOPWATCH_BACKEND": "gpt"})


def test_openai_backend_names_what_to_set(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ConfigError, match="TROOPWATCH_MODEL"):
        OpenAICompatBackend(Settings(backend="openai"))
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        OpenAICompatBackend(Settings(backend="openai", model="gpt-4o-mini"))
    with pytest.raises(ConfigError, match="MY_KEY"):
        OpenAICompatBackend(Settings(backend="openai", model="m", api_key_env="MY_KEY"))
    # a self-hosted server needs no key
    OpenAICompatBackend(Settings(backend="openai", model="m", base_url="http://127.0.0.1:1/v1"))


def test_api_key_is_never_part_of_settings(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    s = Settings.from_env({})
    assert "sk-secret-123" not in repr(s)
    assert s.api_key() == "sk-secret-123"
