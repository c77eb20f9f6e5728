"""The `motcua` command: each subcommand is a thin shell over a library function."""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

from .config import DEMO_CONFIG, ConfigError, load_config
from .deploy.tls_cli import add_tls_commands
from .engine import QueueError

DEFAULT_DB = "var/motcua.db"


def cmd_server(args) -> int:
    from .app import create_app, run_server
    from .web.transport import secure_transport
    app = create_app(load_config(args.config), args.db)
    https = secure_transport(app, args.tls_cert, args.tls_key, args.proxy)
    scheme = "https" if args.tls_cert else "http"
    print(f"motcua: serving {app.extensions['motcua'].config.centre.name} on {scheme}://{args.host}:{args.port}/"
          + (" (behind an HTTPS proxy)" if https and not args.tls_cert else ""), flush=True)
    run_server(app, args.host, args.port, certfile=args.tls_cert, keyfile=args.tls_key)
    return 0


def cmd_demo(args) -> int:
    from .demo.run import run_demo
    return run_demo(db_path=args.db, host=args.host, port=args.port, speed=args.speed, fresh=not args.keep)


def cmd_kiosk(args) -> int:
    from kiosk.app import main as kiosk_main
    return kiosk_main(args)


def cmd_init(args) -> int:
    from .setup import init_config
    path = init_config(Path(args.path), force=args.force)
    print(f"motcua: đã ghi {path}; sửa tệp rồi chạy / wrote it; edit it, then run: motcua config check {path}")
    return 0


def cmd_config_check(args) -> int:
    config = load_config(args.config)
    services = sum(len(d.services) for d in config.departments)
    print(f"{args.config}: hợp lệ / OK — {config.centre.name}: {len(config.departments)} đơn vị / departments, "
          f"{services} dịch vụ / services, {len(config.counters)} quầy / counters")
    return 0


def cmd_user_add(args) -> int:
    from .admin.cli import offline_admin
    from .admin.manage import cli_actor
    admin = offline_admin(args)
    user_id = admin.create_user(cli_actor(admin.centre_id), args.username, args.name, args.role, args.password,
                                title=args.title, department_id=args.department)
    print(f"motcua: đã tạo tài khoản {args.username} (số {user_id}, vai trò {args.role}) / "
          f"user {args.username} created (id {user_id}, role {args.role})")
    return 0


def cmd_device_add(args) -> int:
    from .admin.cli import offline_admin
    from .admin.manage import cli_actor
    admin = offline_admin(args)
    _, token = admin.create_device(cli_actor(admin.centre_id), args.name, args.role, args.counter, args.group)
    print(f"motcua: đã tạo thiết bị {args.name} ({args.role}) / device {args.name} ({args.role}) created. "
          f"Mã thiết bị, chỉ hiện một lần / its token, shown once:\n{token}")
    return 0


def cmd_dossiers_import(args) -> int:
    from .dossier_service import DossierService, ImportFileError
    from .storage import Store
    path = Path(args.file)
    registry = DossierService(load_config(args.config), Store(args.db))
    try:
        report = registry.import_data(path.read_bytes(), args.format or path.name, path.name, actor="cli")
    except ImportFileError as exc:
        print(f"motcua: {path}: {exc.reason_vi} / {exc.reason_en}; nothing imported", file=sys.stderr)
        return 1
    print(f"{path}: nhận {report.accepted} (mới {report.new}, thay đổi {report.changed}, không đổi "
          f"{report.unchanged}), loại {len(report.rejected)}, dòng lặp {len(report.repeated_lines)} / "
          f"accepted {report.accepted} (new {report.new}, changed {report.changed}, "
          f"unchanged {report.unchanged}), rejected {len(report.rejected)}, identical repeats "
          f"{len(report.repeated_lines)}")
    for r in report.rejected:
        print(f"  line {r.line}: {r.code or '-'}: {r.reason_vi} / {r.reason_en}")
    if report.hint():
        print("{} / {}".format(*report.hint()))
    return 0


def cmd_report_dossiers(args) -> int:
    """`report dossiers`: Phụ lục I; XLSX and PDF are the signed appendix of the report pages."""
    from .dossier_service import DossierService, parse_period
    from .reporting.export import render
    from .reports_web.library import appendix_head
    from .storage import Store
    config = load_config(args.config)
    period = parse_period(args.month, args.first, args.last, config.centre.report_cutoff_day)
    report = DossierService(config, Store(args.db)).report(period)
    if args.format in ("xlsx", "pdf") and not args.output:
        print(f"motcua: --format {args.format} cần --output TỆP / needs --output FILE", file=sys.stderr)
        return 2
    data = render(report, args.format, config.centre.name, appendix_head(config))
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"motcua: Phụ lục I, {period.label} → {args.output}")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


