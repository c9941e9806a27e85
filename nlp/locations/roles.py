"""Role cues for place mentions (origin, destination, transit, incident) and per-place features.

``cue_role`` is the documented rule: the nearest role cue among the few words before a mention
("korban asal Sukabumi" -> origin, "dikirim ke Malaysia" -> destination, "transit di Batam" ->
transit, "diamankan di Pelabuhan Sekupang" -> incident). ``place_features`` turns all mentions of
one place into features for the learned role model, which weighs these cues against the rest of
the context (see :mod:`nlp.locations.extract`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlp.locations.gazetteer import Place

ROLES = ("origin", "incident", "destination", "transit", "mention")
LEFT_WORDS = 6  # words before a mention that cues are looked for in
WIDE_LEFT = 16  # words before a mention that the role model sees as sentence context

CUES: dict[str, tuple[str, ...]] = {
    "origin": (
        "asal", "berasal dari", "berasal", "warga", "penduduk", "kelahiran", "berdomisili di", "domisili",
        "tinggal di", "kampung halaman", "daerah asal", "dipulangkan ke", "pulang ke", "dikembalikan ke",
        "direkrut dari", "direkrut di", "merekrut warga", "perekrutan di", "diserahkan ke keluarga di",
    ),
    "destination": (
        "dikirim ke", "diberangkatkan ke", "dipekerjakan di", "bekerja di", "tujuan", "negara tujuan", "dibawa ke",
        "dijual ke", "diterbangkan ke", "berangkat ke", "menuju", "bekerja ke", "dijanjikan bekerja di",
        "diperdagangkan ke", "dipulangkan dari", "kembali dari", "tiba dari", "bekerja sebagai", "dijanjikan kerja di",
        "diselundupkan ke", "dipekerjakan", "sampai di", "tiba di", "dideportasi dari", "dievakuasi dari",
        "direpatriasi dari", "pulang dari", "terjebak di", "telantar di", "terlantar di", "beroperasi di",
        "dijanjikan pekerjaan di", "dikirim untuk bekerja di", "ditempatkan di", "penempatan ke",
    ),
    "transit": ("transit", "transit di", "melalui", "lewat", "via", "singgah", "singgah di", "diseberangkan ke",
                "menyeberang ke", "jalur", "pintu keluar", "perbatasan"),
    "incident": (
        "ditangkap di", "diamankan di", "digerebek di", "penggerebekan di", "disekap di", "ditampung di",
        "penampungan di", "diselamatkan di", "dicegat di", "digagalkan di", "terjaring", "razia di", "dibekuk di",
        "diringkus di", "polres", "polresta", "polrestabes", "polsek", "ditemukan di", "terjadi di", "diamankan",
        "ditangkap", "penangkapan di", "pengungkapan di", "tkp", "rumah kos di", "sebuah rumah di", "hotel di",
    ),
}
_PRIORITY = {"transit": 0, "destination": 1, "incident": 2, "origin": 3}
# cue words -> the cue's role (the highest-priority one if a cue were listed under two roles)
_CUE_ROLE: dict[tuple[str, ...], str] = {}
for _role, _cues in sorted(CUES.items(), key=lambda kv: -_PRIORITY[kv[0]]):
    for _cue in _cues:
        _CUE_ROLE[tuple(_cue.split())] = _role
_CUE_LAST = frozenset(c[-1] for c in _CUE_ROLE)
_CUE_LENGTHS = tuple(sorted({len(c) for c in _CUE_ROLE}))
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_BOUNDARY = re.compile(r"[.!?\n]\s")


def context(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Lower-cased words before (at most ``WIDE_LEFT``) and after (at most 8) a mention, within its sentence."""
    left = text[max(0, start - 200) : start]
    cut = None
    for cut in _BOUNDARY.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end() :]
    right = text[end : end + 100]
    m = _BOUNDARY.search(right)
    if m:
        right = right[: m.start()]
    return _WORD.findall(left.lower())[-WIDE_LEFT:], _WORD.findall(right.lower())[:8]


