"""The spaCy pipeline: ``blank("id")`` with tokenizer fixes for Indonesian abbreviations and a sentencizer.

Building ``spacy.blank("id")`` loads about 16,000 tokenizer exceptions and takes a second or two,
so the pipeline is built once per process (:func:`get_nlp`) and shared.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations whose final period must not end a sentence ("PT. Maju", "Jl. Sudirman", "Kab. Bogor").
ABBREVIATIONS: tuple[str, ...] = (
    "PT.", "CV.", "Tbk.", "Jl.", "Jln.", "Kab.", "Kec.", "Kel.", "Ds.", "Prov.", "No.", "Rp.",
    "Dr.", "dr.", "Drs.", "Ir.", "Prof.", "H.", "Hj.", "KH.", "St.", "Sdr.", "Sdri.", "Bpk.", "Bp.",
    "Kompol.", "Ipda.", "Iptu.", "Aiptu.", "Brigpol.", "Bripka.", "dkk.", "dll.", "dsb.", "tsb.",
    "a.n.", "u.p.", "S.H.", "M.H.", "S.Pd.", "M.Si.", "SH.", "MH.", "Tel.", "Telp.", 
    "Yth.", "Ket.",
)

_LOCK = threading.Lock()
_NLP: Language | None = None


def build_nlp() -> Language:
    """A fresh pipeline (slow: prefer :func:`get_nlp`)."""
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.blank("id")
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    return nlp


_ABBREVS: frozenset[str] | None = None


def no_split_abbreviations() -> frozenset[str]:
    """Tokenizer exceptions ending in a period ("PT.", "dll.", "a.n."): a sentence never ends at them.

    Read from the Indonesian language defaults plus :data:`ABBREVIATIONS` without building the
    tokenizer (cheap), so the fast segmenter follows the same table as the pipeline.
    """
    global _ABBREVS
    if _ABBREVS is None:
        from spacy.lang.id import Indonesian

        keys = {k for k in Indonesian.Defaults.tokenizer_exceptions if k.endswith(".") and len(k) > 1}
        _ABBREVS = frozenset(keys | set(ABBREVIATIONS))
    return _ABBREVS


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = build_nlp()
    return _NLP
