"""The window under zh_CN: Chinese in its menus, tabs and panels, its help and its lessons."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu

from rnnviz.gui.main_window import MainWindow

STARTUP_TIMEOUT_MS = 180_000  # a cold numba cache compiles for a while; a warm one takes ~1 s
CJK = re.compile(r"[\u4e00-\u9fff]")


def has_chinese(text: str) -> bool:
    return bool(CJK.search(text or ""))


@pytest.fixture
def window(qtbot, settings, chinese, training_kernels_compiled):
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    yield w
    w.close()


def test_menus_and_their_actions_are_chinese(window):
    titles = [m.title() for m in window.menus.values()]
    assert titles == ["文件(&F)", "播放(&P)", "视图(&V)", "帮助(&H)"]
    for menu in window.menus.values():
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert has_chinese(action.text()) or action.text() in ("English", "中文"), action.text()
            assert not action.toolTip() or has_chinese(action.toolTip()) or action.text() in ("English", "中文")


def test_language_menu_offers_system_english_chinese_and_remembers(window, settings):
    menu = window.menuBar().findChild(QMenu, "language_menu")
    choices = [a for a in menu.actions() if a.isCheckable()]
    assert [a.data() for a in choices] == ["system", "en", "zh_CN"]
    assert choices[0].isChecked() and choices[0].text().startswith("跟随系统")
    assert [a.text() for a in choices[1:]] == ["English", "中文"]
    choices[1].trigger()
    assert settings.value("view/language") == "en"
    assert "English" in window.statusBar().currentMessage()  # it says when the change applies
    assert "rnnviz" in window.statusBar().currentMessage()


def test_tabs_and_panels_are_chinese(window):
    tabs = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert tabs[0] == "探索"
    if window.training_panel is not None:
        assert tabs[1] == "训练"
    page = window.page
    assert page.model_box.title() == "模型"
    assert page.controls_box.title() == "梯度消失与梯度爆炸"
    assert page.input_bar.apply_button.text() == "应用"
    assert page.input_bar.label_combo.itemText(1) == "正面（y = 1）"
    assert has_chinese(page.input_bar.text_edit.placeholderText())
    assert "前向 t = 1" in page.playback_bar.step_label.text()
    labels = [w.text() for w in page.input_bar.findChildren(QLabel)] + [w.text() for w in
                                                                        page.playback_bar.findChildren(QLabel)]
    assert "输入" in labels and "标签" in labels and "速度" in labels


def test_the_model_name_and_status_are_chinese(window):
    assert has_chinese(window.model_label.text())
    assert has_chinese(window.windowTitle())


def test_help_page_is_chinese(window):
    window.open_help("bptt")
    dialog = window._help_dialog
    assert dialog.windowTitle() == "rnnviz 帮助"
    assert dialog.topics.currentItem().text() == "时间反向传播"
    text = dialog.browser.toPlainText()
    assert has_chinese(text) and "时间反向传播" in text
    for row in range(dialog.topics.count()):
        dialog.topics.setCurrentRow(row)
        assert has_chinese(dialog.browser.toPlainText()), dialog.topics.item(row).text()
        assert "缺少这个帮助页面" not in dialog.browser.toPlainText()


def test_learn_panel_shows_the_chinese_lessons(window, qtbot):
    from rnnviz.gui.learn import install_learn_panel

    dock = install_learn_panel(window, "zh_CN")
    panel = dock.learn_panel
    assert dock.windowTitle() == "学习"
    assert all(has_chinese(lesson.title) for lesson in panel.lessons)
    assert has_chinese(panel.title.text()) and has_chinese(panel.text.text())
    assert panel.next_button.text() in ("下一步 ▶", "下一个课程 ▶")
    view = window.menus["view"]
    assert any(a.text() == "学习面板(&L)" for a in view.actions())


def _english_texts(root) -> list[tuple[str, str]]:
    """Texts of labels, buttons and group boxes under `root` with English words and no Chinese."""
    found = []
    for w in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton), *root.findChildren(QGroupBox)]:
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        words = [x for x in re.findall(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>|&\w+;", " ", text or ""))
                 if x not in NOTATION_WORDS]
        if words and not has_chinese(text):
            found.append((type(w).__name__, w.objectName(), text))
    return found


#: Words that are the same in every language (the app, the notation, the cells' names).
NOTATION_WORDS = {"rnnviz", "tanh", "relu", "linear", "sigmoid", "softmax", "RNN", "LSTM", "GRU", "BPTT", "IMDb",
                  "oov", "pad", "start"}


def test_no_english_left_on_the_explore_page(window):
    """Every label, button and group title of the Explore page says Chinese (or only notation and numbers),
    and so does the BPTT panel."""
    assert not _english_texts(window.page), _english_texts(window.page)
    window.go_to_step(window.playback.n_steps - 1)  # the last backward step: the most prose
    assert has_chinese(window.detail.text()) and "反向" in window.detail.text()


def test_no_english_left_on_the_train_page(window):
    panel = window.training_panel
    if panel is None:
        pytest.skip("the trainer panel could not be built here")
    assert not _english_texts(panel), _english_texts(panel)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["实时曲线", "测试集影评", "训练记录"]
    # the hyperparameters' help (FIELD_HELP of rnnviz.train.config) in the tooltips
    assert "学习率" in panel.form.editors["lr"].toolTip()
    assert "序列长度" in panel.form.editors["maxlen"].toolTip()


def test_choosing_another_language_offers_to_restart_now_and_restarts_the_same_program(window, monkeypatch):
    """Widgets read their words once, so a new language needs a new start: offered at once (in both
    languages), and "Restart now" closes this window the usual way and starts ``python -m rnnviz``."""
    from PySide6.QtWidgets import QMessageBox

    from rnnviz.gui import i18n

    started = []
    monkeypatch.setattr(i18n, "start_detached", lambda program, args: started.append([program, *args]) or True)
    menu = window.menuBar().findChild(QMenu, "language_menu")
    english = next(a for a in menu.actions() if a.data() == "en")
    english.trigger()
    box = window.findChild(QMessageBox, "restart_offer")
    assert box is not None and box.isVisible()
    assert "English" in box.text() and has_chinese(box.text())
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"立即重启", "稍后"}
    assert not started and window.isVisible()  # nothing happens until the learner answers
    buttons["立即重启"].click()
    assert not window.isVisible()
    assert started and started[0][1:3] == ["-m", "rnnviz"]


def test_later_keeps_the_window(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from rnnviz.gui import i18n

    started = []
    monkeypatch.setattr(i18n, "start_detached", lambda program, args: started.append(program) or True)
    menu = window.menuBar().findChild(QMenu, "language_menu")
    next(a for a in menu.actions() if a.data() == "en").trigger()
    box = window.findChild(QMessageBox, "restart_offer")
    next(b for b in box.buttons() if b.text() == "稍后").click()
    assert window.isVisible() and not started
