"""基礎項目評価書, 様式2, taken to be of 令和6年10月 like the 重点.

Cover stamp 「[令和６年10月　様式２]」. No published 基礎 of this version
was at hand. The outline follows spipa.md §2.1: the cover and Ⅰ are borne
out by a 平成26年 form and the 平成29年 記載要領 (C), the threshold items
partly so, and Ⅳ is recalled from PPC material (M); each part carries that
basis, so hover text and messages can say which labels are still to be
checked against the official template. The stamp itself is a guess (?):
the 指針 was last revised with effect from 令和6年10月1日, and the 重点 of
that revision bears this date.

The cover is the 重点's (記載要領 §1.4 applies to all three 評価書), and so
are the ＜選択肢＞ the two forms share; they are imported, not retyped.
"""

from __future__ import annotations

import dataclasses

from hpia.catalog import juten_r06_10 as juten
from hpia.catalog.nodes import (
    Basis,
    Choices,
    Form,
    Node,
    Option,
    checks,
    choice,
    date,
    flag,
    group,
    longtext,
    text,
)

# Option numbering: the 平成26年 form prints 「1)」 throughout; whether the
# current one does is not known.
TARGET_PEOPLE = Choices(
    (
        "1,000人未満（任意実施）",
        "1,000人以上1万人未満",
        "1万人以上10万人未満",
        "10万人以上30万人未満",
        "30万人以上",
    ),
    full_width=False,
)
HANDLERS = Choices(("500人以上", "500人未満"), full_width=False)
INCIDENT = Choices(juten.INCIDENT.options, full_width=False)
THRESHOLD_RESULT = Choices(
    (
        "基礎項目評価及び全項目評価の実施が義務付けられる",
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
        "基礎項目評価の実施が義務付けられる",
        "特定個人情報保護評価の実施が義務付けられない",
    ),
    full_width=False,
)
SUBMITTED = Choices(
    (
        "基礎項目評価書",
        "基礎項目評価書及び重点項目評価書",
        "基礎項目評価書及び全項目評価書",
    ),
    full_width=False,
)
SUFFICIENT = Choices(juten.SUFFICIENT.options, full_width=False)
EFFORT = Choices(juten.EFFORT.options, full_width=False)

COVER = dataclasses.replace(juten.COVER, basis=Basis.CITED)

RELATED = group(
    "関連情報",
    group(
        "特定個人情報ファイルを取り扱う事務",
        text("事務の名称", number="①", ref="task_name"),
        longtext("事務の概要", number="②"),
        longtext("システムの名称", number="③", note="使用するシステムを全て挙げる。"),
        number="１．",
    ),
    text("特定個人情報ファイル名", number="２．", ref="file_names"),
    group("個人番号の利用", longtext("法令上の根拠"), number="３．"),
    group(
        "情報提供ネットワークシステムによる情報連携",
        choice("実施の有無", juten.LINKAGE, number="①", ref="linkage"),
        longtext("法令上の根拠", number="②"),
        number="４．",
    ),
    group(
        "評価実施機関における担当部署",
        text("部署", number="①"),
        text("所属長の役職名", number="②"),
        number="５．",
    ),
    text("他の評価実施機関", number="６．", optional=True),
    group("特定個人情報の開示・訂正・利用停止請求", text("請求先"), number="７．"),
    group("特定個人情報ファイルの取扱いに関する問合せ", text("連絡先"), number="８．"),
    # Added after the 平成26年 form; recalled, not seen (spipa.md §2.1, §4.2).
    group(
        "規則第9条第2項の適用",
        flag("適用した"),
        longtext("適用した理由", optional=True),
        number="９．",
        basis=Basis.MEMORY,
    ),
    number="Ⅰ",
    basis=Basis.CITED,
)

# Ⅱ: the labels of １ and the first choice are cited; the rest recalled.
AS_OF = "計数の基準日。公表日時点でなくてよい（記載要領 表紙 公表日）。"

