"""Sentence lookup for evidence: which sentence contains a given character offset.

Two segmenters share one rule (split after ``.``, ``!``, ``?`` and trailing quotes or brackets,
never after a tokenizer exception such as "PT.", "Jl.", "Kab.", "dll."):

- ``exact=True`` runs the spaCy pipeline (``blank("id")`` + sentencizer) on the paragraph;
- the default fast path applies the same rule on character offsets, using the same tokenizer
  exception table, so the thousands of location evidences per second need no spaCy documents.
  A test checks that both agree on the corpus.

Only paragraphs that hold a cue or a place are segmented, lazily.
"""

from __future__ import annotations

import bisect
import re

from nlp.pipeline import get_nlp, no_split_abbreviations

MAX_EVIDENCE_CHARS = 300
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+\S)")


def fast_spans(para: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph by the sentencizer's rule on character offsets."""
    abbrevs = no_split_abbreviations()
    spans: list[tuple[int, int]] = []
    prev = 0
    for m in _BOUNDARY.finditer(para):
        word_start = para.rfind(" ", 0, m.start()) + 1
        word = para[word_start : m.start() + 1]
        if m.group(0)[0] == "." and (word in abbrevs or word.lower() in abbrevs):
            continue
        end = m.end()
        spans.append((start + prev, start + end))
        prev = end
        while prev < len(para) and para[prev].isspace():
            prev += 1
    if prev < len(para):
        spans.append((start + prev, start + len(para)))
    return spans or [(start, start + len(para))]


def spacy_spans(para: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph from the spaCy pipeline."""
    doc = get_nlp()(para)
    return [(start + s.start_char, start + s.end_char) for s in doc.sents] or [(start, start + len(para))]


class Sentences:
    """Lazy sentence segmentation of one cleaned text (paragraphs separated by ``\\n``)."""

    def __init__(self, text: str, exact: bool = False) -> None:
        self.text = text
        self.exact = exact
        self._starts: list[int] = []
        pos = 0
        for para in text.split("\n"):
            self._starts.append(pos)
            pos += len(para) + 1
        self._cache: dict[tuple[int, bool], list[tuple[int, int]]] = {}

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def _spans(self, index: int, exact: bool) -> list[tuple[int, int]]:
        spans = self._cache.get((index, exact))
        if spans is None:
            start = self._starts[index]
            end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self.text)
            para = self.text[start:end]
            spans = (spacy_spans if exact else fast_spans)(para, start)
            self._cache[(index, exact)] = spans
        return spans

    def _locate(self, offset: int, exact: bool) -> tuple[list[tuple[int, int]], int]:
        """The sentence spans of ``offset``'s paragraph and the index of the one containing it (the last one
        for an offset past them)."""
        spans = self._spans(self.paragraph_index(offset), exact)
        for k, (_start, end) in enumerate(spans):
            if offset < end:
                return spans, k
        return spans, len(spans) - 1

    def span(self, offset: int, exact: bool | None = None) -> tuple[int, int]:
        """Start and end offsets of the sentence containing ``offset``."""
        spans, k = self._locate(offset, self.exact if exact is None else exact)
        return spans[k]

    def previous_span(self, offset: int) -> tuple[int, int] | None:
        """Start and end offsets of the sentence before the one containing ``offset`` in its paragraph, or None
        when that sentence opens the paragraph."""
        spans, k = self._locate(offset, self.exact)
        return spans[k - 1] if k else None

    def sentence(self, offset: int, exact: bool | None = None) -> str:
        """The sentence containing ``offset``, shortened around it when very long."""
        start, end = self.span(offset, exact)
        if end - start > MAX_EVIDENCE_CHARS:
            start = max(start, offset - MAX_EVIDENCE_CHARS // 2)
            end = min(end, start + MAX_EVIDENCE_CHARS)
        return self.text[start:end].strip()
