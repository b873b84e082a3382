"""Synthetic tasks: deterministic, balanced, and solvable only by the property they are meant to show."""
import numpy as np
import pytest

from rnnviz.data import make_memory_task, make_negation_task, pad_sequences
from rnnviz.data.synthetic import NEGATORS, POSITIVE


def assert_same(a, b):
    for field in ("x_train", "y_train", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert a.test_texts == b.test_texts and a.vocab == b.vocab


@pytest.mark.parametrize("make", [make_memory_task, make_negation_task])
def test_deterministic_for_a_seed(make):
    assert_same(make(seed=5), make(seed=5))
    assert not np.array_equal(make(seed=5).x_train, make(seed=6).x_train)


@pytest.mark.parametrize("make", [make_memory_task, make_negation_task])
def test_shapes_and_exactly_balanced_labels(make):
    ds = make(n_train=301, n_test=100, seed=1)
    assert ds.x_train.shape[0] == 301 and ds.x_test.shape[0] == 100
    assert ds.x_train.dtype == np.int32 and ds.y_train.dtype == np.float32
    assert ds.y_train.sum() == 151 and ds.y_test.sum() == 50
    assert (ds.x_train[:, -1] != 0).all() and ds.x_train.max() < len(ds.vocab)
    assert len(ds.test_texts) == 100


def test_memory_label_is_the_second_token_and_the_rest_is_noise():
    ds = make_memory_task(n_train=4000, n_test=100, seq_len=30, seed=2)
    assert ds.x_train.shape == (4000, 30) and ds.maxlen == 30 and (ds.x_train[:, 0] == 1).all()
    yes = ds.vocab.id_of("yes")
    np.testing.assert_array_equal(ds.x_train[:, 1] == yes, ds.y_train == 1)
    noise = ds.x_train[:, 2:]
    for token in np.unique(noise):  # every noise token is uninformative about the label
        rows = (noise == token).any(axis=1) & ((noise == token).sum(axis=1) >= 4)
        assert abs(ds.y_train[rows].mean() - 0.5) < 0.06
    assert ds.test_texts[0].split()[0] == ("yes" if ds.y_test[0] == 1 else "no")


def test_memory_seq_len_controls_difficulty():
    assert make_memory_task(seq_len=200, n_train=10, n_test=10).x_train.shape == (10, 200)
    with pytest.raises(ValueError, match="seq_len"):
        make_memory_task(seq_len=1)
    with pytest.raises(ValueError, match="n_train"):
        make_memory_task(n_train=1)


def read_by_rule(text: str) -> int:
    """Independent oracle: the clause after 'but' decides; a negator flips the adjective."""
    clause = text.split(" but ")[-1].split()
    positive = clause[-1] in POSITIVE
    negated = any(w in NEGATORS for w in clause)
    return int(positive != negated)


def test_negation_labels_follow_word_order():
    ds = make_negation_task(n_train=50, n_test=2000, seed=3)
    assert [read_by_rule(t) for t in ds.test_texts] == ds.y_test.astype(int).tolist()
    encoded = pad_sequences([ds.vocab.encode(t.split()) for t in ds.test_texts], ds.maxlen)
    np.testing.assert_array_equal(encoded, ds.x_test)
    texts = set(ds.test_texts)
    assert any("not" in t for t in texts) and any(" but " in t for t in texts)


def bag_of_words(x, vocab_size):
    counts = np.zeros((len(x), vocab_size))
    np.add.at(counts, (np.repeat(np.arange(len(x)), x.shape[1]), x.ravel()), 1)
    return np.hstack([counts, np.ones((len(x), 1))])


def test_negation_is_not_solvable_by_a_bag_of_words():
    ds = make_negation_task(n_train=4000, n_test=2000, seed=4)
    n = len(ds.vocab)
    w, *_ = np.linalg.lstsq(bag_of_words(ds.x_train, n), ds.y_train * 2 - 1, rcond=None)
    bow_accuracy = ((bag_of_words(ds.x_test, n) @ w > 0) == (ds.y_test == 1)).mean()
    assert bow_accuracy < 0.6  # chance level (~0.5), while the order-aware rule above is exact
    for word in ("good", "not", "bad", "but"):
        has = (ds.x_train == ds.vocab.id_of(word)).any(axis=1)
        assert abs(ds.y_train[has].mean() - 0.5) < 0.08, word
