"""`motcua display` and `motcua leds`: thin shells over DisplayApp and LedService."""
from __future__ import annotations

import os
import signal
import threading
import tomllib
from pathlib import Path

from pydantic import ValidationError

from .config import DisplayConfigError, LedServiceConfig, load_display_config


def add_display_parser(sub) -> None:
    """Register `display` and `leds` on the `motcua` subcommand parser."""
    p = sub.add_parser("display", help="chạy màn hình gọi số hoặc bảng tình trạng hồ sơ / run a hall call display or dossier board")
    p.add_argument("--server", default=None, help="địa chỉ máy chủ hàng chờ (mặc định http://127.0.0.1:5000) / queue server URL")
    p.add_argument("--token", default=None, help="mã thiết bị của màn hình (motcua device add … --role display) / the display's device token")
    p.add_argument("--config", default=None, help="tệp TOML của màn hình (docs/display.md); các tuỳ chọn ghi đè lên tệp / display TOML file; options override it")
    p.add_argument("--mode", choices=["hall", "board"], default=None, help="màn hình gọi số (hall) hoặc bảng hồ sơ (board) / hall call display or dossier board")
    p.add_argument("--headless", action="store_true", help="không mở cửa sổ: chỉ giọng đọc và bảng LED / no window: voice and LEDs only")
    p.add_argument("--windowed", action="store_true", help="mở trong cửa sổ thay vì toàn màn hình / a window instead of full screen")
    p.add_argument("--leds", default=None, help="điều khiển luôn các bảng LED của quầy theo tệp TOML này / also drive the LED displays of this TOML file")
    p.add_argument("--demo", action="store_true", help="âm thanh và bảng LED giả lập (không cần phần cứng) / fake audio and LED bus")
    p.add_argument("--seconds", type=float, default=None, help="dừng sau chừng ấy giây (dùng khi kiểm thử) / stop after this many seconds (tests)")
    p.set_defaults(func=cmd_display)

    p = sub.add_parser("leds", help="điều khiển bảng số LED RS-485 của các quầy / drive the counters' RS-485 LED number displays")
    p.add_argument("--server", required=True, help="địa chỉ máy chủ hàng chờ / queue server URL")
    p.add_argument("--token", required=True, help="mã thiết bị loại màn hình / a display device token")
    p.add_argument("--config", required=True, help="tệp TOML của bảng LED: [bus] và [displays.<quầy>] / LED TOML file: [bus] and [displays.<counter>]")
    p.add_argument("--demo", action="store_true", help="dùng bus LED giả lập thay cho bus thật / use the fake bus instead of the configured one")
    p.set_defaults(func=cmd_leds)


def load_leds(path: str, demo: bool = False) -> LedServiceConfig:
    """The LED section from a TOML file ([bus], [displays.5] …); `demo` swaps in the fake bus."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DisplayConfigError(path, [("", str(exc))]) from None
    data = data.get("leds", data)
    if demo:
        data["bus"] = {"backend": "fake"}
    try:
        return LedServiceConfig.model_validate(data)
    except ValidationError as exc:
        raise DisplayConfigError(path, [(".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]) from None


def cmd_display(args) -> int:
    try:
        return _display(args)
    except DisplayConfigError as exc:
        print(f"motcua display: configuration error: {exc}", flush=True)
        return 2


def _display(args) -> int:
    from .app import DisplayApp
    from .memory import limit_heap_growth
    limit_heap_growth()
    from .leds import LedService
    from .voice import open_display_voice
    overrides = {"server": args.server, "token": args.token, "mode": args.mode}
    if args.windowed or args.headless:
        overrides["fullscreen"] = False
    cfg = load_display_config(args.config, **overrides)
    if args.demo:
        cfg = cfg.model_copy(update={"voice": cfg.voice.model_copy(update={"backend": "fake"})})
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    voice = open_display_voice(cfg.voice)
    app = DisplayApp(cfg, voice=voice)
    led_cfg = load_leds(args.leds, args.demo) if args.leds else cfg.leds
    leds = LedService(led_cfg, report=app.reporter.part("leds")) if led_cfg else None
    if leds:
        app.listeners.append(leds.start())
    print(f"motcua display: {cfg.mode} → {cfg.server} ({'headless' if args.headless else 'screen'})", flush=True)
    _stop_on_term(app)
    app.start()
    try:
        app.run(max_seconds=args.seconds)
    finally:
        app.close()
        if voice:
            voice.close()
        if leds:
            leds.close()
    return 0


def cmd_leds(args) -> int:
    from .leds import LedService, run_led_client
    try:
        cfg = load_leds(args.config, args.demo)
    except DisplayConfigError as exc:
        print(f"motcua leds: configuration error: {exc}", flush=True)
        return 2
    from .health import StatusReporter
    holder: dict = {}
    reporter = StatusReporter(lambda status: holder["client"].call("device_status", {"status": status}, timeout=5))
    service = LedService(cfg, report=reporter.part("leds")).start()
    client = holder["client"] = run_led_client(args.server, args.token, service)
    reporter.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    print(f"motcua leds: {len(service.displays)} displays ← {args.server}", flush=True)
    try:
        while not stop.is_set():
            if not client.sio.connected:
                try:
                    client.connect()
                except Exception as exc:
                    print(f"motcua leds: cannot connect ({exc}); retrying", flush=True)
            stop.wait(2.0)
    except KeyboardInterrupt:
        pass
    finally:
        reporter.close()
        client.close()
        service.close()
    return 0


def _stop_on_term(app) -> None:
    """`motcua demo` stops its devices with SIGTERM: leave the pygame loop cleanly."""
    try:
        signal.signal(signal.SIGTERM, lambda *a: app.close())
    except ValueError:
        pass            # not the main thread (tests)
