"""pad_sequences against a line-by-line transcription of keras.utils.pad_sequences."""
import numpy as np
import pytest

from rnnviz.data import pad_sequences


def keras_pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0):
    """The loop Keras runs (keras/src/utils/sequence_utils.py), for integer sequences."""
    lengths = [len(s) for s in sequences]
    if maxlen is None:
        maxlen = max(lengths) if lengths else 0
    x = np.full((len(sequences), maxlen), value, dtype=dtype)
    for idx, s in enumerate(sequences):
        if not len(s):
            continue
        trunc = s[-maxlen:] if truncating == "pre" else s[:maxlen]
        if maxlen == 0:
            trunc = []
        trunc = np.asarray(trunc, dtype=dtype)
        if padding == "post":
            x[idx, : len(trunc)] = trunc
        else:
            x[idx, maxlen - len(trunc):] = trunc
    return x


@pytest.mark.parametrize("padding", ["pre", "post"])
@pytest.mark.parametrize("truncating", ["pre", "post"])
@pytest.mark.parametrize("maxlen", [None, 0, 1, 5, 40])
def test_matches_keras_on_random_ragged_lists(padding, truncating, maxlen):
    rng = np.random.default_rng(7)
    seqs = [list(rng.integers(1, 100, size=rng.integers(0, 30))) for _ in range(60)]
    ours = pad_sequences(seqs, maxlen, padding=padding, truncating=truncating)
    assert ours.dtype == np.int32
    np.testing.assert_array_equal(ours, keras_pad_sequences(seqs, maxlen, padding=padding, truncating=truncating))


def test_pre_truncation_keeps_the_end_of_a_long_review():
    x = pad_sequences([list(range(1, 1001))], maxlen=500)
    np.testing.assert_array_equal(x[0], np.arange(501, 1001))


def test_empty_inputs():
    assert pad_sequences([], maxlen=3).shape == (0, 3)
    np.testing.assert_array_equal(pad_sequences([[], []], maxlen=2), np.zeros((2, 2), np.int32))


def test_invalid_mode_rejected():
    with pytest.raises(ValueError, match="'pre' or 'post'"):
        pad_sequences([[1]], 2, padding="middle")
