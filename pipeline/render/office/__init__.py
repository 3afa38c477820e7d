"""The Office engine: everything that writes Office packages itself or touches a library's internals.

The wall between the documents and python-pptx, python-docx, docxtpl and XlsxWriter: masters and
layouts (`master`), slides (`slides`), shapes and fitted text (`shapes`, `textfit`), tables
(`tables`), native charts (`charts`, `docx_chart`, `chart_workbook`), Word templates and style
references (`word_template`, `word_style`), the fast brief fill (`docx_fill`) and the packages
themselves (`pptx_package`, `docx_package`, `zipwriter`, `xlsx`). The libraries whose internals or byte
output this relies on are pinned in `pins`. Must not decide what a document says: slide and
brief modules call its small public surface with the words and figures they were given.
"""
