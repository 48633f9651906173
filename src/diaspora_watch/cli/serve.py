"""``diaspora-watch serve``: the dashboard and the JSON API, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, db_url, errors


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)


def serve_cli(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    tile_url: Annotated[str | None, typer.Option("--tile-url", help="Leaflet tile URL template for an online base map, "
                                                  "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; default: outlines only.")] = None,
    tile_attribution: Annotated[str, typer.Option("--tile-attribution", help="Attribution shown with the tiles.")] = "",
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind a TLS proxy).")] = False,
) -> None:
    """Serve the incident dashboard and the JSON API (/api/v1, documented at /docs).

    Example: diaspora-watch serve --db sqlite:///dw.db --port 8000
    """
    import uvicorn

    from diaspora_watch.serve import Settings, create_app

    with errors():
        app = create_app(db_url(db), settings=Settings(tile_url=tile_url, tile_attribution=tile_attribution, secure_cookies=secure_cookies))
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
