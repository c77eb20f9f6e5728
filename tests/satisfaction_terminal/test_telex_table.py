"""Telex composition, as a data table: keys typed → text shown."""
import pytest

from satisfaction_terminal.telex import split_word, tone_position, type_key, type_keys

MODERN = [
    ("Vieejt Nam", "Việt Nam"),
    ("hoaf", "hoà"), ("hoafn", "hoàn"), ("khoer", "khoẻ"), ("thuyr", "thuỷ"),
    ("nguowif", "người"), ("dduwowcj", "được"), ("giuwax", "giữa"), ("gif", "gì"),
    ("quys", "quý"), ("quoocs", "quốc"), ("muoons", "muốn"), ("yeeu", "yêu"), ("rwowuj", "rượu"),
    ("ngoaif", "ngoài"), ("khuyur", "khuỷu"), ("tieengs", "tiếng"), ("chaamj", "chậm"),
    ("Hafi lofng", "Hài lòng"), ("thowif gian", "thời gian"), ("Cams own", "Cám ơn"),
    ("nhieetj tinhf", "nhiệt tình"), ("chuw", "chư"), ("w", "ư"), ("aw", "ă"), ("ddi", "đi"),
    ("DDaf Nawngx", "Đà Nẵng"),
    ("hoasn", "hoán"),                    # tone typed before the final consonant moves to the right vowel
    ("tooi", "tôi"), ("Toois", "Tối"),
]
UNDO = [("ass", "as"), ("aaa", "aa"), ("ddd", "dd"), ("tuww", "tuw"), ("haz", "haz"), ("hasz", "ha")]
OLD = [("hoaf", "hòa"), ("khoer", "khỏe"), ("thuyr", "thủy"), ("hoafn", "hoàn"), ("quys", "quý")]


@pytest.mark.parametrize("keys, text", MODERN)
def test_telex_modern_placement(keys, text):
    assert type_keys(keys) == text


@pytest.mark.parametrize("keys, text", UNDO)
def test_telex_typing_a_mark_twice_undoes_it(keys, text):
    assert type_keys(keys) == text


@pytest.mark.parametrize("keys, text", OLD)
def test_telex_old_placement(keys, text):
    assert type_keys(keys, modern=False) == text


def test_telex_only_changes_the_word_being_typed():
    assert type_key("hoa ", "f") == "hoa f"
    assert type_key("Cán bộ, ", "s") == "Cán bộ, s"


def test_telex_digits_and_punctuation_are_kept():
    assert type_keys("so61 5, nhanh.") == "so61 5, nhanh."


@pytest.mark.parametrize("text, split", [("xin chao", ("xin ", "chao")), ("", ("", "")), ("a, ", ("a, ", ""))])
def test_split_word_takes_the_trailing_letters(text, split):
    assert split_word(text) == split


def test_tone_position_skips_qu_and_gi():
    assert tone_position("qua") == 2 and tone_position("gia") == 2 and tone_position("gi") == 1
    assert tone_position("nhh") is None
