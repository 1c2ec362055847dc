"""A problem prints on one line, whatever it quotes."""

from __future__ import annotations

import pytest

from hpia.problems import Problem, one_line


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("一行", "一行"),
        ("一\n二\r\n三\r四", "一⏎二⏎三⏎四"),
        ("一\u2028二\u2029三\x85四\x0b五\x0c六", "一⏎二⏎三⏎四⏎五⏎六"),
        ("タブ\tと\u3000空白", "タブ\tと\u3000空白"),
    ],
    ids=["plain", "newlines", "other-breaks", "spaces-stay"],
)
def test_one_line_shows_each_line_break_as_a_return_sign(text: str, flat: str) -> None:
    assert one_line(text) == flat


def test_one_line_cuts_a_long_text_with_an_ellipsis() -> None:
    assert one_line("あ" * 10, limit=5) == "ああああ…"
    assert one_line("あ" * 5, limit=5) == "あああああ"


def test_a_problem_prints_on_one_line_whatever_its_parts_hold() -> None:
    problem = Problem("a\nb.yaml", 3, 4, "ラベル\u2028", "「一\n二」は誤りです。")
    assert problem.format() == "a⏎b.yaml:3:4: ラベル⏎: 「一⏎二」は誤りです。"
