"""The queue's page blueprint, shared by the kiosk, paper-ticket, staff and statistics views."""
from flask import Blueprint

bp = Blueprint("queue", __name__)
