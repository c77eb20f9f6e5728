#!/usr/bin/env python3
"""Write sample tickets (80 and 58 mm, normal and priority) and a sample announcement
into docs/samples/ so a person can look at and listen to them.  Usage: scripts/hw_samples.py
"""

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from hw.led.codec import Command  # noqa: E402
from hw.led.modbus import ModbusCodec, register_map  # noqa: E402
from hw.led.stx import StxCodec  # noqa: E402
from hw.printer.ticket import TicketPrint, render_ticket  # noqa: E402
from hw.voice.announce import Announcement, assemble, call_tokens  # noqa: E402
from hw.voice.pack import VoicePack  # noqa: E402

OUT = ROOT / "docs" / "samples"
NORMAL = TicketPrint(
    centre_name="Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi",
    department="Sở Nông nghiệp và Phát triển nông thôn",
    service="Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm",
    number="1023", priority=False, issued_at=datetime(2026, 11, 22, 8, 15),
    ahead=12, wait_minutes=25, status_url="https://motcua.example.vn/t/7f3a9c2e",
    footer="Vui lòng giữ phiếu và chú ý nghe gọi số. Xin cảm ơn!", counters="5, 6")
PRIORITY = TicketPrint(
    centre_name="Bộ phận Một cửa xã Tịnh Phong", department="Công an xã",
    service="Đăng ký thường trú", number="A012", priority=True,
    issued_at=datetime(2026, 11, 22, 14, 5), ahead=0, wait_minutes=None,
    status_url="https://motcua.example.vn/t/00b1", footer="Ưu tiên: người cao tuổi, người khuyết tật, phụ nữ mang thai")


LED_COMMANDS = [
    ("counter 5 shows 1023", Command(5, "1023")),
    ("counter 5 calls 1024 (blinking)", Command(5, "1024", blink=True)),
    ("counter 12 shows A012", Command(12, "A012")),
    ("counter 5 paused (symbol ----)", Command(5, "----")),
    ("counter 5 cleared", Command(5, "", clear=True)),
]


def led_frames() -> str:
    """The request frames of every display family and Modbus model for a few commands, as hex."""
    lines = ["# LED counter display frames (docs/hardware.md explains the framings and register maps)", ""]
    codecs = [("stx", StxCodec(width=4))] + [(f"modbus, {model} model", ModbusCodec(layout=register_map(model)))
                                           for model in ("number", "ascii", "segments")]
    for title, codec in codecs:
        lines.append(f"## {title}")
        for label, command in LED_COMMANDS:
            shown = codec.fit(command.text)
            note = f"   ({shown.note})" if shown.note and not command.clear else ""
            lines.append(f"{label:34} {codec.encode(command).hex(' ').upper()}{note}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Render the samples."""
    OUT.mkdir(parents=True, exist_ok=True)
    for width, mm in ((576, 80), (384, 58)):
        render_ticket(NORMAL, width).save(OUT / f"ticket_{mm}mm.png")
        render_ticket(PRIORITY, width, english=True).save(OUT / f"ticket_{mm}mm_priority.png")
    wav = assemble(call_tokens(Announcement("1023", 5)), VoicePack())
    (OUT / "announcement_1023_quay_5.wav").write_bytes(wav)
    (OUT / "led_frames.txt").write_text(led_frames(), encoding="utf-8")
    print(f"samples written to {OUT}")


if __name__ == "__main__":
    main()