THRESHOLD_ITEMS = group(
    "しきい値判断項目",
    group(
        "対象人数",
        choice(
            "評価対象の事務の対象人数は何人か",
            TARGET_PEOPLE,
            ref="target_people",
            note="重点項目評価書のⅠ１③と一致させる。",
        ),
        date("いつ時点の計数か", ref="people_as_of", note=AS_OF),
        number="１．",
        basis=Basis.CITED,
    ),
    group(
        "取扱者数",
        choice(
            "特定個人情報ファイル取扱者数は500人以上か",
            HANDLERS,
            ref="handler_count",
            note="評価実施機関と委託先の従業者のうち、特定個人情報ファイルを"
            "取り扱う者の数。",
        ),
        date("いつ時点の計数か", ref="handlers_as_of", note=AS_OF),
        number="２．",
    ),
    group(
        "重大事故",
        choice(
            "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか",
            INCIDENT,
            ref="serious_incident",
        ),
        number="３．",
    ),
    number="Ⅱ",
    basis=Basis.MEMORY,
)

RESULT = group(
    "しきい値判断結果",
    choice("しきい値判断結果", THRESHOLD_RESULT, ref="threshold"),
    number="Ⅲ",
    basis=Basis.MEMORY,
)


def _enough(key: str) -> Node:
    """A 「…リスクへの対策は十分か」 row; blank when Ⅳ１ is ２） or ３）."""
    return choice(key, SUFFICIENT, optional=True)


RISKS = group(
    "リスク対策",
    choice(
        "提出する特定個人情報保護評価書の種類",
        SUBMITTED,
        number="１．",
        ref="submitted",
        note="２）又は３）のときは、リスク対策の詳細は重点項目評価書又は"
        "全項目評価書に記載され、Ⅳ２～１１は空欄となる。",
    ),
    group(
        "特定個人情報の入手",
        _enough("目的外の入手が行われるリスクへの対策は十分か"),
        number="２．",
        label="特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
    ),
    group(
        "特定個人情報の使用",
        _enough(
            "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か"
        ),
        _enough(
            "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用される"
            "リスクへの対策は十分か"
        ),
        number="３．",
    ),
    group(
        "特定個人情報ファイルの取扱いの委託",
        flag("委託しない", ref="no_entrust"),
        _enough("委託先における不正な使用等のリスクへの対策は十分か"),
        number="４．",
    ),
    group(
        "特定個人情報の提供・移転",
        flag("提供・移転しない", ref="no_provision"),
        _enough("不正な提供・移転が行われるリスクへの対策は十分か"),
        number="５．",
        label="特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた"
        "提供を除く。）",
    ),
    group(
        "情報提供ネットワークシステムとの接続",
        flag("接続しない（入手）", ref="no_network_in"),
        flag("接続しない（提供）", ref="no_network_out"),
        _enough("目的外の入手が行われるリスクへの対策は十分か"),
        _enough("不正な提供が行われるリスクへの対策は十分か"),
        number="６．",
    ),
    group(
        "特定個人情報の保管・消去",
        _enough("特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か"),
        choice(
            "過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
            INCIDENT,
            optional=True,
        ),
        longtext("その内容", optional=True),
        longtext("再発防止策の内容", optional=True),
        number="７．",
    ),
    group(
        "人手を介在させる作業",
        flag("人手を介在させる作業はない"),
        _enough("人為的ミスが発生するリスクへの対策は十分か"),
        longtext("判断の根拠", optional=True),
        number="８．",
        basis=Basis.UNSURE,
    ),
    group(
        "監査",
        checks(
            "実施の有無", Option("自己点検"), Option("内部監査"), Option("外部監査")
        ),
        number="９．",
    ),
    group(
        "従業者に対する教育・啓発",
        choice("従業者に対する教育・啓発", EFFORT, optional=True),
        number="１０．",
    ),
    group(
        "最も優先度が高いと考えられる対策",
        flag("全項目評価又は重点項目評価を実施する", ref="detailed_elsewhere"),
        # Possibly a ＜選択肢＞ of the risks above on the official form.
        text("最も優先度が高いと考えられる対策", optional=True, basis=Basis.UNSURE),
        _enough("当該対策は十分か【再掲】"),
        longtext("判断の根拠", optional=True),
        number="１１．",
    ),
    number="Ⅳ",
    basis=Basis.MEMORY,
)

FORM = Form(
    stamp="令和６年10月　様式２",
    name="基礎項目評価書",
    filename="kiso.yaml",
    schema_name="kiso-r06-10",
    appendix_title="（別添）　変更箇所",
    children=(COVER, RELATED, THRESHOLD_ITEMS, RESULT, RISKS),
)
