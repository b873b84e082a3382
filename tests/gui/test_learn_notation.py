"""Lesson text typeset in the project's notation; tokens like <start> stay visible."""
from rnnviz.gui.learn.notation import notation_html


def test_indices_are_typeset():
    assert notation_html("a_t = U x_t + W s_{t-1} + b") == \
        "a<sub>t</sub> = U x<sub>t</sub> + W s<sub>t-1</sub> + b"
    assert notation_html("W^T dL/da_{t+1}") == "W<sup>T</sup> dL/da<sub>t+1</sub>"
    assert notation_html("1 - s_t^2") == "1 - s<sub>t</sub><sup>2</sup>"
    assert notation_html("dL/do_T = y_hat - y") == "dL/do<sub>T</sub> = ŷ - y"


def test_tokens_and_words_are_left_alone():
    assert notation_html("<start> and <oov>") == "&lt;start&gt; and &lt;oov&gt;"
    assert notation_html("python main.py train --model bag") == "python main.py train --model bag"


def test_y_hat_with_an_index():
    assert notation_html("dL/do_4 = y_hat_4 - y") == "dL/do<sub>4</sub> = ŷ<sub>4</sub> - y"
