"""Printed matter: PDF rendering and printer backends."""
from kiosk.printing.render import render_pdf

__all__ = ["render_pdf"]
