"""Every curated example offered with a model is in that model's vocabulary (no word becomes <oov>)."""
from __future__ import annotations

import pytest

from rnnviz.explorer import Controls, Explorer
from rnnviz.explorer.sources import TASKS, builtin_spec, example_sentences, readable


@pytest.mark.parametrize("task", sorted(TASKS))
def test_builtin_models_read_every_example_they_are_offered(task, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    spec = builtin_spec(task, 6)
    offered = example_sentences(spec.vocab, int(spec.params["E"].shape[0]))
    assert len(offered) >= 6 and offered[0] == example_sentences()[0]  # the default input is among them
    for label, text in offered:
        e = Explorer(spec, Controls(text=text, label=label))
        assert e.tokens.unknown == (), text
        assert "<oov>" not in e.tokens.labels


def test_the_builtin_sentiment_model_gets_its_examples_right(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    spec = builtin_spec("sentiment", 6)
    for label, text in example_sentences(spec.vocab, int(spec.params["E"].shape[0])):
        assert (Explorer(spec, Controls(text=text, label=label)).prediction() >= 0.5) == bool(label), text


def test_a_model_is_not_offered_what_it_cannot_read(tmp_path, monkeypatch):
    from rnnviz.data import make_memory_task

    vocab = make_memory_task(n_train=2, n_test=2).vocab
    offered = example_sentences(vocab, len(vocab))
    assert offered and all(readable(text, vocab, len(vocab)) for _, text in offered)
    assert "this movie was not good" not in [text for _, text in offered]
    # an id beyond the embedding's rows is <oov> for that model
    assert not readable("yes", vocab, vocab.id_of("yes"))
