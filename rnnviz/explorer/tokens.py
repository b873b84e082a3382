"""Turn the user's text into token ids with the model's vocabulary, marking unknown words."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import cycle, islice

from rnnviz.data import OOV_ID, PAD_ID, START_ID, text_to_words

OOV_LABEL = "<oov>"
START_LABEL = "<start>"
PAD_LABEL = "<pad>"


@dataclass(frozen=True)
class TokenizedInput:
    """One input sequence as the RNN sees it.

    ids: (T,) token ids, x_t = E[ids[t-1]]; labels: (T,) what the graph writes under x_t
    ("<start>", the word, or "<oov>" for a word the vocabulary does not know);
    words: (T,) the original word at each position ("" for the start token);
    unknown: the distinct words of the text that the vocabulary does not know, in order.
    """

    ids: tuple[int, ...]
    labels: tuple[str, ...]
    words: tuple[str, ...]
    unknown: tuple[str, ...]
    cut: int = 0  # tokens dropped from the front to stay within max_len (Keras 'pre' truncation)
    padded: int = 0  # <pad> tokens put in front to reach the training length (Keras 'pre' padding)

    @property
    def T(self) -> int:
        return len(self.ids)

    def is_oov(self, index: int) -> bool:
        return self.ids[index] == OOV_ID


def tokenize(text: str, vocab, vocab_size: int, length: int | None = None,
             max_len: int | None = None, pad_to: int | None = None) -> TokenizedInput:
    """Tokenise `text` as the model's training data was: start token, then one id per word.

    vocab_size: rows of the embedding E; ids at or beyond it count as unknown (a vocabulary may
    be larger than the table the model was trained with). length: None keeps the sentence as
    it is; otherwise the words repeat (or are cut) so that T == length, the start token first.
    max_len: a longer sequence keeps only its last max_len tokens, as Keras truncates ('pre').
    pad_to: a shorter sequence gets <pad> tokens (id 0) in front up to this length and a longer one
    keeps its last pad_to tokens, exactly as ``pad_sequences(..., maxlen=pad_to)`` prepared the
    training and test data: the sequence the trainer scored.
    """
    words = text_to_words(text)
    pairs = [(_id_within(vocab.id_of(w), vocab_size), w) for w in words]
    if length is not None:
        length = max(1, int(length))
        pairs = list(islice(cycle(pairs), length - 1)) if pairs else [(OOV_ID, "")] * (length - 1)
    ids = [START_ID] + [i for i, _ in pairs]
    labels = [START_LABEL] + [OOV_LABEL if i == OOV_ID else w for i, w in pairs]
    words = [""] + [w for _, w in pairs]
    limit = min(filter(None, (max_len, pad_to)), default=None)
    cut = max(0, len(ids) - limit) if limit else 0
    ids, labels, words = ids[cut:], labels[cut:], words[cut:]
    padded = max(0, pad_to - len(ids)) if pad_to else 0
    ids, labels, words = [PAD_ID] * padded + ids, [PAD_LABEL] * padded + labels, [""] * padded + words
    unknown = list(dict.fromkeys(w for i, w in zip(ids, words) if i == OOV_ID and w))
    return TokenizedInput(tuple(ids), tuple(labels), tuple(words), tuple(unknown), cut, padded)


def _id_within(token_id: int, vocab_size: int) -> int:
    return token_id if token_id < vocab_size else OOV_ID
