"""Partial dates and times of day: only ASCII digits make them."""

from __future__ import annotations

import pytest

from seminaire_app import dates
from seminaire_app.errors import ValidationError


@pytest.mark.parametrize(("text", "partial"), [
    ("2017", "2017"), ("2017-11", "2017-11"), ("2017/11/5", "2017-11-05"), ("2017///", "2017"),
])
def test_partial_dates(text: str, partial: str) -> None:
    assert dates.parse_partial_date(text) == partial


@pytest.mark.parametrize("text", [
    "٢٠١٧",  # Arabic-Indic digits
    "۲۰۱۷-11-23",  # Persian digits
    "２０１７",  # full-width digits
    "2017-١١",
])
def test_digits_of_other_scripts_are_no_date(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        dates.parse_partial_date(text, "accessed")
    assert err.value.field == "accessed"


@pytest.mark.parametrize(("text", "time"), [("9h30", "09:30"), ("9h", "09:00"),
                                            ("14:05", "14:05")])
def test_times(text: str, time: str) -> None:
    assert dates.parse_time(text) == time


@pytest.mark.parametrize("text", ["٩h30", "9h٣٠", "１４:05"])
def test_digits_of_other_scripts_are_no_time(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        dates.parse_time(text, "start")
    assert err.value.field == "start"
