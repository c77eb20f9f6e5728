"""docs/architecture.md lists the server's invariants, each pointing to its proof: every test file
and test function it names must exist, so a renamed test cannot leave an invariant unproven."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _section() -> str:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = text.index("## Server invariants")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def test_docs_invariants_name_existing_tests():
    section = _section()
    files = set(re.findall(r"`(tests/[\w/]+\.py)`", section))
    assert len(files) >= 8
    for name in files:
        assert (ROOT / name).is_file(), name
    sources = "".join((ROOT / name).read_text(encoding="utf-8") for name in files)
    for function in set(re.findall(r"`(test_\w+)`", section)):
        assert f"def {function}(" in sources, function


def test_docs_invariants_are_numbered_and_each_has_a_proof():
    items = re.split(r"\n(?=\d+\. \*\*)", _section())[1:]
    assert len(items) >= 8
    for item in items:
        assert "tests/" in item, item.splitlines()[0]
