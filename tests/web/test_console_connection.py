"""Losing the server: the disconnected indicator, reconnection and resynchronisation."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import issue, open_console

pytestmark = pytest.mark.browser

SOCKET_URLS = "**/socket.io/**"


def test_connection_lost_shows_indicator_and_resyncs_after_reconnect(live_centre, page):
    open_console(page, live_centre, counter=1)
    snapshots = page.evaluate("motcuaConsole.state.snapshots")
    page.route(SOCKET_URLS, lambda route: route.abort())
    page.evaluate("motcuaConsole.socket.io.engine.close()")
    conn = page.locator("#conn")
    expect(conn).to_contain_text("Mất kết nối")
    expect(page.locator("body")).to_have_class("page-console is-offline")
    expect(page.locator("[data-action=pause_toggle]")).to_be_disabled()
    missed = issue(live_centre)  # happens while the page is away
    page.wait_for_timeout(1500)   # a reconnection attempt or two fail
    expect(conn).to_contain_text("Mất kết nối")
    page.unroute(SOCKET_URLS)
    expect(conn).to_contain_text("Trực tuyến", timeout=10_000)
    expect(page.locator("#waiting-body tr")).to_have_count(1)
    expect(page.locator("#waiting-body tr").first).to_contain_text(missed)
    assert page.evaluate("motcuaConsole.state.snapshots") > snapshots
    assert page.evaluate("motcuaConsole.state.seq") == live_centre.service.seq
    page.keyboard.press("n")
    expect(page.locator("#cur-number")).to_have_text(missed)


def test_connection_closed_by_server_reconnects(live_centre, page):
    open_console(page, live_centre, counter=1)
    server = live_centre.app.extensions["motcua.socketio"].server
    sids = list(server.namespace_handlers["/counter"].principals)
    assert len(sids) == 1
    server.disconnect(sids[0], namespace="/counter")
    expect(page.locator("#conn")).to_contain_text("Mất kết nối")
    issue(live_centre)
    expect(page.locator("#conn")).to_contain_text("Trực tuyến", timeout=10_000)
    expect(page.locator("#waiting-body tr")).to_have_count(1)


def test_connection_seq_gap_asks_for_a_snapshot(live_centre, page):
    open_console(page, live_centre, counter=1)
    snapshots = page.evaluate("motcuaConsole.state.snapshots")
    seq = page.evaluate("motcuaConsole.state.seq")
    page.evaluate("motcuaConsole.applyMessage({prev: motcuaConsole.state.seq + 1, seq: motcuaConsole.state.seq + 2,"
                  " events: [{seq: motcuaConsole.state.seq + 2, type: 'ticket.issued', ticket: null, counter: null,"
                  " data: {}}], stats: {}})")
    page.wait_for_function(f"motcuaConsole.state.snapshots > {snapshots}")
    assert page.evaluate("motcuaConsole.state.seq") == seq  # back to the server's truth
    label = issue(live_centre)  # and live events apply again
    expect(page.locator("#waiting-body tr").first).to_contain_text(label)


def test_connection_expired_session_goes_to_login(live_centre, page):
    open_console(page, live_centre)
    page.context.clear_cookies()
    page.evaluate("motcuaConsole.socket.disconnect().connect()")
    page.wait_for_url("**/login")
