"""The change table, （別添２） 変更箇所: from change_log/ and git history.

`rows_for(assessment_folder)` gives the rows alone (its notes go to the
logger); `change_table(path)` gives them with the notes `hpia changes` and
`hpia render` print.
"""

from __future__ import annotations

from hpia.changes.rows import Row
from hpia.changes.table import ChangeTable, change_table, rows_for

__all__ = ["ChangeTable", "Row", "change_table", "rows_for"]
