"""The staff reports page: the PLS figures and the Edge partnerships report as a librarian sees them — a chart
that names its numbers, tables, and CSV downloads holding the very numbers the edge's API reports."""

import csv
import datetime as dt
import io

from playwright.async_api import expect

from .conftest import screenshot


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_a_librarian_sees_the_reports_as_charts_and_downloads_the_same_numbers(as_role, web):
    year = dt.date.today().year
    start, end = dt.date(year, 1, 1).isoformat(), dt.date(year + 1, 1, 1).isoformat()
    with web.staff_api() as api:
        pls = api.get("/reports/pls", params={"from": start, "to": end}).json()
        partnerships = api.get("/reports/partnerships").json()
    tab = await as_role("staff")
    await tab.goto("/staff")
    await tab.get_by_role("link", name="Reports").first.click()
    await expect(tab.get_by_role("heading", name="Reports", level=1)).to_be_visible()

    chart = tab.get_by_role("img", name="Referrals by outcome")
    await expect(chart).to_be_visible()
    totals = tab.get_by_role("table", name="Totals")
    referrals = totals.get_by_role("row", name="Referrals made")
    await expect(referrals).to_contain_text(str(partnerships["referrals_made"]))
    for outcome, label in (("pending", "Waiting for the partner"), ("served", "Served")):
        if outcome in partnerships["referrals_by_outcome"]:
            await expect(chart).to_contain_text(f"{label}: {partnerships['referrals_by_outcome'][outcome]}")
    await screenshot(tab, "reports-staff", full_page=True)

    async with tab.expect_download() as pls_download:
        await tab.get_by_role("link", name="Download the PLS figures (CSV)").click()
    pls_csv = _rows((await (await pls_download.value).path()).read_text(encoding="utf-8"))
    ages = {r["key"]: (int(r["sessions"]), int(r["attended"])) for r in pls_csv if r["section"] == "age_group"}
    assert ages == {k: (v, pls["attendance_by_age_group"].get(k, 0)) for k, v in pls["sessions_by_age_group"].items()}
    [virtual] = [r for r in pls_csv if r["section"] == "virtual"]
    assert (int(virtual["sessions"]), int(virtual["attended"])) == (pls["virtual_sessions"], pls["virtual_attendance"])
    languages = {r["key"]: int(r["attended"]) for r in pls_csv if r["section"] == "language_of_instruction"}
    assert languages == {t["key"]: t["attended"] for t in pls["by_language_of_instruction"]}
    places = {r["key"]: (int(r["sessions"]), int(r["attended"])) for r in pls_csv if r["section"].startswith("place_")}
    assert places == {t["key"]: (t["sessions_held"], t["attended"]) for t in pls["by_place"]}
    by_place = tab.get_by_role("table", name="Sessions and attendance by branch or partner site")
    await expect(by_place).to_have_count(1 if pls["by_place"] else 0)
    for t in pls["by_place"]:
        if t["kind"] == "branch":
            await expect(by_place.get_by_role("row", name=t["key"], exact=False).first).to_contain_text(str(t["attended"]))

    async with tab.expect_download() as partner_download:
        await tab.get_by_role("link", name="Download the partnership figures (CSV)").click()
    partner_csv = _rows((await (await partner_download.value).path()).read_text(encoding="utf-8"))
    totals_csv = {r["key"]: int(r["value"]) for r in partner_csv if r["section"] == "total"}
    assert totals_csv["referrals_made"] == partnerships["referrals_made"]
    assert totals_csv["devices_on_loan_to_partners"] == partnerships["devices_on_loan_to_partners"]
    outcomes = {r["key"]: int(r["value"]) for r in partner_csv if r["section"] == "referrals_by_outcome"}
    assert outcomes == partnerships["referrals_by_outcome"]


async def test_a_period_that_ends_before_it_starts_is_refused_beside_the_field(as_role):
    tab = await as_role("staff")
    await tab.goto("/staff/reports")
    await tab.get_by_label("From (first day)").fill("2026-06-01")
    await tab.get_by_label("To (the day after the last)").fill("2026-01-01")
    await tab.get_by_role("button", name="Show the figures").click()
    field = tab.get_by_label("To (the day after the last)")
    await expect(field).to_have_attribute("aria-invalid", "true")
    await expect(tab.get_by_text("The end must be after the start.")).to_be_visible()
