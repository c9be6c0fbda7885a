"""Suggestions in the store: one row per (suggester, span), merged on reading.

Rows of different suggesters for the same (article, start, end, label) are read as
one ``Suggestion`` whose provenance names them all. A span the editor rejected (or
accepted) is never proposed again for that article: its rows keep their status and
new proposals of the same span are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from gui.core.model import Suggestion
from gui.store.errors import InvalidSpan

_COLUMNS = 'id, article_id, start, "end", label, score, suggester, version, rule, status, created'
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)


def _suggestion(row) -> Suggestion:
    return Suggestion(id=row[0], article_id=row[1], start=row[2], end=row[3], label=row[4],
                      score=row[5] if row[5] is not None else 0.0, suggester=row[6] or "",
                      version=row[7] or "", rule=row[8] or "", status=row[9], created=row[10] or "")


class SuggestionStore:
    """Mixed into ``Store``: uses its connection, ``transaction`` and ``now``."""

    def save_suggestions(self, article_id: int, suggester: str, items: Iterable[Suggestion]) -> int:
        """Replace ``suggester``'s pending suggestions for the article with ``items``.

        Spans already decided (accepted or rejected, by any suggester) and spans
        already tagged with the same label are skipped. Returns how many were saved.
        """
        from gui.store.store import now

        length = self._article_length(article_id)
        labels = self.label_names()
        stamp = now()
        with self.transaction():
            self.conn.execute("DELETE FROM suggestions WHERE article_id = ? AND suggester = ? AND status = ?",
                              (article_id, suggester, PENDING))
            decided = {tuple(r) for r in self.conn.execute(
                'SELECT start, "end", label FROM suggestions WHERE article_id = ? AND status != ?',
                (article_id, PENDING))}
            decided |= {tuple(r) for r in self.conn.execute(
                'SELECT start, "end", label FROM spans WHERE article_id = ?', (article_id,))}
            rows, seen = [], set()
            for s in items:
                if not (0 <= s.start < s.end <= length):
                    raise InvalidSpan(f"Suggestion {s.start}-{s.end} lies outside article {article_id} "
                                      f"({length} characters).")
                k = (s.start, s.end, s.label)
                if s.label not in labels or k in decided or k in seen:
                    continue
                seen.add(k)
                rows.append((article_id, s.start, s.end, s.label, float(min(1.0, max(0.0, s.score))),
                             suggester, s.version, s.rule, PENDING, stamp))
            self.conn.executemany(
                'INSERT INTO suggestions(article_id, start, "end", label, score, suggester, version, rule, '
                "status, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def _suggestion_rows(self, where: str, params: tuple) -> list[Suggestion]:
        rows = self.conn.execute(
            f'SELECT {_COLUMNS} FROM suggestions WHERE {where} ORDER BY article_id, start, "end", id', params)
        return [_suggestion(r) for r in rows]

    def suggestions(self, article_id: int | None = None, status: str | None = PENDING,
                    label: str | None = None, min_score: float | None = None,
                    max_score: float | None = None) -> list[Suggestion]:
        """Merged suggestions, ordered by article and position. ``article_id`` None:
        every article. Score bounds apply to the merged (best) score: min inclusive,
        max exclusive."""
        clauses, params = [], []
        for column, value in (("article_id", article_id), ("status", status), ("label", label)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        from gui.core.suggest.base import merge_suggestions  # not on the start path

        merged = merge_suggestions(self._suggestion_rows(" AND ".join(clauses) or "1", tuple(params)))
        if min_score is not None:
            merged = [s for s in merged if s.score >= min_score]
        if max_score is not None:
            merged = [s for s in merged if s.score < max_score]
        return sorted(merged, key=lambda s: (s.article_id, s.start, s.end, s.label))

    def suggestion(self, suggestion_id: int) -> Suggestion:
        """The merged suggestion that row ``suggestion_id`` belongs to."""
        rows = self._suggestion_rows("id = ?", (suggestion_id,))
        if not rows:
            raise InvalidSpan(f"There is no suggestion {suggestion_id}.")
        s = rows[0]
        same = self._suggestion_rows('article_id = ? AND start = ? AND "end" = ? AND label = ? AND status = ?',
                                     (s.article_id, s.start, s.end, s.label, s.status))
        from gui.core.suggest.base import merge_suggestions

        return merge_suggestions(same)[0]

    def set_suggestion_status(self, article_id: int, start: int, end: int, label: str, status: str,
                              from_status: str = PENDING) -> int:
        """Move every row of that span from ``from_status`` to ``status``; returns rows changed."""
        if status not in STATUSES or from_status not in STATUSES:
            raise ValueError(status)
        with self.transaction():
            cur = self.conn.execute(
                'UPDATE suggestions SET status = ? WHERE article_id = ? AND start = ? AND "end" = ? '
                "AND label = ? AND status = ?", (status, article_id, start, end, label, from_status))
        return cur.rowcount

    def has_suggestions(self, article_id: int) -> bool:
        """Whether anything was ever suggested for the article (pending or decided)."""
        return self._one("SELECT 1 FROM suggestions WHERE article_id = ? LIMIT 1", (article_id,)) is not None

    def suggestion_counts(self, article_id: int | None = None, status: str = PENDING) -> dict[str, int]:
        """Merged suggestions per label."""
        counts: dict[str, int] = {}
        for s in self.suggestions(article_id, status=status):
            counts[s.label] = counts.get(s.label, 0) + 1
        return counts

    def clear_pending_suggestions(self, article_id: int | None = None) -> int:
        with self.transaction():
            if article_id is None:
                cur = self.conn.execute("DELETE FROM suggestions WHERE status = ?", (PENDING,))
            else:
                cur = self.conn.execute("DELETE FROM suggestions WHERE article_id = ? AND status = ?",
                                        (article_id, PENDING))
        return cur.rowcount
