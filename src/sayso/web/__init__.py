"""The web view and HTTP API (``sayso serve``): see docs/web.md."""

from sayso.web.app import create_app

__all__ = ["create_app"]
