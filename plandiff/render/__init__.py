"""Renderers: turn finished results into terminal views, JSON and HTML. They never compute."""
