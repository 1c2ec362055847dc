from __future__ import annotations

import pytest

from hpia.registry.bands import band
from hpia.registry.mynumber import MyNumberError, check_digit, parse, with_check_digit


@pytest.mark.parametrize(
    "number",
    [
        "983205673214",  # the example of the 総務省令 formula published online
        "900000000010",
        "900000000028",
        "123456789018",
    ],
)
def test_valid_numbers_pass_their_check_digit(number: str) -> None:
    assert parse(number) == number
    assert check_digit(number[:-1]) == int(number[-1])


def test_full_width_digits_and_separators_are_read() -> None:
    assert parse("９８３２ ０５６７-３２１４") == "983205673214"


def test_remainder_zero_or_one_gives_check_digit_zero() -> None:
    # Σ P(n)·Q(n) for "00000000001" is 1·2 = 2 → 11 - 2 = 9;
    # for "00000000000" it is 0 → 0.
    assert check_digit("00000000000") == 0
    assert check_digit("00000000001") == 9
    assert with_check_digit("90000000001") == "900000000010"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "983205673215",
            "個人番号の検査用数字（最後の桁）が合いません。番号を確かめてください。",
        ),
        ("98320567321", "個人番号の桁数が12桁ではありません（11桁）。"),
        ("98320567321X", "個人番号に数字以外の文字があります。"),
        ("", "個人番号がありません。"),
    ],
    ids=["check-digit", "length", "letter", "empty"],
)
def test_a_wrong_number_is_refused_without_repeating_it(
    text: str, message: str
) -> None:
    with pytest.raises(MyNumberError) as raised:
        parse(text)
    assert str(raised.value) == message
    assert "9832" not in str(raised.value)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("1万人以上10万人未満", [10_000, 99_999], [9_999, 100_000]),
        ("10項目未満", [0, 9], [10]),
        ("1,000人以上", [1_000, 10**9], [999]),
        ("10人以上50人未満", [10, 49], [9, 50]),
    ],
)
def test_bands_are_read_from_their_wording(
    text: str, inside: list[int], outside: list[int]
) -> None:
    assert all(band(text).holds(n) for n in inside)
    assert not any(band(text).holds(n) for n in outside)
