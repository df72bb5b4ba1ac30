"""Staff console: notices and outages (supervisors), the opinion book, callback requests."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from kiosk.extensions import db
from kiosk.hall.service import current_hall
from kiosk.notices import board, opinions
from kiosk.notices.errors import NoticeError
from kiosk.notices.forms import localized_fields, parse_local
from kiosk.notices.models import CallbackRequest, Notice, Opinion
from kiosk.staff.permissions import permission_required

bp = Blueprint("notices_staff", __name__, url_prefix="/staff")


def _own(model, item_id: int):
    item = db.session.get(model, item_id)
    if item is None or item.hall_id != current_hall().id:
        abort(404)
    return item


def _board_page(error: str | None = None, form=None, status: int = 200):
    hall = current_hall()
    rows = [(row, board.state(row)) for row in board.all_for_staff(hall)]
    return render_template("staff/notices/board.html", hall=hall, rows=rows, error=error,
                           form=form or {}), status


@bp.get("/notices")
@permission_required("notices.publish")
def notices():
    """Every notice and outage with its state; forms to publish new ones."""
    return _board_page()


@bp.post("/notices")
@permission_required("notices.publish")
def publish():
    """Publish a notice (``kind=notice``) or an outage (``kind=outage``)."""
    hall, form = current_hall(), request.form
    try:
        starts = parse_local(form.get("start"), hall, _("the start"))
        ends = parse_local(form.get("end"), hall, _("the end"))
        if form.get("kind") == "outage":
            board.publish_outage(hall, current_user, outage_type=form.get("type", ""),
                                 titles=localized_fields(form, "title"), texts=localized_fields(form, "text"),
                                 areas=localized_fields(form, "area"), lines=localized_fields(form, "lines"),
                                 starts_at=starts, ends_at=ends, override_reason=form.get("override_reason", ""))
        else:
            try:
                priority = int(form.get("priority") or 0)
            except ValueError:
                priority = -1
            board.publish_notice(hall, current_user, titles=localized_fields(form, "title"),
                                 texts=localized_fields(form, "text"), starts_at=starts, ends_at=ends,
                                 priority=priority, urgent=form.get("urgent") == "1")
    except NoticeError as error:
        return _board_page(str(error), form, 400 if error.status != 422 else 422)
    flash(_("Published."))
    return redirect(url_for("notices_staff.notices"), 303)


@bp.post("/notices/<int:notice_id>/<action>")
@permission_required("notices.publish")
def notice_action(notice_id: int, action: str):
    """Withdraw, mark restored (outages), or show/dismiss the urgent overlay."""
    notice = _own(Notice, notice_id)
    actions = {"withdraw": lambda: board.withdraw(notice, current_user),
               "restored": lambda: board.restored(notice, current_user),
               "urgent": lambda: board.set_urgent(notice, True, current_user),
               "dismiss": lambda: board.set_urgent(notice, False, current_user)}
    if action not in actions:
        abort(404)
    try:
        actions[action]()
    except NoticeError as error:
        flash(str(error))
        return redirect(url_for("notices_staff.notices"), 303)
    flash(_("Saved."))
    return redirect(url_for("notices_staff.notices"), 303)


@bp.get("/opinions", endpoint="opinions")
@permission_required("opinions.reply")
def opinions_list():
    """Opinion book entries: due and overdue first; phones masked."""
    status = request.args.get("status", "")
    return render_template("staff/notices/opinions.html", rows=opinions.staff_rows(current_hall(), status),
                           status=status)


@bp.get("/opinions/<int:opinion_id>")
@permission_required("opinions.reply")
def opinion(opinion_id: int):
    """One entry with the reply form."""
    entry = _own(Opinion, opinion_id)
    return render_template("staff/notices/opinion.html", entry=entry, phone=opinions.mask_phone(entry.phone),
                           due=opinions.due_state(entry), revealed=None)


@bp.post("/opinions/<int:opinion_id>/<action>")
@permission_required("opinions.reply")
def opinion_action(opinion_id: int, action: str):
    """Reply to, close, or reveal the phone number of an entry (each audit-logged)."""
    entry = _own(Opinion, opinion_id)
    try:
        if action == "reply":
            opinions.reply(entry, request.form.get("reply"), current_user)
        elif action == "close":
            opinions.close(entry, current_user)
        elif action == "reveal":
            number = opinions.reveal_phone(entry.phone, f"opinion:{entry.id}", current_user, entry.hall_id)
            return render_template("staff/notices/opinion.html", entry=entry, phone=opinions.mask_phone(entry.phone),
                                   due=opinions.due_state(entry), revealed=number)
        else:
            abort(404)
    except NoticeError as error:
        flash(str(error))
        return redirect(url_for("notices_staff.opinion", opinion_id=entry.id), 303)
    flash(_("Saved."))
    return redirect(url_for("notices_staff.opinion", opinion_id=entry.id), 303)


@bp.get("/callbacks")
@permission_required("callbacks.handle")
def callbacks():
    """Callback requests left during system failures; phones masked until revealed (audit-logged)."""
    return render_template("staff/notices/callbacks.html", rows=opinions.callbacks(current_hall()), revealed={})


@bp.post("/callbacks/<int:callback_id>/<action>")
@permission_required("callbacks.handle")
def callback_action(callback_id: int, action: str):
    """Mark a request handled, or reveal its number for the call."""
    item = _own(CallbackRequest, callback_id)
    if action == "reveal":
        number = opinions.reveal_phone(item.phone, f"callback:{item.id}", current_user, item.hall_id)
        return render_template("staff/notices/callbacks.html", rows=opinions.callbacks(current_hall()),
                               revealed={item.id: number})
    if action != "handled":
        abort(404)
    try:
        opinions.mark_handled(item, current_user)
    except NoticeError as error:
        flash(str(error))
        return redirect(url_for("notices_staff.callbacks"), 303)
    flash(_("Saved."))
    return redirect(url_for("notices_staff.callbacks"), 303)
