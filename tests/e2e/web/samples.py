"""Sample path parameters for the web app's routes, so the accessibility test can open every page.

A new route with a path parameter needs one line here: the parameter's name and how to get a value from the
`World` the fixtures made (tests/e2e/web/conftest.py). A GET route that is no page (a redirect, a download, JSON)
goes in NOT_PAGES.
"""

SAMPLES = {
    "session_id": lambda world: world.session_id,
    "program_id": lambda world: world.program_id,
    "list_id": lambda world: world.extra["list_id"],
}

NOT_PAGES = {
    "/health/live", "/health/ready", "/language/{language}", "/auth/callback", "/sign-in/staff",
    "/my/data.json",  # a download
    "/kiosk/service-worker.js",  # the kiosk's service worker (script)
}
NOT_PAGES |= {"/staff/reports/pls.csv", "/staff/reports/partnerships.csv"}  # the reports' CSV downloads
