"""Backends: one small class each, chosen by ``Settings.backend``."""

from __future__ import annotations

from pipeline.backends.base import Backend, Completion, InstructorBackend, Usage
from pipeline.settings import Settings

__all__ = ["Backend", "Completion", "InstructorBackend", "Usage", "make_backend"]


def make_backend(settings: Settings) -> Backend:
    """The backend ``settings`` asks for; vendor SDKs are imported only here, on demand."""
    if settings.backend == "openai":
        from pipeline.backends.openai_compat import OpenAICompatBackend

        return OpenAICompatBackend(settings)
    from pipeline.backends.local import LocalBackend

    return LocalBackend(settings)