def cmd_terminal(args) -> int:
    from satisfaction_terminal.cli import cmd_terminal as run_terminal
    return run_terminal(args)


def cmd_report_document(args) -> int:
    """`report satisfaction|ratings|queue`: the same documents as the report pages."""
    from .dossier_service import parse_period
    from .reporting.export import render_document
    from .reports_web.library import DOCUMENTS
    from .storage import Store
    config = load_config(args.config)
    period = parse_period(args.month, args.first, args.last, config.centre.report_cutoff_day)
    data = render_document(DOCUMENTS[args.report_command](config, Store(args.db), period), args.format)
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"motcua: {args.report_command}, {period.label} → {args.output}")
    elif args.format in ("xlsx", "pdf"):
        print(f"motcua: --format {args.format} cần --output TỆP / needs --output FILE", file=sys.stderr)
        return 2
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


def _day(text: str):
    from datetime import date
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text}") from None


def _period_arguments(p: argparse.ArgumentParser) -> None:
    """A reporting month, or a range of days: the same for every report."""
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", help="tháng báo cáo YYYY-MM (chốt theo centre.report_cutoff_day) / "
                                      "reporting month YYYY-MM (cut on centre.report_cutoff_day)")
    when.add_argument("--from", dest="first", type=_day, help="ngày đầu YYYY-MM-DD (cùng --to) / "
                                                              "first day YYYY-MM-DD (with --to)")
    p.add_argument("--to", dest="last", type=_day, help="ngày cuối YYYY-MM-DD, tính cả ngày đó / "
                                                        "last day YYYY-MM-DD, inclusive")


def _common(p: argparse.ArgumentParser, config: bool = True, db: bool = True) -> None:
    if config:
        p.add_argument("--config", default=str(DEMO_CONFIG), help="tệp TOML của trung tâm (mặc định: trung tâm mẫu) / "
                                                                  "centre TOML file (default: the demo centre)")
    if db:
        p.add_argument("--db", default=DEFAULT_DB, help=f"cơ sở dữ liệu SQLite (mặc định: {DEFAULT_DB}) / "
                                                         f"SQLite database (default: {DEFAULT_DB})")


def _listen(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1) / "
                                                       "address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="cổng (mặc định 5000) / port (default 5000)")


def _tls_options(p: argparse.ArgumentParser) -> None:
    """HTTPS (docs/deploy.md): the install's certificate, also read from server.env."""
    p.add_argument("--tls-cert", default=os.environ.get("MOTCUA_TLS_CERT") or None,
                   help="phục vụ HTTPS với chứng chỉ này (mặc định $MOTCUA_TLS_CERT; tạo bằng motcua tls init) / "
                        "serve HTTPS with this certificate (default $MOTCUA_TLS_CERT; make one: motcua tls init)")
    p.add_argument("--tls-key", default=os.environ.get("MOTCUA_TLS_KEY") or None,
                   help="khóa riêng của chứng chỉ (mặc định $MOTCUA_TLS_KEY) / "
                        "the certificate's private key (default $MOTCUA_TLS_KEY)")
    p.add_argument("--proxy", action="store_true", default=os.environ.get("MOTCUA_PROXY") == "1",
                   help="chạy sau proxy HTTPS trên máy này (tin tiêu đề X-Forwarded-*) / "
                        "behind an HTTPS reverse proxy on this machine (trust its X-Forwarded-* headers)")


