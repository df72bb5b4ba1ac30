"""The first-run wizard's pages (``/setup``): one form per step, only while the database holds no hall.

With ``KIOSK_DEMO=0`` and no hall, every other page redirects here (:func:`lead_to_setup`).
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for

from kiosk.admin import wizard
from kiosk.ratelimit import allowed_for_all, client_keys

bp = Blueprint("setup_wizard", __name__, url_prefix="/setup")

#: Where the wizard keeps the steps done so far.
SESSION_KEY = "setup_wizard"
#: Form posts per minute and client.
POSTS_PER_MINUTE = 30
#: Paths that stay reachable while the wizard leads (its own pages, static files, the health check).
OPEN_PATHS = ("/setup", "/static/", "/healthz")
#: Set on the app once a hall exists: no more look-ups per request.
DONE_FLAG = "setup_wizard.done"


def lead_to_setup():
    """``before_request``: without the demo and without any hall, every page leads to the wizard."""
    if current_app.config["DEMO"] or current_app.extensions.get(DONE_FLAG) or request.path.startswith(OPEN_PATHS):
        return None
    if wizard.hall_exists():
        current_app.extensions[DONE_FLAG] = True
        return None
    return redirect(url_for("setup_wizard.step", step=wizard.STEPS[0]))


def _only_while_empty() -> None:
    if wizard.hall_exists():
        abort(404)


@bp.get("", endpoint="start")
def start():
    """The wizard's first step."""
    _only_while_empty()
    return redirect(url_for("setup_wizard.step", step=wizard.STEPS[0]))


@bp.route("/<step>", methods=["GET", "POST"], endpoint="step")
def step(step: str):
    """One step: its form (GET), checked and kept (POST) before the next step; the last one builds the hall."""
    _only_while_empty()
    if step not in wizard.STEPS:
        abort(404)
    state = dict(session.get(SESSION_KEY) or {})
    index = wizard.STEPS.index(step)
    missing = next((earlier for earlier in wizard.STEPS[:index] if earlier not in state), None)
    if missing is not None:
        return redirect(url_for("setup_wizard.step", step=missing))
    if request.method == "GET":
        return _page(step, state, {})
    if not allowed_for_all(client_keys("setup"), POSTS_PER_MINUTE):
        return _page(step, state, {"rate": wizard.too_many_message()}, 429)
    try:
        state[step] = wizard.check_step(step, request.form, state)
        if step == wizard.STEPS[-1]:
            hall, code = wizard.finish(state)
            session.pop(SESSION_KEY, None)
            return render_template("staff/setup/done.html", hall=hall, code=code, steps=wizard.STEPS,
                                   username=state["account"]["username"])
    except wizard.WizardError as error:
        return _page(step, state, error.problems, 400)
    session[SESSION_KEY] = state
    return redirect(url_for("setup_wizard.step", step=wizard.STEPS[index + 1]), 303)


def _page(step: str, state: dict, problems: dict, status: int = 200):
    form = request.form if request.method == "POST" else {}
    return render_template("staff/setup/step.html", step=step, steps=wizard.STEPS, state=state, form=form,
                           problems=problems, max_services=wizard.MAX_SERVICES,
                           max_windows=wizard.MAX_WINDOWS), status
