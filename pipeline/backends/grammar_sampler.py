"""Greedy decoding under a grammar: check the chosen token, mask the vocabulary only if refused.

llama-cpp-python samples through a llama.cpp chain of penalties, grammar and greedy. The grammar
sampler tests every candidate in the vocabulary against the grammar at every step: with Qwen's
151,936 tokens that is about 14 ms per output token here, a third of what generating the token
costs. For greedy decoding most of that work is wasted. The token with the highest logit is the
answer whenever the grammar allows it, so we test that one token and fall back to masking the
whole vocabulary only when it is refused. This is the ``grammar_first = false`` path of
llama.cpp's own ``common_sampler``; the token chosen is the one the full chain would choose.

Only greedy decoding (temperature 0) with neutral penalties and no logits processors is taken
over; anything else goes to llama-cpp-python's own chain unchanged.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import numpy as np

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)


class GreedyGrammarSampler:
    """Stands in for llama-cpp-python's ``LlamaSampler`` in ``Llama.generate`` (``sample`` only)."""

    def __init__(self, llama: Any, grammar: Any) -> None:
        import llama_cpp

        self._lib = llama_cpp
        vocab = llama._model.vocab
        self.n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
        self._grammar = llama_cpp.llama_sampler_init_grammar(
            vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8")
        )
        if not self._grammar:
            raise ValueError("llama.cpp could not parse the grammar")
        # One candidate, for the cheap check.
        self._one = (llama_cpp.llama_token_data * 1)()
        self._one_array = llama_cpp.llama_token_data_array(
            data=self._one, size=1, selected=-1, sorted=False
        )
        # The whole vocabulary, allocated on first refusal.
        self._all: Any = None
        self._all_view: np.ndarray | None = None
        self._all_array: Any = None
        self.checked = 0  # tokens decided by the one-token check
        self.masked = 0  # tokens that needed the whole vocabulary masked

    def _logits(self, ctx: Any, idx: int) -> np.ndarray:
        pointer = self._lib.llama_get_logits_ith(ctx.ctx, idx)
        return np.ctypeslib.as_array(pointer, shape=(self.n_vocab,))

    def _allowed(self, token: int, logit: float) -> bool:
        one = self._one[0]
        one.id, one.logit, one.p = token, logit, 0.0
        self._one_array.size, self._one_array.selected, self._one_array.sorted = 1, -1, False
        self._lib.llama_sampler_apply(self._grammar, ctypes.byref(self._one_array))
        return not math.isinf(self._one[0].logit)

    def _masked_argmax(self, logits: np.ndarray) -> int:
        if self._all is None:
            self._all = (self._lib.llama_token_data * self.n_vocab)()
            self._all_view = np.frombuffer(self._all, dtype=_TOKEN_DATA)
            # the grammar only sets refused logits to -inf, never reorders: ids are set once
            self._all_view["id"] = np.arange(self.n_vocab, dtype=np.int32)
            self._all_array = self._lib.llama_token_data_array(
                data=self._all, size=self.n_vocab, selected=-1, sorted=False
            )
        view = self._all_view
        assert view is not None
        view["logit"] = logits
        view["p"] = 0.0
        self._all_array.size, self._all_array.selected, self._all_array.sorted = (
            self.n_vocab,
            -1,
            False,
        )
        self._lib.llama_sampler_apply(self._grammar, ctypes.byref(self._all_array))
        return int(view["id"][int(np.argmax(view["logit"]))])

    def sample(self, ctx: Any, idx: int = -1) -> int:
        logits = self._logits(ctx, idx)
        token = int(np.argmax(logits))
        if self._allowed(token, float(logits[token])):
            self.checked += 1
        else:
            self.masked += 1
            token = self._masked_argmax(logits)
        self._lib.llama_sampler_accept(self._grammar, token)
        return token

    def close(self) -> None:
        if self._grammar:
            self._lib.llama_sampler_free(self._grammar)
            self._grammar = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter teardown: the library may be gone already
            pass


def install(llama: Any) -> None:
    """Make this ``Llama`` object decode greedily under a grammar with the one-token check.

    Idempotent. Calls that are not greedy, or that use penalties or logits processors, keep
    llama-cpp-python's own sampler chain.
    """
    if getattr(llama, "_troopwatch_sampler", False):
        return
    original = llama._init_sampler

    def init_sampler(**kwargs: Any) -> Any:
        grammar = kwargs.get("grammar")
        neutral = (
            kwargs.get("temp") == 0.0
            and kwargs.get("logits_processor") is None
            and kwargs.get("repeat_penalty", 1.0) == 1.0
            and kwargs.get("frequency_penalty", 0.0) == 0.0
            and kwargs.get("presence_penalty", 0.0) == 0.0
            and kwargs.get("mirostat_mode", 0) == 0
        )
        if grammar is None or not neutral:
            return original(**kwargs)
        return GreedyGrammarSampler(llama, grammar)

    llama._init_sampler = init_sampler
    llama._troopwatch_sampler = True


def uninstall(llama: Any) -> None:
    """Give this ``Llama`` object llama-cpp-python's own sampler chain back."""
    llama.__dict__.pop("_init_sampler", None)
    llama._troopwatch_sampler = False
