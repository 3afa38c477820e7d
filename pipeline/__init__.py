"""Deal-to-documents: a deal file in, a training deck and per-level briefs out."""

__version__ = "0.1.0"
