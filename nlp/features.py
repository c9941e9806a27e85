"""Feature extraction for the statistical models: TF-IDF word and character n-grams plus rule cues.

Texts are normalised first (:func:`nlp.text.normalize`: slang, abbreviations, numbers). Character
n-grams only see the title and the start of the text, which keeps classification fast on long
articles. Rule-cue counts from the configured rule set (``tppo_modus_rules.v2``) are appended as extra columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nlp.rules import ModusRules
from nlp.text import normalize

if TYPE_CHECKING:
    import scipy.sparse as sp


@dataclass
class Doc:
    """What the feature builder needs of one article (cleaned title and text, rule hits)."""

    title: str
    text: str
    cue_counts: dict[str, int]
    relevance_cues: list[int]


def make_doc(title: str, text: str, rules: ModusRules) -> tuple[Doc, dict[str, Any]]:
    """Build a :class:`Doc` and return the text's rule hits (for evidence) alongside."""
    hits, rel_text = rules.scan(text.lower())
    title_hits, rel_title = rules.scan(title.lower())
    counts = {label: len(hits.get(label, [])) + 2 * len(title_hits.get(label, [])) for label in rules.labels}
    rel = [a + 2 * b for a, b in zip(rel_text, rel_title, strict=True)]
    return Doc(title, text, counts, rel), hits


class FeatureBuilder:
    def __init__(self, cfg: dict[str, Any], labels: tuple[str, ...]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.cfg = cfg
        self.labels = labels
        self.word = TfidfVectorizer(
            analyzer="word", token_pattern=r"(?u)\b\w+\b", ngram_range=tuple(cfg["word_ngram"]),
            min_df=cfg["word_min_df"], max_features=cfg["word_max_features"], sublinear_tf=True, dtype=np.float32,
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(cfg["char_ngram"]), min_df=cfg["char_min_df"],
            max_features=cfg["char_max_features"], sublinear_tf=True, dtype=np.float32,
        )

    def _views(self, docs: list[Doc]) -> tuple[list[str], list[str]]:
        words, chars = [], []
        for d in docs:
            title = normalize(d.title)
            body = normalize(d.text)
            words.append(" ".join([title] * self.cfg["title_repeat"] + [body]))
            chars.append(title + " " + body[: self.cfg["char_max_chars"]])
        return words, chars

    def _rules(self, docs: list[Doc]) -> sp.csr_matrix:
        import scipy.sparse as sp

        w = float(self.cfg["rule_weight"])
        rows = [[w * min(d.cue_counts.get(lab, 0), 3) / 3 for lab in self.labels] + [w * min(c, 3) / 3 for c in d.relevance_cues]
                for d in docs]
        return sp.csr_matrix(np.asarray(rows, dtype=np.float32))

    def fit_transform(self, docs: list[Doc]) -> sp.csr_matrix:
        import scipy.sparse as sp

        words, chars = self._views(docs)
        return sp.hstack([self.word.fit_transform(words), self.char.fit_transform(chars), self._rules(docs)]).tocsr()

    def transform(self, docs: list[Doc]) -> sp.csr_matrix:
        import scipy.sparse as sp

        words, chars = self._views(docs)
        return sp.hstack([self.word.transform(words), self.char.transform(chars), self._rules(docs)]).tocsr()

    def word_vocabulary(self) -> dict[str, int]:
        return dict(self.word.vocabulary_)
