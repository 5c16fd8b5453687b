"""Headers on every answer: a Content-Security-Policy with no inline script, no framing, no sniffing, HSTS."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self' {idp}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'")


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, hsts: bool, idp_origin: str = "") -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", CSP.format(idp=idp_origin).replace("  ", " ").encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        if hsts:
            self.headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)
