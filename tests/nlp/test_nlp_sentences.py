"""The fast sentence segmenter follows the spaCy pipeline (blank("id") + sentencizer)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CORPUS
from nlp.pipeline import get_nlp
from nlp.sentences import Sentences, fast_spans, spacy_spans


def test_tokenizer_keeps_abbreviations() -> None:
    doc = get_nlp()("Kantor PT. Maju Jaya di Jl. Sudirman, Kab. Bogor, Kec. Cibinong digerebek. Tiga orang ditangkap.")
    assert [t.text for t in doc][:3] == ["Kantor", "PT.", "Maju"]
    assert len(list(doc.sents)) == 2
    assert get_nlp() is get_nlp()


def test_fast_and_spacy_agree_on_the_corpus() -> None:
    path = CORPUS / "train.jsonl"
    if not path.exists():
        pytest.skip("nlp/corpus/train.jsonl missing")
    paras = [p for line in path.read_text(encoding="utf-8").splitlines()[:150]
             for p in json.loads(line)["text"].split("\n") if p.strip()]

    def norm(spans: list[tuple[int, int]], p: str) -> list[str]:
        # spaCy's sentencizer attaches an opening quote to the previous sentence; ignore quotes
        return [re.sub(r"[\"\u201c\u201d\s]", "", p[a:b]) for a, b in spans if re.sub(r"[\"\u201c\u201d\s]", "", p[a:b])]

    same = sum(norm(fast_spans(p), p) == norm(spacy_spans(p), p) for p in paras)
    assert same / len(paras) >= 0.97


def test_sentence_lookup() -> None:
    s = Sentences("Kalimat satu di Jl. Merdeka. Kalimat dua!\nParagraf baru.")
    assert s.sentence(5) == "Kalimat satu di Jl. Merdeka."
    assert s.sentence(30) == "Kalimat dua!"
    assert s.sentence(45) == "Paragraf baru."
    assert s.sentence(5, exact=True) == "Kalimat satu di Jl. Merdeka."


def test_previous_span_stays_in_the_paragraph() -> None:
    text = "Kemlu menangani 3.912 WNI korban. Terbanyak di Kamboja.\nParagraf baru di Laos."
    s = Sentences(text)
    assert s.previous_span(text.index("Kamboja")) == (0, text.index(" Terbanyak"))
    assert s.previous_span(text.index("Kemlu")) is None  # the paragraph's first sentence
    assert s.previous_span(text.index("Laos")) is None  # a new paragraph starts over
