"""`motcua voice …`: the voice pack's recording script, check, loudness normalisation and build."""

import argparse
import csv
import sys
from pathlib import Path

from hw.voice.pack import DEFAULT_PACK, VoicePack, required_clips


def _counter_names(config_path: str | None) -> list[str]:
    """The sign names of the centre's named counters ("Quầy tổng hợp"), from its TOML."""
    if not config_path:
        return []
    from hw.voice.announce import sign_name
    from queue_server.config import load_config
    return [n for c in load_config(config_path).counters if (n := sign_name(c.label, c.number))]


def cmd_script(args) -> int:
    """Print the recording script: one line per clip, its file name and the words to say."""
    writer = csv.writer(sys.stdout)
    writer.writerow(["tệp (file)", "lời đọc (words to say)"])
    for name, text in required_clips(_counter_names(args.config)).items():
        writer.writerow([f"{name}.wav", text])
    return 0


def cmd_check(args) -> int:
    """Report missing clips, clips in another format and clips louder or quieter than the rest."""
    pack = VoicePack(args.pack)
    problems = pack.check(_counter_names(args.config))
    for p in problems:
        print(f"{p.clip}.wav («{p.text}»): {p.problem_vi} / {p.problem_en}")
    total = len(required_clips(_counter_names(args.config)))
    if problems:
        print(f"motcua: bộ giọng đọc {pack.directory} có {len(problems)} lỗi trên {total} tệp / "
              f"{len(problems)} problem(s) in {total} clips", file=sys.stderr)
        return 1
    print(f"motcua: bộ giọng đọc {pack.directory} đủ {total} tệp, âm lượng đều / complete, even loudness")
    return 0


def cmd_normalise(args) -> int:
    from hw.voice.build import normalise_pack
    done = normalise_pack(Path(args.pack))
    print(f"motcua: đã chỉnh âm lượng {len(done)} tệp trong {args.pack} / normalised {len(done)} clips")
    return 0


def cmd_build(args) -> int:
    from hw.voice.build import build_pack
    written = build_pack(Path(args.pack), _counter_names(args.config), args.speed, only_missing=args.missing)
    print(f"motcua: đã tạo {len(written)} tệp bằng espeak-ng trong {args.pack} / synthesised {len(written)} clips")
    return 0


def add_voice_parser(sub) -> None:
    """Register `motcua voice script|check|normalise|build`."""
    p = sub.add_parser("voice", help="bộ giọng đọc gọi số / the call voice pack (docs/hardware.md)")
    vsub = p.add_subparsers(dest="voice_command", required=True)
    for name, func, text in (
            ("script", cmd_script, "danh sách tệp cần ghi âm và lời đọc (CSV) / the recording script"),
            ("check", cmd_check, "kiểm tra tệp thiếu, sai định dạng, âm lượng lệch / check the pack"),
            ("normalise", cmd_normalise, "đưa mọi tệp về cùng âm lượng / even out loudness"),
            ("build", cmd_build, "tạo tệp bằng espeak-ng / synthesise clips with espeak-ng")):
        v = vsub.add_parser(name, help=text)
        if name != "script":
            v.add_argument("--pack", default=str(DEFAULT_PACK),
                           help=f"thư mục bộ giọng đọc (mặc định {DEFAULT_PACK}) / "
                                 f"voice pack folder (default {DEFAULT_PACK})")
        if name != "normalise":
            v.add_argument("--config", default=None, help="tệp TOML trung tâm: thêm tệp âm thanh cho tên quầy / "
                                                          "centre TOML: adds the clips of named counters")
        if name == "build":
            v.add_argument("--speed", type=int, default=150, help="tốc độ đọc của espeak-ng (từ/phút) / "
                                                                  "espeak-ng words per minute")
            v.add_argument("--missing", action="store_true", help="chỉ tạo tệp còn thiếu (giữ bản ghi âm) / "
                                                                  "only clips the pack lacks (keeps recordings)")
        v.set_defaults(func=func)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="motcua")
    add_voice_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)
