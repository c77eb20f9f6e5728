"""Steps shared by the browser tests."""
from __future__ import annotations


def login(page, centre, username: str, password: str) -> None:
    page.goto(centre.url + "/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")


def open_console(page, centre, username: str = "hoa", name: str = "Lê Thị Hoa", counter: int | None = None):
    """Make an officer, log in, and (if `counter`) open that counter; waits until the desk shows."""
    username, password = centre.officer(username, name)
    login(page, centre, username, password)
    page.wait_for_url("**/console")
    page.locator("body.is-online").wait_for()
    if counter is not None:
        page.click(f".counter-card[data-counter='{counter}']")
        page.locator("#desk").wait_for()
    return page


def issue(centre, service_id: str = "stp-hotich", priority: bool = False):
    """Issue a ticket directly through the service, as a kiosk would; returns its label."""
    events = centre.service.execute(lambda now: centre.service.engine.issue(service_id, now, priority))
    return events[-1].ticket.label
