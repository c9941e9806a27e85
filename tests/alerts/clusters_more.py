"""More written clusters for case linking (our own sentences; every person and incident invented), linked
together with :data:`tests.alerts.clusters.ARTICLES`.

The hard cases on purpose:
* same modus, kab/kota and destination in the same week, different incidents: M/N (online scam,
  Makassar -> Cambodia), O/P (Nunukan -> Malaysia: a stopped crossing and a boat of deportees), S/T
  (exploitation verdicts at the same court in the same week), and R next to Q (NTB, migrant workers);
* follow-up stories weeks and months later: arrest -> trial -> verdict (Q, S, Z), repatriation (M, U, W);
* syndicated copies with small edits (M3, R2, T2, U2, U3, W3, AA3);
* the same rescue reported with different victim counts (O: 31 / 33 / "puluhan"; X: 26 / 25 / "puluhan";
  AA: 9 / 8).
"""

from __future__ import annotations

from typing import Any

from tests.alerts.clusters import _a


def _copy(of: dict[str, Any], aid: str, outlet: str, when: str, title: str, edits: list[tuple[str, str]]) -> dict[str, Any]:
    """A syndicated copy of ``of``: another outlet, another headline, small edits to the text."""
    text = of["text"]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    labels = of["labels"]
    places = [(p["level"], p["code"] or p["name"], p["role"]) for p in labels["locations"]]
    return _a(aid, of["cluster"], outlet, when, title, text, labels["modus"], places, labels["victims"])


M1 = _a("M1", "M", "fajar-kini", "2024-10-01T03:00",
        "Sebelas warga Makassar dibebaskan dari markas penipuan daring di Bavet, Kamboja",
        "MAKASSAR, Fajar Kini – Sebelas warga Kota Makassar yang disekap di sebuah markas penipuan daring di Bavet, "
        "Kamboja, berhasil dibebaskan setelah KBRI Phnom Penh berkoordinasi dengan kepolisian setempat. Mereka berangkat "
        "pada Juli dengan tawaran kerja sebagai operator toko daring bergaji Rp 12 juta. Setibanya di Bavet, paspor mereka "
        "disita dan mereka dipaksa menipu warga negara lain melalui aplikasi kencan. Seorang perempuan berinisial NR yang "
        "merekrut mereka lewat grup media sosial kini dicari polisi.",
        ["online_scam"], [("kabkota", "73.71", "origin"), ("country", "KH", "destination")], 11)
R1 = _a("R1", "R", "lombok-pos", "2024-09-25T03:00",
        "Lima calon PMI asal Lombok Tengah dicegah berangkat di Bandara Lombok",
        "PRAYA, Lombok Pos – Petugas Imigrasi Bandara Internasional Lombok mencegah keberangkatan lima calon pekerja "
        "migran asal Kabupaten Lombok Tengah yang hendak terbang ke Kuala Lumpur tanpa dokumen penempatan. Mereka mengaku "
        "diurus seorang calo dari desa tetangga yang meminta Rp 7 juta per orang. Kelimanya diserahkan ke BP3MI Nusa "
        "Tenggara Barat untuk didata dan dipulangkan ke desa masing-masing.",
        ["migrant_worker"], [("kabkota", "52.02", "origin"), ("country", "MY", "destination")], 5)
T1 = _a("T1", "T", "metro-harian", "2025-01-22T04:00",
        "Pengelola spa plus di Kalideres divonis lima tahun penjara",
        "JAKARTA, Metro Harian – Majelis hakim Pengadilan Negeri Jakarta Barat memvonis RS (44), pengelola sebuah spa di "
        "Kalideres, lima tahun penjara karena mempekerjakan enam perempuan sebagai terapis yang dipaksa melayani tamu. "
        "Para korban direkrut dari Cianjur dengan janji bekerja sebagai terapis pijat bergaji tetap. Hakim menilai "
        "terdakwa mengambil keuntungan dari jeratan utang para korban.",
        ["sexual_exploitation"], [("kabkota", "31.73", "incident"), ("kabkota", "32.03", "origin")], 6)
