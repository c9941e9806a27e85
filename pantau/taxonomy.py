"""The product's shared vocabulary (../shared/TAXONOMY.md): codes used by every room."""

from __future__ import annotations

MODUS: tuple[str, ...] = (
    "migrant_worker",
    "sexual_exploitation",
    "online_scam",
    "fishing_crew",
    "child_exploitation",
    "bride_trafficking",
    "organ_trafficking",
    "fake_internship",
    "baby_selling",
    "forced_labour",
)
MODUS_LABELS_ID: dict[str, str] = {
    "migrant_worker": "Pekerja migran nonprosedural",
    "sexual_exploitation": "Eksploitasi seksual",
    "online_scam": "Online scam / judi online",
    "fishing_crew": "ABK kapal perikanan",
    "child_exploitation": "Eksploitasi anak",
    "bride_trafficking": "Pengantin pesanan / kawin kontrak",
    "organ_trafficking": "Perdagangan organ",
    "fake_internship": "Magang / beasiswa palsu",
    "baby_selling": "Jual beli bayi",
    "forced_labour": "Kerja paksa",
}
ARTICLE_TYPES: tuple[str, ...] = ("case", "policy", "other")
LOCATION_LEVELS: tuple[str, ...] = ("province", "kabkota", "country", "other")
ROLES: tuple[str, ...] = ("origin", "incident", "destination", "transit", "dateline", "mention")
