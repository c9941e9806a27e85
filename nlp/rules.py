"""``tppo_modus_rules.v1`` and ``.v2``: strong lexical cues for each modus and for TPPO relevance.

Each cue is a regular expression over the lower-cased cleaned text. A cue is *strong*: when it
matches, the sentence it matches in is good evidence for the label. Cue hits are given to the
statistical models as features (they learn how far to trust each one) and the first hit's
sentence becomes the label's evidence.

Examples (one per modus) of sentences a cue matches:

- migrant_worker: "12 calon PMI nonprosedural diamankan di pelabuhan"
- sexual_exploitation: "korban dipaksa melayani tamu pria hidung belang"
- online_scam: "dipekerjakan sebagai operator judi online di Kamboja"
- fishing_crew: "ABK asal Pemalang bekerja di kapal ikan berbendera Taiwan"
- child_exploitation: "anak di bawah umur dipekerjakan sebagai pemandu lagu"
- bride_trafficking: "dijanjikan menikah dengan pria Tiongkok lewat perjodohan (pengantin pesanan)"
- organ_trafficking: "korban dijanjikan Rp 150 juta untuk menjual ginjal"
- fake_internship: "mahasiswa dikirim ke Jerman lewat program ferienjob"
- baby_selling: "bayi itu dijual seharga Rp 15 juta"
- forced_labour: "korban dipaksa bekerja tanpa digaji di perkebunan sawit"
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from nlp.registry import register

RULESET_NAME = "tppo_modus_rules.v1"
RULESET_V2 = "tppo_modus_rules.v2"
_C = r"[^.!?\n]{0,%d}"  # gap inside one sentence


def _gap(n: int) -> str:
    return _C % n


CUES_V1: dict[str, tuple[str, ...]] = {
    "migrant_worker": (
        r"\b(?:pmi|tki|cpmi|pekerja migran|calon pekerja migran)\b" + _gap(40)
        + r"\b(?:ilegal|nonprosedural|non-prosedural|non prosedural|unprosedural|tidak resmi|tanpa dokumen|tidak sesuai prosedur)",
        r"\b(?:nonprosedural|non-prosedural|unprosedural)\b",
        r"\bpenampungan\b" + _gap(40) + r"\b(?:pmi|tki|calon|pekerja)",
        r"\b(?:p3mi|pptkis|agen|perusahaan penyalur)\b" + _gap(30) + r"\b(?:ilegal|bodong|tidak berizin|tak berizin|abal-abal)",
        r"\bcalo\b" + _gap(40) + r"\b(?:pmi|tki|pekerja|kerja)",
        r"\bvisa (?:kunjungan|ziarah|umrah|turis|wisata|pelancong)\b" + _gap(80) + r"\b(?:bekerja|kerja|dipekerjakan)",
        r"\b(?:asisten|pembantu|pekerja) rumah tangga\b" + _gap(60) + r"\b(?:luar negeri|malaysia|arab|timur tengah|hong kong|taiwan|singapura|dubai|abu dhabi|qatar|kuwait|oman|yordania)",
    ),
    "sexual_exploitation": (
        r"\bdipaksa (?:melayani|menjadi|bekerja sebagai) (?:tamu|pria|lelaki|pelanggan|psk|pekerja seks|wanita penghibur)",
        r"\bmucikari\b", r"\b(?:open bo|openbo)\b", r"\bprostitusi\b", r"\bpekerja seks\b", r"\bpsk\b",
        r"\beksploitasi seksual\b", r"\bpemandu lagu\b", r"\bspa plus\b", r"\blayanan (?:seks|plus)",
        r"\bmelayani (?:tamu|pria|lelaki|pelanggan)\b" + _gap(40) + r"\b(?:hubungan|seks|berhubungan|kamar|hotel|badan)",
        r"\b(?:dijual|ditawarkan) (?:kepada|ke) (?:pria|lelaki|pelanggan|hidung belang)",
        r"\bwanita penghibur\b", r"\bpelacuran\b", r"\bhidung belang\b",
    ),
    "online_scam": (
        r"\b(?:online scam|scam online|scamming|scammer)\b",
        r"\bpenipuan (?:daring|online|siber|investasi|kripto|asmara)\b",
        r"\bjudi (?:online|daring)\b", r"\bjudol\b",
        r"\boperator (?:judi|penipuan|scam|game|kasino)",
        r"\b(?:kamboja|myanmar|myawaddy|laos|filipina|shwe kokko|sihanoukville|poipet|bavet)\b" + _gap(120)
        + r"\b(?:penipuan|scam|judi|kasino|love scam|investasi bodong)",
        r"\b(?:penipuan|scam|judi|kasino)\b" + _gap(120) + r"\b(?:kamboja|myanmar|myawaddy|laos|filipina)\b",
        r"\blove scam", r"\bperusahaan (?:bodong|fiktif|investasi bodong|investasi fiktif)\b" + _gap(60) + r"\b(?:kamboja|myanmar|laos)",
    ),
    "fishing_crew": (
        r"\babk\b", r"\banak buah kapal\b", r"\bkapal (?:ikan|penangkap ikan|perikanan|pencari ikan)\b",
        r"\bawak kapal\b" + _gap(60) + r"\b(?:ikan|asing|taiwan|korea|tiongkok|china|fiji|peru)",
        r"\bkapal berbendera\b",
    ),
    "child_exploitation": (
        r"\beksploitasi (?:anak|ekonomi anak|seksual anak)\b", r"\bpekerja anak\b",
        r"\b(?:anak|bocah|siswi|siswa|pelajar|remaja putri)\b" + _gap(50)
        + r"\b(?:di bawah umur|dieksploitasi|dijual|dipaksa|dijajakan|dipekerjakan)",
        r"\b(?:dieksploitasi|dijual|dipaksa|dijajakan|dipekerjakan)\b" + _gap(50) + r"\b(?:anak|bocah|di bawah umur)\b",
        r"\bdi bawah umur\b", r"\bmasih berusia 1[0-7] tahun\b", r"\banak jalanan\b" + _gap(40) + r"\b(?:dipaksa|mengemis)",
    ),
    "bride_trafficking": (
        r"\bpengantin pesanan\b", r"\b(?:kawin|nikah) kontrak\b", r"\b(?:kawin|nikah|pernikahan) paksa\b",
        r"\bmail[ -]order bride\b", r"\bperjodohan\b" + _gap(80) + r"\b(?:tiongkok|china|cina|asing|taiwan)",
        r"\b(?:dinikahkan|dijodohkan|dikawinkan)\b" + _gap(60) + r"\b(?:pria|lelaki|warga) (?:asing|tiongkok|china|cina|taiwan)",
        r"\b(?:menikah|pengantin)\b" + _gap(60) + r"\b(?:pria|lelaki|warga negara) (?:tiongkok|china|cina|asing|taiwan)",
    ),
    "organ_trafficking": (
        r"\b(?:jual|menjual|dijual|penjualan|perdagangan|jual beli|transplantasi|donor) (?:organ|ginjal)\b",
        r"\bginjal\b", r"\borgan tubuh\b",
    ),
    "fake_internship": (
        r"\bferienjob\b", r"\bmagang\b" + _gap(60) + r"\b(?:palsu|bodong|kedok|modus|fiktif|ilegal|abal-abal)",
        r"\b(?:palsu|bodong|kedok|modus|fiktif|ilegal)\b" + _gap(40) + r"\bmagang\b",
        r"\bbeasiswa\b" + _gap(60) + r"\b(?:palsu|bodong|kedok|modus|fiktif|abal-abal)",
        r"\b(?:kedok|modus|iming-iming) (?:beasiswa|studi|kuliah|program beasiswa|program studi)\b",
        r"\bprogram (?:magang|kerja sambil kuliah|kuliah sambil kerja)\b",
        r"\b(?:mahasiswa|pelajar|siswa smk)\b" + _gap(60) + r"\b(?:magang|ferienjob)\b",
    ),
    "baby_selling": (
        r"\b(?:jual beli|jual-beli|penjualan|menjual|dijual|memperjualbelikan|perdagangan) bayi\b",
        r"\bbayi\b" + _gap(50) + r"\b(?:dijual|diperjualbelikan|dibeli|seharga)\b",
        r"\badopsi ilegal\b",
    ),
    "forced_labour": (
        r"\bkerja paksa\b", r"\b(?:jerat|jeratan) utang\b", r"\bperbudakan\b", r"\bpraktik perbudakan\b",
        r"\b(?:tidak|tak|tanpa|tidak pernah|tak pernah) (?:digaji|dibayar|diberi upah|menerima gaji)\b",
        r"\bdipaksa bekerja\b", r"\b(?:gaji|gajinya)\b" + _gap(30) + r"\b(?:ditahan|tidak dibayarkan|tak dibayar)",
        r"\bdipekerjakan\b" + _gap(60) + r"\b(?:perkebunan|pabrik|tambang|sawit)\b",
    ),
}

_MINOR_AGE = r"(?:1[0-7]|[4-9])"  # an age under 18 (a child in Indonesian law); 1-3 are babies (baby_selling)
# v2 (2026-11-23): a victim's stated age under 18 is a child_exploitation cue too ("korban berinisial RN (16)",
# "korban masih berumur 14 tahun"): WRITING_GUIDE labels every exploited child child_exploitation as well. The
# age must belong to a victim (after "korban", or to a girl or pupil named by initials): a celebrity's childhood
# photo "saat berusia 13 tahun" is no cue.
CUES_V2: dict[str, tuple[str, ...]] = {
    **CUES_V1,
    "child_exploitation": CUES_V1["child_exploitation"] + (
        r"\bkorban\b" + _gap(40) + r"\b[a-z]{1,4} \(" + _MINOR_AGE + r"\)",
        r"\b(?:remaja|siswi|siswa|pelajar|gadis|bocah|anak) (?:perempuan |putri |laki-laki )?(?:berinisial )?"
        + r"[a-z]{1,4} \(" + _MINOR_AGE + r"\)",
        r"\bkorban\b" + _gap(40) + r"\b(?:berusia|berumur|usia|umur|usianya|umurnya) " + _MINOR_AGE + r" tahun\b",
    ),
}

RELEVANCE_CUES_V1: tuple[str, ...] = (
    r"\btppo\b", r"\bperdagangan orang\b", r"\bperdagangan manusia\b", r"\btrafficking\b",
    r"\bhuman trafficking\b", r"\bgugus tugas\b" + _gap(40) + r"\btppo\b", r"\beksploitasi\b",
    r"\bkorban\b" + _gap(60) + r"\b(?:dijual|dieksploitasi|disekap|dipekerjakan)",
)


@dataclass(frozen=True)
class CueHit:
    label: str
    pattern: int
    start: int
    end: int


_FIRST_GROUP = re.compile(r"^(?:\\b)?\(\?:([^()]*)\)")
_FIRST_WORDS = re.compile(r"^(?:\\b)?([a-z0-9][a-z0-9' -]*)")
_SEGMENT_END = re.compile(r"[.!?\n]")


def _find_all(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(text, start, end)`` gives, by repeated ``search``.

    Most segments hold no match, and one ``search`` costs about half of setting up a ``finditer``. A
    search from a match's end sees the same context as the iterator does (both keep the whole string
    before ``start`` for ``\\b``); after an empty match (no cue matches empty) finditer's own rule takes over."""
    out: list[tuple[int, int]] = []
    m = pattern.search(text, start, end)
    while m is not None:
        a, b = m.span()
        if a == b:
            out.extend(x.span() for x in pattern.finditer(text, a, end))
            break
        out.append((a, b))
        m = pattern.search(text, b, end)
    return out


