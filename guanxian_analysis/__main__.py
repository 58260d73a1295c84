"""``python -m guanxian_analysis``: the same command line as ``guanxian-analysis`` (holds no logic)."""
import sys

from .cli import main

sys.exit(main())
