"""Split src/<brand>-<lang>.txt (posts separated by '=== relative/path.md' lines) into <brand>/posts/."""
import pathlib, re
root = pathlib.Path(__file__).parent
for src in sorted((root / "src").glob("*.txt")):
    brand = src.name.split("-")[0].removesuffix(".txt")
    parts = re.split(r"^=== (\S+)\n", src.read_text(encoding="utf-8"), flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2]):
        out = root / brand / "posts" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(body.rstrip("\n") + "\n", encoding="utf-8")
        print(out.relative_to(root))
