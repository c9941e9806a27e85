"""Interface strings: Bahasa Indonesia first, English as the switch. Keys are the Indonesian text."""

from __future__ import annotations

LANGUAGES = ("id", "en")

EN: dict[str, str] = {
    "Ringkasan": "Overview", "Kasus": "Cases", "Artikel": "Articles", "Wilayah": "Regions",
    "Peringatan": "Signals", "Digest": "Digests", "Sumber": "Sources", "Evaluasi model": "Model evaluation",
    "Admin": "Admin", "Masuk": "Log in", "Keluar": "Log out", "Nama pengguna": "Username", "Kata sandi": "Password",
    "Cari": "Search", "Kata kunci": "Keywords", "Dari tanggal": "From", "Sampai tanggal": "Until", "Media": "Outlet",
    "Modus": "Modus", "Provinsi": "Province", "Kab/kota": "Regency/city", "Jenis artikel": "Article type",
    "Hanya relevan": "Relevant only", "Semua": "All", "hasil": "results", "lebih dari": "more than", "Tidak ada hasil.": "No results.",
    "Judul": "Title", "Terbit": "Published", "Relevan": "Relevant", "Ya": "Yes", "Tidak": "No",
    "Teks artikel": "Article text", "Label": "Labels", "Bukti": "Evidence", "Izin": "Permission",
    "Versi model": "Model version", "Koreksi": "Corrections", "Simpan koreksi": "Save correction",
    "Teks tidak disimpan": "Text withheld",
    "Penerbit mencadangkan hak penambangan teks dan data (TDM); hanya metadata dan cuplikan yang disimpan.":
        "The publisher reserved text-and-data-mining rights; only metadata and the lead are kept.",
    "Lokasi": "Places", "Peran": "Role", "Korban": "Victims", "Minggu ini": "This week",
    "Artikel relevan": "Relevant articles", "Kasus baru": "New cases", "Sinyal": "Signals", "Tren mingguan": "Weekly trend",
    "Halaman tidak ditemukan": "Page not found", "Akses ditolak": "Access denied", "Terjadi kesalahan": "Something went wrong",
    "Kembali ke Ringkasan": "Back to the overview", "Artikel terkait": "Articles", "Linimasa": "Timeline",
    "Tahap": "Stage", "Tersangka": "Suspects", "Pertama terlihat": "First seen", "Terakhir terlihat": "Last seen",
    "Jumlah": "Count", "Minggu": "Week", "Tingkat": "Severity", "Penjelasan": "Explanation",
    "Langganan": "Subscription", "Dibuat": "Created", "Subjek": "Subject", "Status izin": "Permission status",
    "Perayapan terakhir": "Last crawl", "Disimpan": "Stored", "Dilewati": "Skipped", "Gagal": "Failed",
    "Galat terbaru": "Recent errors", "Tugas terjadwal": "Scheduled jobs", "Tugas": "Job", "Mulai": "Started",
    "Selesai": "Finished", "Aktif": "Enabled", "Ubah": "Change", "Tambah": "Add", "Nama": "Name",
    "Penerima": "Recipients", "Cakupan": "Scope", "Bahasa": "Language", "Alasan": "Reason", "Referensi": "Reference",
    "Faset": "Facets", "Filter tidak valid": "Invalid filter", "Sebelumnya": "Previous", "Berikutnya": "Next",
    "Tidak ada data.": "No data.", "Urutkan": "Sort", "Periode": "Period", "minggu terakhir": "last weeks",
    "Perbandingan versi model pada set uji (held-out)": "Model versions compared on the held-out test set",
    "Sesi Anda berakhir; silakan masuk lagi.": "Your session expired; please log in again.",
    "Nama pengguna atau kata sandi salah.": "Wrong username or password.",
    "Terlalu banyak percobaan gagal; coba lagi 15 menit lagi.": "Too many failed attempts; try again in 15 minutes.",
    "Formulir kedaluwarsa atau tidak sah (CSRF); muat ulang halaman.": "Form expired or invalid (CSRF); reload the page.",
    "Peran Anda tidak mengizinkan tindakan ini.": "Your role does not allow this.",
    "Koreksi disimpan.": "Correction saved.", "Tersimpan.": "Saved.", "Ekspor": "Export",
    "dihitung dari": "counted over", "artikel terbaru yang cocok": "newest matching articles",
}


def translate(text: str, lang: str) -> str:
    return EN.get(text, text) if lang == "en" else text
