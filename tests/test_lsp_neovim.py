"""A real editor: headless Neovim, set up with exactly the block docs/editors.md gives, against
`contentlint lsp` on a copy of the example repo. Skipped where no Neovim 0.11+ is found
(`nvim` on PATH, or the binary named by CONTENTLINT_NVIM)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

CHECK = r"""
local out = {}
local function diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(found, { line = d.lnum + 1, col = d.col, code = d.code, severity = d.severity,
      related = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or vim.NIL })
  end
  return found
end
out.arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local client = vim.lsp.get_clients({ bufnr = 0 })[1]
out.encoding = client and client.offset_encoding or vim.NIL
out.first = diagnostics()
local res = vim.lsp.buf_request_sync(0, 'textDocument/hover',
  { textDocument = vim.lsp.util.make_text_document_params(0), position = { line = 5, character = 16 } }, 10000)
for _, r in pairs(res or {}) do if r.result then out.hover = r.result.contents.value end end
vim.api.nvim_win_set_cursor(0, { 6, 16 })
vim.lsp.buf.code_action({ apply = true, filter = function(a) return a.isPreferred end })
vim.wait(5000, function() return vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]:find('InkWell pens') ~= nil end, 50)
out.after_fix = vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]
vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true })
vim.wait(5000, function() return vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]:find('#BackToSchool') ~= nil end, 50)
out.after_fix_all = vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]
vim.cmd('edit! posts/x/2026-12-14-cross-post.md')
vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'RP002' then return true end end
  return false
end, 50)
out.repeat_ = diagnostics()
vim.cmd('edit! posts/instagram/2026-12-12-bn-exam.md')
vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'BR002' then return true end end
  return false
end, 50)
out.bengali = diagnostics()
vim.fn.writefile({ vim.json.encode(out) }, vim.env.CONTENTLINT_NVIM_OUT)
vim.cmd('qa!')
"""


def neovim() -> str | None:
    binary = os.environ.get("CONTENTLINT_NVIM") or shutil.which("nvim")
    if not binary:
        return None
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.match(r"NVIM v(\d+)\.(\d+)", version)
    return binary if found and (int(found.group(1)), int(found.group(2))) >= (0, 11) else None


def documented_setup() -> str:
    text = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
    section = text.split("## Neovim", 1)[1]
    return re.search(r"```lua\n(.*?)```", section, re.S).group(1)


def test_documented_setup_in_headless_neovim(tmp_path: Path) -> None:
    binary = neovim()
    if binary is None:
        pytest.skip("no Neovim 0.11+ (nvim on PATH or CONTENTLINT_NVIM)")
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "examples", repo, ignore=shutil.ignore_patterns(".contentlint_cache"))
    (tmp_path / "init.lua").write_text(documented_setup(), encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",  # `contentlint` is this venv's
        "CONTENTLINT_NVIM_OUT": str(out),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    subprocess.run(
        [binary, "--headless", "-u", str(tmp_path / "init.lua"), "posts/x/2026-12-06-flash-sale.md",
         "-c", f"luafile {tmp_path / 'check.lua'}"],
        cwd=repo, env=env, timeout=180, check=True, capture_output=True,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["arrived"]
    report = json.loads(
        subprocess.run(
            [sys.executable, "-m", "contentlint", "check", "--format", "json", "posts/x/2026-12-06-flash-sale.md"],
            cwd=repo, capture_output=True, text=True,
        ).stdout
    )  # fmt: skip
    assert sorted((d["code"], d["line"]) for d in result["first"]) == sorted(
        (v["code"], v["line"]) for v in report["violations"]
    )
    assert "BR001 brand-name-casing" in result["hover"]
    assert result["after_fix"].startswith("FLASH SALE!!! InkWell pens")
    assert "#BackToSchool" in result["after_fix_all"]
    [repeat] = [d for d in result["repeat_"] if d["code"] == "RP002"]
    assert repeat["related"][0]["location"]["uri"].endswith("posts/x/2026-12-01-exam-season.md")
    # Neovim negotiates UTF-8: the column of a Bengali finding is in bytes
    assert result["encoding"] == "utf-8"
    line = (repo / "posts/instagram/2026-12-12-bn-exam.md").read_text(encoding="utf-8").splitlines()[11]
    [deprecated] = [d for d in result["bengali"] if d["code"] == "BR002"]
    assert deprecated["line"] == 12 and deprecated["col"] == len(line[: line.index("সস্তা")].encode("utf-8"))
