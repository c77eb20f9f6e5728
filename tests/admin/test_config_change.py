"""CentreAdmin.change_config: validated, refused when the live queue cannot absorb it, applied live,
audited, and still there after a restart."""
from __future__ import annotations

import pytest

from queue_server.admin import configedit
from queue_server.admin.manage import stored_config
from queue_server.app import create_app
from queue_server.auth import Principal, Role
from queue_server.engine import QueueError


def _issue(service, service_id):
    return service.execute(lambda now: service.engine.issue(service_id, now))[-1].ticket


def _open(service, number):
    service.execute(lambda now: service.engine.open_counter(number, 7, "Lê Thị Hoa", now))


def test_change_config_counter_services_take_effect_on_next_call(centre, admin_lib, admin_principal):
    service = centre.service
    waiting = _issue(service, "stp-lylich")             # counter 1 serves only stp-hotich
    _open(service, 1)
    with pytest.raises(QueueError):
        service.execute(lambda now: service.engine.call_next(1, now))
    admin_lib.change_config(admin_principal, "counter.update", "counter:1",
                            lambda d: configedit.update_counter(d, 1, {"services": ["stp-hotich", "stp-lylich"]}))
    called = service.execute(lambda now: service.engine.call_next(1, now))[-1].ticket
    assert called.id == waiting.id and called.counter == 1


def test_change_config_invalid_names_the_problem_in_vietnamese(admin_lib, admin_principal, centre):
    before = centre.service.config
    with pytest.raises(QueueError) as err:
        admin_lib.change_config(admin_principal, "counter.update", "counter:1",
                                lambda d: configedit.update_counter(d, 1, {"services": ["khong-co"]}))
    assert err.value.code == "invalid"
    assert "phục vụ dịch vụ không tồn tại" in err.value.message_vi and "khong-co" in err.value.message_vi
    assert centre.service.config is before
    assert admin_lib.audit_log() == []


def test_change_config_refuses_removing_a_service_people_wait_for(centre, admin_lib, admin_principal):
    _issue(centre.service, "stp-lylich")
    with pytest.raises(QueueError) as err:
        admin_lib.change_config(admin_principal, "service.delete", "service:stp-lylich",
                                lambda d: configedit.remove_service(d, "stp-lylich"))
    assert err.value.code == "config_refused" and "1 số đang chờ" in err.value.message_vi
    assert centre.service.config.has_service("stp-lylich")


def test_change_config_removes_a_service_nobody_waits_for_from_its_counters(centre, admin_lib, admin_principal):
    new = admin_lib.change_config(admin_principal, "service.delete", "service:stp-lylich",
                                  lambda d: configedit.remove_service(d, "stp-lylich"))
    assert not new.has_service("stp-lylich")
    assert all("stp-lylich" not in c.services for c in new.counters)


def test_change_config_refuses_removing_an_open_counter(centre, admin_lib, admin_principal):
    _open(centre.service, 2)
    with pytest.raises(QueueError) as err:
        admin_lib.change_config(admin_principal, "counter.delete", "counter:2",
                                lambda d: configedit.remove_counter(d, 2))
    assert "quầy đang mở" in err.value.message_vi
    assert 2 in {c.number for c in centre.service.config.counters}


def test_change_config_new_counter_can_open_at_once(centre, admin_lib, admin_principal):
    admin_lib.change_config(admin_principal, "counter.create", "counter:99",
                            lambda d: configedit.add_counter(d, {"number": 99, "room": "D", "services": ["stp-hotich"]}))
    _open(centre.service, 99)
    ticket = _issue(centre.service, "stp-hotich")
    called = centre.service.execute(lambda now: centre.service.engine.call_next(99, now))[-1].ticket
    assert called.id == ticket.id


def test_change_config_writes_audit_row_and_event(centre, admin_lib, admin_principal):
    seq = centre.service.seq
    admin_lib.change_config(admin_principal, "centre.notices", "centre",
                            lambda d: configedit.update_centre(d, {"notices": ["Nghỉ trưa 11:30–13:30"]}))
    [row] = admin_lib.audit_log()
    assert (row["actor"], row["role"], row["action"], row["target"]) == \
        ("user:Quản trị thử", "admin", "centre.notices", "centre")
    assert row["before"] == {"centre.notices": []} and row["after"] == {"centre.notices": ["Nghỉ trưa 11:30–13:30"]}
    [event] = centre.service.store.events_since(seq)
    assert event["type"] == "config.changed" and centre.service.seq == seq + 1
    assert centre.service.snapshot()["centre"]["notices"] == ["Nghỉ trưa 11:30–13:30"]


def test_change_config_without_a_change_writes_nothing(centre, admin_lib, admin_principal):
    seq = centre.service.seq
    admin_lib.change_config(admin_principal, "counter.update", "counter:1", lambda d: d)
    assert centre.service.seq == seq and admin_lib.audit_log() == []


def test_change_config_refused_for_a_supervisor(centre, admin_lib):
    supervisor = Principal("user", 5, Role.SUPERVISOR, "Giám sát", centre.service.centre_id)
    with pytest.raises(QueueError) as err:
        admin_lib.change_config(supervisor, "centre.notices", "centre",
                                lambda d: configedit.update_centre(d, {"notices": ["x"]}))
    assert err.value.status == 403


def test_change_config_survives_a_restart(tmp_path, centre, admin_lib, admin_principal, demo_config):
    admin_lib.change_config(admin_principal, "counter.update", "counter:1",
                            lambda d: configedit.update_counter(d, 1, {"room": "Phòng B2"}))
    assert stored_config(centre.service.store, demo_config).counter(1).room == "Phòng B2"
    again = create_app(demo_config, centre.service.store.path, secret="s")
    try:
        assert again.extensions["motcua"].config.counter(1).room == "Phòng B2"
    finally:
        again.extensions["motcua"].store.close()


def test_change_config_removed_counter_stays_removed_after_restart(centre, admin_lib, admin_principal, demo_config):
    _open(centre.service, 3)
    centre.service.execute(lambda now: centre.service.engine.close_counter(3, now))
    admin_lib.change_config(admin_principal, "counter.delete", "counter:3", lambda d: configedit.remove_counter(d, 3))
    assert 3 not in {c["number"] for c in centre.service.snapshot()["counters"]}
    again = create_app(demo_config, centre.service.store.path, secret="s")
    try:
        assert 3 not in {c["number"] for c in again.extensions["motcua"].snapshot()["counters"]}
    finally:
        again.extensions["motcua"].store.close()