class Parser(argparse.ArgumentParser):
    """argparse with its refusals introduced in Vietnamese first (argparse's own text stays English)."""

    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số / positional arguments"
        self._optionals.title = "tùy chọn / options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát / show this help message and exit")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lệnh không hợp lệ / invalid command: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from .admin import cli as admin_cli
    parser = Parser(prog="motcua", description="Hệ thống xếp hàng, bốc số và đánh giá mức độ hài lòng")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("server", help="chạy máy chủ hàng chờ của một trung tâm / run the queue server of one centre")
    _common(p); _listen(p); _tls_options(p); p.set_defaults(func=cmd_server)
    add_tls_commands(sub)

    p = sub.add_parser("demo", help="chạy máy chủ với trung tâm mẫu và một ngày làm việc mô phỏng / "
                                    "run the server with the demo centre and a simulated centre day")
    _listen(p)
    p.add_argument("--db", default="var/demo.db", help="cơ sở dữ liệu SQLite của bản mẫu (mặc định var/demo.db) / "
                                                       "SQLite database of the demo (default var/demo.db)")
    p.add_argument("--speed", type=float, default=1.0, help="hệ số tốc độ mô phỏng (mặc định 1) / "
                                                            "simulation speed factor (default 1)")
    p.add_argument("--keep", action="store_true", help="giữ cơ sở dữ liệu mẫu cũ thay vì làm lại từ đầu / "
                                                       "keep the previous demo database instead of starting fresh")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("kiosk", help="chạy máy bốc số, nối với máy chủ / "
                                     "run a ticket kiosk (máy bốc số) against a server (docs/kiosk.md)")
    p.add_argument("--server", default=None,
                   help="địa chỉ máy chủ (mặc định theo --config, không có thì http://127.0.0.1:5000) / "
                        "queue server URL (default from --config, else http://127.0.0.1:5000)")
    p.add_argument("--token", default=None, help="mã thiết bị của máy bốc số / "
                                                 "the kiosk's device token (motcua device add NAME --role kiosk)")
    p.add_argument("--config", default=None,
                   help="tệp TOML của máy bốc số (máy in, đầu đọc, màn hình, thời gian chờ) / "
                        "kiosk TOML file (printer, scanner, screen, timeouts)")
    p.add_argument("--demo", action="store_true", help="dùng máy in và đầu đọc giả lập / "
                                                       "use the fake printer and fake scanner")
    p.add_argument("--headless", action="store_true", help="không mở cửa sổ / no window (SDL dummy driver)")
    p.add_argument("--windowed", action="store_true", help="mở cửa sổ thay vì toàn màn hình / "
                                                           "a window instead of full screen")
    p.add_argument("--width", type=int, default=None, help="chiều rộng màn hình (điểm ảnh) / screen width in pixels")
    p.add_argument("--height", type=int, default=None, help="chiều cao màn hình (điểm ảnh) / screen height in pixels")
    p.set_defaults(func=cmd_kiosk)

    p = sub.add_parser("init", help="tạo tệp cấu hình trung tâm ban đầu / write a starting centre configuration")
    p.add_argument("path", nargs="?", default="centre.toml", help="nơi ghi tệp (mặc định centre.toml) / "
                                                                  "where to write it (default centre.toml)")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite an existing file")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("config", help="công cụ cấu hình / configuration tools")
    csub = p.add_subparsers(dest="config_command", required=True)
    c = csub.add_parser("check", help="kiểm tra tệp cấu hình trung tâm / validate a centre configuration file")
    c.add_argument("config", help="tệp TOML của trung tâm / centre TOML file"); c.set_defaults(func=cmd_config_check)
    admin_cli.add_config_commands(csub, _common)

    p = sub.add_parser("user", help="quản lý tài khoản cán bộ / manage people's accounts")
    usub = p.add_subparsers(dest="user_command", required=True)
    u = usub.add_parser("add", help="tạo tài khoản cán bộ, giám sát viên hoặc quản trị viên / "
                                    "create an officer, supervisor or administrator")
    _common(u)
    u.add_argument("username", help="tên đăng nhập / username"); u.add_argument("--name", required=True, help="họ và tên hiển thị / full name, as shown")
    u.add_argument("--role", choices=["officer", "supervisor", "admin"], default="officer",
                   help="vai trò: cán bộ, giám sát viên, quản trị viên / role")
    u.add_argument("--password", required=True, help="mật khẩu / password")
    u.add_argument("--title", default="", help="chức danh, in trên màn hình đánh giá / job title")
    u.add_argument("--department", default=None, help="mã đơn vị / department id")
    u.set_defaults(func=cmd_user_add)
    admin_cli.add_user_commands(usub, _common)

    p = sub.add_parser("device", help="quản lý thiết bị / manage devices")
    dsub = p.add_subparsers(dest="device_command", required=True)
    d = dsub.add_parser("add", help="đăng ký thiết bị và in mã thiết bị / register a device and print its token")
    _common(d)
    d.add_argument("name", help="tên thiết bị, ví dụ may-boc-so-1 / the device's name")
    d.add_argument("--role", choices=["kiosk", "display", "terminal", "keypad", "gateway"], required=True,
                   help="loại thiết bị / what the device is")
    d.add_argument("--counter", type=int, default=None, help="quầy của máy đánh giá hoặc bàn phím / "
                                                             "the counter of a terminal or keypad")
    d.add_argument("--group", default=None, help="nhóm màn hình (phòng/tầng) / "
                                                 "the display group (room/floor) of a display")
    d.set_defaults(func=cmd_device_add)
    admin_cli.add_device_commands(dsub, _common)
    admin_cli.add_audit_parser(sub, _common)

    p = sub.add_parser("dossiers", help="sổ hồ sơ / the dossier registry (hồ sơ)")
    dsub = p.add_subparsers(dest="dossiers_command", required=True)
    d = dsub.add_parser("import", help="nhập tệp xuất từ phần mềm một cửa (CSV, XLSX, JSON) / "
                                       "import a one-stop software export (CSV, XLSX, JSON)")
    _common(d)
    d.add_argument("file", help="tệp xuất / the export file")
    d.add_argument("--format", choices=["csv", "xlsx", "json"], default=None, help="mặc định theo tên tệp / "
                                                                                   "default: from the file name")
    d.set_defaults(func=cmd_dossiers_import)

    p = sub.add_parser("report", help="báo cáo định kỳ / monthly reports")
    rsub = p.add_subparsers(dest="report_command", required=True)
    r = rsub.add_parser("dossiers", help="Phụ lục I: tình hình giải quyết hồ sơ theo đơn vị / "
                                         "Phụ lục I: dossier handling by department")
    _common(r); _period_arguments(r)
    r.add_argument("--format", choices=["table", "csv", "xlsx", "pdf", "json"], default="table",
                   help="định dạng (mặc định: bảng trên màn hình) / output format (default: a table)")
    r.add_argument("--output", default=None, help="ghi ra tệp này (bắt buộc với xlsx và pdf) / "
                                                  "write to this file (required for xlsx and pdf)")
    r.set_defaults(func=cmd_report_dossiers)
    for name, text in (("satisfaction", "Phụ lục II: đánh giá mức độ hài lòng theo đơn vị / "
                                         "Phụ lục II: satisfaction ratings by department"),
                       ("ratings", "đánh giá không hài lòng, theo quầy và cán bộ, ý kiến góp ý / "
                                   "dissatisfied ratings, per counter and officer, comments"),
                       ("queue", "thống kê xếp hàng: số lượt, thời gian chờ và phục vụ / "
                                 "queue statistics: counts, waiting and service times")):
        r = rsub.add_parser(name, help=text)
        _common(r); _period_arguments(r)
        r.add_argument("--format", choices=["table", "csv", "xlsx", "pdf", "json"], default="table",
                       help="định dạng (mặc định: bảng trên màn hình) / output format (default: a table)")
        r.add_argument("--output", default=None, help="ghi ra tệp này (bắt buộc với xlsx và pdf) / "
                                                      "write to this file (required for xlsx and pdf)")
        r.set_defaults(func=cmd_report_document)

    p = sub.add_parser("terminal", help="chạy máy đánh giá của một quầy / "
                                        "run a rating tablet (máy đánh giá) for one counter (docs/terminal.md)")
    from satisfaction_terminal.cli import add_arguments as terminal_arguments
    terminal_arguments(p)
    p.set_defaults(func=cmd_terminal)

    from display.cli import add_display_parser      # `display` and `leds` (docs/display.md)
    add_display_parser(sub)
    from hw.voice.cli import add_voice_parser        # `voice script|check|normalise|build` (docs/hardware.md)
    add_voice_parser(sub)
    from .deploy.cli import add_deploy_commands     # install, uninstall, pair, db (docs/deploy.md)
    add_deploy_commands(sub, DEFAULT_DB)
    return parser


