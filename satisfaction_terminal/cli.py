"""`motcua terminal`: run one rating tablet (also `python -m satisfaction_terminal`)."""
from __future__ import annotations

import argparse
import logging
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", default=None, help="địa chỉ máy chủ (mặc định http://127.0.0.1:5000) / "
                                                  "queue server URL (default http://127.0.0.1:5000)")
    p.add_argument("--token", default=os.environ.get("MOTCUA_TERMINAL_TOKEN"),
                   help="mã thiết bị của máy đánh giá (mặc định: $MOTCUA_TERMINAL_TOKEN) / "
                        "device token of a terminal (default: $MOTCUA_TERMINAL_TOKEN)")
    p.add_argument("--counter", type=int, default=None, help="quầy đặt máy đánh giá này / "
                                                             "the counter this tablet stands at")
    p.add_argument("--settings", default=None, help="tệp TOML có mục [terminal] / "
                                                    "TOML file with a [terminal] section (docs/terminal.md)")
    p.add_argument("--outbox", default=None, help="tệp hàng đợi gửi SQLite (mặc định var/terminal-outbox.db) / "
                                                  "SQLite outbox file (default var/terminal-outbox.db)")
    p.add_argument("--photos", dest="photos_dir", default=None, help="thư mục ảnh cán bộ <id>.png / "
                                                                     "folder of officer photos <id>.png")
    p.add_argument("--size", default=None, help="cỡ cửa sổ RộngxCao, ví dụ 800x480 (mặc định 1024x600) / "
                                                "window size WxH, e.g. 800x480 (default 1024x600)")
    p.add_argument("--fullscreen", action="store_true", default=None, help="toàn màn hình (trên máy tính bảng) / "
                                                                           "fill the screen (the tablet)")
    p.add_argument("--headless", action="store_true", help="không mở cửa sổ: chỉ giữ kết nối và gửi đánh giá / "
                                                           "no window: keep the link and send the outbox")


def cmd_terminal(args) -> int:
    from .app import TerminalApp
    from .config import load_settings
    logging.basicConfig(level=logging.INFO, format="%(asctime)s terminal %(levelname)s %(message)s")
    width, height = _size(args.size)
    settings = load_settings(args.settings, server=args.server, token=args.token, counter=args.counter,
                             outbox=args.outbox, photos_dir=args.photos_dir, width=width, height=height,
                             fullscreen=args.fullscreen)
    if not settings.token:
        print("motcua: a terminal needs --token (motcua device add NAME --role terminal --counter N)",
              file=sys.stderr)
        return 2
    app = TerminalApp(settings)
    app.start()
    try:
        app.run(headless=args.headless)
    finally:
        app.stop()
    return 0


def _size(text: str | None) -> tuple[int | None, int | None]:
    if not text:
        return None, None
    try:
        w, h = text.lower().split("x")
        return int(w), int(h)
    except ValueError:
        raise SystemExit(f"motcua: --size must look like 800x480, not {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="motcua terminal", description="Máy đánh giá mức độ hài lòng")
    add_arguments(parser)
    args = parser.parse_args(argv)
    from queue_server.config import ConfigError
    try:
        return cmd_terminal(args)
    except ConfigError as exc:
        print(f"motcua: configuration error:\n{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
