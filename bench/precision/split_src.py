"""Split src/<brand>[-<lang>].txt (posts separated by '=== relative/path.md' lines) into
<brand>/posts/ of an evaluation set: this folder, or the one given as the first argument."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
for src in sorted((root / "src").glob("*.txt")):
    brand = src.name.split("-")[0].removesuffix(".txt")
    parts = re.split(r"^=== (\S+)\n", src.read_text(encoding="utf-8"), flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2], strict=False):
        out = root / brand / "posts" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(body.rstrip("\n") + "\n", encoding="utf-8")
        print(out.relative_to(root))
