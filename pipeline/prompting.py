"""Render prompts from the versioned files in ``prompts/``.

Message layout, chosen for llama.cpp's prefix cache: the static system prompt first (shared by
every call), then the article (shared by the passes over one article), then the short task.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from typing import Literal

Task = Literal["figures", "exchanges"]
_TASK_FILES = {"figures": "task_figures.md", "exchanges": "task_exchanges.md"}
_FILES = ("system.md", "article.md", *_TASK_FILES.values())


@cache
def read_prompt(name: str) -> str:
    """One prompt file's text."""
    return resources.files("prompts").joinpath(name).read_text(encoding="utf-8")


@cache
def prompt_version() -> str:
    """``<label>+<hash>``: the label from system.md's title, the hash over every prompt file."""
    title = read_prompt("system.md").splitlines()[0]
    label = title.rsplit(" ", 1)[-1] if title.startswith("#") else "v?"
    digest = hashlib.sha256("\0".join(read_prompt(f) for f in _FILES).encode()).hexdigest()
    return f"{label}+{digest[:8]}"


def delimit(article_text: str) -> str:
    """Keep an article from closing our delimiter early (it is data, not instructions)."""
    return article_text.replace("ARTICLE>>>", "ARTICLE> > >").replace("<<<ARTICLE", "< < <ARTICLE")


def render_messages(article_text: str, task: Task, figures: list[str]) -> list[dict[str, str]]:
    """Chat messages for one task (``figures`` or ``exchanges``) over one article.

    ``figures`` are the count phrases code found in the article; the passes over one article share
    everything up to the task line, so llama.cpp evaluates the article once.
    """
    system = read_prompt("system.md").split("\n", 1)[1].strip()  # the title line is metadata
    listed = "\n".join(f"f{i}: {f}" for i, f in enumerate(figures, 1)) or "(none)"
    values = {"figures": listed, "article": delimit(article_text.strip())}
    # One pass over the template, so text inside the article is never treated as a placeholder.
    article = re.sub(r"\{(figures|article)\}", lambda m: values[m[1]], read_prompt("article.md"))
    instruction = read_prompt(_TASK_FILES[task]).strip()
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": f"{article.strip()}\n\n{instruction}"},
    ]
