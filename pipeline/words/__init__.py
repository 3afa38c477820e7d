"""Words: how the method, the analysis and the command line speak, in zh and en.

Owns the vocabulary of the method (`labels`), how each kind of customer is addressed
(`audience`), the analysis' sentences and the one way figures are written (`wording`), and the
command line's messages (`messages`). Must not decide anything: it words what it is given, and
imports nothing of the pipeline but its own modules.
"""
