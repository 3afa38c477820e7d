"""The scoring workbook: a deal as the spreadsheet an account manager fills in, and back.

Owns the workbook's layout, its export from a deal and its import to a deal file, every problem
located as `DEAL.xlsx:Sheet!C7`. Must not judge: an import is checked by the loader's own rules.
"""
