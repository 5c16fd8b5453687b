"""Returns: quarantine until a confirmed wipe (by staff or by the MDM system), then the patron's link to the loan goes."""

import json
import uuid
from datetime import datetime, timedelta

from lantern_devices.handlers import lending
from tests.support import eventually, produce

from .conftest import DEVICES, LOANS


async def test_a_returned_hotspot_stays_in_quarantine_until_staff_confirm_its_wipe(library):
    hotspot = await library.device("hotspot")
    patron = await library.enrolled_patron()
    loan = await library.lend(patron, device_id=hotspot["id"])

    await library.give_back(loan["id"])

    assert await library.state_of(hotspot["id"]) == "quarantined"
    other = await library.enrolled_patron()
    refused = await library.client.post("/internal/v1/loans", json={"borrower_id": str(other), "device_id": hotspot["id"]})
    assert refused.status_code == 409 and refused.json()["reason"] == "not_available"
    by_hand = await library.client.post(f"/internal/v1/devices/{hotspot['id']}/state",
                                        json={"to_state": "available", "reason": "looks fine"})
    assert by_hand.status_code == 409 and by_hand.json()["reason"] == "wipe_not_confirmed"

    wiped = await library.client.post(f"/internal/v1/devices/{hotspot['id']}/wipe", headers={"X-Lantern-Actor": "staff:jo"})

    assert wiped.json()["state"] == "available"
    changes = await library.published(DEVICES, hotspot["id"], count=3, type="lantern.device.state_changed")
    assert [(c["data"]["from_state"], c["data"]["to_state"]) for c in changes] == [
        ("available", "on_loan"), ("on_loan", "quarantined"), ("quarantined", "available")]
    assert changes[-1]["data"]["actor"] == "staff:jo"
    assert changes[-1]["data"]["reason"] == "wipe confirmed"


async def test_a_wipe_reported_by_the_mdm_system_clears_quarantine(library):
    by_tag, by_serial = await library.device("laptop"), await library.device("chromebook")
    patron = await library.enrolled_patron()
    for device in (by_tag, by_serial):
        await library.give_back((await library.lend(patron, device_id=device["id"]))["id"])

    await library.mdm_wiped(asset_tag=by_tag["asset_tag"])
    await library.mdm_wiped(serial=by_serial["serial"])

    for device in (by_tag, by_serial):
        changed = await library.published(DEVICES, device["id"], count=3, type="lantern.device.state_changed")
        assert changed[-1]["data"]["to_state"] == "available"
        assert changed[-1]["data"]["actor"] == "mdm:intune-42"
    history = (await library.client.get(f"/internal/v1/devices/{by_tag['id']}/history")).json()
    assert [h["to_state"] for h in history] == ["available", "on_loan", "quarantined", "available"]


async def test_a_wipe_of_a_device_not_in_quarantine_changes_nothing(library):
    lent = await library.device("tablet")
    await library.lend(await library.enrolled_patron(), device_id=lent["id"])

    await library.applied(await library.mdm_wiped(asset_tag=lent["asset_tag"]))

    assert await library.state_of(lent["id"]) == "on_loan"
    staff_wipe = await library.client.post(f"/internal/v1/devices/{lent['id']}/wipe")
    assert staff_wipe.status_code == 409 and staff_wipe.json()["reason"] == "not_quarantined"


async def test_a_return_records_condition_and_missing_accessories_from_the_kit_list(library):
    kit = await library.device("training_kit", contents=[
        {"item": "laptop", "count": 10}, {"item": "projector"}, {"item": "power strip"}])
    partner = await library.partner()
    loan = await library.lend(partner, device_id=kit["id"])

    wrong = await library.client.post(f"/internal/v1/loans/{loan['id']}/return",
                                      json={"condition": "worn", "missing_accessories": ["sofa"]})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "missing_accessories"
    assert "sofa" in wrong.json()["errors"][0]["message"]

    returned = await library.give_back(loan["id"], condition="worn", missing=["projector"])

    assert returned["missing_accessories"] == ["projector"]
    event = (await library.published(LOANS, loan["id"], type="lantern.loan.returned"))[0]
    assert event["data"]["condition"] == "worn"
    assert event["data"]["missing_accessories"] == ["projector"]
    again = await library.client.post(f"/internal/v1/loans/{loan['id']}/return", json={"condition": "good"})
    assert again.status_code == 409 and again.json()["reason"] == "already_returned"


