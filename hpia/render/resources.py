"""Where the renderer's own files are: the templates folder and the fonts.

The templates live in the repository's top-level `templates/`. A wheel
carries a copy inside the package (`hpia/templates`, copied by setup.py at
build time); an editable install or a source checkout reads the folder next
to the package. Either way nothing else is read (see fetcher.py).

The fonts are pinned files, not family names looked up through Fontconfig,
so the same input lays out the same on any machine that has them
(risks.md §1.1; design.md "Decisions already taken"). The HTML written for
readers cannot load this machine's files: it names the same fonts by
family, then the Japanese 明朝 and ゴシック common on readers' systems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from hpia.errors import HpiaError

PACKAGE = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """The folder of templates and CSS, installed or in the checkout."""
    for candidate in (PACKAGE / "templates", PACKAGE.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise HpiaError(
        "PDFのひな形（templates フォルダ）が見つかりません。"
        "hpia を入れ直してください（pip install で入れた場合は再インストール）。"
    )


@dataclass(frozen=True)
class Font:
    """One pinned font file and the CSS face it provides."""

    family: str  # the CSS family the stylesheet asks for
    name: str  # the name users know
    package: str  # the Debian package that installs it
    path: Path
    weight: int = 400

    @property
    def url(self) -> str:
        return self.path.as_uri()


_BIZUD = Path("/usr/share/fonts/truetype")

# BIZ UD明朝 has one weight; the bold headings use BIZ UDゴシック Bold, since
# WeasyPrint draws no faux bold (risks.md §1.1).
FONTS: tuple[Font, ...] = (
    Font(
        "hpia-mincho",
        "BIZ UD明朝",
        "fonts-morisawa-bizud-mincho",
        _BIZUD / "bizud-mincho" / "BIZUDMincho-Regular.ttf",
    ),
    Font(
        "hpia-gothic",
        "BIZ UDゴシック",
        "fonts-morisawa-bizud-gothic",
        _BIZUD / "bizud-gothic" / "BIZUDGothic-Regular.ttf",
    ),
    Font(
        "hpia-gothic",
        "BIZ UDゴシック Bold",
        "fonts-morisawa-bizud-gothic",
        _BIZUD / "bizud-gothic" / "BIZUDGothic-Bold.ttf",
        weight=700,
    ),
)


def fonts(pinned: tuple[Font, ...] = FONTS) -> tuple[Font, ...]:
    """The pinned fonts, after checking that every file is there."""
    missing = [f for f in pinned if not f.path.is_file()]
    if missing:
        names = "、".join(f"{f.name}（{f.path}）" for f in missing)
        packages = " ".join(sorted({f.package for f in missing}))
        raise HpiaError(
            f"PDFに使うフォントがありません: {names}。"
            f"./scripts/setup.sh を実行するか、"
            f"管理者に 'apt-get install {packages}' を依頼してください。"
        )
    return pinned


@dataclass(frozen=True)
class Faces:
    """The CSS font-family values the stylesheet prints, 明朝 and ゴシック."""

    mincho: Markup
    gothic: Markup


def _families(*names: str, generic: str = "") -> Markup:
    quoted = [f'"{name}"' for name in names]
    return Markup(", ".join([*quoted, generic] if generic else quoted))


# The PDF: the faces of the pinned files, by the family their @font-face
# declares, and nothing else.
PINNED_FACES = Faces(
    mincho=_families(FONTS[0].family), gothic=_families(FONTS[1].family)
)

# The standalone HTML: BIZ UD by the names Windows and the Debian packages
# give it, then Hiragino (macOS), Yu (Windows), IPAex and Noto (Linux).
NAMED_FACES = Faces(
    mincho=_families(
        "BIZ UDMincho",
        "BIZ UD明朝",
        "Hiragino Mincho ProN",
        "Yu Mincho",
        "YuMincho",
        "IPAexMincho",
        "Noto Serif JP",
        "Noto Serif CJK JP",
        generic="serif",
    ),
    gothic=_families(
        "BIZ UDGothic",
        "BIZ UDゴシック",
        "Hiragino Sans",
        "Hiragino Kaku Gothic ProN",
        "Yu Gothic",
        "YuGothic",
        "Meiryo",
        "IPAexGothic",
        "Noto Sans JP",
        "Noto Sans CJK JP",
        generic="sans-serif",
    ),
)
