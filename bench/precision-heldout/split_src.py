"""Split this set's src/<brand>-<lang>.txt files into <brand>/posts/ (bench/precision/split_src.py)."""

import pathlib
import runpy
import sys

here = pathlib.Path(__file__).resolve().parent
sys.argv[1:] = [str(here)]
runpy.run_path(str(here.parent / "precision" / "split_src.py"), run_name="__main__")
