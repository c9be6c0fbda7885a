from __future__ import annotations

from gui.core.edits import AddSpans, edit_from_log, perform, redo, undo
from gui.core.model import Span


def test_add_spans_is_one_logged_edit_that_undoes_and_redoes_as_one(seeded_store):
    store = seeded_store
    a, b = (s.id for s in store.article_summaries())
    edit = AddSpans(a, [Span(a, 0, 4, "CLAIM", "ed"), Span(b, 0, 8, "CLAIM", "ed")])
    log_id = perform(store, edit)
    assert store.span_count() == 2
    (entry,) = store.edit_history(a)
    restored = edit_from_log(entry[1], entry[2])
    assert [s.id for s in restored.spans] == [s.id for s in edit.spans]
    assert sorted(restored.span_ids()) == sorted(s.id for s in edit.spans)
    undo(store, restored, log_id)
    assert store.span_count() == 0
    redo(store, restored, log_id)
    assert [(s.start, s.end) for s in store.spans(b)] == [(0, 8)]
    assert store.edit_history(a)[0][3] == "done"
