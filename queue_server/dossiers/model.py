"""The dossier record (hồ sơ), its statuses and the allowed status transitions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum


class DossierStatus(StrEnum):
    """Status of a dossier in the one-stop software, with its Vietnamese label."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    STOPPED = "stopped"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    RESULT_READY = "result_ready"
    # Named result_returned, not "returned": Phụ lục I's "hồ sơ bị trả lại" means
    # something else (a dossier handed back unresolved), and the two must not mix.
    RESULT_RETURNED = "result_returned"

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]

    @property
    def is_open(self) -> bool:
        """Still being handled (the clock runs)."""
        return self in OPEN_STATUSES

    @property
    def is_resolved(self) -> bool:
        """Closed with a result (giải quyết xong)."""
        return self in RESOLVED_STATUSES

    @property
    def is_unresolved_close(self) -> bool:
        """Closed without a result: stopped, refused or withdrawn."""
        return self in UNRESOLVED_STATUSES


_LABELS_VI = {
    DossierStatus.RECEIVED: "Đã tiếp nhận",
    DossierStatus.IN_PROGRESS: "Đang giải quyết",
    DossierStatus.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung",
    DossierStatus.STOPPED: "Ngừng xử lý",
    DossierStatus.REFUSED: "Không giải quyết",
    DossierStatus.WITHDRAWN: "Rút hồ sơ",
    DossierStatus.RESULT_READY: "Đã có kết quả, chờ trả",
    DossierStatus.RESULT_RETURNED: "Đã trả kết quả",
}

OPEN_STATUSES = frozenset({DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED})
RESOLVED_STATUSES = frozenset({DossierStatus.RESULT_READY, DossierStatus.RESULT_RETURNED})
UNRESOLVED_STATUSES = frozenset({DossierStatus.STOPPED, DossierStatus.REFUSED, DossierStatus.WITHDRAWN})
RETURN_STATUSES = frozenset({DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REFUSED})
"""Entering one of these sends the dossier back to the applicant: Phụ lục I's "hồ sơ bị trả lại"."""

_S = DossierStatus
TRANSITIONS: dict[DossierStatus, frozenset[DossierStatus]] = {
    _S.RECEIVED: frozenset({_S.IN_PROGRESS, _S.SUPPLEMENT_REQUESTED, _S.RESULT_READY, *UNRESOLVED_STATUSES}),
    _S.IN_PROGRESS: frozenset({_S.SUPPLEMENT_REQUESTED, _S.RESULT_READY, *UNRESOLVED_STATUSES}),
    _S.SUPPLEMENT_REQUESTED: frozenset({_S.IN_PROGRESS, *UNRESOLVED_STATUSES}),
    _S.RESULT_READY: frozenset({_S.RESULT_RETURNED}),
    _S.RESULT_RETURNED: frozenset(),
    _S.STOPPED: frozenset(),
    _S.REFUSED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}
"""Allowed next statuses. A result ready at once at the counter goes received → result_ready."""


class Channel(StrEnum):
    """How the dossier was filed."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    POST = "post"

    @property
    def label_vi(self) -> str:
        return {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Qua bưu chính"}[self.value]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of a dossier's status history."""

    status: DossierStatus
    at: datetime


@dataclass(frozen=True, slots=True)
class Dossier:
    """A dossier as the queue system knows it (imported from the one-stop software).

    `resolved_at` is when the dossier left processing: the result date for
    resolved statuses, the stop / refusal / withdrawal date for the others.
    Applicant fields are personal data and are kept out of repr().
    """

    code: str
    procedure: str
    department_id: str
    received_at: datetime
    due_at: datetime
    status: DossierStatus
    channel: Channel = Channel.IN_PERSON
    level: int | None = None
    resolved_at: datetime | None = None
    applicant_name: str = field(default="", repr=False)
    applicant_phone: str = field(default="", repr=False)
    history: tuple[StatusChange, ...] = ()


class TransitionError(ValueError):
    """A status change that the rules do not allow."""


def can_transition(current: DossierStatus, new: DossierStatus) -> bool:
    """Whether `current` → `new` is an allowed status change."""
    return new in TRANSITIONS[current]


def transition(dossier: Dossier, new: DossierStatus, at: datetime) -> Dossier:
    """A copy of `dossier` moved to `new` at `at`, with the change in its history.

    Entering a closed status sets `resolved_at`; TransitionError if not allowed.
    """
    if not can_transition(dossier.status, new):
        raise TransitionError(f"{dossier.code}: {dossier.status} → {new} is not allowed")
    closes = new in RESOLVED_STATUSES or new in UNRESOLVED_STATUSES
    resolved_at = dossier.resolved_at if new is _S.RESULT_RETURNED else (at if closes else None)
    return replace(
        dossier, status=new, resolved_at=resolved_at, history=(*dossier.history, StatusChange(new, at))
    )


_CODE_SPACE = re.compile(r"\s+")


def normalise_code(text: str) -> str:
    """Storage key for a dossier code: NFC, no whitespace, upper case."""
    return _CODE_SPACE.sub("", unicodedata.normalize("NFC", text)).upper()


@dataclass(frozen=True, slots=True)
class Department:
    """A department (đơn vị) hosted by the centre; `aliases` are other names exports use."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
