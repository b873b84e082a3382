"""The ordinary network beside the RNN on the Explore sentence (no Qt): which bag model goes with which
RNN, Shuffle words / Restore order as explorer calls, and both outputs read from the core's traces."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
from rnnviz.core.bag import init_bag_params, make_bag_trace
from rnnviz.data import Vocab
from rnnviz.explorer import Controls, Explorer, ModelSpec
from rnnviz.explorer.lessons import lesson_bag_model, lesson_model
from rnnviz.explorer.ordinary import OrderExperiment, find_bag_partner, no_other_order, side_by_side
from rnnviz.train.checkpoint import save_model
from rnnviz.train.config import TrainConfig
from rnnviz.train.model import TrainedModel

SENTENCE = "the movie was not good but the acting was great"
REORDERED = "the movie was great but the acting was not good"  # lesson 1's reordering: order decides


@pytest.fixture(scope="module")
def rnn():
    return lesson_model("sentiment", 6)


@pytest.fixture(scope="module")
def bag(rnn):
    partner = find_bag_partner(rnn)
    assert partner.model is not None, partner.reason
    assert "built-in" in partner.description and "H = 6" in partner.description
    return partner.model


@pytest.fixture
def experiment(rnn):
    return OrderExperiment(Explorer(rnn, Controls(text=SENTENCE, label=1)))


def test_the_built_in_rnn_gets_the_built_in_bag_with_its_vocabulary_and_task(rnn, bag):
    assert bag.config.model == "bag" and bag.config.dataset == rnn.trained.config.dataset == "negation"
    assert bag.vocab == rnn.vocab and bag.params["E"].shape[0] == rnn.params["E"].shape[0]


def test_shuffle_and_restore_are_explorer_calls_and_the_bag_is_bit_equal(experiment, bag):
    e = experiment.explorer
    calls = []
    e.events.changed.connect(calls.append)
    before = side_by_side(experiment, bag)
    assert before.shuffled is None and not before.showing_shuffled
    experiment.shuffle()
    assert len(calls) == 1 and calls[0] == frozenset({"text"})
    assert sorted(e.controls.text.split()) == sorted(SENTENCE.split()) and e.controls.text != SENTENCE
    side = side_by_side(experiment, bag)
    assert side.showing_shuffled and side.same_tokens and side.current is side.shuffled
    assert side.written.bag.o == side.shuffled.bag.o  # bit for bit, not approximately
    assert side.written.bag.y_hat == side.shuffled.bag.y_hat
    assert side.written.bag.o == before.written.bag.o
    experiment.restore()
    assert e.controls.text == SENTENCE and len(calls) == 2
    back = side_by_side(experiment, bag)
    assert not back.showing_shuffled and back.shuffled.text == side.shuffled.text  # the order is kept
    assert back.written.bag.o == back.shuffled.bag.o == side.written.bag.o
    assert back.written.rnn == before.written.rnn


def test_the_rnn_changes_where_order_decides(experiment, bag):
    experiment.shuffle(REORDERED)
    side = side_by_side(experiment, bag)
    # "not good but ... great" is positive, "great but ... not good" negative: the RNN reads the order
    assert side.written.rnn > 0.9 and side.shuffled.rnn < 0.1
    assert side.written.bag.o == side.shuffled.bag.o


def test_every_number_is_the_cores_trace(experiment, bag, rnn):
    experiment.shuffle(REORDERED)
    e = experiment.explorer
    side = side_by_side(experiment, bag)
    assert side.shuffled.rnn == e.prediction()  # the graph's own trace
    written_ids = Explorer(rnn, Controls(text=SENTENCE, label=1)).tokens.ids
    rnn_trace = make_trace({k: np.asarray(v, np.float64) for k, v in rnn.params.items()},
                           np.asarray(written_ids), np.asarray(1), activation=rnn.activation)
    assert side.written.rnn == float(rnn_trace.y_hat[-1, 0])
    for out in (side.written, side.shuffled):
        ref = make_bag_trace(bag.params, np.asarray(out.ids), 1, activation=bag.activation)
        assert (out.bag.o, out.bag.y_hat) == (ref.o, ref.y_hat)
        np.testing.assert_array_equal(out.bag.x_bar, ref.x_bar)


def test_typing_another_sentence_forgets_the_written_one(experiment):
    experiment.shuffle()
    assert experiment.shuffled
    experiment.explorer.update(text="this movie was good")
    assert experiment.written is None and not experiment.shuffled
    experiment.restore()  # nothing to restore
    assert experiment.explorer.controls.text == "this movie was good"


def test_a_label_or_w_change_keeps_the_experiment(experiment, bag):
    experiment.shuffle(REORDERED)
    experiment.explorer.update(label=0, w_scale=1.5)
    side = side_by_side(experiment, bag)
    assert experiment.shuffled and side.written.text == SENTENCE
    assert side.written.bag.o == side.shuffled.bag.o
    assert side.shuffled.rnn == experiment.explorer.prediction()  # with W x 1.5, as the graph shows


@pytest.mark.parametrize("text", ["good", "good good good", ""])
def test_no_other_order_is_said_not_faked(rnn, text):
    assert no_other_order(text)
    experiment = OrderExperiment(Explorer(rnn, Controls(text=text, label=1)))
    with pytest.raises(ValueError):
        experiment.shuffle()
    assert experiment.explorer.controls.text == text and experiment.written is None


def test_a_reordering_must_use_the_same_words(experiment):
    with pytest.raises(ValueError, match="same words"):
        experiment.shuffle("the movie was bad")


def test_padding_leaves_the_bag_unchanged_and_shuffles_equal(experiment, bag):
    e = experiment.explorer
    plain = side_by_side(experiment, bag).written.bag.o
    e.update(pad=True)
    assert e.tokens.padded > 0
    experiment.shuffle()
    side = side_by_side(experiment, bag)
    assert side.same_tokens and side.written.bag.o == side.shuffled.bag.o == plain
    assert side.current.bag.n_words == len(SENTENCE.split()) + 1  # the words and <start>, no <pad>


def test_unknown_words_are_oov_for_both_and_still_equal(rnn, bag):
    experiment = OrderExperiment(Explorer(rnn, Controls(text="the zzzz movie was not good", label=1)))
    experiment.shuffle()
    side = side_by_side(experiment, bag)
    assert "<oov>" in side.written.labels and "zzzz" in side.written.words
    assert side.same_tokens and side.written.bag.o == side.shuffled.bag.o


def test_a_length_that_keeps_other_words_is_flagged(experiment, bag):
    experiment.explorer.update(seq_len=4)  # <start> and the first three words only
    experiment.shuffle("good not was the movie but the acting was great")
    side = side_by_side(experiment, bag)
    assert not side.same_tokens  # the panel must not claim "same words, same output" here


def test_the_next_word_model_has_no_ordinary_partner():
    partner = find_bag_partner(lesson_model("next_word", 6))
    assert partner.model is None and "Sentiment" in partner.reason


def test_a_model_without_training_record_has_none(rnn):
    pencil = lesson_model("pencil")
    partner = find_bag_partner(pencil)
    assert partner.model is None and "training record" in partner.reason


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_a_gated_model_of_compare_cells_has_none(rnn, cell):
    spec = ModelSpec(init_params(12, 3, 4, seed=1, dtype=np.float64, cell=cell), Vocab(
        ["<pad>", "<start>", "<oov>"] + [f"w{k}" for k in range(9)]), "tanh", "binary", "LSTM test", cell=cell)
    partner = find_bag_partner(spec)
    assert partner.model is None and partner.reason


def _imdb_like(vocab: Vocab, model: str, seed: int = 0) -> TrainedModel:
    config = TrainConfig(dataset="imdb", num_words=len(vocab), maxlen=20, embed_dim=4, hidden_dim=5,
                         model=model, seed=seed)
    params = (init_bag_params(len(vocab), 4, 5, seed=seed) if model == "bag"
              else init_params(len(vocab), 4, 5, seed=seed))
    return TrainedModel(params, config, vocab)


def test_an_imdb_rnn_finds_a_saved_bag_with_its_vocabulary_only(tmp_path):
    vocab = Vocab(["<pad>", "<start>", "<oov>", "<unused>"] + [f"w{k}" for k in range(20)])
    other = Vocab(["<pad>", "<start>", "<oov>", "<unused>"] + [f"v{k}" for k in range(20)])
    rnn = ModelSpec.from_trained(_imdb_like(vocab, "rnn"), "imdb.npz")
    none = find_bag_partner(rnn, folder=tmp_path)
    assert none.model is None and "imdb" in none.reason and "Train page" in none.reason
    save_model(tmp_path / "other-vocab-bag.npz", _imdb_like(other, "bag"))
    save_model(tmp_path / "an-rnn.npz", _imdb_like(vocab, "rnn", seed=2))  # an RNN is no bag partner
    assert find_bag_partner(rnn, folder=tmp_path).model is None
    save_model(tmp_path / "imdb-bag.npz", _imdb_like(vocab, "bag", seed=3))
    (tmp_path / "broken.npz").write_bytes(b"not a model")
    found = find_bag_partner(rnn, folder=tmp_path)
    assert found.model is not None and "imdb-bag.npz" in found.description
    assert found.model.vocab == vocab
    experiment = OrderExperiment(Explorer(rnn, Controls(text="w1 w2 w3 w4", label=1)))
    experiment.shuffle()
    side = side_by_side(experiment, found.model)
    assert side.written.bag.o == side.shuffled.bag.o


def test_an_untraceable_input_raises_its_message(rnn, bag):
    e = Explorer(rnn, Controls(text=SENTENCE, label=1))
    e.error = "the core refused it"  # as _sync_playback records a ValueError of the core
    with pytest.raises(ValueError, match="refused"):
        side_by_side(OrderExperiment(e), bag)


def test_the_bag_model_is_the_lessons_cached_one(rnn, bag):
    assert bag is lesson_bag_model(6)


def test_an_lstm_trained_on_the_negation_task_gets_the_built_in_bag(rnn, bag):
    config = rnn.trained.config.with_changes(cell="lstm")
    params = init_params(rnn.params["E"].shape[0], config.embed_dim, 6, seed=1, cell="lstm")
    lstm = ModelSpec.from_trained(TrainedModel(params, config, rnn.vocab), "my-lstm.npz")
    partner = find_bag_partner(lstm, folder=None, builtin=lambda h: bag)
    assert partner.model is bag and "negation" in partner.description
    experiment = OrderExperiment(Explorer(lstm, Controls(text=SENTENCE, label=1)))
    experiment.shuffle(REORDERED)
    side = side_by_side(experiment, bag)
    assert side.shuffled.rnn == experiment.explorer.prediction()  # the LSTM's own trace
    assert side.written.bag.o == side.shuffled.bag.o
