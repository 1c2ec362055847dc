"""The operational 予防接種台帳 that the seed assessment documents.

The registry holds 宛名 (persons) and 予防接種記録 (records, the items of
別添1 ＜予防接種ファイル＞), the staff who may use it, and an operation
log. Every claim the assessment makes about the file can be checked
against this code with `hpia conformance`.

    keys        the key file: 個人番号 encryption, keyed hashes, log MACs
    mynumber    the 個人番号 check digit
    models      tables; each column names the 別添1 item it holds
    database    engines from `--db`, migrations, opening a registry
    roles       roles (閲覧・登録・抽出・管理) and what each may do
    staff       users, argon2 passwords, signing in
    audit       the append-only, hash-chained operation log
    csvfiles    reading 予診票 CSV (UTF-8 or CP932, Japanese headers)
    fields      one cell of a CSV or condition to a typed value
    imports     all-or-nothing import of persons and records
    people      a person and their history; 転出・死亡; retention
    extract     conditions to a streamed CSV without 個人番号
    transfer    records exported to / imported from another municipality
    conformance the assessment's claims against the registry
"""
