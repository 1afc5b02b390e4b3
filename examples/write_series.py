"""Write the series page for the national work reports 2021–2023, and a screenshot when chromium is installed.

Run:  .venv/bin/python examples/write_series.py [FILE ...] [--screenshot]
(default files: ../shared/corpus/national-gwr-2021.txt … 2023.txt beside the checkout)
"""

import shutil
import subprocess
import sys
from pathlib import Path

import plandiff
from plandiff.model import Series
from plandiff.render.series import series_page
from plandiff.series.assembly import series_report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
files = [a for a in sys.argv[1:] if not a.startswith("--")] or sorted(CORPUS.glob("national-gwr-20*.txt"))
editions = tuple(sorted((plandiff.load(str(f)) for f in files), key=lambda plan: plan.metadata.year or 0))

report = series_report(Series("national", editions))
page = HERE / "series.html"
page.write_text(series_page(f"The national series: {len(editions)} editions", report=report), encoding="utf-8")
print(f"wrote {page}")

chromium = shutil.which("chromium")
if "--screenshot" in sys.argv and chromium:
    shot = HERE / "series.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1400,1800", page.as_uri()], check=True, capture_output=True)
    print(f"wrote {shot}")
