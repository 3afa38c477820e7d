"""Analysis: every judgement about a deal, made once and written to analysis.json.

Owns the method's arithmetic and its conclusions: scores, standings and the tie rule, positions,
three years on, the relationship chain, the value proposition and SMART, tactics, claims, the
audience and the plan. `analyze` runs the stages in the method's order. Must not write files or
know any document: renderers only arrange what `results.Analysis` holds.
"""
