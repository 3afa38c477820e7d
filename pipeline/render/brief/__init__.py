"""The briefs (our team, per level) and the proposals (the customer, per level).

Owns what each document says: the typed view of each level (`context`, `proposal_context`),
their figures, people and talking points, their words in zh and en, and the Word template's
variables (`template`, `reference`). Must not touch Office XML (that is
`pipeline.render.office`), nor judge a standing: every claim comes from the analysis.
"""
