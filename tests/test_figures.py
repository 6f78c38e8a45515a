"""Which numbers are figures worth asking the model about (pipeline/figures.py)."""

import pytest

from pipeline.figures import find_figures


def _labels(text: str) -> list[str]:
    return [f.label for f in find_figures(text, [])]


@pytest.mark.parametrize(
    "text",
    [
        "The toll is more than three times the figure it gave in February.",
        "The missile flew 1,000 km before landing.",
        "Output rose 40 percent in 2024.",
        "They trained for 12 weeks.",
    ],
)
def test_measures_of_other_things_are_not_figures(text):
    assert _labels(text) == []


def test_counts_of_people_are_figures():
    labels = _labels("About 2,000 North Korean soldiers have been killed, up from 600.")
    assert any("2,000" in label for label in labels)


def test_list_markers_and_document_numbers_are_not_figures():
    text = (
        "Joint statement\n\n"
        "1. We condemn the deployment of North Korean troops to Russia.\n"
        "2) Some 800 engineers were sent to the Kursk region.\n"
        "(3) This violates Resolution 2397 and resolutions 1718 and 2270 (Article 5).\n"
        "3.5 million shells were shipped."
    )
    labels = [f.label for f in find_figures(text)]
    assert labels == ["Some 800 engineers", "3.5 million shells"]
