"""Write the HTML report for two bundled plans, and a screenshot of it when chromium is installed.

Run:  .venv/bin/python examples/write_report.py [OLD NEW] [--screenshot]
"""

import shutil
import sys
from pathlib import Path

import plandiff
from plandiff.render.html import render_report

HERE = Path(__file__).resolve().parent
args = [a for a in sys.argv[1:] if not a.startswith("--")]
old_name, new_name = args[:2] if len(args) >= 2 else ("qingdao-2018", "wuhan-2014")

comparison = plandiff.compare(plandiff.load(old_name), plandiff.load(new_name))
report = HERE / f"{old_name}--{new_name}.html"
report.write_text(render_report(comparison), encoding="utf-8")
print(f"wrote {report}")

chromium = shutil.which("chromium")
if "--screenshot" in sys.argv and chromium:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 1400})
        page.goto(report.as_uri())
        page.screenshot(path=str(HERE / "report.png"))
        browser.close()
    print(f"wrote {HERE / 'report.png'}")
