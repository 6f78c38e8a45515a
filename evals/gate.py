"""Pass/fail gate: compare a report's flat ``metrics`` with thresholds and a baseline.

``thresholds.toml`` layout::

    [min]                      # metric -> lowest acceptable value
    micro_f1 = 0.6

    [max]                      # metric -> highest acceptable value
    failed_rate = 0.0

    [baseline]
    tolerance = 0.05           # allowed absolute drop against the baseline
    metrics = ["micro_f1"]     # metrics compared with the baseline
    lower_is_better = []       # optional; metrics listed under [max] are lower-is-better too
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the tomli backport
    import tomli as tomllib


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if math.isnan(value) else float(value)


def _fmt(value: float) -> str:
    """Two decimals, more when two would hide the difference (0.599 -> 0.5990)."""
    if float(value).is_integer() and abs(value) >= 1:
        return str(int(value))
    two = f"{value:.2f}"
    return two if abs(float(two) - value) < 1e-9 else f"{value:.4f}"


def default_thresholds_path() -> Path:
    """``thresholds.toml`` beside this module."""
    return Path(__file__).resolve().parent / "thresholds.toml"


def load_thresholds(path: Path | None = None) -> dict[str, Any]:
    """Read and check a thresholds TOML file (default: :func:`default_thresholds_path`).

    Returns ``{"min": {metric: float}, "max": {metric: float},
    "baseline": {"tolerance": float, "metrics": [str], "lower_is_better": [str]}}``.

    Raises:
        ValueError: naming the file, when the TOML is malformed or a value has the wrong type.
    """
    path = Path(path) if path is not None else default_thresholds_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: malformed TOML: {exc}") from exc
    unknown = set(raw) - {"min", "max", "baseline"}
    if unknown:
        raise ValueError(f"{path}: unknown section(s) {sorted(unknown)}; use min, max, baseline")
    out: dict[str, Any] = {"min": {}, "max": {}}
    for section in ("min", "max"):
        table = raw.get(section, {})
        if not isinstance(table, dict):
            raise ValueError(f"{path}: [{section}] must be a table of metric = number")
        for metric, value in table.items():
            number = _number(value)
            if number is None:
                raise ValueError(f"{path}: [{section}] {metric} must be a number, got {value!r}")
            out[section][metric] = number
    baseline = raw.get("baseline", {})
    if not isinstance(baseline, dict):
        raise ValueError(f"{path}: [baseline] must be a table")
    tolerance = _number(baseline.get("tolerance", 0.0))
    if tolerance is None or tolerance < 0:
        raise ValueError(f"{path}: [baseline] tolerance must be a number >= 0")
    lists = {}
    for key in ("metrics", "lower_is_better"):
        value = baseline.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{path}: [baseline] {key} must be a list of metric names")
        lists[key] = list(value)
    out["baseline"] = {"tolerance": tolerance, **lists}
    return out


def check_gate(
    report_metrics: dict[str, Any],
    thresholds: dict[str, Any],
    baseline_metrics: dict[str, Any] | None = None,
) -> list[str]:
    """Return one human-readable line per violation; an empty list means the gate passes.

    * ``[min]``: ``"micro_f1 0.41 < min 0.60"``; ``[max]``: ``"failed_rate 0.10 > max 0.00"``.
    * A metric named in ``[min]``, ``[max]`` or ``baseline.metrics`` that the report lacks, or
      reports as ``None``/non-numeric, fails (``"micro_f1 missing from report"``).
    * Baseline: each metric in ``baseline.metrics`` fails when it dropped more than
      ``tolerance`` below the baseline (or, for lower-is-better metrics, i.e. those in
      ``[max]`` or ``baseline.lower_is_better``, rose more than ``tolerance`` above it).
      A metric the baseline does not have is skipped (nothing to regress from).
      ``baseline_metrics`` may be a flat metrics dict or a report dict holding ``"metrics"``.
    """
    failures: list[str] = []

    def current(metric: str) -> float | None:
        if metric not in report_metrics:
            failures.append(f"{metric} missing from report")
            return None
        value = _number(report_metrics[metric])
        if value is None:
            failures.append(f"{metric} not measured (value {report_metrics[metric]!r})")
        return value

    for metric, limit in thresholds.get("min", {}).items():
        value = current(metric)
        if value is not None and value < limit:
            failures.append(f"{metric} {_fmt(value)} < min {_fmt(limit)}")
    for metric, limit in thresholds.get("max", {}).items():
        value = current(metric)
        if value is not None and value > limit:
            failures.append(f"{metric} {_fmt(value)} > max {_fmt(limit)}")

    baseline_cfg = thresholds.get("baseline", {}) or {}
    if baseline_metrics is not None and baseline_cfg.get("metrics"):
        if isinstance(baseline_metrics.get("metrics"), dict):
            baseline_metrics = baseline_metrics["metrics"]
        tolerance = float(baseline_cfg.get("tolerance", 0.0))
        lower_better = set(baseline_cfg.get("lower_is_better", [])) | set(thresholds.get("max", {}))
        for metric in baseline_cfg["metrics"]:
            base = _number(baseline_metrics.get(metric))
            if base is None:
                continue
            value = current(metric)
            if value is None:
                continue
            change = value - base
            tol = f"(tolerance {_fmt(tolerance)})"
            # A tiny epsilon keeps float noise (0.80 - 0.75 = 0.0500000001) inside the tolerance.
            if metric in lower_better:
                if change > tolerance + 1e-9:
                    failures.append(
                        f"{metric} rose {_fmt(change)} above baseline {_fmt(base)} {tol}"
                    )
            elif -change > tolerance + 1e-9:
                failures.append(
                    f"{metric} dropped {_fmt(-change)} below baseline {_fmt(base)} {tol}"
                )
    return failures