async def test_once_the_returned_device_is_wiped_the_loan_no_longer_names_the_patron_but_still_counts(library):
    laptop = await library.device("laptop")
    patron = await library.enrolled_patron()
    loan = await library.lend(patron, device_id=laptop["id"])
    await library.give_back(loan["id"])

    linked = (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()
    assert linked["borrower_id"] == str(patron), "until the device is cleared the library can still ask about it"

    await library.client.post(f"/internal/v1/devices/{laptop['id']}/wipe")

    anonymous = (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()
    assert anonymous["borrower_id"] is None
    assert anonymous["anonymized_at"] is not None
    assert anonymous["device_kind"] == "laptop" and anonymous["returned_at"] is not None
    history = (await library.client.get("/internal/v1/loans", params={"borrower_id": str(patron)})).json()
    assert history["items"] == []
    counted = (await library.client.get("/internal/v1/loans", params={"device_id": laptop["id"]})).json()
    assert len(counted["items"]) == 1, "the loan still counts for statistics"


async def test_with_an_anonymization_delay_the_link_goes_only_when_the_delay_has_passed(library):
    library.deps.policy = library.deps.policy.model_copy(update={"anonymize_after_clear": timedelta(days=2)})
    laptop = await library.device("laptop")
    patron = await library.enrolled_patron()
    loan = await library.lend(patron, device_id=laptop["id"])
    await library.give_back(loan["id"])
    wiped = await library.client.post(f"/internal/v1/devices/{laptop['id']}/wipe")
    cleared_at = (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()["cleared_at"]
    assert wiped.status_code == 200 and cleared_at is not None

    cleared = datetime.fromisoformat(cleared_at)
    await lending.anonymize_loans(library.deps, cleared + timedelta(days=1))
    assert (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()["borrower_id"] == str(patron)

    await lending.anonymize_loans(library.deps, cleared + timedelta(days=2, minutes=1))
    assert (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()["borrower_id"] is None


async def test_an_erased_patrons_finished_loans_lose_their_link_at_once_and_the_open_one_when_it_comes_back(library):
    done, out = await library.device("laptop"), await library.device("hotspot")
    library.deps.policy = library.deps.policy.model_copy(update={"anonymize_after_clear": timedelta(days=30)})
    patron = await library.enrolled_patron()
    finished = await library.lend(patron, device_id=done["id"])
    await library.give_back(finished["id"])
    outstanding = await library.lend(patron, device_id=out["id"])

    await library.erase(patron)

    assert (await library.client.get(f"/internal/v1/loans/{finished['id']}")).json()["borrower_id"] is None
    assert (await library.client.get(f"/internal/v1/loans/{outstanding['id']}")).json()["borrower_id"] == str(patron)
    assert (await library.give_back(outstanding["id"]))["borrower_id"] is None


async def test_mdm_check_ins_record_when_a_device_was_last_seen(library):
    laptop = await library.device("laptop")
    seen = "2026-05-01T08:30:00+00:00"

    await library.send("lantern.inbound.device-telemetry", "lantern.device.reported", "/mdm/intune", laptop["serial"],
                       {"serial": laptop["serial"], "reported_at": seen, "battery": 81})

    async def recorded():
        return (await library.client.get(f"/internal/v1/devices/{laptop['id']}")).json()["last_seen_at"]

    assert await eventually(recorded, what="last_seen_at") == "2026-05-01T08:30:00Z"


async def test_a_damaged_return_sent_for_repair_still_needs_its_wipe_before_it_is_lent_again(library):
    laptop = await library.device("laptop")
    loan = await library.lend(await library.enrolled_patron(), device_id=laptop["id"])
    await library.give_back(loan["id"], condition="damaged")
    await library.client.post(f"/internal/v1/devices/{laptop['id']}/state",
                              json={"to_state": "in_maintenance", "reason": "cracked hinge"})

    repaired = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state",
                                         json={"to_state": "available", "reason": "hinge replaced"})
    assert repaired.status_code == 409 and repaired.json()["reason"] == "wipe_not_confirmed"

    await library.mdm_wiped(asset_tag=laptop["asset_tag"])

    async def unlinked():
        return (await library.client.get(f"/internal/v1/loans/{loan['id']}")).json()["borrower_id"] is None

    await eventually(unlinked, what="the wipe in the workshop to clear the loan")
    assert await library.state_of(laptop["id"]) == "in_maintenance", "a wipe does not finish a repair"
    repaired = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state",
                                         json={"to_state": "available", "reason": "hinge replaced"})
    assert repaired.json()["state"] == "available"


async def test_an_mdm_system_sending_binary_mode_cloudevents_is_understood(library):
    tablet = await library.device("tablet")
    await library.give_back((await library.lend(await library.enrolled_patron(), device_id=tablet["id"]))["id"])
    headers = [("ce_specversion", b"1.0"), ("ce_id", str(uuid.uuid4()).encode()), ("ce_source", b"/mdm/jamf"),
               ("ce_type", b"lantern.device.wiped"), ("content-type", b"application/json")]
    body = json.dumps({"serial": tablet["serial"], "wiped_at": "2026-05-01T08:30:00Z", "mdm_id": "jamf-3"}).encode()

    await produce(library.stack, "lantern.inbound.device-telemetry", [(tablet["serial"].encode(), body, headers)])

    changed = await library.published(DEVICES, tablet["id"], count=3, type="lantern.device.state_changed")
    assert (changed[-1]["data"]["to_state"], changed[-1]["data"]["actor"]) == ("available", "mdm:jamf-3")
