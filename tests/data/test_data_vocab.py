"""Vocabulary: Keras IMDb id conventions, ranking, ties, encode/decode, JSON round trip."""
import json

import pytest

from rnnviz.data import OOV_ID, PAD_ID, START_ID, DatasetError, Vocab


def test_specials_and_rank_order():
    vocab = Vocab.build([["b", "a", "b", "c"], ["c", "c", "d"]], num_words=6)
    assert (PAD_ID, START_ID, OOV_ID) == (0, 1, 2)
    assert vocab.words == ["<pad>", "<start>", "<oov>", "c", "b", "a"]
    assert len(vocab) == 6
    assert vocab.id_of("c") == 3 and vocab.id_of("d") == OOV_ID and vocab.id_of("never") == OOV_ID


def test_ties_are_alphabetical_and_independent_of_order():
    a = Vocab.build([["z", "y", "x"], ["x", "y", "z"]], num_words=5)
    b = Vocab.build([["x"], ["y", "z"], ["z", "x", "y"]], num_words=5)
    assert a == b and a.words[3:] == ["x", "y"]


def test_size_is_num_words_when_enough_words():
    words = [f"w{i}" for i in range(50)]
    vocab = Vocab.build([words], num_words=20)
    assert len(vocab) == 20


def test_encode_prepends_start_and_maps_unknown_to_oov():
    vocab = Vocab.build([["good", "movie", "good"]], num_words=10)
    assert vocab.encode(["good", "bad", "movie"]) == [1, 3, 2, 4]
    assert vocab.encode([]) == [1]
    assert vocab.encode_text("GOOD bad, movie!") == [1, 3, 2, 4]
    assert vocab.decode([0, 1, 2, 3, 4]) == ["<pad>", "<start>", "<oov>", "good", "movie"]


def test_is_known_and_word_of():
    vocab = Vocab.build([["good"]], num_words=10)
    assert vocab.is_known("good") and not vocab.is_known("bad") and not vocab.is_known("<oov>")
    assert vocab.word_of(3) == "good"
    with pytest.raises(ValueError, match="outside"):
        vocab.word_of(4)
    with pytest.raises(ValueError):
        vocab.decode([-1])


def test_json_round_trip_with_non_ascii():
    vocab = Vocab.build([["café", "naïve", "café", "日本"]], num_words=10)
    again = Vocab.from_json(vocab.to_json())
    assert again == vocab and again.id_of("café") == 3


@pytest.mark.parametrize("text, message", [
    ("not json", "not valid JSON"),
    ("[1, 2]", "wrong format"),
    (json.dumps({"format": "rnnviz-vocab", "version": 99, "words": []}), "version"),
    (json.dumps({"format": "rnnviz-vocab", "version": 1, "words": "abc"}), "no list"),
    (json.dumps({"format": "rnnviz-vocab", "version": 1, "words": ["a", "b", "c"]}), "must start"),
    (json.dumps({"format": "rnnviz-vocab", "version": 1, "words": ["<pad>", "<start>", "<oov>", "a", "a"]}),
     "twice"),
])
def test_bad_json_rejected_with_clear_message(text, message):
    with pytest.raises(DatasetError, match=message):
        Vocab.from_json(text)


def test_keras_word_index_offsets():
    # imdb_word_index.json maps word -> rank (1 = most frequent); Keras adds index_from=3.
    vocab = Vocab.from_keras_word_index({"the": 1, "and": 2, "a": 3, "of": 4}, num_words=6)
    assert vocab.words == ["<pad>", "<start>", "<oov>", "<unused>", "the", "and"]
    assert vocab.id_of("the") == 4 and vocab.id_of("a") == OOV_ID
    assert not vocab.is_known("<unused>")


def test_num_words_too_small_rejected():
    with pytest.raises(ValueError, match="num_words"):
        Vocab.build([["a"]], num_words=2)