def cue_role(left: list[str], place: Place) -> str | None:
    """The role of the nearest cue before the mention, or a generic preposition's role, or None."""
    left = left[-LEFT_WORDS:]
    n = len(left)
    best: tuple[int, int, str] | None = None  # (distance from the mention, priority, role) of the nearest cue
    for end in range(n, 0, -1):
        if left[end - 1] not in _CUE_LAST:
            continue
        for k in _CUE_LENGTHS:
            if k <= end:
                role = _CUE_ROLE.get(tuple(left[end - k : end]))
                if role is not None and (best is None or _PRIORITY[role] < best[1]):
                    best = (n - end, _PRIORITY[role], role)
        if best is not None:
            break
    foreign = place.country != "Indonesia"
    if foreign:
        marker = _foreign_marker(left)
        if marker is not None and (best is None or best[0] >= marker[1]):
            return marker[0]
    if best is not None and best[0] <= 3:
        return best[2]
    last = left[-1] if left else ""
    if last in ("ke", "menuju"):
        return "destination"
    if last == "dari":
        return "destination" if foreign else "origin"
    if last == "di":
        return "destination" if foreign else "incident"
    return best[2] if best is not None else None


# What the words right before a foreign place say it is, other than a role: a vessel's flag state ("kapal
# berbendera Taiwan"), an embassy's host ("KBRI di Nairobi", "KJRI Jeddah", "Dubes RI untuk Peru"), a
# nationality ("WN Vietnam", "berkewarganegaraan Kolombia"), a sea ("perairan Somalia"). These are cue values
# of their own (not roles): the role model learns what each means in context, and a nearer role cue still wins.
FOREIGN_MARKERS: dict[str, tuple[frozenset[str], int]] = {
    # marker -> (words, how many words before the place they may stand)
    "flag": (frozenset(("berbendera", "bendera")), 1),
    "embassy": (frozenset("kbri kjri kedutaan kedubes konsulat konjen dubes duta perwakilan atase".split()), 3),
    "nationality": (frozenset(("wn", "wna", "berkewarganegaraan", "kewarganegaraan", "berpaspor", "paspor")), 2),
    "waters": (frozenset(("perairan", "zee")), 1),  # "mencari tuna di perairan Somalia"
}


def _foreign_marker(left: list[str]) -> tuple[str, int] | None:
    """The nearest marker among the words right before a foreign mention and its distance (1 = the word right
    before), or None."""
    for dist in range(1, min(3, len(left)) + 1):
        word = left[-dist]
        for name, (words, reach) in FOREIGN_MARKERS.items():
            if dist <= reach and word in words:
                return name, dist
    return None


# word classes of a foreign mention's sentence context: who moved where and how the article tells it
SENT_CLASSES: dict[str, frozenset[str]] = {
    "victim": frozenset("korban pmi cpmi tki tkw wni abk pekerja migran warga perempuan mahasiswa pemuda anak buruh "
                        "awak pengantin".split()),
    "stat": frozenset("terbanyak disusul diikuti sebagian mayoritas tercatat mencatat didominasi terbesar data "
                      "sepanjang total jumlah persen".split()),
    "warn": frozenset("mencegah cegah pencegahan waspada mewaspadai imbau mengimbau imbauan jangan hati-hati "
                      "sosialisasi rentan tergiur menolak mengenali kalau jika apabila bila agar supaya potensi "
                      "marak".split()),
    "promise": frozenset("dijanjikan janji menjanjikan ditawari ditawarkan menawarkan menawari tawaran iming-iming "
                         "diiming-imingi semula mengira dikira diklaim awalnya rencananya".split()),
    "actual": frozenset("ternyata justru malah berakhir dibelokkan dipindahkan dialihkan sebenarnya nyatanya "
                        "alih-alih".split()),
    "flag": frozenset(("berbendera", "bendera")),
    "exploit": frozenset("dipaksa disekap dieksploitasi disiksa dipukuli dianiaya scam penipuan kompleks markas bordil "
                         "dijual diperbudak disandera ditahan diperas".split()),
    "other": frozenset("otoritas pemerintah kedutaan kbri duta dubes delegasi turis wisatawan pembeli pria "
                       "hukum".split()),
}


