"""Datasets in their real formats, the Keras-style tokeniser and vocabulary. No Qt here.

Every dataset reaches the trainer as a :class:`Dataset` of 'pre'-padded int32 id arrays plus
the :class:`Vocab` that decodes them (0 padding, 1 start, 2 out-of-vocabulary, as Keras' IMDb).
"""
from .dataset import Dataset
from .errors import DatasetError, DownloadError, ImdbNotFound, LoadCancelled
from .sequences import pad_sequences
from .tokenize import KERAS_FILTERS, text_to_words
from .vocab import OOV_ID, PAD_ID, START_ID, Vocab

__all__ = [
    "Dataset", "DatasetError", "DownloadError", "ImdbNotFound", "LoadCancelled", "pad_sequences",
    "KERAS_FILTERS", "text_to_words", "OOV_ID", "PAD_ID", "START_ID", "Vocab",
]
