"""重点項目評価書, 様式3 of 令和6年10月 (cover stamp 「[令和６年10月　様式３]」).

Numbers, labels, ※ marks and ＜選択肢＞ are those printed in the published
Hitachinaka 評価書 (the seed); the order of items inside a section follows
the official form as reconstructed in spipa.md §1.2. Where the seed leaves a
detail open, a comment says which reading was taken.
"""

from __future__ import annotations

from hpia.catalog.nodes import (
    Choices,
    Form,
    Node,
    Option,
    blocks,
    checks,
    choice,
    count,
    date,
    echo,
    fixed,
    flag,
    group,
    items,
    longtext,
    text,
)

# ＜選択肢＞ shared by several items. Ⅰ numbers its choices 「1)」, the rest
# of the form 「1）」.
TARGET_PEOPLE = Choices(
    (
        "1,000人未満",
        "1,000人以上1万人未満",
        "1万人以上10万人未満",
        "10万人以上30万人未満",
    ),
    full_width=False,
)
LINKAGE = Choices(("実施する", "実施しない", "未定"), full_width=False)
FILE_TYPE = Choices(("システム用ファイル", "その他の電子ファイル（表計算ファイル等）"))
SUBJECTS = Choices(
    (
        "1万人未満",
        "1万人以上10万人未満",
        "10万人以上100万人未満",
        "100万人以上1,000万人未満",
        "1,000万人以上",
    )
)
RECORD_COUNT = Choices(
    ("10項目未満", "10項目以上50項目未満", "50項目以上100項目未満", "100項目以上")
)
STAFF = Choices(
    (
        "10人未満",
        "10人以上50人未満",
        "50人以上100人未満",
        "100人以上500人未満",
        "500人以上1,000人未満",
        "1,000人以上",
    )
)
ENTRUST = Choices(("委託する", "委託しない"))
REENTRUST = Choices(("再委託する", "再委託しない"))
SUFFICIENT = Choices(("特に力を入れている", "十分である", "課題が残されている"))
DONE = Choices(("行っている", "行っていない"))
DEFINED = Choices(("定めている", "定めていない"))
EFFORT = Choices(("特に力を入れて行っている", "十分に行っている", "十分に行っていない"))
REENTRUST_CARE = Choices((*EFFORT.options, "再委託していない"))
INCIDENT = Choices(("発生あり", "発生なし"))
THRESHOLD_RESULT = Choices(
    (
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
        "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
        "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）",
    )
)
LIST_STYLE = Choices(("番号付き", "箇条書き"))

OTHER = Option("その他", detail="text")
MEDIA = Option("電子記録媒体（フラッシュメモリを除く。）")


def _enough() -> Node:
    return choice("リスクへの対策は十分か", SUFFICIENT)


def _measures() -> Node:
    return longtext("リスクに対する措置の内容")


# The rows for other measures and other risks are left blank when there
# are none: the published seed leaves several of them empty.
def _other_measures() -> Node:
    return longtext("その他の措置の内容", optional=True)


def _other_risks(subject: str) -> Node:
    return longtext(
        "その他のリスク及びそのリスクに対する措置",
        label=f"{subject}におけるその他のリスク及びそのリスクに対する措置",
        optional=True,
    )


COVER = group(
    "表紙",
    text(
        "評価書番号", ref="number", note="特定個人情報保護評価計画管理書の評価書番号。"
    ),
    text(
        "評価書名",
        ref="title",
        note="事務が終了したときは末尾に【○年○月○日 終了】を付ける。",
    ),
    longtext("個人のプライバシー等の権利利益の保護の宣言", ref="declaration"),
    longtext("特記事項", optional=True),
    text("評価実施機関名", ref="organisation"),
    date("公表日", ref="published"),
)

BASICS = group(
    "基本情報",
    group(
        "特定個人情報ファイルを取り扱う事務",
        text("事務の名称", number="①", ref="task_name"),
        longtext("事務の内容", number="②"),
        choice(
            "対象人数",
            TARGET_PEOPLE,
            number="③",
            ref="target_people",
            note="しきい値判断の対象人数。基礎項目評価書のⅡ１と一致させる。",
        ),
        number="１．",
    ),
    blocks(
        "特定個人情報ファイルを取り扱う事務において使用するシステム",
        text("システムの名称", number="①"),
        longtext("システムの機能", number="②"),
        checks(
            "他のシステムとの接続",
            Option("情報提供ネットワークシステム"),
            Option("庁内連携システム"),
            Option("住民基本台帳ネットワークシステム"),
            Option("既存住民基本台帳システム"),
            Option("宛名システム等"),
            Option("税務システム"),
            OTHER,
            number="③",
            ref="system_links",
        ),
        number="２．",
        block_label="システム",
        name_key="システムの名称",
        ref="systems",
    ),
    text("特定個人情報ファイル名", number="３．", ref="file_names"),
    group(
        "個人番号の利用",
        longtext("法令上の根拠"),
        number="４．",
        mark="※",
    ),
    group(
        "情報提供ネットワークシステムによる情報連携",
        choice("実施の有無", LINKAGE, number="①", ref="linkage"),
        longtext("法令上の根拠", number="②"),
        number="５．",
        mark="※",
    ),
    group(
        "評価実施機関における担当部署",
        text("部署", number="①"),
        text("所属長の役職名", number="②"),
        number="６．",
    ),
    text("他の評価実施機関", number="７．", optional=True),
    number="Ⅰ",
)


