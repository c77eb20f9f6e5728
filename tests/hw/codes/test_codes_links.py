"""Codes as people present them: the province portal's tracking link carrying a dossier code as
a query parameter (any name the portals use, percent-encoded, after a '#'), and the ticket's own
link with a query string, a trailing slash or an upper-case scheme and host."""

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from hw.codes import CodeConfig, CodeError, DossierCode, TicketRef, parse_portal_link, parse_scan

CODE = "000.17.22.H56-210531-0001"

agencies = st.from_regex(r"[A-Z0-9]{1,5}(\.[A-Z0-9]{1,4}){0,3}", fullmatch=True)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
codes = st.builds(lambda a, d, n: f"{a}-{d:%y%m%d}-{n:04d}", agencies, days, st.integers(0, 9999))
param_names = st.sampled_from(["ma", "mahoso", "maHoSo", "ma_ho_so", "MHS", "code", "Code", "ma-ho-so"])
schemes = st.sampled_from(["https", "http", "HTTPS", "Http"])
hosts = st.sampled_from(["dichvucong.hanoi.gov.vn", "DVC.TINH.GOV.VN", "192.168.1.10:8080"])
others = st.lists(st.tuples(st.sampled_from(["lang", "tab", "page", "utm_source"]),
                            st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True)), max_size=3)


def _encode(value: str, every: bool) -> str:
    """Percent-encode every character (some portals do) or none."""
    return "".join(f"%{b:02X}" for b in value.encode()) if every else value


@pytest.mark.parametrize("text", [
    f"https://dichvucong.tinh.gov.vn/tra-cuu-ho-so?ma={CODE}",
    f"https://dichvucong.tinh.gov.vn/tra-cuu-ho-so?lang=vi&mahoso={CODE}&x=1",
    f"HTTPS://DICHVUCONG.TINH.GOV.VN/tra-cuu?code={CODE.replace('.', '%2E')}",
    f"https://dichvucong.tinh.gov.vn/#/tra-cuu?maHoSo={CODE}",
    f"https://dichvucong.tinh.gov.vn/ho-so/{CODE}/",
    f"https://dichvucong.tinh.gov.vn/p?q={CODE.lower()}",
])
def test_portal_link_table(text):
    code = parse_scan(text)
    assert isinstance(code, DossierCode) and code.code == CODE


@pytest.mark.parametrize("text", [
    "https://dichvucong.tinh.gov.vn/tra-cuu?ma=000.17.22.H56-211331-0001",      # month 13
    "https://dichvucong.tinh.gov.vn/tra-cuu?ma=",
    "https://dichvucong.tinh.gov.vn/tra-cuu",
    f"ftp://dichvucong.tinh.gov.vn/?ma={CODE}",
    f"javascript:alert(1)?ma={CODE}",
])
def test_portal_link_rejects(text):
    with pytest.raises(CodeError) as err:
        parse_scan(text)
    assert err.value.reason_vi and err.value.reason_en


@settings(deadline=None, max_examples=200)
@given(code=codes, name=param_names, scheme=schemes, host=hosts, before=others, after=others,
       encoded=st.booleans(), in_fragment=st.booleans())
def test_portal_link_roundtrip(code, name, scheme, host, before, after, encoded, in_fragment):
    query = "&".join([f"{k}={v}" for k, v in before] + [f"{name}={_encode(code, encoded)}"]
                     + [f"{k}={v}" for k, v in after])
    text = f"{scheme}://{host}/{'#/tra-cuu?' if in_fragment else 'tra-cuu?'}{query}"
    found = parse_scan(text)
    assert isinstance(found, DossierCode) and found.code == code


@pytest.mark.parametrize("text, ticket_id", [
    ("https://motcua.example.vn/t/7f3a9c2e?lang=en", "7f3a9c2e"),
    ("https://motcua.example.vn/t/7f3a9c2e/", "7f3a9c2e"),
    ("HTTPS://MOTCUA.EXAMPLE.VN/t/7f3a9c2e", "7f3a9c2e"),
    ("Http://192.168.1.10:5000/t/A-012_x/?utm=qr#top", "A-012_x"),
    ("/t/abc/", "abc"),
])
def test_ticket_link_variants(text, ticket_id):
    assert parse_scan(text) == TicketRef(ticket_id, text)


@settings(deadline=None, max_examples=200)
@given(ticket_id=st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True), scheme=schemes, host=hosts,
       slash=st.booleans(), query=others, fragment=st.sampled_from(["", "#top"]))
def test_ticket_link_roundtrip(ticket_id, scheme, host, slash, query, fragment):
    qs = ("?" + "&".join(f"{k}={v}" for k, v in query)) if query else ""
    text = f"{scheme}://{host}/t/{ticket_id}{'/' if slash else ''}{qs}{fragment}"
    assert parse_scan(text) == TicketRef(ticket_id, text)


def test_ticket_link_with_a_full_prefix_checks_the_host():
    config = CodeConfig(ticket_prefix="https://q.tinh.gov.vn/ve/")
    assert parse_scan("HTTPS://Q.TINH.GOV.VN/ve/99/?a=1", config).ticket_id == "99"
    with pytest.raises(CodeError):
        parse_scan("https://other.example.vn/ve/99", config)


def test_portal_params_are_configurable():
    config = CodeConfig(dossier_params=("soBienNhan",))
    assert parse_portal_link(f"https://x.gov.vn/?sobiennhan={CODE}&ma=H12.22-231012-0001", config).code == CODE


@settings(deadline=None, max_examples=300)
@given(scheme=schemes, rest=st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), max_size=80))
def test_link_shaped_garbage_raises_only_code_error(scheme, rest):
    try:
        parse_scan(f"{scheme}://{rest}")
    except CodeError as err:
        assert err.reason_vi and err.reason_en
