import pytest

from queue_server.dossiers.model import (
    TRANSITIONS,
    DossierStatus,
    StatusChange,
    TransitionError,
    can_transition,
    normalise_code,
    transition,
)
from .helpers import at, dossier

S = DossierStatus


@pytest.mark.parametrize(
    "current, new, allowed",
    [
        (S.RECEIVED, S.IN_PROGRESS, True),
        (S.RECEIVED, S.RESULT_READY, True),
        (S.IN_PROGRESS, S.SUPPLEMENT_REQUESTED, True),
        (S.SUPPLEMENT_REQUESTED, S.IN_PROGRESS, True),
        (S.SUPPLEMENT_REQUESTED, S.RESULT_READY, False),
        (S.RESULT_READY, S.RESULT_RETURNED, True),
        (S.RESULT_READY, S.IN_PROGRESS, False),
        (S.RESULT_RETURNED, S.IN_PROGRESS, False),
        (S.REFUSED, S.IN_PROGRESS, False),
        (S.IN_PROGRESS, S.WITHDRAWN, True),
        (S.RECEIVED, S.RESULT_RETURNED, False),
    ],
)
def test_model_can_transition(current, new, allowed):
    assert can_transition(current, new) is allowed


def test_model_transitions_cover_every_status():
    assert set(TRANSITIONS) == set(DossierStatus)
    assert all(not TRANSITIONS[s] for s in DossierStatus if s.is_unresolved_close)


def test_model_status_groups_partition_statuses():
    for s in DossierStatus:
        assert [s.is_open, s.is_resolved, s.is_unresolved_close].count(True) == 1


def test_model_status_labels_are_vietnamese():
    assert S.RESULT_RETURNED.label_vi == "Đã trả kết quả"
    assert S.IN_PROGRESS.label_vi == "Đang giải quyết"
    assert S("supplement_requested") is S.SUPPLEMENT_REQUESTED


def test_model_transition_records_history_and_resolution():
    d = dossier(status=S.IN_PROGRESS)
    ready = transition(d, S.RESULT_READY, at("2025-03-05 10:00"))
    returned = transition(ready, S.RESULT_RETURNED, at("2025-03-06 08:00"))
    assert ready.resolved_at == at("2025-03-05 10:00")
    assert returned.resolved_at == at("2025-03-05 10:00")  # handing over does not move the result date
    assert returned.history == (
        StatusChange(S.RESULT_READY, at("2025-03-05 10:00")),
        StatusChange(S.RESULT_RETURNED, at("2025-03-06 08:00")),
    )
    assert d.status is S.IN_PROGRESS  # the original is untouched


def test_model_transition_refusal_closes_the_dossier():
    refused = transition(dossier(), S.REFUSED, at("2025-03-04 09:00"))
    assert refused.resolved_at == at("2025-03-04 09:00")


def test_model_transition_rejects_disallowed_change():
    with pytest.raises(TransitionError):
        transition(dossier(status=S.RESULT_RETURNED), S.IN_PROGRESS, at("2025-03-04 09:00"))


def test_model_repr_hides_personal_data():
    text = repr(dossier())
    assert "Nguyễn" not in text and "0912345678" not in text


@pytest.mark.parametrize(
    "text, key",
    [
        (" 000.17.22.h56-210531-0001\n", "000.17.22.H56-210531-0001"),
        ("000.17.22.H56 - 210531 - 0001", "000.17.22.H56-210531-0001"),
        ("h12.22-231012-0001", "H12.22-231012-0001"),
    ],
)
def test_model_normalise_code(text, key):
    assert normalise_code(text) == key
