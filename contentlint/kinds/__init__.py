"""Check kinds: one module a family. `catalog.KINDS` names them all; it is imported only when a
rule is built, so a run answered from the cache never loads (or compiles the patterns of) any."""
