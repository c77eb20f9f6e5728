"""Demo accounts: officers with Vietnamese names, an administrator, and devices."""
from __future__ import annotations

from ..auth import Principal, Role
from ..config import CentreConfig
from ..setup import add_device, add_user
from ..storage import Store

DEMO_PASSWORD = "demo2026"
"""The demo's accounts follow the same rule as every account: at least 8 characters."""
OFFICER_NAMES = [
    "Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Văn Đức", "Vũ Thị Giang",
    "Đặng Quốc Huy", "Bùi Thị Hương", "Đỗ Văn Khánh", "Hồ Thị Lan", "Ngô Văn Long", "Dương Thị Mai",
    "Lý Văn Nam", "Phan Thị Ngọc", "Trịnh Văn Phúc", "Đinh Thị Quỳnh", "Mai Văn Sơn", "Lưu Thị Thảo",
    "Tạ Văn Trung", "Cao Thị Uyên", "Châu Văn Việt", "Kiều Thị Xuân", "La Văn Yên", "Quách Thị Yến",
]


def officer_username(counter: int) -> str:
    return f"canbo{counter:02d}"


DEMO_TERMINAL_COUNTER = 1
"""The counter whose rating tablet the demo runs (where the person trying the demo plays the officer)."""


def seed_accounts(config: CentreConfig, store: Store) -> dict:
    """Create the demo's people and devices; return their principals and tokens."""
    add_user(config, None, "admin", "Quản trị viên", "admin", DEMO_PASSWORD, store=store)
    officers = {}
    for i, counter in enumerate(config.counters):
        name = OFFICER_NAMES[i % len(OFFICER_NAMES)]
        user_id = add_user(config, None, officer_username(counter.number), name, "officer", DEMO_PASSWORD,
                           title="Công chức một cửa", store=store)
        officers[counter.number] = Principal("user", user_id, Role.OFFICER, name, config.centre.id)
    # Only the devices the demo starts (demo/devices.py): a tablet registered but never run would
    # sit on the dashboard as a device to worry about. The simulator rates without a device account.
    terminals = {DEMO_TERMINAL_COUNTER: add_device(config, None, f"danh-gia-{DEMO_TERMINAL_COUNTER}", "terminal",
                                                   counter=DEMO_TERMINAL_COUNTER, store=store)}
    tokens = {"kiosk": add_device(config, None, "may-boc-so-1", "kiosk", store=store),
              "display": add_device(config, None, "man-hinh-sanh", "display", store=store)}
    return {"officers": officers, "terminal_tokens": terminals, "tokens": tokens}
