"""Journey 1: a patron who reads Vietnamese signs in with her card, switches to Tiếng Việt, finds a full workshop
and joins its waitlist with her position; a librarian cancels another registrant in the staff console; she
sees herself promoted in "my registrations" and the message about it in her inbox, in Vietnamese."""

import re
import uuid

from playwright.async_api import expect

from .conftest import enrol, make_program, make_session, new_context, register, screenshot, session_day

LAN = ("21000000000002", "2345")  # Nguyễn Thị Lan in the demo ILS


async def test_a_vietnamese_reader_is_waitlisted_then_promoted_and_told_in_vietnamese(browser, web, as_role):
    title = f"Lớp học sử dụng điện thoại thông minh {uuid.uuid4().hex[:4]}"
    with web.staff_api() as api:
        program = make_program(api, titles={"en": "Smartphone class", "vi": title}, languages=("vi", "en"))
        workshop = make_session(api, program, capacity=1, days=8, place="Rockwood Library", languages=("vi",))
        register(api, workshop, enrol(api, "Someone Else", "en"))
    context = await new_context(browser, web)
    lan = await context.new_page()
    try:
        await lan.goto("/")
        await lan.get_by_role("link", name="Tiếng Việt").click()
        await expect(lan.locator("html")).to_have_attribute("lang", "vi")
        await lan.get_by_role("link", name="Đăng nhập").click()
        await lan.get_by_label("Số thẻ thư viện").fill(LAN[0])
        await lan.get_by_label("Mã PIN").fill(LAN[1])
        await lan.get_by_role("button", name="Đăng nhập").first.click()
        await expect(lan.get_by_role("heading", name="Đăng ký của tôi", level=1)).to_be_visible()

        await lan.get_by_role("link", name="Lịch sinh hoạt").click()
        await lan.get_by_role("combobox", name="Ngôn ngữ").select_option("vi")
        await lan.get_by_label("Ngày", exact=True).fill(session_day(8))
        await lan.get_by_role("button", name="Hiển thị các buổi").click()
        card = lan.get_by_role("listitem").filter(has=lan.get_by_role("link", name=title))
        await expect(card).to_contain_text("Đã đủ chỗ: đăng ký danh sách chờ")
        await card.get_by_role("link", name=title).click()
        await lan.get_by_role("button", name="Đăng ký danh sách chờ").click()
        await expect(lan.get_by_role("status")).to_contain_text("Bạn đang ở danh sách chờ, số 1.")
        mine = lan.get_by_role("listitem").filter(has=lan.get_by_role("link", name=title))
        await expect(mine).to_contain_text("Đang chờ: số 1")
        await screenshot(lan, "journey1-waitlisted-vi")

        librarian = await as_role("staff")  # a librarian cancels the other registrant in the staff console
        await librarian.goto(f"/staff/sessions/{workshop}/roster")
        await librarian.get_by_role("button", name="Cancel the registration of Someone Else").click()
        await expect(librarian.get_by_role("row", name=re.compile("Someone Else"))).to_have_count(0)

        for _attempt in range(30):
            await lan.reload()
            if await mine.filter(has_text="Đã đăng ký: chỗ của bạn đã được xác nhận").count():
                break
            await lan.wait_for_timeout(1000)
        await expect(mine).to_contain_text("Đã đăng ký: chỗ của bạn đã được xác nhận")

        await lan.get_by_role("link", name="Tin nhắn của tôi").click()
        await expect(lan.get_by_role("heading", name=f"Quý vị đang trong danh sách chờ: {title}")).to_be_visible()
        promoted = lan.get_by_role("heading", name=f"Tin vui: quý vị đã có chỗ trong {title}")
        for _attempt in range(30):
            if await promoted.count():
                break
            await lan.wait_for_timeout(1000)
            await lan.reload()
        await expect(promoted).to_be_visible()
        await screenshot(lan, "journey1-inbox-vi")
    finally:
        await context.close()
