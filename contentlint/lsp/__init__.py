"""`contentlint lsp`: a Language Server over stdio, on the same Workspace the CLI uses.

One module per job: `positions` (code points <-> the client's units), `documents` (the open
buffers), `diagnostics`, `actions` (quick fixes, fix-all, disable comments), `hover`, `checker`
(the warm Workspace and its config), `server` (the protocol: lifecycle, debounce, push and pull).
pygls is imported here only, so the command line and the pre-commit hook never pay for it.
"""
