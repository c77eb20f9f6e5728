"""`motcua install|uninstall|pair|db`: thin shells over the deploy and backup libraries."""
from __future__ import annotations

import sys

from ..storage.backup import (BackupError, backup_database, integrity_problems, list_backups,
                              restore_database)
from .install import ROLES, Installer
from .pair import PairError, pair


def cmd_install(args) -> int:
    plan = Installer(args.role, prefix=args.prefix, server=args.server, dry_run=args.dry_run).install()
    print(f"motcua install {args.role}{' (dry run)' if args.dry_run else ''}:\n{plan.summary()}")
    return 0


def cmd_uninstall(args) -> int:
    plan = Installer(args.role, prefix=args.prefix, dry_run=args.dry_run).uninstall(purge=args.purge)
    print(f"motcua uninstall {args.role}{' (dry run)' if args.dry_run else ''}:\n{plan.summary()}")
    return 0


def cmd_pair(args) -> int:
    try:
        done = pair(args.code, args.server, args.role_config, ca_pin=args.ca_pin, ca_file=args.ca)
    except PairError as exc:
        print(f"motcua pair: {exc.message_vi}\n  ({exc.message_en})", file=sys.stderr)
        return 1
    device = done.device
    print(f"motcua: đã ghép nối / paired {device.get('name')} ({device.get('role')}) với {done.centre}; "
          f"token → {done.config}\nKhởi động lại / restart: sudo systemctl restart motcua-{_unit_role(device)}")
    return 0


def _unit_role(device: dict) -> str:
    return device.get("role") if device.get("role") in ROLES else "display"


def cmd_db_backup(args) -> int:
    try:
        made = backup_database(args.db, args.dest, keep_days=args.keep_days)
    except BackupError as exc:
        print(f"motcua db backup: {exc.message_vi} ({exc.message_en})", file=sys.stderr)
        return 1
    print(f"motcua: sao lưu / backup {made.path} ({made.path.stat().st_size:,} bytes, kiểm tra / checked OK); "
          f"xoá / pruned {len(made.pruned)} older than {args.keep_days} days")
    return 0


def cmd_db_check(args) -> int:
    problems = integrity_problems(args.db)
    if problems:
        print(f"motcua db check: {args.db}: LỖI / DAMAGED", file=sys.stderr)
        for line in problems[:20]:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"motcua db check: {args.db}: tốt / ok")
    return 0


def cmd_db_restore(args) -> int:
    try:
        moved = restore_database(args.file, args.db)
    except BackupError as exc:
        print(f"motcua db restore: {exc.message_vi}\n  ({exc.message_en})", file=sys.stderr)
        return 1
    kept = f"; bản cũ giữ ở / the previous one is kept as {moved}" if moved else ""
    print(f"motcua: đã khôi phục / restored {args.db} from {args.file}{kept}")
    return 0


def cmd_db_list(args) -> int:
    for path in list_backups(args.dest):
        print(f"{path}  {path.stat().st_size:>12,} bytes")
    return 0


def add_deploy_commands(sub, default_db: str) -> None:
    """Register install, uninstall, pair and db on the `motcua` parser."""
    for name, func, text in (("install", cmd_install, "install a role: user, dirs, configs, udev, systemd units"),
                             ("uninstall", cmd_uninstall, "remove a role's units (configs and data stay)")):
        p = sub.add_parser(name, help=text)
        p.add_argument("role", choices=list(ROLES), help="what this machine is")
        p.add_argument("--prefix", default=None, help="write under this root and run no command (CI, images)")
        p.add_argument("--dry-run", action="store_true", help="only show what would be done")
        if name == "install":
            p.add_argument("--server", default=None, help="the queue server URL written into device configs")
        else:
            p.add_argument("--purge", action="store_true", help="also delete configs, data and the user")
        p.set_defaults(func=func)

    p = sub.add_parser("pair", help="pair this device with a one-time code from the admin page")
    p.add_argument("code", help="the pairing code (e.g. ABCD2345)")
    p.add_argument("--server", required=True, help="queue server URL, e.g. http://192.168.1.10:5000")
    p.add_argument("--role-config", default=None,
                   help="config file to store the token in (default by role: /etc/motcua/<role>.toml)")
    p.add_argument("--ca-pin", default=None, help="https:// servers: the CA pin shown beside the pairing code")
    p.add_argument("--ca", default=None, help="https:// servers: the centre's ca.pem, copied by hand (instead of --ca-pin)")
    p.set_defaults(func=cmd_pair)

    p = sub.add_parser("db", help="database backups, integrity check, restore")
    dsub = p.add_subparsers(dest="db_command", required=True)
    d = dsub.add_parser("backup", help="an online, verified backup; old ones pruned")
    d.add_argument("--db", default=default_db, help=f"the database (default {default_db})")
    d.add_argument("--dest", default="var/backups", help="backup folder (default var/backups)")
    d.add_argument("--keep-days", type=int, default=30, help="delete backups older than this (default 30)")
    d.set_defaults(func=cmd_db_backup)
    d = dsub.add_parser("check", help="PRAGMA integrity_check; exit 1 when damaged")
    d.add_argument("--db", default=default_db, help=f"the database (default {default_db})")
    d.set_defaults(func=cmd_db_check)
    d = dsub.add_parser("restore", help="replace the database by a backup (stop the server first)")
    d.add_argument("file", help="the backup file")
    d.add_argument("--db", default=default_db, help=f"the database (default {default_db})")
    d.set_defaults(func=cmd_db_restore)
    d = dsub.add_parser("list", help="list backups")
    d.add_argument("--dest", default="var/backups", help="backup folder (default var/backups)")
    d.set_defaults(func=cmd_db_list)