def _provision(verb: str, ref: str, *methods: Option) -> tuple[Node, ...]:
    """The seven rows of a 提供先 or 移転先 block (Ⅱ５)."""
    return (
        text("名称", note=f"{verb}先の名称（例: 市町村長）。"),
        longtext("法令上の根拠", number="①"),
        longtext(f"{verb}先における用途", number="②"),
        longtext(f"{verb}する情報", number="③"),
        choice(f"{verb}する情報の対象となる本人の数", SUBJECTS, number="④"),
        longtext(f"{verb}する情報の対象となる本人の範囲", number="⑤"),
        checks(f"{verb}方法", *methods, OTHER, number="⑥", ref=ref),
        text("時期・頻度", number="⑦"),
    )


OUTLINE = group(
    "特定個人情報ファイルの概要",
    echo("特定個人情報ファイル名", "特定個人情報ファイル名", number="１．"),
    group(
        "基本情報",
        choice("ファイルの種類", FILE_TYPE, number="①", mark="※"),
        choice("対象となる本人の数", SUBJECTS, number="②", ref="subjects"),
        longtext("対象となる本人の範囲", number="③", mark="※"),
        # その必要性 is a row of item ③, so it shares ③'s ※.
        longtext("その必要性", sub_of="対象となる本人の範囲", important=True),
        choice("記録される項目", RECORD_COUNT, number="④", ref="record_count"),
        checks(
            "主な記録項目",
            Option("個人番号", group="識別情報"),
            Option("個人番号対応符号", group="識別情報"),
            Option("その他識別情報（内部番号）", group="識別情報"),
            Option("4情報（氏名、性別、生年月日、住所）", group="連絡先等情報"),
            Option("連絡先（電話番号等）", group="連絡先等情報"),
            Option("その他住民票関係情報", group="連絡先等情報"),
            Option("国税関係情報", group="業務関係情報"),
            Option("地方税関係情報", group="業務関係情報"),
            Option("健康・医療関係情報", group="業務関係情報"),
            Option("医療保険関係情報", group="業務関係情報"),
            Option("児童福祉・子育て関係情報", group="業務関係情報"),
            Option("障害者福祉関係情報", group="業務関係情報"),
            Option("生活保護・社会福祉関係情報", group="業務関係情報"),
            Option("介護・高齢者福祉関係情報", group="業務関係情報"),
            Option("雇用・労働関係情報", group="業務関係情報"),
            Option("年金関係情報", group="業務関係情報"),
            Option("学校・教育関係情報", group="業務関係情報"),
            Option("災害関係情報", group="業務関係情報"),
            Option("その他", detail="text", group="業務関係情報"),
            sub_of="記録される項目",
            mark="※",
        ),
        # The ※ of the form sits on 主な記録項目 only, not on its sibling rows.
        longtext("その妥当性", sub_of="記録される項目"),
        fixed("全ての記録項目", "別添１を参照。", sub_of="記録される項目"),
        date("保有開始日", number="⑤"),
        text("事務担当部署", number="⑥"),
        number="２．",
    ),
    group(
        "特定個人情報の入手・使用",
        checks(
            "入手元",
            Option("本人又は本人の代理人"),
            Option("評価実施機関内の他部署", detail="text"),
            Option("行政機関・独立行政法人等", detail="text"),
            Option("地方公共団体・地方独立行政法人", detail="text"),
            Option("民間事業者", detail="text"),
            OTHER,
            number="①",
            mark="※",
        ),
        checks(
            "入手方法",
            Option("紙"),
            MEDIA,
            Option("フラッシュメモリ"),
            Option("電子メール"),
            Option("専用線"),
            Option("庁内連携システム"),
            Option("情報提供ネットワークシステム"),
            OTHER,
            number="②",
            ref="acquisition",
        ),
        longtext("使用目的", number="③", mark="※"),
        group(
            "使用の主体",
            text("使用部署"),
            choice("使用者数", STAFF, ref="users"),
            number="④",
        ),
        longtext("使用方法", number="⑤"),
        longtext("情報の突合", sub_of="使用方法"),
        date("使用開始日", number="⑥"),
        number="３．",
    ),
    group(
        "特定個人情報ファイルの取扱いの委託",
        choice("委託の有無", ENTRUST, mark="※", ref="entrust"),
        # 「（ 3 ）件」 is printed in the ※ row of 委託の有無, so it shares the
        # ※: a change of the count is taken as 重要 unless decided otherwise.
        count(
            "件数",
            sub_of="委託の有無",
            important=True,
            optional=True,
            ref="entrust_count",
        ),
        blocks(
            "委託事項",
            text("名称", note="委託事項の見出し（例: システムの運用・保守）。"),
            longtext("委託内容", number="①"),
            choice("委託先における取扱者数", STAFF, number="②", ref="handlers"),
            text("委託先名", number="③"),
            choice("再委託の有無", REENTRUST, number="④", mark="※", ref="reentrust"),
            longtext("再委託の許諾方法", number="⑤", optional=True, ref="permission"),
            text("再委託事項", number="⑥", optional=True, ref="reentrusted"),
            block_label="委託事項",
            name_key="名称",
            ref="entrustments",
        ),
        number="４．",
    ),
    group(
        "特定個人情報の提供・移転",
        checks(
            "提供・移転の有無",
            Option("提供を行っている", detail="count"),
            Option("移転を行っている", detail="count"),
            Option("行っていない"),
            ref="provision",
        ),
        blocks(
            "提供先",
            *_provision(
                "提供",
                "provision_methods",
                Option("情報提供ネットワークシステム"),
                Option("専用線"),
                Option("電子メール"),
                MEDIA,
                Option("フラッシュメモリ"),
                Option("紙"),
            ),
            block_label="提供先",
            name_key="名称",
            ref="recipients",
        ),
        blocks(
            "移転先",
            *_provision(
                "移転",
                "transfer_methods",
                Option("庁内連携システム"),
                Option("専用線"),
                Option("電子メール"),
                MEDIA,
                Option("フラッシュメモリ"),
                Option("紙"),
            ),
            block_label="移転先",
            name_key="名称",
            ref="transferees",
        ),
        number="５．",
        label="特定個人情報の提供・移転（委託に伴うものを除く。）",
    ),
    group(
        "特定個人情報の保管・消去",
        longtext("保管場所", mark="※"),
        number="６．",
    ),
    longtext("備考", number="７．", optional=True),
    number="Ⅱ",
)

