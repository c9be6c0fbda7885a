from gui.core.model import Suggestion
from gui.core.suggest.base import merge_suggestions, origin_of, suggester_names


def test_same_span_from_two_suggesters_keeps_both_provenances_and_the_best_score():
    a = Suggestion(1, 0, 10, "CLAIM", 0.7, "rules", "1.ab", "reporting-verb", id=4)
    b = Suggestion(1, 0, 10, "CLAIM", 0.9, "model", "3", "spancat v3", id=7)
    other = Suggestion(1, 0, 10, "THREAT", 0.6, "rules", "1.ab", "threaten-verb", id=5)
    merged = merge_suggestions([a, b, other])
    assert len(merged) == 2
    claim = next(s for s in merged if s.label == "CLAIM")
    assert suggester_names(claim) == ["model", "rules"]
    assert (claim.score, claim.version, claim.rule, claim.id) == (0.9, "3+1.ab", "spancat v3 | reporting-verb", 4)
    assert origin_of(claim) == "suggested:model+rules"
    # merging again (a merged row read back with a third) keeps every name once
    again = merge_suggestions([claim, Suggestion(1, 0, 10, "CLAIM", 0.5, "pretrained", "sm-3", "parse:said")])
    assert suggester_names(again[0]) == ["model", "rules", "pretrained"]
