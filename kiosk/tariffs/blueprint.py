"""The ``tariffs`` blueprint: kiosk pages, PDFs, the display slide and the admin page share its endpoints."""
from flask import Blueprint

bp = Blueprint("tariffs", __name__)
