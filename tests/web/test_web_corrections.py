"""Corrections: analysts correct labels (stored with who and when); they become training records."""

from __future__ import annotations

from typing import Any

from conftest import csrf_of


def _post(client: Any, article_id: int, **data: Any) -> Any:
    token = csrf_of(client.get(f"/artikel/{article_id}").text)
    return client.post(f"/artikel/{article_id}/koreksi", data={"csrf_token": token, **data})


def test_analyst_corrects_labels(as_analyst: Any, web: Any) -> None:
    db, ids = web[0], web[1]
    r = _post(as_analyst, ids["article"], relevant="ya", article_type="case", modus=["online_scam"],
              locations="Kabupaten Sukabumi | kabkota | 32.02 | origin\nCambodia | country | KH | destination")
    assert r.status_code == 303
    page = as_analyst.get(r.headers["location"]).text
    assert "Koreksi disimpan" in page and "dikoreksi" in page
    from models.operations import Correction

    with db.session(readonly=True) as s:
        rows = s.query(Correction).all()
    assert [(c.field, c.author) for c in rows] == [("modus", "ana")]
    assert rows[0].new_value == ["online_scam"] and rows[0].created_at is not None


def test_bad_correction_is_refused_and_nothing_written(as_analyst: Any, web: Any) -> None:
    r = _post(as_analyst, web[1]["article"], relevant="ya", article_type="case", modus=["online_scam"],
              locations="Sukabumi | kabkota | 99.99 | origin")
    assert r.status_code == 400 and 'id="correction-error"' in r.text
    r = _post(as_analyst, web[1]["article"], relevant="mungkin")
    assert r.status_code == 400
    from models.operations import Correction

    with web[0].session(readonly=True) as s:
        assert s.query(Correction).count() == 0


def test_corrections_become_training_records(as_analyst: Any, web: Any) -> None:
    _post(as_analyst, web[1]["xss"], relevant="ya", article_type="policy", modus=["forced_labour"],
          locations="Jawa Barat | province | 32 | incident")
    _post(as_analyst, web[1]["withheld"], relevant="tidak", article_type="", locations="")
    from nlp.corrections import correction_records

    records = {r["id"]: r for r in correction_records(web[0])}
    xss = records[f"correction-{web[1]['xss']}"]
    assert xss["relevant"] is True and xss["article_type"] == "policy" and xss["modus"] == ["forced_labour"]
    assert xss["locations"][0]["province"] == "Jawa Barat" and xss["locations"][0]["role"] == "incident"
    withheld = records[f"correction-{web[1]['withheld']}"]
    assert withheld["relevant"] is False and withheld["modus"] == [] and withheld["article_type"] is None
    assert "tidak boleh disimpan" not in withheld["text"]
