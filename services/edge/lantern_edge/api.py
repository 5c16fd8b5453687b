"""The public API under /api/v1. Routes translate and forward; the owning service decides."""

from fastapi import APIRouter, Body, Request, Response

PATRON_EXAMPLE = {
    "name": "Ana Pérez",
    "email": "ana@example.org",
    "preferred_language": "es",
    "consent_to_contact": True,
}


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1")

    @api.post("/patrons", status_code=201, tags=["patrons"], summary="Enroll a patron")
    async def enroll_patron(request: Request, _doc: dict = Body(..., examples=[PATRON_EXAMPLE])) -> Response:
        return await request.app.state.upstreams.forward(
            "registration", "POST", "/internal/v1/patrons", body=await request.body()
        )

    @api.get("/patrons/{patron_id}", tags=["patrons"], summary="Look up a patron")
    async def patron(patron_id: str, request: Request) -> Response:
        return await request.app.state.upstreams.forward("registration", "GET", f"/internal/v1/patrons/{patron_id}")

    return api