def _first_part(pattern: str) -> list[str] | None:
    """The literal alternatives that every match of ``pattern`` starts with, or None when its first part is
    not plain words."""
    m = _FIRST_GROUP.match(pattern)
    alts = m.group(1).split("|") if m else None
    if alts is None:
        w = _FIRST_WORDS.match(pattern)
        if not w:
            return None
        alts = [w.group(1)]
    if any(any(ch in alt for ch in "?*+[\\.{") or not alt.split() for alt in alts):
        return None
    return alts


def _trigger(alt: str) -> str:
    return max(alt.split(), key=len)


def triggers(pattern: str) -> tuple[str, ...]:
    """Literal words, one of which every match of ``pattern`` starts with (from its first part).

    An empty tuple means "no literal found: always run". Triggers let :class:`ModusRules` find,
    with one Aho-Corasick pass, the few sentences where a cue can match at all.
    """
    alts = _first_part(pattern)
    return () if alts is None else tuple(sorted({_trigger(alt) for alt in alts}))


def trigger_lead(pattern: str) -> int:
    """How many characters a match of ``pattern`` can start before the trigger word it holds: a match
    begins with one of its literal alternatives, which holds its trigger at a fixed offset."""
    alts = _first_part(pattern)
    return 0 if alts is None else max(alt.find(_trigger(alt)) for alt in alts)


