"""The shipped templates, installed with dealdocs as the package `dealdocs_templates` (see pyproject.toml).

The Office files here are the design: edit them in PowerPoint and Word. Code finds this
folder through the package (`pipeline.templates.SHIPPED`), so an installed copy works
from any folder.
"""
