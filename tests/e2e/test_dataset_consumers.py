"""Real consumers read what Tagdesk writes: ``spacy train`` on an exported .spacy
split (and the model loads), ``spacy convert`` on the exported CoNLL."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from gui.core.formats.common import ExportOptions
from gui.core.formats.export import export_dataset
from gui.core.model import Status
from tests.core.formats.helpers import add_article, fresh_store

HERE = Path(__file__).resolve().parent
SENTENCES = [
    ("Trump said 30 strikes would start now.", [("30 strikes", "STATISTIC"), ("Trump said", "CLAIM")]),
    ("Petro denied the claim on Sunday.", [("Petro denied the claim", "DENIAL")]),
    ("Officials said more than 110 people died.", [("more than 110 people", "STATISTIC")]),
    ("Hegseth warned that they would hit land next.", [("they would hit land next", "THREAT")]),
    ("The minister denied any role in the attack.", [("denied any role", "DENIAL")]),
    ("Police said 1.9 million people were counted.", [("1.9 million people", "STATISTIC")]),
]


def _corpus(tmp_path):
    store = fresh_store(tmp_path / "t.db")
    for i, (text, spans) in enumerate(SENTENCES):
        tagged = []
        for words, label in spans:
            start = text.index(words)
            tagged.append((start, start + len(words), label, "ann"))
        add_article(store, text, f"Article {i}", tagged, Status.DONE)
    add_article(store, "Overlap: Trump threatened 30 strikes today.", "Overlap",
                [(9, 36, "THREAT", ""), (26, 36, "STATISTIC", "")], Status.DONE)
    return store


def test_spacy_trains_a_spancat_on_the_exported_split_and_the_model_loads(tmp_path):
    store = _corpus(tmp_path)
    report = export_dataset(store, tmp_path / "corpus.spacy", "spacy", ExportOptions(split=0.7, seed=0))
    store.close()
    train, dev = report.paths
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(HERE / "spancat_tiny.cfg"), "--output",
         str(tmp_path / "model"), "--paths.train", str(train), "--paths.dev", str(dev)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('Trump said 30 strikes.'); "
            "print(nlp.pipe_names, sorted(nlp.get_pipe('spancat').labels))")
    loaded = subprocess.run([sys.executable, "-c", code, str(tmp_path / "model" / "model-last")],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert "['tok2vec', 'spancat']" in loaded.stdout
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    train_labels = sorted({s.label_ for d in DocBin().from_disk(train).get_docs(Vocab()) for s in d.spans["sc"]})
    assert len(train_labels) >= 2 and str(train_labels) in loaded.stdout  # it learnt the labels it was given


def test_spacy_convert_reads_the_exported_conll(tmp_path):
    store = _corpus(tmp_path)
    report = export_dataset(store, tmp_path / "corpus.conll", "conll")
    store.close()
    assert len(report.dropped) == 1  # the nested STATISTIC inside the THREAT of "Overlap"
    out = tmp_path / "converted"
    out.mkdir()
    result = subprocess.run([sys.executable, "-m", "spacy", "convert", str(tmp_path / "corpus.conll"), str(out),
                             "--converter", "ner"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    docs = list(DocBin().from_disk(out / "corpus.spacy").get_docs(Vocab()))
    ents = sorted((e.text, e.label_) for d in docs for e in d.ents)
    expected = sorted((w, label) for _, spans in SENTENCES for w, label in spans)
    expected.append(("Trump threatened 30 strikes", "THREAT"))
    # CoNLL keeps tokens, not whitespace: compare without it
    assert sorted((re.sub(r"\s+", "", t), label) for t, label in ents) == \
        sorted((re.sub(r"\s+", "", t), label) for t, label in expected)
