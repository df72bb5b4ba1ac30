"""The ``notices`` blueprint: kiosk pages and staff console pages share its endpoints."""
from flask import Blueprint

bp = Blueprint("notices", __name__)
