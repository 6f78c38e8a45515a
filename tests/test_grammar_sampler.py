"""The one-token-check grammar sampler, on the real embedded model.

It must choose exactly the tokens llama-cpp-python's own chain chooses (greedy, grammar on), take
over nothing else, and fall back to masking the whole vocabulary when the grammar refuses the
model's first choice.
"""

from __future__ import annotations

import json

import pytest

from pipeline.backends import grammar_sampler

pytestmark = pytest.mark.integration

SCHEMA = {
    "type": "object",
    "properties": {
        "country": {"type": "string", "enum": ["North Korea", "Russia", "Ukraine"]},
        "count": {"type": "integer"},
        "hedge": {"type": "string", "enum": ["confirmed", "reported", "estimated"]},
        "quote": {"type": "string"},
    },
    "required": ["country", "count", "hedge", "quote"],
}
ARTICLES = [
    "Seoul's spy agency estimated that roughly 11,000 North Korean troops were sent to Kursk.",
    "Ukraine said 3,000 North Korean soldiers were killed or wounded, according to Kyiv's army.",
]


@pytest.fixture(scope="module")
def llama(model_path):
    from llama_cpp import Llama

    model = Llama(model_path=str(model_path), n_ctx=1024, n_threads=2, verbose=False)
    yield model
    model.close()


def _chat(llama, article: str) -> str:
    response = llama.create_chat_completion(
        messages=[
            {"role": "system", "content": "Answer with one JSON record about the article."},
            {"role": "user", "content": article},
        ],
        response_format={"type": "json_object", "schema": SCHEMA},
        temperature=0.0,
        max_tokens=80,
    )
    return response["choices"][0]["message"]["content"]


def test_same_tokens_as_the_stock_chain(llama):
    grammar_sampler.uninstall(llama)
    stock = [_chat(llama, a) for a in ARTICLES]
    grammar_sampler.install(llama)
    fast = [_chat(llama, a) for a in ARTICLES]
    grammar_sampler.uninstall(llama)
    assert fast == stock
    for text in fast:
        assert json.loads(text)["country"] in SCHEMA["properties"]["country"]["enum"]


def test_a_refused_first_choice_masks_the_whole_vocabulary(llama):
    from llama_cpp import LlamaGrammar

    grammar = LlamaGrammar.from_string('root ::= "purple"', verbose=False)
    samplers = []
    grammar_sampler.install(llama)
    original = llama._init_sampler

    def keep(**kwargs):
        sampler = original(**kwargs)
        samplers.append(sampler)
        return sampler

    llama._init_sampler = keep
    try:
        out = llama.create_completion(
            "Q: What colour is the sky on a clear day? Answer in one word.\nA:",
            grammar=grammar,
            temperature=0.0,
            max_tokens=8,
        )
    finally:
        grammar_sampler.uninstall(llama)
    assert out["choices"][0]["text"] == "purple"
    (sampler,) = samplers
    assert isinstance(sampler, grammar_sampler.GreedyGrammarSampler)
    assert sampler.masked >= 1  # the model wanted " Blue"; the grammar said no


def test_sampling_that_is_not_greedy_keeps_the_stock_chain(llama):
    from llama_cpp import LlamaGrammar

    grammar_sampler.install(llama)
    try:
        grammar = LlamaGrammar.from_string('root ::= "a" | "b"', verbose=False)
        greedy = llama._init_sampler(temp=0.0, grammar=grammar)
        warm = llama._init_sampler(temp=0.7, grammar=grammar)
        penalised = llama._init_sampler(temp=0.0, repeat_penalty=1.1, grammar=grammar)
        plain = llama._init_sampler(temp=0.0, grammar=None)
    finally:
        grammar_sampler.uninstall(llama)
    assert isinstance(greedy, grammar_sampler.GreedyGrammarSampler)
    for sampler in (warm, penalised, plain):
        assert not isinstance(sampler, grammar_sampler.GreedyGrammarSampler)
