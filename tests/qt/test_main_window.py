from __future__ import annotations

from PySide6.QtCore import Qt

from gui.qt.app import make_application, open_main_window


def test_first_run_lists_the_seed_articles_and_shows_the_first(main_window):
    model = main_window.article_model
    assert model.rowCount() == 2
    assert "Petro" in model.index(0).data()
    assert main_window.article_view.toPlainText().startswith("They had a phone call")
    assert main_window.article_view.isReadOnly()


def test_text_is_never_interpreted_as_html(main_window, qtbot):
    store = main_window.store
    aid = store.add_article("<b>bold</b> &amp; <script>alert(1)</script>", "html")
    main_window.reload_articles()
    main_window.select_article(aid)
    assert main_window.article_view.toPlainText() == "<b>bold</b> &amp; <script>alert(1)</script>"


def test_clicking_an_article_shows_it_and_is_remembered(main_window, qtbot, db_path):
    view = main_window.article_list
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.article_view.toPlainText().startswith("Colombia's President")
    main_window.close()
    main_window.store.close()

    make_application()
    again = open_main_window(db_path)
    qtbot.addWidget(again)
    try:
        assert again.current_article_id() == 2
        assert again.article_view.toPlainText().startswith("Colombia's President")
    finally:
        again.store.close()
