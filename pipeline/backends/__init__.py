"""Backends: one small class each, chosen by ``Settings.backend``."""

from __future__ import annotations

from pipeline.backends.base import Backend, Completion, InstructorBackend, Usage
from pipeline.settings import Settings

__all__ = ["Backend", "Completion", "InstructorBackend", "Usage", "make_backend", "make_backends"]


def make_backends(settings: Settings) -> list[Backend]:
    """One backend per server named in ``base_url`` (a fleet, used in turn); else one backend."""
    if settings.backend == "openai" and len(settings.base_urls) > 1:
        return [make_backend(settings.with_(base_url=url)) for url in settings.base_urls]
    return [make_backend(settings)]


def make_backend(settings: Settings) -> Backend:
    """The backend ``settings`` asks for (the first server of several); vendor SDKs are
    imported only here, on demand."""
    if len(settings.base_urls) > 1:
        settings = settings.with_(base_url=settings.base_urls[0])
    if settings.backend == "openai":
        from pipeline.backends.openai_compat import OpenAICompatBackend

        return OpenAICompatBackend(settings)
    from pipeline.backends.local import LocalBackend

    return LocalBackend(settings)
