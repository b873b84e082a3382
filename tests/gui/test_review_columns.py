"""The review table's columns: wide enough for every text they can show, and sized without reading
the whole table (ResizeToContents read up to 1,000 rows through the Python model whenever the
predictions, the filter or the order changed: 17-29 ms of the GUI thread at the end of every run)."""
import numpy as np
from rnnviz.data import Dataset, Vocab
from rnnviz.gui.training.reviews import ReviewPicker, ReviewTable

N = 3000


def many_reviews(n=N, T=20, seed=0):
    rng = np.random.default_rng(seed)
    vocab = Vocab(["<pad>", "<start>", "<oov>"] + [f"w{i}" for i in range(3, 50)])
    x = rng.integers(3, 50, size=(n, T), dtype=np.int32)
    y = (rng.random(n) < 0.5).astype(np.float32)
    ratings = np.where(y == 1, rng.integers(7, 11, n), rng.integers(1, 5, n))
    texts = [f"review {i} " + "words " * int(rng.integers(1, 30)) for i in range(n)]
    return Dataset("many reviews", x, y, x, y, vocab, test_texts=texts, test_ratings=ratings)


def shown_picker(qtbot):
    picker = ReviewPicker()
    qtbot.addWidget(picker)
    picker.resize(900, 400)
    picker.show()
    picker.set_dataset(many_reviews())
    qtbot.waitExposed(picker)
    return picker


def test_new_predictions_read_only_the_rows_on_screen(qtbot, monkeypatch):
    picker = shown_picker(qtbot)
    qtbot.wait(50)
    rows_read = set()
    original = ReviewTable._display  # what data() calls for the text of a cell

    def counting(self, i, column):
        rows_read.add(i)
        return original(self, i, column)

    monkeypatch.setattr(ReviewTable, "_display", counting)
    prob = np.random.default_rng(1).random(N)
    picker._show_probabilities(prob)  # as a finished run's predictions arrive (_on_predicted)
    picker.apply_filter()
    qtbot.wait(100)
    on_screen = picker.view.viewport().height() // picker.view.rowHeight(0) + 2
    assert rows_read and len(rows_read) <= on_screen, (len(rows_read), on_screen)


def test_every_column_fits_its_widest_text_and_its_title(qtbot):
    picker = shown_picker(qtbot)
    table, view = picker.table, picker.view
    # extreme predictions: the longest numbers the table can print (scientific notation, 3-digit exponent)
    prob = np.full(N, 0.5)
    prob[:4] = [1e-300, 1 - 1e-16, 4.9e-324, 0.123456]
    picker._show_probabilities(prob)
    header = view.horizontalHeader()
    for column in range(len(ReviewTable.COLUMNS) - 1):
        width = view.columnWidth(column)
        assert header.sectionSizeHint(column) <= width, column
        for i in [0, 1, 2, 3, N - 1]:  # N - 1: the longest review number
            row = int(np.flatnonzero(table.rows == i)[0])
            # what the item delegate needs to show the text whole, plus the grid line (ResizeToContents' measure)
            needed = view.sizeHintForIndex(table.index(row, column)).width() + 1
            assert needed <= width, (column, table._display(i, column), width)
    # the review column takes the rest of the row
    assert view.columnWidth(5) > 300


def test_the_prediction_column_is_as_wide_as_the_predictions_need(qtbot):
    picker = shown_picker(qtbot)
    view = picker.view
    picker._show_probabilities(np.linspace(0.01, 0.99, N))  # all print as 0.dddd
    plain = view.columnWidth(3)
    picker._show_probabilities(np.linspace(1e-250, 0.99, N))  # one prints as 1.000e-250
    assert view.columnWidth(3) > plain
    picker._show_probabilities(None)  # a new model: "…" until its predictions arrive
    assert view.columnWidth(3) < plain
    assert view.columnWidth(5) > view.columnWidth(3)  # the review text keeps the room
