"""What the idle screen says about the counter, read from the server's live state (pure)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .flow import Option, Setup

MAX_PHRASES = 6        # what the comment screen has room for: two rows of three


@dataclass(frozen=True)
class CounterInfo:
    """The counter as the citizen sees it on the idle screen."""

    number: int
    label: str
    department: str
    officer_id: int | None = None
    officer_name: str = ""
    officer_title: str = ""
    open: bool = False
    photo: str | None = None


def counter_info(centre: dict, counter_view: dict | None, number: int, titles: dict[str, str] | None = None,
                 photos_dir: str = "") -> CounterInfo:
    """Combine the centre's static data and the counter's live state into the idle screen's facts."""
    static = next((c for c in centre.get("counters", []) if c["number"] == number), {})
    live = counter_view or {}
    officer_id = live.get("officer_id")
    open_ = live.get("status", "closed") != "closed" and officer_id is not None
    title = live.get("officer_title") or (titles or {}).get(str(officer_id), "")
    return CounterInfo(number, static.get("label") or f"Quầy {number}", departments_of(centre, static),
                       officer_id if open_ else None, live.get("officer_name", "") if open_ else "",
                       title if open_ else "", open_, photo_for(photos_dir, officer_id) if open_ else None)


def departments_of(centre: dict, counter: dict) -> str:
    """Names of the departments whose services the counter serves, joined for display."""
    services = set(counter.get("services", []))
    names = [d.get("short_name") or d["name"] for d in centre.get("departments", [])
             if services & {s["id"] for s in d.get("services", [])}]
    return " · ".join(names)


def photo_for(photos_dir: str, officer_id) -> str | None:
    """A photo file <officer id>.png/.jpg in the configured folder, if there is one."""
    if not photos_dir or officer_id is None:
        return None
    for ext in ("png", "jpg", "jpeg"):
        path = Path(photos_dir) / f"{officer_id}.{ext}"
        if path.is_file():
            return str(path)
    return None


def options_of(centre: dict) -> list[Option]:
    return [Option.from_server(o) for o in centre.get("rating_options", [])]


def initials(name: str) -> str:
    """Initials for a placeholder avatar: 'Nguyễn Thị Hoa' → 'NH' (family name and given name)."""
    words = name.split()
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


def phrases_of(centre: dict, fallback: list[str]) -> tuple[str, ...]:
    """The prepared comment phrases: the admin settings' (the first MAX_PHRASES), else the
    tablet's own list from its settings file."""
    return tuple((centre.get("comment_phrases") or fallback)[:MAX_PHRASES])


def setup_of(centre: dict, counter: int, fallback_phrases: list[str]) -> Setup:
    """What the centre's settings decide on a tablet at `counter`."""
    return Setup(counter, tuple(options_of(centre)), centre.get("rating_style") or None,
                 phrases_of(centre, fallback_phrases))
