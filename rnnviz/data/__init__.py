"""Datasets in their real formats, the Keras-style tokeniser and vocabulary. No Qt here.

Every dataset reaches the trainer as a :class:`Dataset` of 'pre'-padded int32 id arrays plus
the :class:`Vocab` that decodes them (0 padding, 1 start, 2 out-of-vocabulary, as Keras' IMDb).

Sources: the Stanford ``aclImdb_v1.tar.gz`` (streamed), an unpacked ``aclImdb/`` folder, Keras'
``imdb.npz`` (+ ``imdb_word_index.json``), and the built-in synthetic tasks.
"""
from .cache import default_cache_dir
from .dataset import Dataset
from .download import IMDB_MD5, IMDB_SIZE, IMDB_URL, download_imdb
from .errors import DatasetError, DownloadError, ImdbNotFound, LoadCancelled
from .imdb import is_cached, load_imdb
from .locate import ARCHIVE_NAME, ENV_VAR, find_imdb
from .reviews import Review, collect_reviews, read_reviews
from .sequences import pad_sequences
from .synthetic import make_memory_task, make_negation_task
from .tokenize import KERAS_FILTERS, text_to_words
from .vocab import OOV_ID, PAD_ID, START_ID, Vocab

__all__ = [
    "ARCHIVE_NAME", "Dataset", "DatasetError", "DownloadError", "ENV_VAR", "IMDB_MD5", "IMDB_SIZE", "IMDB_URL",
    "ImdbNotFound", "KERAS_FILTERS", "LoadCancelled", "OOV_ID", "PAD_ID", "Review", "START_ID", "Vocab",
    "collect_reviews", "default_cache_dir", "download_imdb", "find_imdb", "is_cached", "load_imdb", "make_memory_task",
    "make_negation_task", "pad_sequences", "read_reviews", "text_to_words",
]
