"""WSGI entry point: ``flask --app app …`` and ``gunicorn app:app`` both use it."""
from kiosk import create_app

app = create_app()
