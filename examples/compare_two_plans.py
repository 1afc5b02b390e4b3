"""Compare two bundled plans with the Python API and print the result with rich.

Run:  .venv/bin/python examples/compare_two_plans.py [OLD NEW]
"""

import sys

from rich.console import Console

import plandiff

old_name, new_name = (sys.argv[1:3] if len(sys.argv) >= 3 else ("qingdao-2018", "wuhan-2014"))
comparison = plandiff.compare(plandiff.load(old_name), plandiff.load(new_name))
Console().print(comparison)  # a Comparison is rich-renderable
print("sections:", comparison.summary.sections)
print("sentences:", comparison.summary.sentences)
