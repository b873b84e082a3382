"""Datasets in their real formats, the Keras-style tokeniser and vocabulary. No Qt here."""
