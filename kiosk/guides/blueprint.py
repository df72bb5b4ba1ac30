"""The ``guides`` blueprint shared by the kiosk, staff and admin views."""
from flask import Blueprint

bp = Blueprint("guides", __name__)
