"""Renderers: the only modules that import pptx and docx."""