U1 = _a("U1", "U", "jateng-kini", "2024-09-30T03:00",
        "Empat ABK asal Cilacap terlantar di Port Louis",
        "CILACAP, Jateng Kini – Empat anak buah kapal asal Kabupaten Cilacap terlantar di Port Louis, Mauritius, setelah "
        "kapal penangkap tuna tempat mereka bekerja ditahan otoritas setempat. Keempatnya mengaku belum menerima gaji "
        "selama sebelas bulan dan paspor mereka dipegang kapten kapal. Keluarga melapor ke Dinas Tenaga Kerja Cilacap dan "
        "meminta bantuan pemerintah untuk memulangkan mereka.",
        ["fishing_crew"], [("kabkota", "33.01", "origin"), ("country", "MU", "destination")], 4)
W2 = _a("W2", "W", "warta-nusantara", "2024-10-15T06:00",
        "Dua korban pengantin pesanan asal Singkawang dipulangkan dari Tiongkok",
        "Dua perempuan asal Singkawang, Kalimantan Barat, yang menjadi korban perkawinan pesanan di Provinsi Hebei, "
        "Tiongkok, dipulangkan melalui KBRI Beijing. Mereka tiba di Bandara Supadio, Pontianak, dan dijemput keluarga. "
        "Polda Kalimantan Barat memeriksa perantara berinisial AL yang menjodohkan keduanya dengan imbalan puluhan juta "
        "rupiah dari pihak keluarga mempelai pria.",
        ["bride_trafficking"], [("kabkota", "61.72", "origin"), ("country", "CN", "destination")], 2)
AA2 = _a("AA2", "AA", "pikiran-bandung", "2024-09-24T04:00",
         "Delapan anak dipekerjakan di pabrik sandal rumahan di Bandung",
         "BANDUNG, Pikiran Bandung – Polrestabes Bandung menyelamatkan delapan anak berusia 13 hingga 15 tahun yang "
         "dipekerjakan di sebuah pabrik sandal rumahan di Kecamatan Babakan Ciparay. Anak-anak itu bekerja sejak pukul "
         "tujuh pagi hingga larut malam dengan upah Rp 20 ribu per hari. Pemilik usaha berinisial UK (50) ditetapkan "
         "sebagai tersangka.",
         ["child_exploitation", "forced_labour"], [("kabkota", "32.73", "incident")], 8)

