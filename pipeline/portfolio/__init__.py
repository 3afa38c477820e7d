"""The book of business: every deal in one workbook and one page, read from their analyses.

Owns the portfolio's rows, its workbook and its self-contained page. Must not recompute: every
figure is the deal's own analysis'.
"""
