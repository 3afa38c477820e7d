"""Render: the analysis as Office documents, in memory; the only stage that imports pptx and docx.

`deck/` and `brief/` decide what each document shows and says; `office/` is the engine that writes
the packages. `chart_choice` and `palette` are shared by the deck and the briefs. Must not judge:
renderers arrange what the analysis gives them.
"""
