"""A long date whose month OCR garbled ('Navernbet 21, 2026') is read again, month and all."""

from __future__ import annotations

import datetime as dt

from parsers.fax import reread_fields
from parsers.fax.model import Word
from parsers.fax.months import garbled_month


def _words(text: str) -> tuple[Word, ...]:
    out, left = [], 10
    for token in text.split():
        out.append(Word(token, 90.0, left, 100, 12 * len(token), 20, line_key=(1, 1, 1)))
        left += 12 * len(token) + 10
    return tuple(out)


def test_a_word_near_one_months_name_is_a_garbled_month() -> None:
    assert garbled_month("Navernbet") and garbled_month("Octobcr") and garbled_month("Septernber")


def test_words_and_short_months_are_no_garbled_month() -> None:
    for word in ("Referral", "Number", "Medicare", "November", "Jun", "Mar.", "21,"):
        assert not garbled_month(word), word


def test_the_garbled_month_before_the_day_is_read_again_with_it() -> None:
    run = reread_fields._digit_run(_words("care Navernbet 21, 2026"))
    assert [w.text for w in run] == ["Navernbet", "21,", "2026"]
    assert reread_fields._charset("start_date", "Navernbet 21, 2026") == "long_date"
    assert [w.text for w in reread_fields._digit_run(_words("care 21, 2026"))] == ["21,", "2026"]


def test_a_reread_month_run_into_its_day_is_a_date() -> None:
    found = reread_fields._date("November21,2026", "start_date", dt.date(2026, 11, 16))
    assert found == (dt.date(2026, 11, 21), True)
