"""What an operator can set for the web application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Settings:
    """Defaults suit a dashboard on a laptop or behind a TLS proxy; ``secure_cookies`` must stay on behind TLS.

    ``tile_url`` is a Leaflet URL template (``https://tile.example.org/{z}/{x}/{y}.png``) for an
    online base map; without it the map draws the bundled country outlines only.
    """

    tile_url: str | None = None
    tile_attribution: str = ""
    session_ttl: timedelta = timedelta(hours=8)
    secure_cookies: bool = False
    login_limit: int = 5
    login_window_s: float = 300.0
    page_size: int = 50
