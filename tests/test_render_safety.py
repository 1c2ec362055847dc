"""What the renderer refuses: markup in values, outside URLs, missing glyphs."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from filled import write_filled
from pypdf import PdfReader
from renders import FORM, assessment_folder, page_texts, render_folder

from hpia.errors import HpiaError
from hpia.render import resources
from hpia.render.fetcher import LocalFetcher, RefusedURL
from hpia.render.html import drawn_text, environment
from hpia.render.pdf import write_pdf

HOSTILE = (
    "<img src=file:///etc/hostname>"
    "<link rel=attachment href=file:///etc/passwd>"
    '<style>@import url("http://127.0.0.1:9/x.css");</style>'
)


def filled_with(tmp_path: Path, old: str, new: str) -> Path:
    """A filled form folder with one value replaced."""
    folder = assessment_folder(tmp_path)
    path = write_filled(FORM, folder / FORM.filename)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_markup_in_a_value_prints_as_text_and_fetches_nothing(tmp_path: Path) -> None:
    quoted = HOSTILE.replace('"', '\\"')
    folder = filled_with(tmp_path, "事務の名称の記載", f'"{quoted}"')

    case = render_folder(folder)

    assert HOSTILE in "".join(page_texts(case.result.pdf)).replace("\n", "")
    assert "&lt;img src=file:///etc/hostname&gt;" in case.result.html
    assert all(url.endswith(".ttf") for url in case.result.fetched)
    names = PdfReader(io.BytesIO(case.result.pdf)).trailer["/Root"].get("/Names")
    assert names is None or "/EmbeddedFiles" not in names


def fetcher(tmp_path: Path) -> LocalFetcher:
    (tmp_path / "allowed.css").write_text("p {}", encoding="utf-8")
    font = resources.FONTS[0].path
    return LocalFetcher(files=[font], folders=[tmp_path])


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/hostname",
        "file:///ALLOWED/../../etc/hostname",
        "file://remote-host/ALLOWED/allowed.css",
        "http://127.0.0.1:9/x.css",
        "https://example.org/x.css",
        "ftp://example.org/x.css",
        "data:text/plain,hello",
    ],
)
def test_the_fetcher_refuses_anything_outside_its_files(
    tmp_path: Path, url: str
) -> None:
    with pytest.raises(RefusedURL):
        fetcher(tmp_path).fetch(url.replace("/ALLOWED", str(tmp_path)))


def test_the_fetcher_serves_the_fonts_and_the_templates(tmp_path: Path) -> None:
    serve = fetcher(tmp_path)
    font = resources.FONTS[0].path

    assert serve.fetch(font.as_uri()).read() == font.read_bytes()
    assert serve.fetch((tmp_path / "allowed.css").as_uri()).read() == b"p {}"


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="file:///etc/hostname">',
        '<link rel="attachment" href="file:///etc/passwd">',
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    ],
    ids=["image", "attachment", "stylesheet"],
)
def test_a_url_that_reaches_weasyprint_stops_the_render(markup: str) -> None:
    html = f"<html lang=ja><head>{markup}</head><body><p>本文</p></body></html>"
    with pytest.raises(HpiaError, match="許可されていない読み込みを止めました"):
        write_pdf(html, resources.fonts(), resources.templates_dir())


@pytest.mark.parametrize("name", ["form.html", "form.html.j2", "form.txt"])
def test_autoescape_is_on_whatever_the_template_is_called(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_text("{{ value }}", encoding="utf-8")
    html = environment(tmp_path).get_template(name).render(value="<b>")
    assert html == "&lt;b&gt;"


def test_a_character_the_fonts_lack_fails_the_render_naming_it(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = filled_with(tmp_path, "事務の名称の記載", "𠮷野家の事務")
    out = tmp_path / "out.pdf"

    result = hpia("render", folder, "-o", out)

    form = folder / FORM.filename
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{form}:15:12: Ⅰ-１-① 事務の名称: 「𠮷」（U+20BB7）はPDFのフォントにない"
        "文字です。別の文字（異体字なら通常の字体など）に置き換えてください。"
    ]
    assert not out.exists()


UNDRAWABLE = (
    "はPDFのフォントにない文字です。別の文字（異体字なら通常の字体など）に"
    "置き換えてください。"
)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("事務の名称の記載", "事務の名称の𠮷記載", "15:18: Ⅰ-１-① 事務の名称"),
        (
            "　・字下げした二行目の説明です。\n    対象人数",
            "　・字下げした𠮷二行目の説明です。\n    対象人数",
            "18:14: Ⅰ-１-② 事務の内容",
        ),
    ],
    ids=["in-a-line", "inside-a-block-scalar"],
)
def test_a_character_the_fonts_lack_is_located_where_it_is_written(
    tmp_path: Path, hpia: Callable[..., Run], old: str, new: str, where: str
) -> None:
    """Line and column of the character itself, not of the value's start."""
    folder = filled_with(tmp_path, old, new)

    result = hpia("render", folder, "-o", tmp_path / "out.pdf")

    form = folder / FORM.filename
    assert result.code == 1
    assert result.err.splitlines() == [f"{form}:{where}: 「𠮷」（U+20BB7）{UNDRAWABLE}"]


def test_each_character_the_fonts_lack_is_located_on_its_own_line(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = filled_with(
        tmp_path,
        "事務の内容の一行目の説明です。\n      　・字下げした二行目",
        "事務の内容の𠀀一行目の説明です。\n      　・字下げした𠮷二行目",
    )

    result = hpia("render", folder, "-o", tmp_path / "out.pdf")

    form = folder / FORM.filename
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{form}:17:13: Ⅰ-１-② 事務の内容: 「𠀀」（U+20000）{UNDRAWABLE}",
        f"{form}:18:14: Ⅰ-１-② 事務の内容: 「𠮷」（U+20BB7）{UNDRAWABLE}",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("\ue000", "フォントにない文字「\ue000」（U+E000）が使われています。"),
        (
            '<span style="colour: red">x</span>',
            "PDFの作成中に問題がありました"
            "（Ignored `colour: red` at 1:1, unknown property.）。",
        ),
    ],
    ids=["missing-glyph", "any-other-warning"],
)
def test_a_weasyprint_warning_fails_the_render(body: str, message: str) -> None:
    html = f"<html lang=ja><body><p>{body}</p></body></html>"
    with pytest.raises(HpiaError) as raised:
        write_pdf(html, resources.fonts(), resources.templates_dir())
    assert str(raised.value) == message


def test_a_missing_font_file_is_named_with_its_package() -> None:
    gone = resources.Font(
        "hpia-mincho", "BIZ UD明朝", "fonts-morisawa-bizud-mincho", Path("/no/x.ttf")
    )
    with pytest.raises(HpiaError) as raised:
        resources.fonts((gone,))
    assert str(raised.value) == (
        "PDFに使うフォントがありません: BIZ UD明朝（/no/x.ttf）。"
        "./scripts/setup.sh を実行するか、管理者に "
        "'apt-get install fonts-morisawa-bizud-mincho' を依頼してください。"
    )


def test_the_drawn_text_of_html_leaves_out_head_and_style() -> None:
    html = "<html><head><title>題</title><style>p{}</style></head><body>本文</body>"
    assert drawn_text(html) == "本文"
