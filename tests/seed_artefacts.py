"""Seed content lines the repository does not carry literally, and why.

Each is counted as missing by the coverage test all the same; the test
fails if a line listed here turns up (the list went stale) or if a line
goes missing without being listed here.
"""

from __future__ import annotations

LABEL_AND_VALUE = (
    "a label cell and its value cell extracted as one line; the value is in"
    " the YAML, the label in the catalog"
)
NUMBERED_HEADING = (
    "a heading printed with its number (and ※ or 【任意】), which the catalog"
    " declares as separate number, label and mark"
)
COMPOSED_LABEL = (
    "a label the catalog composes from its section's label (「…における"
    "その他のリスク及びそのリスクに対する措置」), declared once"
)
WRAPPED_LABEL = "a label wrapped in a narrow cell, the fragment glued to its number"
LIST_LAYOUT = (
    "a 別添１ list line: numbers, 「・」 and ＜＞ are printed from 形式 and 名称;"
    " the items themselves are in the YAML"
)
CHANGE_ROW_CELLS = (
    "cells of one 別添２ row (or its header) extracted as one line; each"
    " value is carried separately in change_log/"
)


# Squeezed seed line (NFKC, no white space) → reason.
ARTEFACTS: dict[str, str] = {
    "1システムの名称健康管理システム": LABEL_AND_VALUE,
    "1システムの名称宛名管理システム": LABEL_AND_VALUE,
    "1システムの名称中間サーバー": LABEL_AND_VALUE,
    "1システムの名称ワクチン接種記録システム(VRS)": LABEL_AND_VALUE,
    "1システムの名称EUCシステム": LABEL_AND_VALUE,
    "5.情報提供ネットワークシステムによる情報連携※": NUMBERED_HEADING,
    "2所属長の役職名健康推進課長": LABEL_AND_VALUE,
    "6.評価実施機関における担当部署": NUMBERED_HEADING,
    "1部署保健福祉部健康推進課": LABEL_AND_VALUE,
    "3.特定個人情報ファイル名": NUMBERED_HEADING,
    "5保有開始日令和3年4月1日": LABEL_AND_VALUE,
    "6事務担当部署保健福祉部健康推進課": LABEL_AND_VALUE,
    (
        "3対象となる本人の範囲※本市の区域内に居住する予防接種の対象となる者"
    ): LABEL_AND_VALUE,
    (
        "その必要性予防接種に関する業務の実現のために,必要な特定"
        "個人情報を保有する必要がある。"
    ): LABEL_AND_VALUE,
    "1.特定個人情報ファイル名": NUMBERED_HEADING,
    "使用部署福祉部健康推進課": LABEL_AND_VALUE,
    "3.特定個人情報の入手・使用": NUMBERED_HEADING,
    "6使用開始日令和3年4月1日": LABEL_AND_VALUE,
    ("1委託内容システムの運用・保守業務,法制度改正に伴う改修作業"): LABEL_AND_VALUE,
    "3委託先名株式会社茨城計算センター": LABEL_AND_VALUE,
    (
        "1委託内容特定個人情報データの滅失等に備えたバックアップデータの保管委託"
    ): LABEL_AND_VALUE,
    "6再委託事項バックアップデータの管理": LABEL_AND_VALUE,
    "3委託先名株式会社ミラボ": LABEL_AND_VALUE,
    "5移転する情報の対象となる": WRAPPED_LABEL,
    "4移転する情報の対象となる": WRAPPED_LABEL,
    "4提供する情報の対象となる": WRAPPED_LABEL,
    "5提供する情報の対象となる": WRAPPED_LABEL,
    "5.特定個人情報の提供・移転(委託に伴うものを除く。)": NUMBERED_HEADING,
    (
        "1.宛名番号,2.予防接種区分,3.接種回数,4.要注意"
        "者,5.罹患,6.転入前実施サイン,7.実施方法,8.実"
        "施内容,"
    ): LIST_LAYOUT,
    (
        "9.接種日,10.接種日年齢,11.接種量,12.医療機"
        "関,13.担当医師,14.担当医師,15.ロットNo,1"
        "6.製造メーカー,"
    ): LIST_LAYOUT,
    "17.請求月,18.助成金額": LIST_LAYOUT,
    ("<新型コロナウイルス感染症対策に係る予防接種に関する記録項目>"): LIST_LAYOUT,
    "・属性情報(氏名、生年月日、性別)": LIST_LAYOUT,
    "・接種状況(実施/未実施)": LIST_LAYOUT,
    "・接種回(1回目/2回目)": LIST_LAYOUT,
    ("・旅券関係情報(旧姓・別姓・別名、ローマ字氏名、国籍、旅券番号)(※)"): LIST_LAYOUT,
    "・証明書発行年月日(※)": LIST_LAYOUT,
    (
        "2.特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)"
    ): NUMBERED_HEADING,
    "リスク:目的外の入手が行われるリスク": NUMBERED_HEADING,
    (
        "リスク1:目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク"
    ): NUMBERED_HEADING,
    (
        "特定個人情報の入手(情報提供ネットワークシステムを通じた"
        "入手を除く。)におけるその他のリスク及びそのリスクに対す"
        "る措置"
    ): COMPOSED_LABEL,
    (
        "リスク2:権限のない者(元職員、アクセス権限のない職員等"
        ")によって不正に使用されるリスク"
    ): NUMBERED_HEADING,
    (
        "特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置"
    ): COMPOSED_LABEL,
    "リスク:委託先における不正な使用等のリスク": NUMBERED_HEADING,
    (
        "特定個人情報ファイルの取扱いの委託におけるその他のリスク"
        "及びそのリスクに対する措置"
    ): COMPOSED_LABEL,
    (
        "特定個人情報の提供・移転(委託や情報提供ネットワークシス"
        "テムを通じた提供を除く。)におけるその他のリスク及びその"
        "リスクに対"
    ): COMPOSED_LABEL,
    "リスク:不正な提供・移転が行われるリスク": NUMBERED_HEADING,
    (
        "5.特定個人情報の提供・移転(委託や情報提供ネットワーク"
        "システムを通じた提供を除く。)"
    ): NUMBERED_HEADING,
    "リスク2:不正な提供が行われるリスク": NUMBERED_HEADING,
    "リスク:特定個人情報の漏えい・滅失・毀損リスク": NUMBERED_HEADING,
    "リスク1:目的外の入手が行われるリスク": NUMBERED_HEADING,
    "6.情報提供ネットワークシステムとの接続": NUMBERED_HEADING,
    "2過去3年以内に、評価実施": WRAPPED_LABEL,
    "1事故発生時手順の策定・": WRAPPED_LABEL,
    (
        "特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置"
    ): COMPOSED_LABEL,
    "9.従業者に対する教育・啓発": NUMBERED_HEADING,
    "4個人情報ファイル簿への不": WRAPPED_LABEL,
    "2.特定個人情報ファイルの取扱いに関する問合せ": NUMBERED_HEADING,
    "1.特定個人情報の開示・訂正・利用停止請求": NUMBERED_HEADING,
    (
        "1請求先総務部総務課茨城県ひたちなか市東石川2丁目10番1号029-273-0111"
    ): LABEL_AND_VALUE,
    (
        "2請求方法指定様式による書面の提出により,開示・訂正・削"
        "除・目的外利用の中止請求を受け付ける。"
    ): LABEL_AND_VALUE,
    (
        "1連絡先保健福祉部健康推進課茨城県ひたちなか市ひたちなか"
        "市松戸町1丁目14番1号029-276-5222"
    ): LABEL_AND_VALUE,
    ("2対応方法問合せ受付時に受付票を起票し,対応について記録を残す。"): LABEL_AND_VALUE,
    "2.国民・住民等からの意見の聴取【任意】": NUMBERED_HEADING,
    "1実施日令和6年4月1日": LABEL_AND_VALUE,
    "その他(同一パッケージシステム)事後": CHANGE_ROW_CELLS,
    "令和3年4月1日令和4年4月1日": CHANGE_ROW_CELLS,
    "変更前の記載変更後の記載提出時期変更日": CHANGE_ROW_CELLS,
    "システムの管理運用システムの運用・保守事後": CHANGE_ROW_CELLS,
    "10人未満10人以上50人未満事後": CHANGE_ROW_CELLS,
    "令和5年4月1日令和6年4月1日事後": CHANGE_ROW_CELLS,
}