class ModusRules:
    """Compiled cues of one rule-set version.

    Every cue matches inside one sentence (its gaps exclude ``.!?`` and newlines), so each regex
    runs only on the sentences where one of its trigger words occurs.
    """

    def __init__(self, name: str, cues: dict[str, tuple[str, ...]], relevance: tuple[str, ...]) -> None:
        import ahocorasick

        self.name = name
        self.labels = tuple(cues)
        # the source patterns, for a model version that changes when a rule set's content does
        self.patterns: dict[str, Any] = {"cues": {k: list(v) for k, v in cues.items()}, "relevance": list(relevance)}
        self._cues = {label: [(re.compile(p), triggers(p)) for p in pats] for label, pats in cues.items()}
        self._relevance = [(re.compile(p), triggers(p)) for p in relevance]
        self._auto = ahocorasick.Automaton()
        for pats in [*self._cues.values(), self._relevance]:
            for _, trig in pats:
                for w in trig:
                    self._auto.add_word(w, w)
        self._auto.make_automaton()
        # Every cue in one flat list (labels in order, then the relevance cues), and which of them each
        # trigger word can start: a scan runs only the cues whose trigger occurs (a few of the ~80), instead
        # of a Python call per cue and text.
        self._flat: list[tuple[str | None, int, re.Pattern[str], tuple[str, ...]]] = [
            (label, i, p, trig) for label, pats in self._cues.items() for i, (p, trig) in enumerate(pats)]
        self._flat += [(None, i, p, trig) for i, (p, trig) in enumerate(self._relevance)]
        self._always = frozenset(k for k, (_, _, _, trig) in enumerate(self._flat) if not trig)
        self._by_trigger: dict[str, frozenset[int]] = {}
        for k, (_, _, _, trig) in enumerate(self._flat):
            for w in trig:
                self._by_trigger[w] = self._by_trigger.get(w, frozenset()) | {k}
        # per compiled cue: how far before its earliest trigger in a sentence a match can start
        self._lead = {p: trigger_lead(p.pattern) for _, _, p, _ in self._flat}

    def _segments(self, lowered: str) -> dict[str, dict[tuple[int, int], int]]:
        """Trigger word -> sentence segments (start, end) where it occurs -> start of its first occurrence
        there (the automaton reports occurrences in text order, so the first one seen is the earliest)."""
        ends = [m.start() for m in _SEGMENT_END.finditer(lowered)]
        out: dict[str, dict[tuple[int, int], int]] = {}
        for end_idx, w in self._auto.iter(lowered):
            k = bisect.bisect_left(ends, end_idx)
            seg = (ends[k - 1] + 1 if k > 0 else 0, ends[k] if k < len(ends) else len(lowered))
            out.setdefault(w, {}).setdefault(seg, end_idx - len(w) + 1)
        return out

    def _run(self, pattern: re.Pattern[str], trig: tuple[str, ...], lowered: str,
             segs: dict[str, dict[tuple[int, int], int]]) -> list[tuple[int, int]]:
        if not trig:
            return [(m.start(), m.end()) for m in pattern.finditer(lowered)]
        found = [segs[w] for w in trig if w in segs]
        if not found:  # no trigger word in the text: the cue cannot match
            return []
        firsts = found[0]
        if len(found) > 1:  # each segment's earliest occurrence of any of the triggers
            firsts = dict(firsts)
            for more in found[1:]:
                for seg, first in more.items():
                    if first < firsts.get(seg, first + 1):
                        firsts[seg] = first
        # no match starts before (earliest trigger - lead) in its segment, so the search starts there: the
        # same matches (a search from a later start still sees the text before it for \b)
        lead = self._lead[pattern]
        return [span for (a, b), first in sorted(firsts.items())
                for span in _find_all(pattern, lowered, max(a, first - lead), b)]

    def scan(self, lowered: str) -> tuple[dict[str, list[CueHit]], list[int]]:
        """Modus cue hits (per label, in text order) and relevance-cue counts of ``lowered``."""
        segs = self._segments(lowered)
        found: dict[str, list[CueHit]] = {}
        rel = [0] * len(self._relevance)
        # cues in their flat order, so each label's hits are gathered cue by cue as a full pass would
        for k in sorted(self._always.union(*map(self._by_trigger.__getitem__, segs))):
            label, i, p, trig = self._flat[k]
            spans = self._run(p, trig, lowered, segs)
            if label is None:
                rel[i] = len(spans)
            elif spans:
                found.setdefault(label, []).extend(CueHit(label, i, a, b) for a, b in spans)
        hits: dict[str, list[CueHit]] = {}
        for label in self.labels:  # in label order, each label's hits sorted by start (stable)
            if label in found:
                hits[label] = sorted(found[label], key=lambda h: h.start)
        return hits, rel

    def hits(self, lowered: str) -> dict[str, list[CueHit]]:
        return self.scan(lowered)[0]


@register(RULESET_NAME)
def tppo_modus_rules_v1() -> ModusRules:
    return ModusRules(RULESET_NAME, CUES_V1, RELEVANCE_CUES_V1)


@register(RULESET_V2)
def tppo_modus_rules_v2() -> ModusRules:
    """v1 plus the stated age of a child victim as a child_exploitation cue."""
    return ModusRules(RULESET_V2, CUES_V2, RELEVANCE_CUES_V1)