ARTICLES: list[dict[str, Any]] = [
    # M: eleven people from Makassar freed from a scam compound in Bavet; a rewrite, a syndicated copy, the return
    M1,
    _a("M2", "M", "warta-nusantara", "2024-10-01T09:00",
       "KBRI Phnom Penh selamatkan 11 WNI asal Makassar dari sindikat scam di Bavet",
       "Kedutaan Besar RI di Phnom Penh menyelamatkan 11 WNI asal Makassar yang dipaksa bekerja untuk sindikat penipuan "
       "daring di Bavet, dekat perbatasan Kamboja dan Vietnam. Para korban mengaku dijanjikan pekerjaan sebagai operator "
       "toko daring. Mereka kini ditampung di KBRI sambil menunggu dokumen perjalanan. Polda Sulawesi Selatan memburu "
       "perekrut berinisial NR.",
       ["online_scam"], [("kabkota", "73.71", "origin"), ("country", "KH", "destination")], 11),
    _copy(M1, "M3", "sulsel-satu", "2024-10-02T01:00", "11 warga Makassar lepas dari sekapan sindikat penipuan di Kamboja",
          [("MAKASSAR, Fajar Kini – ", ""), ("berhasil dibebaskan", "akhirnya dibebaskan"), ("bergaji Rp 12 juta", "dengan gaji Rp 12 juta"),
           ("kini dicari polisi", "kini diburu polisi")]),
    _a("M4", "M", "fajar-kini", "2024-10-16T05:00",
       "Sebelas korban sindikat penipuan di Bavet tiba di Makassar",
       "MAKASSAR, Fajar Kini – Sebelas warga Makassar yang dibebaskan dari markas penipuan daring di Bavet, Kamboja, tiba "
       "di Bandara Sultan Hasanuddin dan disambut keluarga. Sehari sebelumnya, polisi menangkap NR (34), perempuan yang "
       "merekrut mereka, di rumahnya. Kepada penyidik NR mengaku menerima Rp 5 juta untuk setiap orang yang berangkat.",
       ["online_scam"], [("kabkota", "73.71", "origin"), ("country", "KH", "destination")], 11),
    # N: the same week, the same city and country, another incident (four young men in Sihanoukville, ransom)
    _a("N1", "N", "fajar-kini", "2024-10-03T04:00",
       "Polrestabes Makassar tangkap perekrut empat pemuda ke Sihanoukville",
       "MAKASSAR, Fajar Kini – Polrestabes Makassar menangkap seorang pria berinisial HS (29) yang diduga merekrut empat "
       "pemuda Kota Makassar untuk bekerja di perusahaan judi daring di Sihanoukville, Kamboja. Keempat korban masih "
       "berada di Kamboja dan keluarga mereka melapor setelah menerima pesan permintaan tebusan Rp 40 juta per orang. HS "
       "mengaku menerima komisi dari seorang agen di Phnom Penh.",
       ["online_scam"], [("kabkota", "73.71", "origin"), ("country", "KH", "destination")], 4),
    _a("N2", "N", "warta-nusantara", "2024-10-04T02:00",
       "Keluarga empat pemuda Makassar di Sihanoukville diminta tebusan",
       "Empat pemuda asal Makassar yang bekerja di perusahaan judi daring di Sihanoukville, Kamboja, belum bisa pulang. "
       "Keluarga mereka diminta membayar tebusan Rp 40 juta per orang. Polisi telah menahan HS, perekrut keempat pemuda "
       "itu, dan berkoordinasi dengan KBRI untuk memulangkan mereka.",
       ["online_scam"], [("kabkota", "73.71", "origin"), ("country", "KH", "destination")], 4),
    # O: one stopped crossing to Tawau, reported as 31, 33 and "puluhan" people; the organiser arrested later
    _a("O1", "O", "kaltara-pos", "2024-09-24T02:00",
       "Polisi gagalkan pengiriman 31 calon PMI ilegal di Pelabuhan Tunon Taka",
       "NUNUKAN, Kaltara Pos – Satuan Polairud Polres Nunukan menggagalkan pengiriman 31 calon pekerja migran "
       "nonprosedural yang hendak menyeberang ke Tawau, Malaysia, menggunakan perahu cepat dari dermaga tak resmi dekat "
       "Pelabuhan Tunon Taka. Para calon pekerja berasal dari Sulawesi Selatan dan Nusa Tenggara Timur. Mereka dijanjikan "
       "pekerjaan di perkebunan sawit dengan upah 60 ringgit per hari.",
       ["migrant_worker"], [("kabkota", "65.03", "transit"), ("other", "Pelabuhan Tunon Taka", "incident"),
                            ("country", "MY", "destination"), ("other", "Tawau", "destination")], 31),
    _a("O2", "O", "warta-nusantara", "2024-09-24T08:00",
       "33 calon pekerja migran nonprosedural diselamatkan di Nunukan",
       "Sebanyak 33 calon pekerja migran nonprosedural diselamatkan aparat di Kabupaten Nunukan, Kalimantan Utara, sebelum "
       "diberangkatkan ke Tawau, Malaysia, dengan perahu cepat. Data terbaru BP3MI menyebut dua orang di antaranya "
       "anak-anak yang ikut orang tuanya. Mereka ditampung di rumah singgah sebelum dipulangkan ke daerah asal. Seorang "
       "pengurus berinisial AM yang mengatur penyeberangan masih diburu.",
       ["migrant_worker"], [("kabkota", "65.03", "transit"), ("country", "MY", "destination"), ("other", "Tawau", "destination")], 33),
    _a("O3", "O", "kaltim-today", "2024-09-25T05:00",
       "Puluhan calon PMI tujuan Tawau tertahan di Nunukan",
       "Puluhan calon pekerja migran yang hendak menyeberang secara ilegal ke Tawau kini tertahan di rumah singgah BP3MI "
       "di Nunukan. Mereka digagalkan berangkat oleh Polairud Polres Nunukan pada Selasa dini hari saat menunggu perahu "
       "cepat di dermaga tikus dekat Pelabuhan Tunon Taka. Petugas masih mendata asal daerah mereka.",
       ["migrant_worker"], [("kabkota", "65.03", "transit"), ("other", "Pelabuhan Tunon Taka", "incident"),
                            ("country", "MY", "destination"), ("other", "Tawau", "destination")], None),
    _a("O4", "O", "kaltara-pos", "2024-10-08T03:00",
       "Pengurus penyeberangan 33 calon PMI ke Tawau ditangkap",
       "NUNUKAN, Kaltara Pos – Polres Nunukan menangkap AM (41), pengurus yang mengatur penyeberangan 33 calon pekerja "
       "migran nonprosedural ke Tawau, Malaysia, yang digagalkan di dekat Pelabuhan Tunon Taka dua pekan lalu. AM mematok "
       "biaya Rp 3,5 juta per orang untuk perjalanan dan pekerjaan di perkebunan sawit.",
       ["migrant_worker"], [("kabkota", "65.03", "incident"), ("country", "MY", "destination"), ("other", "Tawau", "destination")], 33),
    # P: the same port, week, modus and country as O: deportees arriving, another incident
    _a("P1", "P", "kaltara-pos", "2024-09-26T06:00",
       "Ratusan PMI dideportasi dari Sabah tiba di Nunukan",
       "NUNUKAN, Kaltara Pos – Sebanyak 126 pekerja migran Indonesia yang dideportasi otoritas Sabah, Malaysia, tiba di "
       "Pelabuhan Tunon Taka, Kamis. Mereka sebelumnya ditahan di depot imigrasi Tawau karena bekerja tanpa dokumen. "
       "BP3MI Kalimantan Utara mendata para deportan sebelum memulangkan mereka ke kampung halaman. Sebagian di antaranya "
       "mengaku menjadi korban calo yang menjanjikan izin kerja.",
       ["migrant_worker"], [("kabkota", "65.03", "transit"), ("other", "Pelabuhan Tunon Taka", "incident"),
                            ("country", "MY", "destination"), ("other", "Tawau", "transit")], 126),
    # Q: a sponsor from Lombok Timur: arrest, trial eight weeks later, verdict two months after that
    _a("Q1", "Q", "lombok-pos", "2024-09-24T05:00",
       "Sponsor pengirim tujuh perempuan Lombok Timur ke Abu Dhabi ditangkap",
       "SELONG, Lombok Pos – Polres Lombok Timur menangkap seorang sponsor berinisial LH (46) yang mengirim tujuh "
       "perempuan asal Kecamatan Sakra ke Abu Dhabi, Uni Emirat Arab, dengan visa kunjungan. Para korban dipekerjakan "
       "sebagai pembantu rumah tangga tanpa kontrak dan dua di antaranya mengaku tidak digaji selama delapan bulan. Kasus "
       "ini terungkap setelah seorang korban menghubungi keluarganya melalui pesan suara.",
       ["migrant_worker"], [("kabkota", "52.03", "origin"), ("country", "AE", "destination")], 7),
    _a("Q2", "Q", "warta-nusantara", "2024-11-19T04:00",
       "Sponsor PMI ilegal ke Abu Dhabi mulai disidang di PN Selong",
       "Terdakwa LH, sponsor yang memberangkatkan tujuh perempuan asal Sakra, Lombok Timur, ke Abu Dhabi, menjalani sidang "
       "perdana di Pengadilan Negeri Selong. Jaksa mendakwanya melanggar Undang-Undang Pemberantasan Tindak Pidana "
       "Perdagangan Orang. Dalam dakwaan disebutkan LH menerima Rp 5 juta dari agen di Uni Emirat Arab untuk setiap "
       "perempuan yang ia kirim.",
       ["migrant_worker"], [("kabkota", "52.03", "origin"), ("country", "AE", "destination")], 7),
    _a("Q3", "Q", "lombok-pos", "2025-01-14T06:00",
       "LH divonis enam tahun penjara karena kirim tujuh perempuan ke Abu Dhabi",
       "SELONG, Lombok Pos – Majelis hakim Pengadilan Negeri Selong menjatuhkan pidana enam tahun penjara dan denda "
       "Rp 200 juta kepada LH, sponsor yang mengirim tujuh perempuan Lombok Timur ke Uni Emirat Arab. Hakim menyatakan "
       "terdakwa terbukti melakukan tindak pidana perdagangan orang. Vonis itu lebih ringan dari tuntutan jaksa yang "
       "meminta delapan tahun.",
       ["migrant_worker"], [("kabkota", "52.03", "origin"), ("country", "AE", "destination")], 7),
    # R: the same province, modus and week as Q1: five people stopped at Lombok airport (and a syndicated copy)
    R1,
    _copy(R1, "R2", "warta-nusantara", "2024-09-25T10:00", "Imigrasi cegah lima calon PMI nonprosedural di Bandara Lombok",
          [("PRAYA, Lombok Pos – ", ""), ("tanpa dokumen penempatan", "tanpa dokumen resmi"), ("desa tetangga", "desa sebelah")]),
    # S: a procurer of two girls in Jakarta Barat: arrest, trial, verdict four months later
    _a("S1", "S", "metro-harian", "2024-09-27T07:00",
       "Muncikari jual dua remaja lewat aplikasi di Jakarta Barat ditangkap",
       "JAKARTA, Metro Harian – Polres Metro Jakarta Barat menangkap seorang muncikari berinisial DA (27) yang menjual dua "
       "remaja perempuan berusia 15 dan 16 tahun melalui aplikasi pesan singkat. Transaksi dilakukan di sebuah apartemen "
       "di kawasan Cengkareng dengan tarif Rp 1,5 juta. Kedua korban kini didampingi petugas UPT Perlindungan Perempuan "
       "dan Anak.",
       ["sexual_exploitation", "child_exploitation"], [("kabkota", "31.73", "incident")], 2),
    _a("S2", "S", "metro-harian", "2024-11-12T05:00",
       "Muncikari DA didakwa perdagangan anak di PN Jakarta Barat",
       "JAKARTA, Metro Harian – Terdakwa DA (27) menjalani sidang dakwaan di Pengadilan Negeri Jakarta Barat atas perkara "
       "perdagangan dua remaja perempuan melalui aplikasi pesan. Jaksa menyebut terdakwa menawarkan kedua korban kepada "
       "pria dewasa di sebuah apartemen di Cengkareng sejak Agustus.",
       ["sexual_exploitation", "child_exploitation"], [("kabkota", "31.73", "incident")], 2),
    _a("S3", "S", "warta-nusantara", "2025-01-21T08:00",
       "Muncikari remaja di Cengkareng divonis tujuh tahun",
       "Pengadilan Negeri Jakarta Barat memvonis DA tujuh tahun penjara karena menjual dua remaja perempuan melalui "
       "aplikasi pesan di Cengkareng. Hakim juga mewajibkan terdakwa membayar restitusi kepada kedua korban sebesar "
       "Rp 30 juta.",
       ["sexual_exploitation", "child_exploitation"], [("kabkota", "31.73", "incident")], 2),
    # T: the same court, modus and week as S3, another defendant (and a syndicated copy)
    T1,
    _copy(T1, "T2", "warta-nusantara", "2025-01-22T09:00", "Hakim vonis pengelola spa di Kalideres lima tahun",
          [("JAKARTA, Metro Harian – ", ""), ("dipaksa melayani tamu", "dipaksa melayani para tamu"),
           ("bergaji tetap", "dengan gaji tetap")]),
    # U: fishing crew from Cilacap stranded in Mauritius: an original, two syndicated copies, the return
    U1,
    _copy(U1, "U2", "warta-nusantara", "2024-09-30T07:00", "ABK asal Cilacap terlantar di Mauritius, belum digaji sebelas bulan",
          [("CILACAP, Jateng Kini – ", ""), ("ditahan otoritas setempat", "ditahan oleh otoritas setempat"),
           ("dipegang kapten kapal", "ditahan kapten kapal")]),
    _copy(U1, "U3", "suara-pantura", "2024-10-01T02:00", "Nasib empat ABK Cilacap di Port Louis",
          [("CILACAP, Jateng Kini – ", "CILACAP – "), ("Keempatnya mengaku", "Mereka mengaku"), ("meminta bantuan", "memohon bantuan")]),
    _a("U4", "U", "jateng-kini", "2024-10-18T05:00",
       "Empat ABK Cilacap yang terlantar di Mauritius dipulangkan",
       "CILACAP, Jateng Kini – Empat anak buah kapal asal Cilacap yang sempat terlantar di Port Louis, Mauritius, akhirnya "
       "dipulangkan dan tiba di kampung halaman, Jumat. Pemulangan difasilitasi KBRI Antananarivo. Perusahaan penyalur di "
       "Tegal yang memberangkatkan mereka diminta membayar gaji yang tertunggak.",
       ["fishing_crew"], [("kabkota", "33.01", "origin"), ("country", "MU", "destination")], 4),
    # V: a midwife in Medan selling a newborn (the same city as C, another modus)
    _a("V1", "V", "sumut-pos", "2024-10-02T04:00",
       "Bidan di Medan ditangkap karena jual bayi Rp 20 juta",
       "MEDAN, Sumut Pos – Polrestabes Medan menangkap seorang bidan berinisial SL (52) yang diduga menjual bayi perempuan "
       "berusia lima hari seharga Rp 20 juta kepada pasangan dari Riau. Ibu bayi, seorang pekerja warung berusia 19 "
       "tahun, mengaku diminta menandatangani surat penyerahan anak setelah melahirkan di klinik milik tersangka.",
       ["baby_selling"], [("kabkota", "12.71", "incident")], 1),
    _a("V2", "V", "warta-nusantara", "2024-10-03T03:00",
       "Polisi dalami jaringan bidan penjual bayi di Medan",
       "Polrestabes Medan mendalami kemungkinan bidan SL memperdagangkan bayi lain melalui klinik bersalin miliknya. "
       "Penyidik menemukan catatan penyerahan tiga bayi sepanjang tahun ini. Bayi perempuan yang dijual Rp 20 juta kini "
       "dirawat dinas sosial.",
       ["baby_selling"], [("kabkota", "12.71", "incident")], 1),
    # W: brides from Singkawang in China: the family's report, the return three weeks later, a syndicated copy
    _a("W1", "W", "pontianak-post", "2024-09-26T05:00",
       "Dua perempuan Singkawang diduga jadi korban pengantin pesanan di Tiongkok",
       "SINGKAWANG, Pontianak Post – Keluarga dua perempuan asal Kota Singkawang melapor ke polisi karena anak mereka yang "
       "dinikahkan dengan pria asal Tiongkok tidak bisa pulang. Keduanya berangkat setahun lalu setelah dijodohkan oleh "
       "seorang perantara berinisial AL yang menjanjikan kehidupan layak. Kepada keluarga, salah satu korban mengaku "
       "dipaksa bekerja di ladang dan dilarang memegang telepon.",
       ["bride_trafficking"], [("kabkota", "61.72", "origin"), ("country", "CN", "destination")], 2),
    W2,
    _copy(W2, "W3", "pontianak-post", "2024-10-15T09:00", "Korban perkawinan pesanan asal Singkawang tiba di Pontianak",
          [("dipulangkan melalui", "akhirnya dipulangkan melalui"), ("dijemput keluarga", "langsung dijemput keluarga")]),
    # X: Indonesians out of a scam compound in Myawaddy, counted 26, then 25, then "puluhan"
    _a("X1", "X", "warta-nusantara", "2024-10-08T03:00",
       "26 WNI korban online scam di Myawaddy diselamatkan",
       "Sebanyak 26 warga negara Indonesia yang dipaksa bekerja di kompleks penipuan daring di Myawaddy, Myanmar, "
       "diselamatkan dan diseberangkan ke Mae Sot, Thailand. Kementerian Luar Negeri menyebut para korban berasal dari "
       "Jawa Barat, Jawa Tengah, dan Sulawesi Utara. Mereka akan menjalani pemeriksaan di KBRI Bangkok sebelum dipulangkan.",
       ["online_scam"], [("country", "MM", "destination"), ("country", "TH", "transit"), ("province", "32", "origin"),
                         ("province", "33", "origin"), ("province", "71", "origin")], 26),
    _a("X2", "X", "kabar-nasional", "2024-10-08T10:00",
       "Kemlu: 25 WNI dari Myawaddy tiba di Mae Sot",
       "Kementerian Luar Negeri memastikan 25 WNI yang keluar dari kompleks penipuan daring di Myawaddy telah tiba di Mae "
       "Sot, Thailand. Jumlah itu lebih sedikit dari data awal karena satu orang ternyata berkewarganegaraan lain. Para WNI "
       "berasal dari Jawa Barat, Jawa Tengah, dan Sulawesi Utara dan direkrut lewat iklan lowongan kerja di media sosial.",
       ["online_scam"], [("country", "MM", "destination"), ("country", "TH", "transit"), ("province", "32", "origin"),
                         ("province", "33", "origin"), ("province", "71", "origin")], 25),
    _a("X3", "X", "jateng-kini", "2024-10-09T04:00",
       "Puluhan WNI korban penipuan daring Myanmar segera dipulangkan",
       "Puluhan WNI korban penipuan daring di Myawaddy, Myanmar, yang kini berada di Mae Sot, Thailand, segera dipulangkan "
       "ke Indonesia. Sebagian korban berasal dari Jawa Tengah. Pemerintah provinsi menyiapkan penjemputan di Bandara "
       "Soekarno-Hatta.",
       ["online_scam"], [("country", "MM", "destination"), ("country", "TH", "transit"), ("province", "33", "origin")], None),
    # Z: students sent to Germany as "ferienjob" interns: the disclosure, a rewrite, the trial eight weeks later
    _a("Z1", "Z", "jambi-ekspres", "2024-10-01T06:00",
       "33 mahasiswa Jambi jadi korban ferienjob di Jerman",
       "JAMBI, Jambi Ekspres – Bareskrim Polri mengungkap 33 mahasiswa sebuah universitas swasta di Kota Jambi yang "
       "dikirim ke Jerman dengan kedok program magang ferienjob. Di sana mereka bekerja sebagai kuli angkut di gudang "
       "logistik dan harus menanggung biaya pesawat yang dipotong dari upah. Dua orang berinisial SS dan AJ ditetapkan "
       "sebagai tersangka.",
       ["fake_internship"], [("kabkota", "15.71", "origin"), ("country", "DE", "destination")], 33),
    _a("Z2", "Z", "warta-nusantara", "2024-10-01T11:00",
       "Polisi tetapkan dua tersangka program magang ke Jerman",
       "Dua pengelola program magang mahasiswa ke Jerman, SS dan AJ, ditetapkan sebagai tersangka perdagangan orang. "
       "Korbannya 33 mahasiswa dari Jambi yang dipekerjakan di gudang logistik dan terlilit utang biaya keberangkatan "
       "kepada perusahaan penyalur.",
       ["fake_internship"], [("kabkota", "15.71", "origin"), ("country", "DE", "destination")], 33),
    _a("Z3", "Z", "jambi-ekspres", "2024-11-26T04:00",
       "Dua terdakwa kasus ferienjob Jerman disidang di PN Jambi",
       "JAMBI, Jambi Ekspres – SS dan AJ, dua pengelola program magang ke Jerman, menjalani sidang perdana di Pengadilan "
       "Negeri Jambi. Jaksa mendakwa keduanya merekrut mahasiswa dengan janji magang bergaji, padahal para mahasiswa "
       "dipekerjakan sebagai buruh kasar selama libur semester.",
       ["fake_internship"], [("kabkota", "15.71", "origin"), ("country", "DE", "destination")], None),
    # AA: children working in a sandal workshop in Bandung, counted nine, then eight (and a syndicated copy)
    _a("AA1", "AA", "warta-nusantara", "2024-09-23T09:00",
       "Sembilan anak diselamatkan dari pabrik sandal di Babakan Ciparay",
       "Sembilan anak di bawah umur diselamatkan dari sebuah pabrik sandal rumahan di Babakan Ciparay, Kota Bandung. "
       "Mereka bekerja lebih dari dua belas jam sehari dan tidak lagi bersekolah. Polisi memeriksa pemilik usaha dan dua "
       "mandor yang mengawasi anak-anak itu.",
       ["child_exploitation", "forced_labour"], [("kabkota", "32.73", "incident")], 9),
    AA2,
    _copy(AA2, "AA3", "jabar-news", "2024-09-24T08:00", "Polisi selamatkan delapan pekerja anak di Bandung",
          [("BANDUNG, Pikiran Bandung – ", ""), ("hingga larut malam", "sampai larut malam"), ("ditetapkan", "telah ditetapkan")]),
]