VALUE_OPTIONS = ("--token", "--password")
"""Options whose value may begin with '-' (an older device token, a password)."""


def attach_option_values(argv: list[str]) -> list[str]:
    """`--token -abc` → `--token=-abc`: argparse would read a value beginning with '-' as an option.

    >>> attach_option_values(["leds", "--token", "-x1", "--demo"])
    ['leds', '--token=-x1', '--demo']
    """
    out, args = [], iter(argv)
    for arg in args:
        value = next(args, None) if arg in VALUE_OPTIONS else None
        out.append(arg if value is None else f"{arg}={value}")
    return out


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(attach_option_values(sys.argv[1:] if argv is None else list(argv)))
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:           # every failure is one clear line, never a traceback
        if os.environ.get("MOTCUA_DEBUG"):
            raise
        print(f"motcua: {failure_message(exc)}", file=sys.stderr)
        return 2 if isinstance(exc, ConfigError) else 1


def failure_message(exc: Exception) -> str:
    """What went wrong, Vietnamese first, for the person at the terminal."""
    from .storage import StoreError
    if isinstance(exc, ConfigError):
        return f"lỗi cấu hình / configuration error:\n{exc}"
    if isinstance(exc, QueueError):
        return f"{exc.message_vi} / {exc.message_en}"
    if isinstance(exc, FileExistsError):
        return f"{exc.filename or exc}: tệp đã có (dùng --force để ghi đè) / exists (use --force to overwrite)"
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: không đọc/ghi được tệp / cannot read or write: {exc.strerror or exc}"
    if isinstance(exc, (StoreError, sqlite3.Error)):
        return f"lỗi cơ sở dữ liệu / database error: {exc}"
    return (f"lỗi không mong đợi / unexpected error: {type(exc).__name__}: {exc} "
            "(MOTCUA_DEBUG=1 để xem chi tiết / for the traceback)")


if __name__ == "__main__":
    sys.exit(main())
