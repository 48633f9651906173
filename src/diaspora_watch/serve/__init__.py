"""The web dashboard and JSON API (FastAPI): ``create_app(store_url)`` builds it, ``diaspora-watch serve`` runs it."""

from diaspora_watch.serve.app import create_app
from diaspora_watch.serve.settings import Settings

__all__ = ["Settings", "create_app"]
