"""sayso: who said what, to whom, on whose say-so, and what political actors did to each other."""

import logging

from sayso.api import extract, extract_many
from sayso.read.article import Article
from sayso.report import Report

__version__ = "0.1.0"
__all__ = ["Article", "Report", "__version__", "extract", "extract_many"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
