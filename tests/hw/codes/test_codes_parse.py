"""Parsing dossier codes, ticket links and the CCCD QR: tables and property-based tests."""

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from hw.codes import (CitizenId, CodeConfig, CodeError, DossierCode, TicketRef, parse_cccd,
                      parse_dossier, parse_scan, parse_ticket)

CCCD = "001099012345|123456789|Nguyễn Văn An|01011990|Nam|Số 1 Phố Huế, Hai Bà Trưng, Hà Nội|15082021"


@pytest.mark.parametrize("text, agency, received, seq", [
    ("000.17.22.H56-210531-0001", "000.17.22.H56", date(2021, 5, 31), 1),
    ("H12.22-231012-0001", "H12.22", date(2023, 10, 12), 1),
    (" h12.22-231012-0420\n", "H12.22", date(2023, 10, 12), 420),
])
def test_parse_dossier_table(text, agency, received, seq):
    code = parse_dossier(text)
    assert (code.agency, code.received, code.seq) == (agency, received, seq)


@pytest.mark.parametrize("text", [
    "H12.22-231312-0001",          # month 13
    "H12.22-231012-001",           # 3-digit counter
    "H12.22-231012",               # truncated
    "H12.22_231012_0001",
    "",
    "H12.22-231012-0001\x00",
])
def test_parse_dossier_rejects(text):
    with pytest.raises(CodeError) as err:
        parse_dossier(text)
    assert err.value.reason_vi and err.value.reason_en


def test_parse_dossier_custom_pattern():
    config = CodeConfig(dossier_pattern=r"HS(?P<agency>\d{3})(?P<date>\d{6})(?P<seq>\d{4})")
    assert parse_dossier("HS0012405010007", config).agency == "001"


@pytest.mark.parametrize("text, ticket_id", [
    ("https://motcua.example.vn/t/7f3a9c2e", "7f3a9c2e"),
    ("http://192.168.1.10:5000/t/A-012_x", "A-012_x"),
    ("/t/abc", "abc"),
])
def test_parse_ticket_table(text, ticket_id):
    assert parse_ticket(text) == TicketRef(ticket_id, text)


@pytest.mark.parametrize("text", [
    "https://motcua.example.vn/t/", "https://motcua.example.vn/x/abc",
    "https://motcua.example.vn/t/a b", "javascript:alert(1)/t/abc",
])
def test_parse_ticket_rejects(text):
    with pytest.raises(CodeError):
        parse_ticket(text)


def test_parse_ticket_configurable_prefix():
    config = CodeConfig(ticket_prefix="https://q.tinh.gov.vn/ve/")
    assert parse_ticket("https://q.tinh.gov.vn/ve/99", config).ticket_id == "99"


def test_parse_cccd_fields():
    card = parse_cccd(CCCD)
    assert (card.id_number, card.name, card.birth_date, card.issue_date) == (
        "001099012345", "Nguyễn Văn An", date(1990, 1, 1), date(2021, 8, 15))


def test_cccd_repr_hides_the_numbers_and_name():
    assert "001099" not in repr(parse_cccd(CCCD)) and "Nguyễn" not in repr(parse_cccd(CCCD))


@pytest.mark.parametrize("text", [
    CCCD.rsplit("|", 1)[0],                         # truncated
    CCCD.replace("001099012345", "00109901234"),     # 11 digits
    CCCD.replace("01011990", "31021990"),            # 31 February
    CCCD.replace("Nguyễn Văn An", ""),
    CCCD + "|x" * 10,
])
def test_parse_cccd_rejects(text):
    with pytest.raises(CodeError):
        parse_cccd(text)


@pytest.mark.parametrize("text, kind", [
    ("000.17.22.H56-210531-0001", DossierCode), ("https://a.vn/t/1", TicketRef), (CCCD, CitizenId)])
def test_parse_scan_recognises(text, kind):
    assert isinstance(parse_scan(text), kind)


def test_parse_scan_rejects_over_long():
    with pytest.raises(CodeError, match="longer"):
        parse_scan("A" * 513)


@settings(deadline=None)
@given(st.text(max_size=600))
def test_parse_scan_garbage_raises_only_code_error(text):
    try:
        parse_scan(text)
    except CodeError as err:
        assert err.reason_vi and err.reason_en


@settings(deadline=None)
@given(agency=st.from_regex(r"[A-Z0-9]{1,5}(\.[A-Z0-9]{1,4}){0,3}", fullmatch=True),
       day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       seq=st.integers(0, 9999))
def test_parse_dossier_roundtrip(agency, day, seq):
    text = f"{agency}-{day:%y%m%d}-{seq:04d}"
    assert parse_dossier(text) == DossierCode(text, agency, day, seq)


@settings(deadline=None)
@given(st.integers(1, 24))
def test_parse_dossier_truncated_is_rejected(cut):
    text = "000.17.22.H56-210531-0001"
    with pytest.raises(CodeError):
        parse_dossier(text[:-cut])
