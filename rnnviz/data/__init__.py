"""Datasets in their real formats, the Keras-style tokeniser and vocabulary. No Qt here.

Every dataset reaches the trainer as a :class:`Dataset`: x_train (N_train, T) and x_test (N_test, T)
int32 token ids, 'pre' padded/truncated to T = maxlen; y_train (N_train,) and y_test (N_test,)
float32 0/1 labels; test_texts, test_ratings (N_test,) and train_ratings (N_train,) where known;
plus the :class:`Vocab` that decodes the ids (0 padding, 1 start, 2 out-of-vocabulary, as Keras' IMDb).

- ``load_imdb(path=None, num_words=10000, maxlen=500, cache_dir=None, progress=None, cancel=None)``
  from the Stanford ``aclImdb_v1.tar.gz`` (streamed), an unpacked ``aclImdb/`` folder or Keras'
  ``imdb.npz`` (+ ``imdb_word_index.json``); the encoded arrays are cached per source and settings,
  and ``is_cached(path, num_words, maxlen, cache_dir)`` says whether a load would be a cache hit.
- ``find_imdb(explicit=None)`` looks for a copy (``--imdb PATH``, ``$RNNVIZ_IMDB`` = ``ENV_VAR``, the
  cache folder, ``~/.keras/datasets``); ``where_to_put_it()`` is the advice for when there is none;
  ``download_imdb(dest_dir=None, ..., progress, cancel)`` fetches ``IMDB_URL`` (``IMDB_SIZE`` bytes,
  ``IMDB_MD5`` verified) into ``default_cache_dir()``.
- ``read_reviews``/``collect_reviews``: the raw reviews (``Review``: split, label, rating, id, text).
- ``make_memory_task`` and ``make_negation_task``: the built-in synthetic tasks (no download).
- ``text_to_words`` (Keras' ``KERAS_FILTERS``), ``pad_sequences`` -> (N, maxlen) int32.
- ``replace_atomically(path)``: the atomic write (temp file beside `path`, then ``os.replace``) every
  file rnnviz writes goes through.

Errors are ``DatasetError`` subclasses (``ImdbNotFound``, ``DownloadError``, ``LoadCancelled``),
each saying what the user can do.
"""
from .atomic import replace_atomically
from .cache import default_cache_dir
from .dataset import Dataset
from .download import IMDB_MD5, IMDB_SIZE, IMDB_URL, download_imdb
from .errors import DatasetError, DownloadError, ImdbNotFound, LoadCancelled
from .imdb import is_cached, load_imdb
from .locate import ARCHIVE_NAME, ENV_VAR, find_imdb, where_to_put_it
from .reviews import Review, collect_reviews, read_reviews
from .sequences import pad_sequences
from .synthetic import make_memory_task, make_negation_task
from .tokenize import KERAS_FILTERS, text_to_words
from .vocab import OOV_ID, PAD_ID, START_ID, Vocab

__all__ = [
    "ARCHIVE_NAME", "Dataset", "DatasetError", "DownloadError", "ENV_VAR", "IMDB_MD5", "IMDB_SIZE", "IMDB_URL",
    "ImdbNotFound", "KERAS_FILTERS", "LoadCancelled", "OOV_ID", "PAD_ID", "Review", "START_ID", "Vocab",
    "collect_reviews", "default_cache_dir", "download_imdb", "find_imdb", "is_cached", "load_imdb", "make_memory_task",
    "make_negation_task", "pad_sequences", "read_reviews", "replace_atomically", "text_to_words", "where_to_put_it",
]
