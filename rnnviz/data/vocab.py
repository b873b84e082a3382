"""Word <-> id mapping with Keras' IMDb conventions: 0 padding, 1 start, 2 out-of-vocabulary."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rnnviz.text import translate

from .errors import DatasetError
from .tokenize import text_to_words

PAD, START, OOV = "<pad>", "<start>", "<oov>"
PAD_ID, START_ID, OOV_ID = 0, 1, 2
#: Keras' imdb.npz leaves id 3 unused (index_from=3 and ranks start at 1); we name it for display.
UNUSED = "<unused>"
SPECIALS = (PAD, START, OOV)
_FORMAT = "rnnviz-vocab"
_VERSION = 1


class Vocab:
    """An ordered word list; a word's id is its position. ``words[:3]`` are the special tokens."""

    def __init__(self, words: Sequence[str]):
        words = list(words)
        if tuple(words[:3]) != SPECIALS:
            raise DatasetError(translate("DataErrors", "a vocabulary must start with {0}, got {1}")
                               .format(SPECIALS, tuple(words[:3])))
        self.words: list[str] = words
        self._index: dict[str, int] = {w: i for i, w in enumerate(words)}
        if len(self._index) != len(words):
            raise DatasetError(translate("DataErrors", "a vocabulary must not contain the same word twice"))

    # --- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, word_lists: Iterable[Sequence[str]], num_words: int = 10000) -> "Vocab":
        """The num_words-3 most frequent words of the (training) word lists, after the 3 specials.

        Counts are total occurrences, as Keras' Tokenizer counts. Ties are broken alphabetically so
        the result does not depend on the order of the reviews (Keras uses first occurrence).
        """
        counts: Counter[str] = Counter()
        for words in word_lists:
            counts.update(words)
        return cls.from_counts(counts, num_words)

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], num_words: int = 10000) -> "Vocab":
        """Vocabulary of the num_words-3 most frequent words in `counts` (ties alphabetical)."""
        if num_words < len(SPECIALS):
            raise ValueError(f"num_words must be >= {len(SPECIALS)} (the special tokens), got {num_words}")
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return cls(list(SPECIALS) + [w for w, _ in ranked[: num_words - len(SPECIALS)]])

    @classmethod
    def from_keras_word_index(cls, word_index: Mapping[str, int], num_words: int | None = 10000,
                              index_from: int = 3) -> "Vocab":
        """The vocabulary Keras' ``imdb.load_data`` uses: id = rank + index_from, ids >= num_words dropped.

        word_index maps word -> rank (1 = most frequent), as in ``imdb_word_index.json``.
        """
        by_rank = sorted(word_index.items(), key=lambda kv: kv[1])
        size = len(by_rank) + index_from + 1 if num_words is None else num_words
        words = list(SPECIALS) + [UNUSED] * (index_from + 1 - len(SPECIALS))
        for word, rank in by_rank:
            if len(words) >= size:
                break
            if rank + index_from != len(words):
                raise DatasetError(translate("DataErrors", "word index is not a list of ranks 1, 2, 3, ...: "
                                             "{0!r} has rank {1}").format(word, rank))
            words.append(word)
        return cls(words)

    # --- lookups --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocab) and self.words == other.words

    def __repr__(self) -> str:
        return f"Vocab({len(self)} ids, first words {self.words[3:8]})"

    def id_of(self, word: str) -> int:
        """Id of `word`, or OOV_ID (2) when it is not in the vocabulary."""
        return self._index.get(word, OOV_ID)

    def word_of(self, token_id: int) -> str:
        """Word of `token_id`; raises ValueError for an id outside 0..len-1."""
        if not 0 <= token_id < len(self.words):
            raise ValueError(f"token id {token_id} is outside this vocabulary of {len(self.words)} ids")
        return self.words[token_id]

    def is_known(self, word: str) -> bool:
        """True when `word` is a real vocabulary word (not a special token)."""
        return self._index.get(word, 0) > OOV_ID and word != UNUSED

    def encode(self, words: Sequence[str]) -> list[int]:
        """[START_ID] + the id of each word (OOV_ID for unknown words), as Keras' IMDb encoding."""
        get = self._index.get
        return [START_ID] + [get(w, OOV_ID) for w in words]

    def encode_text(self, text: str) -> list[int]:
        """Tokenise `text` with text_to_words and encode it."""
        return self.encode(text_to_words(text))

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Words of `ids` ("<pad>", "<start>", "<oov>" for the specials)."""
        return [self.word_of(int(i)) for i in ids]

    # --- persistence ----------------------------------------------------------------------
    def to_json(self) -> str:
        """A JSON string that from_json turns back into an equal Vocab."""
        return json.dumps({"format": _FORMAT, "version": _VERSION, "words": self.words}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Vocab":
        """Inverse of to_json; DatasetError for anything that is not a saved vocabulary."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise DatasetError(translate("DataErrors", "saved vocabulary is not valid JSON: {0}").format(exc)) from None
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise DatasetError(translate("DataErrors", "saved vocabulary has the wrong format (expected an "
                                         "rnnviz vocabulary)"))
        if data.get("version") != _VERSION:
            raise DatasetError(translate("DataErrors", "saved vocabulary has version {0!r}; this rnnviz "
                                         "reads {1}").format(data.get('version'), _VERSION))
        words = data.get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DatasetError(translate("DataErrors", "saved vocabulary has no list of words"))
        return cls(words)
