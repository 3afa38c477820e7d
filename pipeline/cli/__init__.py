"""The command line: arguments in, library calls, messages and exit codes out.

Owns parsing, the progress bar and the wording of outcomes for a terminal. Must not build,
analyse or render itself: every command calls the library.
"""
