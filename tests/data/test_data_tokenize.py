"""Tokeniser: Keras text_to_word_sequence semantics plus <br /> removal, on the edge cases reviews have."""
import pytest

from rnnviz.data import KERAS_FILTERS, text_to_words


def keras_text_to_word_sequence(text, filters=KERAS_FILTERS, lower=True, split=" "):
    """Verbatim logic of keras.preprocessing.text.text_to_word_sequence (Keras 2.x / tf-keras)."""
    if lower:
        text = text.lower()
    text = text.translate(str.maketrans({c: split for c in filters}))
    return [i for i in text.split(split) if i]


@pytest.mark.parametrize("text", [
    "This movie was GREAT!!! 10/10, would watch again.",
    "It's a \"so-so\" film; (not) bad: really? [yes] {no} a_b c~d e|f",
    "tabs\tand\nnewlines  and   spaces",
    "Ünïcödé ÇAFÉ naïve — em-dash “quotes” 日本語",
    "carriage\rreturn and non\xa0breaking space stay inside words, as in Keras",
    "form\x0cfeed, vertical\x0btab, \x1cfile sep, \x85 next line, ideographic\u3000space, em\u2003space",
    "  leading and trailing  ",
    "",
    "   ",
])
def test_matches_keras_on_text_without_markup(text):
    assert text_to_words(text) == keras_text_to_word_sequence(text)


def test_br_markup_removed_not_turned_into_word_br():
    text = "First line.<br /><br />Second line<br/>third<BR>fourth"
    assert text_to_words(text) == ["first", "line", "second", "line", "third", "fourth"]
    # Plain Keras would have produced the word 'br'; that is exactly what we avoid.
    assert "br" in keras_text_to_word_sequence(text)


def test_empty_review_and_only_markup_give_no_words():
    assert text_to_words("") == []
    assert text_to_words("<br /><br /> <br/>") == []
    assert text_to_words("!!! ... ???") == []


def test_non_ascii_kept_and_lowercased():
    assert text_to_words("Amélie était GÉNIALE") == ["amélie", "était", "géniale"]


def test_very_long_review():
    text = " ".join(["word"] * 200_000) + "<br />end"
    words = text_to_words(text)
    assert len(words) == 200_001 and words[-1] == "end"


def test_apostrophes_kept_like_keras():
    # Keras' filters do not contain the apostrophe, so contractions stay one word.
    assert text_to_words("don't I'm") == ["don't", "i'm"]


def test_long_text_of_many_whitespace_kinds_matches_keras():
    rng = __import__("random").Random(0)
    alphabet = list("abcXYZé ") + list(KERAS_FILTERS) + ["\r", "\xa0", "\u2003", "<br />", "<br>"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(60))
        expected = keras_text_to_word_sequence(text.replace("<br />", " ").replace("<br>", " "))
        assert text_to_words(text) == expected
