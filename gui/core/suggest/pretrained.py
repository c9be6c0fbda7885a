"""``PretrainedSuggester``: an installed spaCy pipeline (en_core_web_sm, or a folder set
in preferences) widens what the rules see. Its entities (CARDINAL, PERCENT, MONEY,
QUANTITY) become STATISTIC spans grown to their counted noun and qualifiers; its
dependency parse turns a reporting verb and the clause it governs into a CLAIM.
Without a parser only the entities are used; without NER only the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gui.core.model import Suggestion
from gui.core.spacy_import import ensure_spacy
from gui.core.suggest.spans import DocIndex

NUMERIC_ENTITIES = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
QUALIFIERS = {"more", "less", "fewer", "than", "over", "under", "nearly", "almost", "about", "around", "roughly",
              "approximately", "some", "at", "least", "most", "up", "to", "just", "only", "estimated"}
REPORTING = {"say", "tell", "argue", "claim", "note", "report", "allege", "add", "insist", "state", "explain",
             "announce", "assert", "maintain", "acknowledge", "admit", "emphasize", "emphasise", "confirm",
             "write", "believe", "estimate", "predict", "warn", "accuse", "describe"}
REPORTING_FORMS = {"said", "says", "told", "tells", "argued", "argues", "claimed", "noted", "reported", "alleged",
                   "added", "insisted", "stated", "explained", "announced", "asserted", "acknowledged", "admitted",
                   "emphasized", "emphasised", "confirmed", "wrote", "warned", "accused", "described"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
FIGURE_NOUNS = {"degree", "degrees"}
MULTIPLIERS = {"hundred", "thousand", "million", "billion", "trillion"}
MAX_ENTITY_TOKENS = 12  # a numeric entity longer than this is a tagging accident


def _is_reporting(token) -> bool:
    return token.lemma_.lower() in REPORTING or token.lower_ in REPORTING_FORMS


class PretrainedSuggester:
    name = "pretrained"

    def __init__(self, source: str | Path, nlp=None):
        self.source = str(source)
        self._nlp = nlp
        self.version = ""

    @property
    def nlp(self):
        if self._nlp is None:
            ensure_spacy()
            import spacy

            self._nlp = spacy.load(self.source)
            meta = self._nlp.meta
            self.version = f"{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
        return self._nlp

    def suggest(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Suggestion]]:
        nlp = self.nlp
        return [self.suggest_doc(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]

    def suggest_doc(self, doc) -> list[Suggestion]:
        found: dict[tuple, Suggestion] = {}
        for start, end, rule, score in [*self._statistics(doc), *self._claims(doc)]:
            label = "STATISTIC" if rule.startswith("entity") else "CLAIM"
            if start >= end:
                continue
            s = Suggestion(0, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), label, score,
                           self.name, self.version, rule)
            found.setdefault((s.start, s.end, s.label), s)
        return sorted(found.values(), key=lambda s: (s.start, s.end, s.label))

    def _statistics(self, doc):
        has_parse = doc.has_annotation("DEP")
        for ent in doc.ents:
            if ent.label_ not in NUMERIC_ENTITIES or len(ent) > MAX_ENTITY_TOKENS:
                continue
            start, end = ent.start, ent.end
            while end < len(doc) and doc[end].lower_ in MULTIPLIERS:
                end += 1
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and (nxt.text == "-" or nxt.lower_ in FIGURE_NOUNS):
                continue  # "a 180-degree shift" is a figure of speech
            while start > 0 and doc[start - 1].lower_ in QUALIFIERS and not doc[start].is_sent_start:
                start -= 1
            if has_parse and ent.root.dep_ in ("nummod", "quantmod") and ent.root.head.i >= end:
                end = ent.root.head.i + 1  # the counted noun, with its adjectives
            elif not has_parse and ent.label_ == "CARDINAL" and end < len(doc) and doc[end].is_alpha \
                    and not doc[end].is_stop:
                end += 1  # without a parse, the word after a count is taken as the counted noun
            yield start, end, f"entity:{ent.label_}", 0.75

    def _claims(self, doc):
        if not doc.has_annotation("DEP"):
            return
        index = DocIndex(doc)
        for token in doc:
            if not _is_reporting(token):
                continue
            clauses = [c for c in token.children if c.dep_ in CLAUSE_DEPS]
            if not clauses:
                continue
            start = min(token.left_edge.i, *(c.left_edge.i for c in clauses))
            end = max(token.i, *(c.right_edge.i for c in clauses)) + 1
            start, end = index.trim(*index.balance_quotes(start, end))
            yield start, end, f"parse:{token.lower_}+{clauses[0].dep_}", 0.7
