"""Publish: the built documents into the output folder, atomically, and what they were built from.

Owns staging and atomic replacement (`output`), the build stamps and the ledger (`stamps`), the
content hashes that decide a rebuild (`fingerprint`) and the PDFs (`pdf`). Must not know what a
document says: it moves bytes, and never touches a file it did not make.
"""
