"""Security headers on every answer of the edge, and the API docs page served without inline script.

Every response (JSON, problem details, health, metrics, errors raised before a route runs) carries:
- Content-Security-Policy: nothing may load and nothing may frame it (`default-src 'none'; frame-ancestors 'none'`);
  the docs page alone may load Swagger UI from its CDN and its start-up script from the edge itself;
- X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, X-Frame-Options: DENY (older browsers),
  Cross-Origin-Opener-Policy / Cross-Origin-Resource-Policy: same-origin;
- Strict-Transport-Security when the deployment says so (LANTERN_EDGE_HSTS_SECONDS > 0: the edge is reached over
  HTTPS only; never on the local stack's plain HTTP). docs/security.md#http-answers
"""

import json

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DOCS_PATH = "/api/docs"
DOCS_INIT_PATH = "/api/docs/swagger-init.js"
SWAGGER = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5"

API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# Swagger UI: its bundle and stylesheet from the CDN, our start-up script from 'self' (no inline script), the
# OpenAPI document fetched from 'self'; its logo and icons are data: URIs.
DOCS_POLICY = (f"default-src 'none'; script-src 'self' {SWAGGER}/; style-src {SWAGGER}/; img-src 'self' data:; "
               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class SecurityHeaders:
    """A plain ASGI middleware (outermost, so it also marks answers made by other middlewares and error handlers)."""

    def __init__(self, app: ASGIApp, hsts_seconds: int = 0) -> None:
        self.app = app
        self.headers = list(_COMMON)
        if hsts_seconds > 0:
            self.headers.append((b"strict-transport-security", f"max-age={hsts_seconds}; includeSubDomains".encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (DOCS_POLICY if scope["path"] == DOCS_PATH else API_POLICY).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in [*self.headers, (b"content-security-policy", policy)] if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_security_headers(app: FastAPI, hsts_seconds: int = 0) -> None:
    """Around the whole stack, Starlette's server-error answer (a 500) included, which a middleware added with
    add_middleware would not see: Starlette builds its stack through this method on the first request."""
    inner = app.build_middleware_stack
    app.build_middleware_stack = lambda: SecurityHeaders(inner(), hsts_seconds)  # type: ignore[method-assign]  # see above


def docs_router(openapi_url: str, title: str) -> APIRouter:
    """Swagger UI as FastAPI serves it, but started by a script file instead of an inline <script>."""
    router = APIRouter(include_in_schema=False)

    @router.get(DOCS_PATH)
    async def docs() -> HTMLResponse:
        return HTMLResponse(f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="{SWAGGER}/swagger-ui.css">
<title>{title} - API docs</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="{SWAGGER}/swagger-ui-bundle.js"></script>
<script src="{DOCS_INIT_PATH}"></script>
</body>
</html>
""")

    @router.get(DOCS_INIT_PATH)
    async def init() -> Response:
        script = (f"window.ui = SwaggerUIBundle({{url: {json.dumps(openapi_url)}, dom_id: '#swagger-ui', "
                  "layout: 'BaseLayout', deepLinking: true, showExtensions: true, showCommonExtensions: true, "
                  "presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]});\n")
        return Response(script, media_type="text/javascript")

    return router
