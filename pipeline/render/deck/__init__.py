"""The training deck: what each slide shows, in the method's order, with the deal as the example.

Owns the slides' content and order (`slides`), their words (`text`, from templates/deck/) and
each part of the method (`positioning`, `value`, `chain`, `teach`, `robustness`). Must not touch
Office XML or a library's internals (that is `pipeline.render.office`), nor judge a standing.
"""
