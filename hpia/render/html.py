"""The printed form as HTML: the view through the form's Jinja2 template.

Autoescape is on for every template whatever its file name, so a value
such as `<img src=file:///etc/hostname>` prints as those characters and
never becomes an element (risks.md §1.8: `select_autoescape` only matches
.html/.htm/.xml names). Undefined names are errors, not empty strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import jinja2

from hpia.catalog.nodes import Form
from hpia.errors import HpiaError
from hpia.render.assemble import View
from hpia.render.resources import PINNED_FACES, Faces, Font


@dataclass(frozen=True)
class Meta:
    """What the PDF's metadata says about the document."""

    title: str
    author: str
    date: str  # ISO date of dcterms.created/modified, "" for none
    generator: str
    custom: tuple[tuple[str, str], ...] = ()


def environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def template_name(form: Form) -> str:
    return f"{form.schema_name}.html"


def has_template(form: Form, folder: Path) -> bool:
    return (folder / template_name(form)).is_file()


def to_html(
    form: Form,
    view: View,
    meta: Meta,
    fonts: tuple[Font, ...],
    folder: Path,
    faces: Faces = PINNED_FACES,
) -> str:
    """The document; `fonts` are loaded by @font-face, `faces` name them.

    With the pinned fonts and faces, the HTML for WeasyPrint; with no fonts
    and NAMED_FACES, the HTML for readers, which loads no file.
    """
    if not has_template(form, folder):
        raise HpiaError(f"「{form.stamp}」のPDF出力にはまだ対応していません。")
    template = environment(folder).get_template(template_name(form))
    return template.render(view=view, meta=meta, fonts=fonts, faces=faces)


class _TextOf(HTMLParser):
    """The text an HTML document draws: everything but <style> and <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("style", "head"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def drawn_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