_COUNTED = SENT_CLASSES["victim"] | {"orang", "kasus", "jiwa", "deportan", "penumpang"}


def sentence_classes(left: list[str], right: list[str]) -> list[str]:
    """``SC:`` features: the word classes present in a mention's sentence context."""
    words = set(left)
    words.update(right)
    out = [f"SC:{name}" for name, vocab in SENT_CLASSES.items() if not words.isdisjoint(vocab)]
    if counts_group(left + right):
        out.append("SC:count")
    return out


def counts_group(seq: list[str]) -> bool:
    """Whether lower-cased words count a group: a number right before a victim noun ("87 warga", "1.906 PMI")."""
    return any(w.isdigit() and nxt in _COUNTED for w, nxt in zip(seq, seq[1:]))


def mention_features(left: list[str], right: list[str], place: Place, paragraph: int,
                     cue: str | None) -> list[str]:
    """Features of one mention; ``cue`` is ``cue_role(left, place)`` (the caller needs it too)."""
    near = left[-LEFT_WORDS:]
    feats = [f"L1:{near[-1]}" if near else "L1:<s>", f"R1:{right[0]}" if right else "R1:</s>"]
    if len(near) >= 2:
        feats.append(f"L2:{near[-2]}_{near[-1]}")
    feats += [f"LW:{w}" for w in near]
    feats += [f"RW:{w}" for w in right[:4]]
    feats += [f"SW:{w}" for w in left[:-LEFT_WORDS]] + [f"SW:{w}" for w in right[4:]]
    feats.append(f"CUE:{cue}")
    feats.append(f"PARA:{min(paragraph, 6)}")
    if place.country != "Indonesia":
        feats += sentence_classes(left, right)
    return feats


# a country named only in its currency's name is no place the victims went to (``role_model.negatives_mention``)
CURRENCY_ONLY = "CURRENCY_ONLY"
_CURRENCY_L1 = frozenset(f"L1:{w}" for w in "dolar dollar ringgit yen won yuan renminbi baht riyal rial dirham peso "
                                             "rupee dinar lira".split())


def place_features(place: Place, mentions: Iterable[list[str]], n_mentions: int, relevant: bool) -> dict[str, float]:
    """Features of one place in one article: the union of its mentions' features plus place facts."""
    feats: dict[str, float] = {f"KIND:{place.kind}": 1.0, f"LEVEL:{place.level}": 1.0,
                               f"N:{min(n_mentions, 4)}": 1.0}
    if place.country != "Indonesia":
        feats["FOREIGN"] = 1.0
        feats[f"FOREIGN_REL:{int(relevant)}"] = 1.0
    mentions = list(mentions)
    if place.country != "Indonesia" and mentions and all(fs and fs[0] in _CURRENCY_L1 for fs in mentions):
        feats[CURRENCY_ONLY] = 1.0  # "dibayar 500 dolar Singapura": named only as a currency
    for fs in mentions:
        # the mention's one CUE feature sits near its end (then PARA, maybe LISTCUE): find it from there
        k = len(fs) - 1
        while k >= 0 and not fs[k].startswith("CUE:"):
            k -= 1
        if k < 0:
            feats.update(dict.fromkeys(fs, 1.0))
            continue
        feats.update(dict.fromkeys(fs[: k + 1], 1.0))
        feats[f"KIND_{place.kind}_{fs[k]}"] = 1.0
        feats.update(dict.fromkeys(fs[k + 1 :], 1.0))
    return feats
