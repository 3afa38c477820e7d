"""Deal-to-documents: a deal file in; a training deck, per-level briefs and proposals out.

Data flows one way, a folder per stage: `load` (the deal file) -> `analysis` (every judgement)
-> `render` (the Office documents, in memory) -> `publish` (atomically, into the output folder).
`build` runs the stages for one deal, `batch` for many, `cli` is the command line; `words`
holds the languages, `workbook` and `portfolio` the spreadsheets. No stage imports one above
it, and nothing outside `render/office` touches a library's internals (tests/test_house.py).
Must not grow modules here that belong to a stage: the top level holds only what every stage
shares (errors, the sandbox, finding templates) and the two drivers.
"""

__version__ = "0.1.0"