RECORD_ITEMS = blocks(
    "特定個人情報ファイル記録項目",
    text("名称", note="記録項目の一覧の見出し。＜ ＞で囲んで印刷される。"),
    choice(
        "形式",
        LIST_STYLE,
        note="番号付き: 「１．宛名番号，２．…」と続けて印刷。箇条書き: 1行に1項目。",
    ),
    items("記録項目", ref="record_items"),
    longtext("注記", optional=True),
    number="（別添１）",
    block_label="記録項目一覧",
    name_key="名称",
    in_path=False,
    ref="record_lists",
)

RISKS = group(
    "リスク対策",
    echo("特定個人情報ファイル名", "特定個人情報ファイル名", number="１．"),
    group(
        "特定個人情報の入手",
        group(
            "目的外の入手が行われるリスク", _measures(), _enough(), number="リスク：　"
        ),
        _other_risks(
            "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"
        ),
        number="２．",
        label="特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
    ),
    group(
        "特定個人情報の使用",
        group(
            "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
            _measures(),
            _enough(),
            number="リスク１：　",
        ),
        group(
            "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク",
            choice("ユーザ認証の管理", DONE, ref="user_auth"),
            longtext("具体的な管理方法", sub_of="ユーザ認証の管理"),
            _other_measures(),
            _enough(),
            number="リスク２：　",
        ),
        _other_risks("特定個人情報の使用"),
        number="３．",
    ),
    group(
        "特定個人情報ファイルの取扱いの委託",
        flag("委託しない", ref="no_entrust"),
        group(
            "委託先における不正な使用等のリスク",
            choice("委託契約書中の特定個人情報ファイルの取扱いに関する規定", DEFINED),
            longtext(
                "規定の内容",
                sub_of="委託契約書中の特定個人情報ファイルの取扱いに関する規定",
            ),
            choice(
                "再委託先による特定個人情報ファイルの適切な取扱いの担保",
                REENTRUST_CARE,
                ref="reentrust_care",
            ),
            longtext(
                "具体的な方法",
                sub_of="再委託先による特定個人情報ファイルの適切な取扱いの担保",
            ),
            _other_measures(),
            _enough(),
            number="リスク：　",
        ),
        _other_risks("特定個人情報ファイルの取扱いの委託"),
        number="４．",
    ),
    group(
        "特定個人情報の提供・移転",
        flag("提供・移転しない", ref="no_provision"),
        group(
            "不正な提供・移転が行われるリスク",
            choice("特定個人情報の提供・移転に関するルール", DEFINED),
            longtext(
                "ルールの内容及びルール遵守の確認方法",
                sub_of="特定個人情報の提供・移転に関するルール",
            ),
            _other_measures(),
            _enough(),
            number="リスク：　",
        ),
        _other_risks(
            "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"
        ),
        number="５．",
        label="特定個人情報の提供・移転 "
        "（委託や情報提供ネットワークシステムを通じた提供を除く。）",
    ),
    group(
        "情報提供ネットワークシステムとの接続",
        flag("接続しない（入手）", ref="no_network_in"),
        flag("接続しない（提供）", ref="no_network_out"),
        group(
            "目的外の入手が行われるリスク",
            _measures(),
            _enough(),
            number="リスク１：　",
        ),
        group(
            "不正な提供が行われるリスク", _measures(), _enough(), number="リスク２：　"
        ),
        longtext(
            "その他のリスク及びそのリスクに対する措置",
            label="情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置",
            optional=True,
        ),
        number="６．",
    ),
    group(
        "特定個人情報の保管・消去",
        group(
            "特定個人情報の漏えい・滅失・毀損リスク",
            choice("事故発生時手順の策定・周知", EFFORT, number="①"),
            # Ⅲ７② is the one item of Ⅲ outside the ※ (「※（７．②を除く。）」).
            choice(
                "過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                INCIDENT,
                number="②",
                important=False,
                ref="incident",
            ),
            longtext(
                "その内容",
                sub_of="過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                important=False,
                optional=True,
                ref="incident_detail",
            ),
            longtext(
                "再発防止策の内容",
                sub_of="過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                important=False,
                optional=True,
                ref="incident_prevention",
            ),
            _other_measures(),
            _enough(),
            number="リスク：　",
        ),
        _other_risks("特定個人情報の保管・消去"),
        number="７．",
    ),
    group(
        "監査",
        checks(
            "実施の有無", Option("自己点検"), Option("内部監査"), Option("外部監査")
        ),
        number="８．",
    ),
    group(
        "従業者に対する教育・啓発",
        choice("従業者に対する教育・啓発", EFFORT),
        longtext("具体的な方法", sub_of="従業者に対する教育・啓発"),
        number="９．",
    ),
    longtext("その他のリスク対策", number="１０．", optional=True),
    number="Ⅲ",
    mark="※（７．②を除く。）",
    ref="risks",
)

