"""The figures response model against the straightforward one pydantic builds per article.

``figures_model`` skips pydantic's class construction for speed; everything a backend sees of it
(name, JSON Schema byte for byte, validation results and error messages) must stay what
``pinned_figures_model`` gives, directly and through instructor's wrapper class.
"""

from __future__ import annotations

import json
import random

import pytest
from instructor.v2.core.response_model import prepare_response_model
from pydantic import ValidationError

from pipeline.extract import FigureVerdicts, figures_model, pinned_figures_model
from schemas.records import DeploymentStatus, FigureKind

ALPHABET = "ab 0123456789,.-\"'\\\n\t{}[]()$%–—’“”éßжк北朝鮮\u00a0\u202f"


def random_label(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))


def random_labels(rng: random.Random) -> list[str]:
    n = rng.choice([1, 1, 2, 3, 4, 7, 12, 30])
    return [random_label(rng) for _ in range(n)]


def answer(labels: list[str], rng: random.Random) -> dict:
    return {
        f"f{i}": {
            "figure": label,
            "counts": rng.choice(list(FigureKind)).value,
            "status": rng.choice(list(DeploymentStatus)).value,
            "time_text": rng.choice([None, "since September", random_label(rng)]),
        }
        for i, label in enumerate(labels, 1)
    }


def broken(data: dict, labels: list[str], rng: random.Random) -> dict:
    """One of the ways a model without a grammar gets the answer wrong."""
    data = json.loads(json.dumps(data))
    key = f"f{rng.randint(1, len(labels))}"
    how = rng.randrange(6)
    if how == 0:
        data[key]["figure"] = data[key]["figure"] + "x"  # a label not copied exactly
    elif how == 1 and len(labels) > 1:
        data["f1"]["figure"], data[key]["figure"] = data[key]["figure"], data["f1"]["figure"]
    elif how == 2:
        del data[key]  # a figure skipped
    elif how == 3:
        del data[key]["status"]
    elif how == 4:
        data[key]["counts"] = "tanks"
    else:
        data[f"f{len(labels) + 1}"] = data[key]  # an extra figure: ignored by both
    return data


def outcome(model: type, raw: str) -> tuple[str, str]:
    try:
        parsed = model.model_validate_json(raw)
    except ValidationError as e:
        return "error", str(e)
    return "ok", parsed.model_dump_json()


def schema_text(model: type) -> str:
    return json.dumps(model.model_json_schema())


@pytest.mark.parametrize("seed", range(40))
def test_figures_model_is_the_pinned_model_to_a_backend(seed):
    rng = random.Random(seed)
    labels = random_labels(rng)
    fast, reference = figures_model(labels), pinned_figures_model(labels)
    assert fast.__name__ == reference.__name__ == "FigureVerdicts"
    assert schema_text(fast) == schema_text(reference)
    good = answer(labels, rng)
    for data in [good] + [broken(good, labels, rng) for _ in range(6)]:
        raw = json.dumps(data)
        assert outcome(fast, raw) == outcome(reference, raw), data
    parsed = fast.model_validate_json(json.dumps(good))
    assert isinstance(parsed, fast) and isinstance(parsed, FigureVerdicts)
    assert [v.figure for _, v in parsed] == labels


@pytest.mark.parametrize("seed", range(10))
def test_figures_model_through_instructors_wrapper(seed):
    # instructor subclasses the response model (pydantic's full class construction) and asks
    # that subclass for the schema and the validation
    rng = random.Random(1000 + seed)
    labels = random_labels(rng)
    fast = prepare_response_model(figures_model(labels))
    reference = prepare_response_model(pinned_figures_model(labels))
    assert fast.__name__ == reference.__name__
    assert schema_text(fast) == schema_text(reference)
    good = answer(labels, rng)
    for data in [good] + [broken(good, labels, rng) for _ in range(4)]:
        raw = json.dumps(data)
        assert outcome(fast, raw) == outcome(reference, raw), data


def test_models_of_the_same_size_keep_their_own_pins():
    first, second = figures_model(["5,000 troops"]), figures_model(["600 soldiers"])
    assert first.model_json_schema() != second.model_json_schema()
    ok = {"counts": "killed", "status": "unknown", "time_text": None}
    assert first.model_validate({"f1": {"figure": "5,000 troops", **ok}})
    with pytest.raises(ValidationError, match="must be '600 soldiers'"):
        second.model_validate({"f1": {"figure": "5,000 troops", **ok}})


def test_schema_is_a_new_dict_every_call():
    model = figures_model(["5,000 troops"])
    schema = model.model_json_schema()
    schema["properties"]["f1"]["properties"]["figure"]["const"] = "changed"
    assert model.model_json_schema()["properties"]["f1"]["properties"]["figure"]["const"] == (
        "5,000 troops"
    )


def test_other_schema_flavours_come_from_pydantic():
    labels = ["about 3,000 troops", "up to 40,000 workers"]
    fast, reference = figures_model(labels), pinned_figures_model(labels)
    for kwargs in ({"mode": "serialization"}, {"by_alias": False}):
        assert fast.model_json_schema(**kwargs) == reference.model_json_schema(**kwargs)