FILES = blocks(
    "特定個人情報ファイル",
    text("特定個人情報ファイル名", note="Ⅱ１とⅢ１に印刷される。"),
    OUTLINE,
    RECORD_ITEMS,
    RISKS,
    block_label="特定個人情報ファイル",
    name_key="特定個人情報ファイル名",
    in_path=False,
    ref="files",
)

INQUIRIES = group(
    "開示請求、問合せ",
    group(
        "特定個人情報の開示・訂正・利用停止請求",
        text("請求先", number="①"),
        longtext("請求方法", number="②"),
        longtext("法令による特別の手続", number="③", optional=True),
        longtext("個人情報ファイル簿への不記載等", number="④", optional=True),
        number="１．",
    ),
    group(
        "特定個人情報ファイルの取扱いに関する問合せ",
        text("連絡先", number="①"),
        longtext("対応方法", number="②"),
        number="２．",
    ),
    number="Ⅳ",
)

PROCEDURE = group(
    "評価実施手続",
    group(
        "基礎項目評価",
        date("実施日", number="①", ref="basic_done"),
        choice("しきい値判断結果", THRESHOLD_RESULT, number="②", ref="threshold"),
        number="１．",
    ),
    group(
        "国民・住民等からの意見の聴取",
        longtext("方法", number="①", optional=True),
        text("実施日・期間", number="②", optional=True),
        longtext("主な意見の内容", number="③", optional=True),
        number="２．",
        suffix="【任意】",
    ),
    group(
        "第三者点検",
        date("実施日", number="①", optional=True),
        longtext("方法", number="②", optional=True),
        longtext("結果", number="③", optional=True),
        number="３．",
        suffix="【任意】",
    ),
    number="Ⅴ",
)

FORM = Form(
    stamp="令和６年10月　様式３",
    name="重点項目評価書",
    filename="juten.yaml",
    schema_name="juten-r06-10",
    appendix_title="（別添２）　変更箇所",
    children=(COVER, BASICS, FILES, INQUIRIES, PROCEDURE),
)
